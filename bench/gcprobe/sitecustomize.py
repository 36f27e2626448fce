"""Loaded by the API processes that `bench.fanout` starts with `--gc-stats` or `--tracemalloc`
(through PYTHONPATH). Does nothing unless `BENCH_PROBE` (a path prefix) is set:

- every garbage collection of generation 1 or 2, and every one of generation 0 that took 1 ms
  or more, is appended to `$BENCH_PROBE.<pid>.gc` as "start(monotonic) seconds generation
  collected" (written at once: uvicorn ends by re-raising SIGTERM, so atexit never runs);
- with `BENCH_TRACEMALLOC=<frames>`, tracemalloc traces allocations and each SIGUSR1 writes a
  snapshot to `$BENCH_PROBE.<pid>.<n>.snapshot`;
- experiments with the collector: `BENCH_GC_THRESHOLD=a,b,c` calls `gc.set_threshold(a, b, c)`
  at start; `BENCH_GC_FREEZE=1` makes SIGUSR2 call `gc.freeze()` (the bench sends it once the
  subscribers are open), moving everything alive then out of the collector's reach.
"""

from __future__ import annotations

import gc
import itertools
import os
import signal
import time
from typing import Any

_prefix = os.environ.get("BENCH_PROBE")
if _prefix:
    _log = open(f"{_prefix}.{os.getpid()}.gc", "a", buffering=1)  # noqa: SIM115
    _started = [0.0]

    def _observe(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            _started[0] = time.monotonic()
            return
        seconds = time.monotonic() - _started[0]
        if info["generation"] > 0 or seconds >= 0.001:
            _log.write(
                f"{_started[0]:.6f} {seconds:.6f} {info['generation']} {info['collected']}\n"
            )

    gc.callbacks.append(_observe)

    _frames = os.environ.get("BENCH_TRACEMALLOC")
    if _frames:
        import tracemalloc

        tracemalloc.start(int(_frames))
        _numbers = itertools.count(1)

        def _snapshot(signum: int, frame: Any) -> None:
            gc.collect()
            tracemalloc.take_snapshot().dump(f"{_prefix}.{os.getpid()}.{next(_numbers)}.snapshot")

        signal.signal(signal.SIGUSR1, _snapshot)

    _threshold = os.environ.get("BENCH_GC_THRESHOLD")
    if _threshold:
        gc.set_threshold(*(int(part) for part in _threshold.split(",")))

    if os.environ.get("BENCH_GC_FREEZE"):

        def _freeze(signum: int, frame: Any) -> None:
            gc.collect()
            gc.freeze()

        signal.signal(signal.SIGUSR2, _freeze)
