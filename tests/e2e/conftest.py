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
from typing import Dict

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
    endpoints: Path

    def log_text(self) -> str:
        """Everything the three servers have logged so far."""
        return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in self.logs.values())


def free_port() -> int:
    """A TCP port that is free on localhost right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, deadline: float, interval: float = 1.0) -> None:
    """Polls url until it answers below 500; raises with the log tail if the process dies or time runs out."""
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(interval)
    raise RuntimeError(f"{url} did not start within {START_TIMEOUT}s:\n{log.read_text()[-3000:]}")


def new_stack(work: Path) -> Stack:
    """Picks free ports and writes the endpoints and database paths for a stack under work."""
    rasa_port, actions_port, web_port = free_port(), free_port(), free_port()
    endpoints = work / "endpoints.yml"
    endpoints.write_text(
        (PROJECT_ROOT / "endpoints.yml")
        .read_text(encoding="utf-8")
        .replace("http://localhost:5055/webhook", f"http://127.0.0.1:{actions_port}/webhook"),
        encoding="utf-8",
    )
    return Stack(
        rasa_url=f"http://127.0.0.1:{rasa_port}",
        actions_url=f"http://127.0.0.1:{actions_port}",
        web_url=f"http://127.0.0.1:{web_port}",
        logs={name: work / f"{name}.log" for name in ("actions", "rasa", "web")},
        database_url=f"sqlite:///{work / 'openwelcome.db'}",
        endpoints=endpoints,
    )


def port(url: str) -> str:
    """The port of a http://host:port URL."""
    return url.rsplit(":", 1)[1]


def stack_env(stack: Stack) -> Dict[str, str]:
    """The environment every server (and the directory loader) of the stack runs with."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=stack.database_url,
        RASA_PUBLIC_URL=stack.rasa_url,
        WEB_PORT=port(stack.web_url),
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        SANIC_HOST="127.0.0.1",  # the action server's bind address
    )
    return env


def load_directory(stack: Stack) -> None:
    """Loads data/services.yaml into the stack's fresh database."""
    command = [sys.executable, "-m", "bot", "directory", "load"]
    subprocess.run(command, cwd=PROJECT_ROOT, env=stack_env(stack), check=True)


def health_urls(stack: Stack) -> Dict[str, str]:
    """The URL that answers once each server is up."""
    return {
        "actions": f"{stack.actions_url}/health",
        "rasa": f"{stack.rasa_url}/",
        "web": f"{stack.web_url}/healthz",
    }


def start_servers(stack: Stack, model: Path = MODEL) -> Dict[str, subprocess.Popen]:
    """Starts the three servers without waiting for them; the caller stops them."""
    commands = {
        "actions": [str(VENV_BIN / "rasa"), "run", "actions", "--port", port(stack.actions_url), "--actions", "actions"],
        "rasa": [
            str(VENV_BIN / "rasa"), "run", "--model", str(model), "--port", port(stack.rasa_url),
            "--interface", "127.0.0.1", "--cors", "*", "--endpoints", str(stack.endpoints),
            "--credentials", str(PROJECT_ROOT / "credentials.yml"),
        ],
        "web": [sys.executable, "-m", "bot", "web", "serve"],
    }
    env = stack_env(stack)
    processes: Dict[str, subprocess.Popen] = {}
    try:
        for name, command in commands.items():
            with stack.logs[name].open("w", encoding="utf-8") as handle:
                processes[name] = subprocess.Popen(
                    command, cwd=PROJECT_ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT
                )
    except BaseException:
        stop_servers(processes)
        raise
    return processes


def stop_servers(processes: Dict[str, subprocess.Popen]) -> None:
    """Terminates the servers, killing any that does not stop within 20 seconds."""
    for process in processes.values():
        process.terminate()
    for process in processes.values():
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Stack:
    """Action server, Rasa (REST + socket.io) and web app, started once per test session."""
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run 'make setup' (make test does) first")
    stack = new_stack(tmp_path_factory.mktemp("stack"))
    load_directory(stack)
    processes = start_servers(stack)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        for name, url in health_urls(stack).items():
            wait_until_up(url, processes[name], stack.logs[name], deadline)
        yield stack
    finally:
        stop_servers(processes)


@pytest.fixture
def browser(tmp_path):
    """A fresh headless Chromium with a phone-sized window (``tests/e2e/chromium.py``)."""
    from tests.e2e.chromium import start_chromium

    driver = start_chromium(tmp_path / "chromium-profile")
    yield driver
    driver.quit()
