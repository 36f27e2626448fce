"""Webhook delivery to a real local receiver (tests/support/webhook_receiver.py): events
fanned out into deliveries, signed (verified by standardwebhooks on the receiving side), in
order per order, at least once with a stable webhook-id (a process that dies after the
receiver took an event and before the row says so sends it again with the same id), each
payload shaped as the webhook's member reads the order (the README's selection), or not sent
when it may not see it, and each send connected to the address its own lookup checked."""

from __future__ import annotations

import asyncio
import re
import socket
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from standardwebhooks import Webhook as Signed
from standardwebhooks.webhooks import WebhookVerificationError

from channels.webhook_http import post
from models import OrderEvent, OrderEventKind, Webhook, WebhookDelivery
from resolvers.webhook_delivery import CREATOR_GONE, NOT_VISIBLE, SendResult, claim_due, send_due
from resolvers.webhook_fanout import fan_out
from schema.ids import to_global_id
from schema.webhook_payload import ORDER_DOCUMENT, build_payload
from servicedesk.workers.webhook_sender import run_round
from tests.support.api import Api, count_statements, invite_and_accept
from tests.support.readme_first_week import README
from tests.support.tasks import deactivate, pk
from tests.support.webhook_receiver import Reply, webhook_receiver
from tests.support.webhook_sends import hook_row, order, rounds, shop, stored
from tests.support.webhooks import replay_webhook
from tests.support.world import COMMENT, contact, move, portal_member

pytestmark = pytest.mark.asyncio

ORDER_FIELDS = {
    "id", "number", "title", "status", "deadline", "price", "contractorFee", "visitStart",
    "visitEnd", "client", "address", "contractor", "responsible", "updatedAt",
}  # fmt: skip


async def test_events_arrive_signed_with_the_order_as_the_member_reads_it(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, secret = await hook_row(s.owner, receiver.url)
        made = await order(api, s, title="Carpet", price="100.00", contractorFee="40.00")
        await move(api, s.owner, made["id"], "CANCELLED")
        assert await rounds(s.company_id) == 2
        payloads = receiver.verified(secret)  # standardwebhooks on the receiving side
    assert [p["type"] for p in payloads] == ["order.created", "order.status_changed"]
    rows = await stored(hook)
    assert [r.status for r in rows] == ["SUCCEEDED", "SUCCEEDED"]
    assert [r.id for r in receiver.requests] == [str(r.id) for r in rows]
    assert all(r.delivered_at is not None and r.response_status == 200 for r in rows)
    first, second = (p["data"] for p in payloads)
    assert int(first["cursor"]) < int(second["cursor"])
    assert [first["kind"], second["kind"]] == ["CREATED", "STATUS_CHANGED"]
    assert first["actor"] == {"id": s.owner.member_id, "name": "Olga Owner"}
    assert set(first["order"]) == ORDER_FIELDS
    assert first["order"]["id"] == made["id"]
    assert (first["order"]["price"], first["order"]["contractorFee"]) == ("100.00", "40.00")
    assert first["order"]["client"]["name"] == "Anna Client"
    assert second["order"]["status"] == "CANCELLED"  # the order as it is when sent
    headers = receiver.requests[0].headers
    assert headers["content-type"] == "application/json"
    assert headers["user-agent"].startswith("servicedesk-webhooks/")
    assert headers["webhook-signature"].startswith("v1,")


async def test_the_order_document_is_the_documented_one() -> None:
    for name in ORDER_FIELDS - {"client", "address", "contractor", "responsible"}:
        assert f" {name}" in ORDER_DOCUMENT
    assert "client { id name }" in ORDER_DOCUMENT
    assert "address { id text }" in ORDER_DOCUMENT


async def test_the_readme_shows_the_order_document() -> None:
    """The README's "fixed selection" is ORDER_DOCUMENT's, field for field."""
    [shown] = re.findall(r"with this\nfixed selection:\n\n((?:    .*\n)+)", README.read_text())
    [sent] = re.findall(r"\.\.\. on Order \{(.*?)\}\s*\}\s*\}\s*$", ORDER_DOCUMENT, re.S)
    assert shown.split() == sent.split()


async def test_client_and_contractor_payloads_follow_their_field_rules(api: Api) -> None:
    s = await shop(api)
    anna = await portal_member(api, s.owner, s.client, "Anna")
    firm = await contact(api, s.owner, "CONTRACTOR", "Ivan Fixer")
    ivan = await portal_member(api, s.owner, firm, "Ivan")
    with webhook_receiver() as receiver:
        _, client_secret = await hook_row(anna, receiver.url + "/anna")
        _, firm_secret = await hook_row(ivan, receiver.url + "/ivan")
        await order(api, s, price="100.00", contractorFee="40.00", contractorId=firm.id)
        await rounds(s.company_id)
        by_path = {r.path: r for r in receiver.requests}
    client_order = by_path["/hook/anna"].json()["data"]["order"]
    firm_order = by_path["/hook/ivan"].json()["data"]["order"]
    assert (client_order["price"], client_order["contractorFee"]) == ("100.00", None)
    assert (firm_order["price"], firm_order["contractorFee"]) == (None, "40.00")
    anna_sent, ivan_sent = by_path["/hook/anna"], by_path["/hook/ivan"]
    assert (
        Signed(client_secret).verify(anna_sent.body, anna_sent.headers)["type"] == "order.created"
    )
    assert Signed(firm_secret).verify(ivan_sent.body, ivan_sent.headers)["type"] == "order.created"
    with pytest.raises(WebhookVerificationError):  # each webhook signs with its own secret
        Signed(client_secret).verify(ivan_sent.body, ivan_sent.headers)


async def test_an_order_the_member_no_longer_sees_is_not_sent(api: Api) -> None:
    s = await shop(api)
    head = await invite_and_accept(api, s.owner, "Head")
    worker = await invite_and_accept(api, head, "Worker")
    other = await invite_and_accept(api, s.owner, "Other")
    anna = await portal_member(api, s.owner, s.client, "Anna")
    with webhook_receiver() as receiver:
        worker_hook, _ = await hook_row(worker, receiver.url)
        anna_hook, _ = await hook_row(anna, receiver.url, events=("COMMENTED",))
        made = await order(api, s, responsibleId=worker.member_id)
        # An internal comment is no event for the client; the order then leaves the worker.
        note = await api.ok(
            COMMENT, {"o": made["id"], "b": "inside", "v": "INTERNAL"}, s.owner.access
        )
        assert note["addComment"]["errors"] == []
        await api.ok(
            "mutation($id: ID!, $r: ID!) { updateOrder(id: $id, input: {responsibleId: $r}) "
            "{ errors { code } } }",
            {"id": made["id"], "r": other.member_id},
            s.owner.access,
        )
        await rounds(s.company_id)
        assert receiver.requests == []
    for hook in (worker_hook, anna_hook):
        rows = await stored(hook)
        assert rows
        assert {(r.status, r.last_error) for r in rows} == {("FAILED", NOT_VISIBLE)}
    assert (await Webhook.get(id=worker_hook.id)).failures_in_row == 0  # not the receiver's fault
    # A deactivated member's webhook sends nothing either.
    await deactivate(anna)
    with webhook_receiver() as receiver:
        await hook_row(anna, receiver.url)
        await order(api, s)
        await rounds(s.company_id)
        assert receiver.requests == []


async def test_a_webhook_its_creator_may_no_longer_mint_sends_nothing(api: Api) -> None:
    """As an API token: a STAFF member never sends as a client's portal member (its orders
    reach past any subtree), whatever rule was in force when the row was made."""
    s = await shop(api)
    head = await invite_and_accept(api, s.owner, "Head")
    anna = await portal_member(api, s.owner, s.client, "Anna")
    with webhook_receiver() as receiver:
        hook, _ = await hook_row(anna, receiver.url, created_by_id=pk(head.member_id, "Member"))
        await order(api, s)
        await rounds(s.company_id)
        assert receiver.requests == []
    assert {(r.status, r.last_error) for r in await stored(hook)} == {("FAILED", CREATOR_GONE)}
    # The OWNER may send as Anna.
    with webhook_receiver() as receiver:
        hook, _ = await hook_row(anna, receiver.url, created_by_id=pk(s.owner.member_id, "Member"))
        await order(api, s)
        await rounds(s.company_id)
        assert len(receiver.requests) == 1


async def test_an_order_waits_for_its_earlier_event_and_the_retry_keeps_its_id(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, secret = await hook_row(s.owner, receiver.url)
        first = await order(api, s, title="First")
        await move(api, s.owner, first["id"], "CANCELLED")
        receiver.answer(Reply(status=503, retry_after="2"))
        assert await rounds(s.company_id) == 1  # the CREATED, refused; the CANCELLED waits
        created, cancelled = await stored(hook)
        assert (created.status, created.response_status, created.attempts) == ("PENDING", 503, 1)
        assert created.next_attempt_at is not None
        wait = (created.next_attempt_at - datetime.now(UTC)).total_seconds()
        assert 1 <= wait <= 2  # Retry-After: 2 honoured
        assert (cancelled.status, cancelled.attempts) == ("PENDING", 0)
        other = await order(api, s, title="Other")  # another order does not wait
        assert await rounds(s.company_id) == 1
        assert receiver.requests[-1].json()["data"]["order"]["id"] == other["id"]
        later = datetime.now(UTC) + timedelta(seconds=3)
        assert await rounds(s.company_id, later) == 2  # the retry, then the next event
        ids = [r.id for r in receiver.requests]
        assert ids == [str(created.id), ids[1], str(created.id), str(cancelled.id)]
        assert len(receiver.verified(secret)) == 4
    assert {r.status for r in await stored(hook)} == {"SUCCEEDED"}


async def test_a_replayed_order_waits_for_its_event_the_fan_out_has_yet_to_queue(
    api: Api,
) -> None:
    """replayWebhook lowers `last_seq` and resets the later rows; the rows it lowered past
    are made by the next fan-out. A round whose fan-out ran just before the replay committed
    sends nothing of an order whose earlier event has no row yet."""
    s = await shop(api)
    with webhook_receiver() as receiver:
        made = await order(api, s)  # before the webhook: no row for its CREATED
        hook, _ = await hook_row(s.owner, receiver.url)
        await move(api, s.owner, made["id"], "CANCELLED")
        assert await rounds(s.company_id) == 1
        created = await OrderEvent.get(
            company_id=s.company_id, order_id=pk(made["id"], "Order"), kind="CREATED"
        )
        gid = to_global_id("Webhook", hook.id)
        replayed = await replay_webhook(api, s.owner, gid, str(created.seq - 1))
        assert replayed["errors"] == []
        # The race: the round's fan-out ran before the replay, its send runs after it.
        assert await send_due(build_payload, post, None, [s.company_id]) == 0
        assert await rounds(s.company_id) == 2  # the CREATED made and sent, then the rest
        sent = [(r.id, r.json()["data"]["kind"]) for r in receiver.requests]
    [first, again] = await stored(hook)
    assert sent == [
        (str(again.id), "STATUS_CHANGED"),
        (str(first.id), "CREATED"),
        (str(again.id), "STATUS_CHANGED"),
    ]


async def test_a_lapsed_claim_is_sent_again_with_the_same_id(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, _ = await hook_row(s.owner, receiver.url)
        await order(api, s)
        await fan_out([s.company_id])
        [claim] = await claim_due(datetime.now(UTC), [s.company_id])  # then the process dies
        assert await rounds(s.company_id) == 0  # the lease holds
        later = datetime.now(UTC) + timedelta(minutes=2)
        assert await rounds(s.company_id, later) == 1
        assert [r.id for r in receiver.requests] == [str(claim.id)]
    [row] = await stored(hook)
    assert (row.status, row.attempts) == ("SUCCEEDED", 2)


class Died(Exception):
    """The sending process gone between the receiver's answer and the row's update."""


async def test_a_process_dead_after_the_send_sends_it_again_with_the_same_id(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        hook, secret = await hook_row(s.owner, receiver.url)
        await order(api, s)
        await fan_out([s.company_id])

        async def dies_after_sending(
            url: str, headers: dict[str, str], body: bytes, seconds: float
        ) -> SendResult:
            taken = await post(url, headers, body, seconds)
            assert taken.status == 200  # the receiver has it ...
            raise Died  # ... and the row never says so

        assert await send_due(build_payload, dies_after_sending, None, [s.company_id]) == 1
        [row] = await stored(hook)
        assert (row.status, row.attempts, row.delivered_at) == ("PENDING", 1, None)
        assert await rounds(s.company_id) == 0  # the dead process's lease holds
        later = datetime.now(UTC) + timedelta(minutes=2)
        assert await rounds(s.company_id, later) == 1  # lapsed: sent again
        assert [r.id for r in receiver.requests] == [str(row.id)] * 2
        assert receiver.unique_ids() == [str(row.id)]  # de-duplicated: one event
        first, again = receiver.verified(secret)
        assert first["data"] == again["data"]
    [row] = await stored(hook)
    assert (row.status, row.attempts) == ("SUCCEEDED", 2)


async def test_each_send_connects_to_the_address_its_lookup_checked(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One lookup per send, and the connection made to its answer: a second lookup (the HTTP
    client's own, which a rebinding name server would answer otherwise) is never made."""
    s = await shop(api)
    lookups: list[str] = []
    real = socket.getaddrinfo

    def counted(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host  # anyio passes idna bytes
        if name == "partner.example.test":
            lookups.append(name)
            return real("127.0.0.1", port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", counted)
    with webhook_receiver() as receiver:
        named = receiver.url.replace("127.0.0.1", "partner.example.test")
        hook, _ = await hook_row(s.owner, named)
        await order(api, s)
        assert await rounds(s.company_id) == 1
        assert lookups == ["partner.example.test"]
        await order(api, s)
        assert await rounds(s.company_id) == 1
        assert lookups == ["partner.example.test"] * 2  # looked up again at the next send
        hosts = [r.headers["host"] for r in receiver.requests]
    assert hosts == [named.removeprefix("http://").removesuffix("/hook")] * 2
    assert {r.status for r in await stored(hook)} == {"SUCCEEDED"}


async def test_two_rounds_at_once_send_each_delivery_once(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        await hook_row(s.owner, receiver.url)
        await hook_row(s.owner, receiver.url)
        for _ in range(6):
            await order(api, s)
        for _ in range(3):
            await asyncio.gather(*(rounds(s.company_id) for _ in range(3)))
        ids = [r.id for r in receiver.requests]
    assert len(ids) == len(set(ids)) == 12


async def test_fan_out_of_1000_events_is_bounded_filtered_and_done_once(api: Api) -> None:
    s = await shop(api)
    everything, _ = await hook_row(s.owner, "http://127.0.0.1:9/none")
    changes, _ = await hook_row(s.owner, "http://127.0.0.1:9/none", events=("STATUS_CHANGED",))
    start = everything.last_seq

    async def events(first: int, count: int) -> None:
        await OrderEvent.bulk_create(
            [
                OrderEvent(
                    company_id=s.company_id, seq=seq, order_id=1, client_id=1,
                    responsible_path="/",
                    kind="STATUS_CHANGED" if seq % 4 == 0 else "UPDATED",
                )
                for seq in range(first, first + count)
            ],
            batch_size=500,
        )  # fmt: skip

    await events(start + 1, 1000)
    with count_statements() as counter:
        assert await fan_out([s.company_id]) == 1250
    # The webhooks; per webhook: the events, the mark, the INSERT, and the empty next batch.
    assert len(counter.statements) == 1 + 2 * 4, counter.statements
    assert await fan_out([s.company_id]) == 0  # done once
    await events(start + 1001, 1000)  # two processes at once: each row once
    assert sum(await asyncio.gather(fan_out([s.company_id]), fan_out([s.company_id]))) == 1250
    assert await WebhookDelivery.filter(webhook_id=everything.id).count() == 2000
    changed = [r.kind for r in await WebhookDelivery.filter(webhook_id=changes.id)]
    assert len(changed) == 500
    assert set(changed) == {OrderEventKind.STATUS_CHANGED}
    marks = await Webhook.filter(id__in=[everything.id, changes.id]).values_list(
        "last_seq", flat=True
    )
    assert set(marks) == {start + 2000}


async def test_a_round_costs_a_few_statements_per_delivery(api: Api) -> None:
    s = await shop(api)
    with webhook_receiver() as receiver:
        await hook_row(s.owner, receiver.url)
        for _ in range(10):
            await order(api, s)
        await fan_out([s.company_id])
        with count_statements() as counter:
            assert await run_round(companies=[s.company_id]) == 10
        assert len(receiver.requests) == 10
    # Per round: the fan-out's 3, the heads, the batch's webhooks, members and events (5);
    # per delivery: its claim, the order, client, address, responsible and actor read through
    # the API, its outcome (7).
    assert len(counter.statements) <= 6 + 10 * 7, counter.statements
