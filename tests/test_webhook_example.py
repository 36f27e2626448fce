"""The README's webhook receiver (tests/support/webhook_example_receiver.py), run as a partner
would run it: it takes what the service signs, once per `webhook-id`, and refuses the rest."""

from __future__ import annotations

import base64
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from standardwebhooks import Webhook

from models import Membership
from servicedesk.workers.webhook_sender import run_round
from tests.support.api import Api, register
from tests.support.processes import ROOT, free_port
from tests.support.tasks import pk
from tests.support.webhooks import create_webhook
from tests.support.world import contact, create_order, move

EXAMPLE = ROOT / "tests" / "support" / "webhook_example_receiver.py"


@dataclass
class Running:
    url: str
    process: subprocess.Popen[str]

    def stop(self) -> list[str]:
        """What it printed, one line per event it handled."""
        self.process.terminate()
        out, _ = self.process.communicate(timeout=10)
        return out.splitlines()


@contextmanager
def example(secret: str, port: int | None = None) -> Iterator[Running]:
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, str(EXAMPLE), str(port)],
        cwd=ROOT,
        env={**os.environ, "WEBHOOK_SECRET": secret},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 15
        while True:
            try:  # a bare connection: the receiver listens (no HTTP client built per poll)
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "the example receiver did not start"
                time.sleep(0.05)
        yield Running(url, process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def signed(secret: str, hook_id: str, body: str, at: datetime | None = None) -> dict[str, str]:
    """The headers the service sends (resolvers/webhook_delivery.py signs the same way)."""
    at = at or datetime.now(UTC)
    return {
        "webhook-id": hook_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(hook_id, at, body),
        "content-type": "application/json",
    }


def event(cursor: int, status: str = "NEW") -> str:
    """A body as schema/webhook_payload.py builds it (the order's selection shortened)."""
    at = "2031-01-01T10:00:00+00:00"
    data = {"cursor": str(cursor), "kind": "CREATED", "at": at, "actor": None}
    order = {"id": "T3JkZXI6MQ", "status": status}
    return json.dumps({"type": "order.created", "timestamp": at, "data": data | {"order": order}})


def test_the_example_handles_a_signed_event_once_and_refuses_the_rest() -> None:
    secret = new_secret()
    with example(secret) as rx, httpx.Client() as http:
        first = event(7)
        assert (
            http.post(rx.url, content=first, headers=signed(secret, "41", first)).status_code == 204
        )
        # A retry of the same delivery: acknowledged, not handled again.
        again = signed(secret, "41", first)
        assert http.post(rx.url, content=first, headers=again).status_code == 204
        second = event(8, "ASSIGNED")
        assert (
            http.post(rx.url, content=second, headers=signed(secret, "42", second)).status_code
            == 204
        )
        # Refused: another secret's signature, a changed body, no signature, a stale one.
        wrong = event(9)
        refused = [
            (wrong, signed(new_secret(), "43", wrong)),
            (event(9, "DONE"), signed(secret, "44", wrong)),
            (wrong, {"webhook-id": "45", "content-type": "application/json"}),
            (wrong, signed(secret, "46", wrong, datetime.now(UTC) - timedelta(minutes=10))),
        ]
        for body, headers in refused:
            assert http.post(rx.url, content=body, headers=headers).status_code == 400
        printed = rx.stop()
    assert printed == ["7 CREATED T3JkZXI6MQ NEW", "8 CREATED T3JkZXI6MQ ASSIGNED"]


@pytest.mark.asyncio
async def test_the_example_takes_what_the_service_sends(api: Api) -> None:
    """Through the app: a webhook to the running example, an order made and moved, sender
    rounds run here; the example prints each event once, in order."""
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Anna Client")
    company = (await Membership.get(id=pk(owner.member_id, "Member"))).company_id
    port = free_port()
    made = await create_webhook(api, owner, f"http://127.0.0.1:{port}/hook")
    with example(made["secret"], port) as rx:
        order = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
        await move(api, owner, order["id"], "CANCELLED")
        while await run_round(companies=[company]):
            pass
        printed = rx.stop()
    events = [line.split() for line in printed]
    assert [(kind, order_id, status) for _, kind, order_id, status in events] == [
        ("CREATED", order["id"], "CANCELLED"),  # the order as it is when sent
        ("STATUS_CHANGED", order["id"], "CANCELLED"),
    ]
    assert int(events[1][0]) == int(events[0][0]) + 1


def test_the_example_needs_its_secret() -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), str(free_port())],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "WEBHOOK_SECRET"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode != 0
    assert "WEBHOOK_SECRET" in done.stderr
