"""The peer: PostGraphile 4 (bench/peers/postgraphile/) serving the orders page on the bench
database, so that the API is measured against a real GraphQL server and not only the raw
ceiling. It has no tokens, no row or field rules: the team, client or contractor filter is the
raw baseline's, asked for in the document (the connection-filter plugin's relation filter for
the team). Installed with npm and started when `node` is present; skipped with the reason
otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import subprocess
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx

from bench import servers

HOME = Path(__file__).resolve().parent / "peers" / "postgraphile"
NAME = "postgraphile"

# The API's orders page (bench/scenarios.py ORDERS_PAGE) in PostGraphile's names, less the
# computed `overdue`; ordered by deadline, id, 50 of them, the company's.
PAGE = """
query OrdersPage($company: Int!, $filter: OrderFilter) {
  allOrders(first: 50, orderBy: [DEADLINE_ASC, ID_ASC], condition: {companyId: $company},
            filter: $filter) {
    edges { cursor node {
      id number title status deadline price
      client: contactByClientId { id name } address: addressByAddressId { id text }
      contractor: contactByContractorId { id name } responsible: membershipByResponsibleId { id name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}"""


def body(raw: dict[str, str]) -> dict[str, Any]:
    """The peer's request for the raw baseline's query string (company and one of path,
    client, contractor): the same rows."""
    if "path" in raw:  # the team: the responsible member's path starts with the head's
        where: dict[str, Any] = {"membershipByResponsibleId": {"path": {"startsWith": raw["path"]}}}
    elif "client" in raw:
        where = {"clientId": {"equalTo": int(raw["client"])}}
    else:
        where = {"contractorId": {"equalTo": int(raw["contractor"])}}
    return {"query": PAGE, "variables": {"company": int(raw["company"]), "filter": where}}


def orders(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """The page's orders as the raw baseline spells them (ids and nested ids)."""
    edges = answer["data"]["allOrders"]["edges"]
    return [edge["node"] for edge in edges]


def unavailable() -> str | None:
    """Why the peer cannot run here, or None."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            return f"`{tool}` is not installed (apt-get install nodejs npm)"
    return None


def install(say: Callable[[str], None]) -> None:
    """`npm ci` from the committed lock file when node_modules is missing or older than it."""
    lock = HOME / "package-lock.json"
    installed = HOME / "node_modules" / ".package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    say("installing the PostGraphile peer (npm ci)")
    command = ["npm", "ci", "--no-audit", "--no-fund"] if lock.exists() else ["npm", "install"]
    done = subprocess.run(
        command, cwd=HOME, capture_output=True, text=True, timeout=600, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"npm failed:\n{done.stdout[-1500:]}\n{done.stderr[-1500:]}")


async def _wait_up(server: servers.Server) -> None:
    """PostGraphile introspects the database before it answers: until `{__typename}` does."""
    deadline = time.monotonic() + 90
    async with httpx.AsyncClient(timeout=5, trust_env=False) as http:
        while time.monotonic() < deadline and server.process.poll() is None:
            with contextlib.suppress(httpx.HTTPError):
                answer = await http.post(server.url + "/graphql", json={"query": "{__typename}"})
                if answer.status_code == 200:
                    return
            await asyncio.sleep(0.2)
    await asyncio.to_thread(servers.stop, server.process)
    raise RuntimeError(f"{NAME} did not come up:\n{server.log.read_text()[-3000:]}")


@contextlib.asynccontextmanager
async def started(
    database_url: str, logs: Path, say: Callable[[str], None]
) -> AsyncIterator[servers.Server | None]:
    """The peer serving on a free port (read-only transactions), or None with the reason said."""
    reason = unavailable()
    if reason is not None:
        say(f"no PostGraphile peer: {reason}")
        yield None
        return
    try:
        await asyncio.to_thread(install, say)
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
        say(f"no PostGraphile peer: {error}")
        yield None
        return
    port = servers.free_port()
    log = logs / f"{NAME}.log"
    env = {**os.environ, "DATABASE_URL": database_url, "PORT": str(port), "NODE_ENV": "production"}
    process = servers.spawn(["node", str(HOME / "server.js")], env, log)
    server = servers.Server(NAME, process, port, log)
    try:
        await _wait_up(server)
        yield server
    finally:
        await asyncio.to_thread(servers.stop, process)


async def page(url: str, raw: dict[str, str]) -> list[dict[str, Any]]:
    """One page from the peer, for checking it against the raw baseline's."""
    async with httpx.AsyncClient(base_url=url, timeout=30, trust_env=False) as http:
        answer = await http.post("/graphql", json=body(raw))
        found: dict[str, Any] = answer.json()
    if answer.status_code != 200 or found.get("errors"):
        raise RuntimeError(f"{NAME}: {answer.status_code} {json.dumps(found)[:300]}")
    return orders(found)
