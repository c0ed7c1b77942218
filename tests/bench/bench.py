"""Benchmark: cold training time, server start-up time and REST latency (``make bench``).

A script, not a test. It trains a model into a temporary directory with an empty Rasa
cache, starts the action server, Rasa and the web app on free ports with a temporary
SQLite database (the same helpers as the end-to-end tests), sends a mix of en/de/ar/uk
messages over REST one after another, and prints a report and a Markdown table.

Usage: ``python -m tests.bench.bench [--messages N] [--skip-train]``
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import requests

from bot.settings import PROJECT_ROOT
from tests.bench.machine import cpu_seconds, load_average, machine, others_cores, peak_rss_mib, summary
from tests.bench.messages import schedule
from tests.e2e.conftest import (
    MODEL,
    START_TIMEOUT,
    VENV_BIN,
    Stack,
    health_urls,
    load_directory,
    new_stack,
    start_servers,
    stop_servers,
    wait_until_up,
)
from tests.e2e.test_rest import LANGUAGES

TRAIN_DATA = ["data/nlu", "data/rules.yml"]
REQUEST_TIMEOUT = 60
POLL_INTERVAL = 0.1


def train(work: Path) -> Tuple[float, Path]:
    """Trains a model with an empty Rasa cache (a cold training).

    Args:
        work: Temporary directory for the model, the cache and the training log.

    Returns:
        Wall-clock seconds and the path of the trained model.
    """
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", RASA_CACHE_DIRECTORY=str(work / "rasa-cache"))
    command = [
        str(VENV_BIN / "rasa"), "train", "--data", *TRAIN_DATA, "--force",
        "--fixed-model-name", "bench", "--out", str(work / "models"),
    ]
    log = work / "train.log"
    start = time.monotonic()
    with log.open("w", encoding="utf-8") as handle:
        result = subprocess.run(command, cwd=PROJECT_ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - start
    if result.returncode != 0:
        raise RuntimeError(f"rasa train failed ({result.returncode}):\n{log.read_text()[-3000:]}")
    return seconds, work / "models" / "bench.tar.gz"


def say(stack: Stack, sender: str, message: str) -> Tuple[float, bool]:
    """Posts one message over REST.

    Returns:
        Milliseconds taken, and whether it succeeded (HTTP 200 with at least one reply).
    """
    start = time.perf_counter()
    try:
        response = requests.post(
            f"{stack.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message}, timeout=REQUEST_TIMEOUT,
        )
        ok = response.status_code == 200 and bool(response.json())
    except (requests.RequestException, ValueError):
        ok = False
    return (time.perf_counter() - start) * 1000, ok


def first_reply(stack: Stack, process: subprocess.Popen, deadline: float) -> None:
    """Waits until Rasa answers a REST message with a non-empty reply."""
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Rasa exited with {process.returncode}:\n{stack.logs['rasa'].read_text()[-3000:]}")
        if say(stack, "bench-startup", "hello")[1]:
            return
        time.sleep(POLL_INTERVAL)
    raise RuntimeError(f"Rasa gave no REST reply within {START_TIMEOUT}s")


def startup(stack: Stack, processes: Dict[str, subprocess.Popen], started: float) -> Dict[str, float]:
    """Seconds from process start until each server answers, polled in parallel."""
    deadline = started + START_TIMEOUT
    urls = health_urls(stack)

    def until_up(name: str) -> Dict[str, float]:
        wait_until_up(urls[name], processes[name], stack.logs[name], deadline, interval=POLL_INTERVAL)
        times = {name: time.monotonic() - started}
        if name == "rasa":
            first_reply(stack, processes[name], deadline)
            times["rest"] = time.monotonic() - started
        return times

    executor = ThreadPoolExecutor(max_workers=len(urls))
    try:
        futures = [executor.submit(until_up, name) for name in urls]
        return {key: value for future in futures for key, value in future.result().items()}
    finally:
        # Never wait for pollers here: on Ctrl-C the servers are stopped next, which ends them.
        executor.shutdown(wait=False)


def latency(stack: Stack, count: int) -> Tuple[Dict[str, List[float]], Dict[str, int]]:
    """Sends count messages one after another; latencies (ms) and errors per language."""
    times: Dict[str, List[float]] = {language: [] for language in LANGUAGES}
    errors = {language: 0 for language in LANGUAGES}
    for language, sender, message in schedule(count):
        milliseconds, ok = say(stack, sender, message)
        if ok:
            times[language].append(milliseconds)
        else:
            errors[language] += 1
    return times, errors


def loadavg(loads: Tuple[float, ...]) -> str:
    """Load averages as text."""
    return " ".join(f"{load:.2f}" for load in loads) or "unknown"


def fmt(stats: Dict[str, float]) -> str:
    """One line of latency figures."""
    if not stats:
        return "no successful requests"
    return "  ".join(f"{key} {value:7.1f}" for key, value in stats.items())


def report(figures: dict, count: int) -> None:
    """Prints the plain-text report, then the Markdown table."""
    info = machine()
    cores = os.cpu_count() or 1
    print("\n=== OpenWelcome benchmark ===")
    for key, value in info.items():
        print(f"{key:<10} {value}")
    loads = f"before {loadavg(figures['load_before'])}, after {loadavg(figures['load_after'])}"
    print(f"Load avg   {loads} (1/5/15 min; 'after' includes this benchmark)")
    others = figures["others"]
    print("Others     CPU taken by other processes: " + ", ".join(f"{k} {v:.2f} cores" for k, v in others.items()))
    if figures["load_before"][:1] > (cores / 2,) or any(value > cores / 4 for value in others.values()):
        print("NOTE: the machine was busy with other work, so these figures are pessimistic.")
    print("\n-- Training (rasa train --force, empty cache via RASA_CACHE_DIRECTORY) --")
    if figures["train_s"] is None:
        print(f"skipped (--skip-train); using {figures['model']}")
    else:
        print(f"wall-clock {figures['train_s']:.1f} s (cold: cache dir was a new temp dir)")
    print(f"model size {figures['model_mib']:.1f} MiB")
    up = figures["startup"]
    print("\n-- Start-up (all three started together; seconds from process start) --")
    print(f"action server /health     {up['actions']:6.1f} s")
    print(f"Rasa GET /                {up['rasa']:6.1f} s")
    print(f"Rasa first REST reply     {up['rest']:6.1f} s")
    print(f"web /healthz              {up['web']:6.1f} s")
    times, errors = figures["times"], figures["errors"]
    every = [value for values in times.values() for value in values]
    print(f"\n-- REST latency ({count} sequential POSTs, ms, 5-message conversations per sender) --")
    print(f"all  n={len(every):<4} {fmt(summary(every))}  errors {sum(errors.values())}")
    for language in LANGUAGES:
        print(f"{language:<4} n={len(times[language]):<4} {fmt(summary(times[language]))}  errors {errors[language]}")
    rss = figures["rss"]
    print("\n-- Peak RSS (VmHWM) --")
    print("  ".join(f"{name} {value:.0f} MiB" if value else f"{name} unknown" for name, value in rss.items()))

    def cell(stats: Dict[str, float]) -> str:
        return " / ".join(f"{stats[key]:.0f}" for key in ("p50", "p95", "p99")) if stats else "n/a"

    print("\n-- Markdown --\n")
    print(f"Measured {info['Date']} on {info['CPU']}, {info['Cores']} cores, {info['Memory']} RAM; "
          f"Python {info['Python']}, Rasa {info['Rasa']}; load average {loads}; other processes used "
          + ", ".join(f"{v:.1f} cores during {k}" for k, v in others.items()) + ".\n")
    rows = [
        ("Training, cold cache", "skipped" if figures["train_s"] is None else f"{figures['train_s']:.0f} s"),
        ("Model size", f"{figures['model_mib']:.1f} MiB"),
        ("Start-up: action server", f"{up['actions']:.1f} s"),
        ("Start-up: Rasa (GET /)", f"{up['rasa']:.1f} s"),
        ("Start-up: Rasa first REST reply", f"{up['rest']:.1f} s"),
        ("Start-up: web app", f"{up['web']:.1f} s"),
        (f"REST latency p50 / p95 / p99, all ({len(every)} msgs)", f"{cell(summary(every))} ms"),
        *((f"REST latency p50 / p95 / p99, {language}", f"{cell(summary(times[language]))} ms") for language in LANGUAGES),
        ("REST mean / max, all", f"{summary(every).get('mean', 0):.0f} / {summary(every).get('max', 0):.0f} ms"),
        ("REST errors", f"{sum(errors.values())} of {count}"),
        ("Peak RSS: Rasa server", f"{rss['rasa']:.0f} MiB" if rss["rasa"] else "n/a"),
    ]
    print("| Measure | Value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


def main(argv: Optional[List[str]] = None) -> None:
    """Runs the benchmark and prints the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200, help="REST messages to send (default 200)")
    parser.add_argument("--skip-train", action="store_true", help=f"use {MODEL.relative_to(PROJECT_ROOT)}")
    args = parser.parse_args(argv)
    # SIGTERM unwinds like Ctrl-C, so the finally below still stops the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    figures: dict = {"load_before": load_average(), "train_s": None, "model": MODEL, "others": {}}
    with tempfile.TemporaryDirectory(prefix="openwelcome-bench-") as tmp:
        work = Path(tmp)
        if not args.skip_train:
            print("Training (cold) ...", flush=True)
            before = cpu_seconds(())
            figures["train_s"], figures["model"] = train(work)
            figures["others"]["training"] = others_cores(before, cpu_seconds(()), figures["train_s"])
        figures["model_mib"] = figures["model"].stat().st_size / 2**20
        stack = new_stack(work)
        load_directory(stack)
        print("Starting servers ...", flush=True)
        started = time.monotonic()
        processes = start_servers(stack, figures["model"])
        try:
            figures["startup"] = startup(stack, processes, started)
            print(f"Sending {args.messages} messages ...", flush=True)
            pids = [process.pid for process in processes.values()]
            before, start = cpu_seconds(pids), time.monotonic()
            figures["times"], figures["errors"] = latency(stack, args.messages)
            figures["others"]["REST"] = others_cores(before, cpu_seconds(pids), time.monotonic() - start)
            figures["rss"] = {name: peak_rss_mib(process.pid) for name, process in processes.items()}
        finally:
            stop_servers(processes)
    figures["load_after"] = load_average()
    report(figures, args.messages)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("Interrupted; the servers were stopped.")
