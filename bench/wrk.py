"""HTTP reads driven by wrk, a native load generator, instead of the Python driver.

The Python driver (bench/load.py) shares the 2 cores with the servers and reaches only about
half of the raw baseline's real rate, so its ratios flatter the slower contender. wrk (Debian's
`wrk`, 4.1) runs `-t2 -c16` closed loop; a Lua script per run sends the scenario's request
(rotating through a fixed list of bodies when they vary), checks **every** response in
`response()` (a status outside 2xx, a body holding an `"errors"` key, or one matching the
target's `empty` mark is a failure) and prints the figures as one JSON line from `done()`.
"""

from __future__ import annotations

import asyncio
import json
import math
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

THREADS = 2
CONNECTIONS = 16
MARK = "WRK_JSON "
BODIES = 1_000  # at most this many distinct bodies a scenario rotates through

LUA = """
local method, path, marks = %(method)s, %(path)s, %(marks)s
local headers = %(headers)s
local bodies = %(bodies)s
local threads, made = {}, 0

function setup(thread)
  thread:set("id", made)
  made = made + 1
  table.insert(threads, thread)
end

function init(args)
  failures, first, requests = 0, "", {}
  for i, body in ipairs(bodies) do
    requests[i] = wrk.format(method, path, headers, body)
  end
  if #requests == 0 then requests[1] = wrk.format(method, path, headers) end
  -- Each thread starts at its own share of the list, as the Python driver's workers do.
  cursor = math.floor(id * #requests / %(threads)d)
end

function request()
  cursor = cursor %% #requests + 1
  return requests[cursor]
end

local function failed(status, body)
  if status < 200 or status > 299 then return true end
  for _, mark in ipairs(marks) do
    if string.find(body, mark, 1, true) then return true end
  end
  return false
end

function response(status, headers, body)
  if failed(status, body) then
    failures = failures + 1
    if first == "" then first = status .. ": " .. string.sub(body, 1, 200) end
  end
end

local function quoted(s)
  return '"' .. string.gsub(s, '[%%c"\\\\]', function(c)
    return string.format("\\\\u%%04x", string.byte(c))
  end) .. '"'
end

function done(summary, latency, requests)
  local bad, sample = 0, ""
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("failures")
    if sample == "" then sample = thread:get("first") end
  end
  local e = summary.errors
  io.write(string.format(
    '%(mark)s{"requests": %%d, "failures": %%d, "socket_errors": %%d, "seconds": %%.6f, '
      .. '"p50_ms": %%.3f, "p95_ms": %%.3f, "p99_ms": %%.3f, "first_failure": %%s}\\n',
    summary.requests, bad, e.connect + e.read + e.write + e.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, quoted(sample)))
end
"""


@dataclass
class Target:
    """What wrk sends: one method and path, its headers, the bodies it rotates through (none
    for a GET), and the substrings that make an answer a failure besides a non-2xx status."""

    path: str
    method: str = "POST"
    headers: dict[str, str] = field(default_factory=dict)
    bodies: list[str] = field(default_factory=list)
    marks: tuple[str, ...] = ('"errors":',)


@dataclass
class Result:
    """wrk's figures; the same reading as bench/load.py's Result (rps counts answers that
    did not fail; percentiles are wrk's, over every answer)."""

    seconds: float
    requests: int  # answers received
    bad_answers: int  # of those, failed ones
    socket_errors: int  # connect, read, write errors and timeouts (30 s)
    percentiles: dict[float, float]
    first_failure: str = ""

    @property
    def failures(self) -> int:
        return self.bad_answers + self.socket_errors

    @property
    def rps(self) -> float:
        return (self.requests - self.bad_answers) / self.seconds if self.seconds else 0.0

    def p(self, q: float) -> float:
        return self.percentiles.get(q, math.nan)


def available() -> str | None:
    """The wrk binary, or None (the bench then falls back to the Python driver)."""
    return shutil.which("wrk")


def _lua_string(text: str) -> str:
    """A Lua long-bracket literal: no escapes to translate (LuaJIT lacks JSON's \\u)."""
    level = 0
    while f"]{'=' * level}]" in text + "]":  # nor a `]` at its end that would close it
        level += 1
    return f"[{'=' * level}[{text}]{'=' * level}]"


def _lua_list(items: list[str] | tuple[str, ...]) -> str:
    return "{" + ", ".join(_lua_string(i) for i in items) + "}"


def script(target: Target) -> str:
    headers = {"Content-Type": "application/json", **target.headers} if target.bodies else {}
    pairs = ", ".join(f"[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in headers.items())
    return LUA % {
        "method": _lua_string(target.method),
        "path": _lua_string(target.path),
        "marks": _lua_list(target.marks),
        "headers": "{" + pairs + "}",
        "bodies": _lua_list(target.bodies[:BODIES]),
        "mark": MARK,
        "threads": THREADS,
    }


def bodies(make: Callable[[int, int], dict[str, Any]], count: int = BODIES) -> list[str]:
    """A scenario's distinct JSON bodies, in the order the Python driver would send them
    (worker i % 16's i-th request), deduplicated: one for a fixed page, up to `count`."""
    seen: dict[str, None] = {}
    for i in range(count):
        seen.setdefault(json.dumps(make(i % CONNECTIONS, i)), None)
    return list(seen)


async def run(base_url: str, target: Target, seconds: float, warmup: float = 1.0) -> Result:
    """`wrk -t2 -c16 -d<seconds>s --latency` after a discarded warm-up run of `warmup` s."""
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as work:
        lua = Path(work) / "scenario.lua"
        lua.write_text(script(target))
        if warmup > 0:
            _ = await _wrk(base_url, lua, warmup)
        return await _wrk(base_url, lua, seconds)


async def _wrk(base_url: str, lua: Path, seconds: float) -> Result:
    binary = available()
    if binary is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    command = [binary, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{max(1, round(seconds))}s"]
    command += ["--latency", "--timeout", "30s", "-s", str(lua), base_url]
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await process.communicate()
    lines = [ln for ln in out.decode().splitlines() if ln.startswith(MARK)]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"wrk failed ({process.returncode}): {err.decode()[-500:]}")
    found = json.loads(lines[-1][len(MARK) :])
    return Result(
        seconds=float(found["seconds"]),
        requests=int(found["requests"]),
        bad_answers=int(found["failures"]),
        socket_errors=int(found["socket_errors"]),
        percentiles={50: found["p50_ms"], 95: found["p95_ms"], 99: found["p99_ms"]},
        first_failure=str(found["first_failure"]),
    )
