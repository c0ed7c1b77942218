"""Starts the real servers on localhost for the end-to-end tests.

The trained model (``models/openwelcome.tar.gz``) and compiled catalogs come from
``make setup``. Each server runs on a test port with a fresh SQLite database, and
their logs are kept so tests can check what is (not) logged.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

import pytest
import requests

from bot.settings import PROJECT_ROOT

MODEL = PROJECT_ROOT / "models" / "openwelcome.tar.gz"
VENV_BIN = Path(sys.executable).parent
START_TIMEOUT = 240


@dataclass
class Stack:
    """Addresses and log files of the running servers."""

    rasa_url: str
    actions_url: str
    web_url: str
    logs: Dict[str, Path]
    database_url: str

    def log_text(self) -> str:
        """Everything the three servers have logged so far."""
        return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in self.logs.values())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise RuntimeError(f"{url} did not start within {START_TIMEOUT}s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Stack:
    """Action server, Rasa (REST + socket.io) and web app, started once per test session."""
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run 'make setup' (make test does) first")
    work = tmp_path_factory.mktemp("stack")
    rasa_port, actions_port, web_port = free_port(), free_port(), free_port()
    database_url = f"sqlite:///{work / 'openwelcome.db'}"
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        RASA_PUBLIC_URL=f"http://127.0.0.1:{rasa_port}",
        WEB_PORT=str(web_port),
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
    )
    endpoints = work / "endpoints.yml"
    endpoints.write_text(
        (PROJECT_ROOT / "endpoints.yml")
        .read_text(encoding="utf-8")
        .replace("http://localhost:5055/webhook", f"http://127.0.0.1:{actions_port}/webhook"),
        encoding="utf-8",
    )
    subprocess.run([sys.executable, "-m", "bot", "directory", "load"], cwd=PROJECT_ROOT, env=env, check=True)
    commands = {
        "actions": [str(VENV_BIN / "rasa"), "run", "actions", "--port", str(actions_port), "--actions", "actions"],
        "rasa": [
            str(VENV_BIN / "rasa"), "run", "--model", str(MODEL), "--port", str(rasa_port),
            "--interface", "127.0.0.1", "--cors", "*", "--endpoints", str(endpoints),
            "--credentials", str(PROJECT_ROOT / "credentials.yml"),
        ],
        "web": [sys.executable, "-m", "bot", "web", "serve"],
    }
    processes: List[subprocess.Popen] = []
    logs: Dict[str, Path] = {}
    try:
        for name, command in commands.items():
            logs[name] = work / f"{name}.log"
            handle = logs[name].open("w", encoding="utf-8")
            processes.append(
                subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
            )
        deadline = time.monotonic() + START_TIMEOUT
        urls = {
            "actions": f"http://127.0.0.1:{actions_port}/health",
            "rasa": f"http://127.0.0.1:{rasa_port}/",
            "web": f"http://127.0.0.1:{web_port}/healthz",
        }
        for (name, url), process in zip(urls.items(), processes):
            wait_until_up(url, process, logs[name], deadline)
        yield Stack(
            rasa_url=f"http://127.0.0.1:{rasa_port}",
            actions_url=f"http://127.0.0.1:{actions_port}",
            web_url=f"http://127.0.0.1:{web_port}",
            logs=logs,
            database_url=database_url,
        )
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
