"""What the API processes cost besides latency: RSS and CPU from /proc, and the optional
diagnostics (a py-spy profile, garbage-collection pauses, tracemalloc snapshots)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.fanout.common import ROOT
from bench.fanout.world import Environment

# ---------------------------------------------------------------------------------------------
# RSS and CPU, from /proc


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, all cores."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    total = sum(fields[:8]) / os.sysconf("SC_CLK_TCK")
    idle = (fields[3] + fields[4]) / os.sysconf("SC_CLK_TCK")
    return total - idle, total


# ---------------------------------------------------------------------------------------------
# Profiling the server with py-spy (optional)


def py_spy() -> str | None:
    found = shutil.which("py-spy")
    beside = Path(sys.executable).with_name("py-spy")
    return found or (str(beside) if beside.exists() else None)


@contextlib.contextmanager
def profiled(pid: int, path: Path, enabled: bool) -> Iterator[None]:
    binary = py_spy() if enabled else None
    if binary is None:
        yield
        return
    record = subprocess.Popen(
        [
            *(binary, "record", "--pid", str(pid), "--rate", "250", "--format", "raw"),
            *("--output", str(path), "--nonblocking"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(0.5)
    try:
        yield
    finally:
        record.send_signal(signal.SIGINT)
        try:
            record.wait(30)
        except subprocess.TimeoutExpired:
            record.kill()
            record.wait()


def profile_summary(path: Path, top: int = 18) -> list[str]:
    """Top functions of a py-spy raw (collapsed stacks) file: self and inclusive shares."""
    if not path.exists():
        return ["(no profile: py-spy did not write one)"]
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        samples = int(count)
        total += samples
        frames = [re.sub(r":\d+\)$", ")", frame) for frame in stack.split(";")]
        own[frames[-1]] += samples
        for frame in set(frames):
            inclusive[frame] += samples
    if not total:
        return ["(empty profile)"]
    lines = [f"{total} samples (CPU-busy only)", "  self%  function"]
    lines += [f"  {100 * n / total:5.1f}  {f}" for f, n in own.most_common(top)]
    lines.append("  incl%  function (less the start-up chain every sample has)")
    root = max(inclusive.values())
    lines += [
        f"  {100 * n / total:5.1f}  {f}" for f, n in inclusive.most_common(top * 3) if n < root
    ][:top]
    return lines


# ---------------------------------------------------------------------------------------------
# Garbage-collection pauses (optional, `--gc-stats`; bench/gcprobe/sitecustomize.py records them
# in the API processes, GcRecorder in this one)


@dataclass(frozen=True)
class GcPause:
    start: float  # monotonic
    seconds: float
    generation: int
    collected: int


class GcRecorder:
    def __init__(self) -> None:
        self.pauses: list[GcPause] = []
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.monotonic()
            return
        pause = time.monotonic() - self._started
        self.pauses.append(GcPause(self._started, pause, info["generation"], info["collected"]))

    def __enter__(self) -> GcRecorder:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self)


def read_gc(prefix: Path, pids: list[int]) -> list[GcPause]:
    pauses: list[GcPause] = []
    for pid in pids:
        path = Path(f"{prefix}.{pid}.gc")
        if path.exists():
            for line in path.read_text().splitlines():
                start, seconds, generation, collected = line.split()
                pauses.append(
                    GcPause(float(start), float(seconds), int(generation), int(collected))
                )
    return pauses


def gc_summary(pauses: list[GcPause], windows: list[tuple[float, float]]) -> str:
    """Collections that started inside the windows, by generation: count, total and max pause."""
    inside = [p for p in pauses if any(a <= p.start <= b for a, b in windows)]
    parts = []
    for generation in (0, 1, 2):
        mine = [p.seconds * 1000 for p in inside if p.generation == generation]
        if mine:
            parts.append(
                f"gen{generation}: {len(mine)} x, total {sum(mine):.0f} ms, max {max(mine):.0f} ms"
            )
    span = sum(b - a for a, b in windows) * 1000
    return f"{'; '.join(parts) or 'none'} (in {len(windows)} windows, {span:.0f} ms)"


# ---------------------------------------------------------------------------------------------
# The idle subscribers' memory, by allocation (optional, `--tracemalloc`)


async def snapshot(environment: Environment, name: str, pid: int) -> Path | None:
    """Ask the API process for a tracemalloc snapshot (SIGUSR1); the file once written."""
    before = set(environment.logs.glob(f"probe-{name}.{pid}.*.snapshot"))
    os.kill(pid, signal.SIGUSR1)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        fresh = set(environment.logs.glob(f"probe-{name}.{pid}.*.snapshot")) - before
        if fresh:
            path = fresh.pop()
            size = -1
            while size != path.stat().st_size:  # written in one go; wait until it stops growing
                size = path.stat().st_size
                await asyncio.sleep(0.5)
            return path
        await asyncio.sleep(0.2)
    return None


def where(traceback: Any) -> tuple[str, str]:
    """The allocation's most recent frame outside the standard library: (package, file:line)."""
    stdlib = os.path.dirname(os.__file__)
    for frame in reversed(traceback):
        filename = frame.filename
        if filename.startswith(stdlib) and "site-packages" not in filename:
            continue
        if "site-packages/" in filename:
            short = filename.split("site-packages/", 1)[1]
        elif filename.startswith(str(ROOT)):
            short = os.path.relpath(filename, ROOT)
        else:
            short = filename
        return short.split("/", 1)[0].removesuffix(".py"), f"{short}:{frame.lineno}"
    frame = traceback[-1]
    short = os.path.relpath(frame.filename, stdlib)
    return f"stdlib:{short.split('/', 1)[0].removesuffix('.py')}", f"{short}:{frame.lineno}"


def memory_attribution(first: Path, second: Path, subscribers: int, top: int = 15) -> list[str]:
    """What the idle subscribers' memory is, by package and by allocating line (per socket)."""
    import tracemalloc

    diff = tracemalloc.Snapshot.load(str(second)).compare_to(
        tracemalloc.Snapshot.load(str(first)), "traceback"
    )
    packages: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for stat in diff:
        package, line = where(stat.traceback)
        packages[package] += stat.size_diff
        lines[line] += stat.size_diff
    total = sum(packages.values())
    out = [
        f"traced Python memory grew {total / 2**20:.1f} MB for {subscribers} subscribers "
        f"({total / subscribers / 1024:.1f} KB each); by package (KB per subscriber):"
    ]
    out += [
        f"  {size / subscribers / 1024:7.2f}  {name}" for name, size in packages.most_common(top)
    ]
    out.append("by allocating line, outside the standard library (KB per subscriber):")
    out += [f"  {size / subscribers / 1024:7.2f}  {name}" for name, size in lines.most_common(top)]
    return out
