"""Loaded by the API process that `python -m bench` starts (through PYTHONPATH): counts the SQL
statements the process sends, between two signals, through the "tortoise.db_client" logger.

SIGUSR1 starts counting from zero; SIGUSR2 writes the count to `$BENCH_STATEMENTS.<pid>` (one
file per uvicorn worker) and stops.
Counting is off while the load runs, so the timed figures pay nothing for it.
"""

from __future__ import annotations

import logging
import os
import signal
from typing import Any

_path = os.environ.get("BENCH_STATEMENTS")
if _path:

    class _Counter(logging.Handler):
        count = 0
        seen: list[str] = []

        def emit(self, record: logging.LogRecord) -> None:
            message = record.getMessage().lstrip()
            verb = message.split(None, 1)[0].upper() if message else ""
            if verb in {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"}:
                self.count += 1
                self.seen.append(message[:160].replace("\n", " "))

    _counter = _Counter()
    _logger = logging.getLogger("tortoise.db_client")

    def _start(*_: Any) -> None:
        _counter.count = 0
        _counter.seen = []
        _logger.setLevel(logging.DEBUG)
        _logger.addHandler(_counter)

    def _stop(*_: Any) -> None:
        _logger.removeHandler(_counter)
        _logger.setLevel(logging.WARNING)
        pid = os.getpid()
        with open(f"{_path}.{pid}.log", "w") as out:
            out.write("\n".join(_counter.seen))
        with open(f"{_path}.{pid}", "w") as out:
            out.write(str(_counter.count))

    signal.signal(signal.SIGUSR1, _start)
    signal.signal(signal.SIGUSR2, _stop)
