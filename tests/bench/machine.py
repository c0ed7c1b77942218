"""Facts about the machine and processes, read from /proc (Linux); 'unknown' elsewhere."""

from __future__ import annotations

import datetime
import os
import platform
import statistics
from importlib import metadata
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple


def _proc_field(path: str, key: str) -> Optional[str]:
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition(":")
            if name.strip() == key:
                return value.strip()
    except OSError:
        pass
    return None


def machine() -> Dict[str, str]:
    """CPU model, cores, memory, Python and Rasa versions, and the date."""
    memory = _proc_field("/proc/meminfo", "MemTotal")
    memory_gib = f"{int(memory.split()[0]) / 1024 / 1024:.1f} GiB" if memory else "unknown"
    return {
        "CPU": _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "Cores": str(os.cpu_count()),
        "Memory": memory_gib,
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Rasa": metadata.version("rasa"),
        "rasa-sdk": metadata.version("rasa-sdk"),
        "Date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    }


def peak_rss_mib(pid: int) -> Optional[float]:
    """Peak resident memory (VmHWM) of a running process in MiB, or None if unreadable."""
    value = _proc_field(f"/proc/{pid}/status", "VmHWM")
    return int(value.split()[0]) / 1024 if value else None


def load_average() -> Tuple[float, ...]:
    """The 1, 5 and 15 minute load averages (empty where unavailable)."""
    try:
        return os.getloadavg()
    except OSError:
        return ()


def cpu_seconds(pids: Iterable[int]) -> Tuple[float, float]:
    """CPU seconds used so far by the whole machine (all cores) and by us.

    "Us" is this process, its finished children (such as rasa train) and the given live
    processes. The difference between two readings tells what other processes took meanwhile.
    """
    tick = os.sysconf("SC_CLK_TCK")
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        machine_busy = (sum(fields[:8]) - fields[3] - fields[4]) / tick  # minus idle and iowait
    except (OSError, ValueError, IndexError):
        return 0.0, 0.0
    times = os.times()
    own = times.user + times.system + times.children_user + times.children_system
    for pid in pids:
        try:
            # Fields after the ")" of the command name: utime and stime are the 12th and 13th.
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            own += (int(stat[11]) + int(stat[12])) / tick
        except (OSError, ValueError, IndexError):
            pass
    return machine_busy, own


def summary(values_ms: List[float]) -> Dict[str, float]:
    """p50, p95, p99, mean and max of latencies in milliseconds (empty dict when no values)."""
    if not values_ms:
        return {}
    if len(values_ms) == 1:
        cuts = values_ms * 99
    else:
        cuts = statistics.quantiles(values_ms, n=100, method="inclusive")
    return {
        "p50": cuts[49], "p95": cuts[94], "p99": cuts[98],
        "mean": statistics.fmean(values_ms), "max": max(values_ms),
    }


def others_cores(before: Tuple[float, float], after: Tuple[float, float], seconds: float) -> float:
    """Average number of cores other processes kept busy between two cpu_seconds() readings."""
    return max(0.0, (after[0] - before[0]) - (after[1] - before[1])) / seconds if seconds > 0 else 0.0
