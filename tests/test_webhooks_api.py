"""The webhook API: the secret shown once and stored encrypted, URLs checked (https, public
hosts, no user:pass@), 20 per company under concurrent creates, enable continuing from where
it stopped, replay from an orderEvents cursor, deliveries newest first in pages loaded for many
webhooks at once, and what an API token may do."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import socket
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from standardwebhooks import Webhook as StandardWebhook

from models import EventCounter, Membership, Webhook, WebhookDelivery, WebhookDeliveryStatus
from permissions.channel_secrets import decrypt
from resolvers.webhook_fanout import fan_out
from schema.ids import decode_id
from tests.support.api import Api, Session, count_statements, register
from tests.support.api_tokens import codes, issue
from tests.support.email_channel import settings_changed
from tests.support.webhooks import (
    CREATE,
    WEBHOOKS,
    WEBHOOKS_WITH_DELIVERIES,
    create_payload,
    create_webhook,
    delete_webhook,
    deliveries,
    enable_webhook,
    error_codes,
    replay_webhook,
    webhook_ids,
    webhooks,
)
from tests.support.world import contact, create_order

pytestmark = pytest.mark.asyncio

URL = "https://partner.example.test/hooks"
LOCAL = "http://127.0.0.1:9/hooks"  # allowed in tests: ALLOW_PRIVATE_HOSTS=1


async def _row(payload_or_id: dict[str, Any] | str) -> Webhook:
    gid = payload_or_id if isinstance(payload_or_id, str) else payload_or_id["webhook"]["id"]
    return await Webhook.get(id=decode_id(gid, "Webhook"))


async def _an_order(api: Api, owner: Session) -> dict[str, Any]:
    client = await contact(api, owner, "CLIENT", "Hook client")
    return await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])


async def test_the_secret_is_shown_once_and_stored_encrypted(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    owner = await register(api)
    with caplog.at_level(logging.DEBUG):  # the SQL log included
        payload = await create_webhook(api, owner, LOCAL, events=["STATUS_CHANGED", "CREATED"])
    secret = payload["secret"]
    assert secret not in caplog.text
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    hook = payload["webhook"]
    assert (hook["url"], hook["active"], hook["disabledReason"]) == (LOCAL, True, None)
    assert hook["events"] == ["CREATED", "STATUS_CHANGED"]  # each once, in the enum's order
    assert hook["member"]["id"] == owner.member_id
    # The receiver's library accepts it: what it signs, it verifies.
    signer = StandardWebhook(secret)
    now = datetime.now(UTC)
    signature = signer.sign("msg_1", now, '{"a":1}')
    headers = {"webhook-id": "msg_1", "webhook-timestamp": str(int(now.timestamp()))}
    assert signer.verify('{"a":1}', {**headers, "webhook-signature": signature}) == {"a": 1}
    row = await _row(payload)
    assert secret not in row.secret
    assert decrypt(row.secret) == secret
    assert secret not in repr(row)
    # No other answer holds it.
    listed = await api.post(WEBHOOKS, token=owner.access)
    for other in (
        listed,
        await enable_webhook(api, owner, hook["id"]),
        await replay_webhook(api, owner, hook["id"], "0"),
        await delete_webhook(api, owner, hook["id"]),
    ):
        assert secret not in json.dumps(other)
        assert other.get("secret") is None


async def test_a_new_webhook_starts_after_the_latest_event(api: Api) -> None:
    owner = await register(api)
    await _an_order(api, owner)
    counter = await EventCounter.get(company_id=await _company_id(owner))
    assert counter.last_seq > 0
    row = await _row(await create_webhook(api, owner, LOCAL))
    assert row.last_seq == counter.last_seq
    fresh = await register(api)  # no event yet: no counter row
    assert (await _row(await create_webhook(api, fresh, LOCAL))).last_seq == 0


async def _company_id(who: Session) -> int:
    return (await Membership.get(id=decode_id(who.member_id, "Member"))).company_id


BAD_URLS = [
    "ftp://partner.example.test/hooks",
    "not a url",
    "partner.example.test/hooks",
    "https:///no-host",
    "https://user:pass@partner.example.test/hooks",
    "https://token@partner.example.test/hooks",
    "https://partner.example.test:99999/hooks",
    "https://partner.example.test/" + "a" * 2000,
    "https://partner.example.test/a b",
    "",
]


async def test_bad_urls_are_refused_and_nothing_is_written(api: Api) -> None:
    owner = await register(api)
    for url in BAD_URLS:
        payload = await create_payload(api, owner, url)
        assert error_codes(payload) == [("INVALID", ["input", "url"])], url
        assert (payload["webhook"], payload["secret"]) == (None, None)
    assert await webhooks(api, owner) == []


async def test_plain_http_and_private_hosts_only_with_the_operator_setting(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await register(api)
    real = socket.getaddrinfo

    def fake(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "internal.partner.test":  # a public-looking name inside the network
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.1", 443))]
        if host == "nowhere.partner.test":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        if host == "slow.partner.test":  # a name server that never answers
            time.sleep(3)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    refused = [
        "http://127.0.0.1/hooks",
        "http://partner.example.test/hooks",
        "https://127.0.0.1/hooks",
        "https://[::1]:8443/hooks",
        "https://169.254.169.254/latest/meta-data",
        "https://10.1.2.3/hooks",
        "https://internal.partner.test/hooks",
    ]
    with settings_changed(allow_private_hosts=False):
        for url in refused:
            payload = await create_payload(api, owner, url)
            assert error_codes(payload) == [("INVALID", ["input", "url"])], url
        public = await create_payload(api, owner, "https://93.184.215.14/hooks")
        assert public["errors"] == []
    assert len(await webhooks(api, owner)) == 1
    for url in ("https://nowhere.partner.test/hooks", "https://slow.partner.test/hooks"):
        with settings_changed(webhook_timeout_seconds=1):
            started = time.monotonic()
            payload = await create_payload(api, owner, url)
        assert error_codes(payload) == [("INVALID", ["input", "url"])], url
        assert "cannot be found" in payload["errors"][0]["message"]
        assert time.monotonic() - started < 2.5
    # Allowed by the tests' setting.
    for url in ("http://127.0.0.1/hooks", "https://internal.partner.test/hooks"):
        assert (await create_payload(api, owner, url))["errors"] == [], url


async def test_twenty_per_company_under_concurrent_creates(api: Api) -> None:
    owner = await register(api)
    other = await register(api)
    results = await asyncio.gather(*(create_payload(api, owner, f"{LOCAL}/{i}") for i in range(25)))
    made = [r for r in results if r["errors"] == []]
    refused = [r for r in results if r["errors"] != []]
    assert len(made) == 20
    for payload in refused:
        assert error_codes(payload) == [("CONFLICT", None)]
        assert "at most 20" in payload["errors"][0]["message"]
        assert payload["secret"] is None
    assert len(await webhooks(api, owner)) == 20
    # Another company's count is its own; a deleted one makes room.
    assert (await create_payload(api, other, LOCAL))["errors"] == []
    deleted = await delete_webhook(api, owner, made[0]["webhook"]["id"])
    assert deleted["errors"] == []
    assert (await create_payload(api, owner, LOCAL))["errors"] == []


async def _deliveries(row: Webhook, seqs: range, status: WebhookDeliveryStatus) -> None:
    await WebhookDelivery.bulk_create(
        [
            WebhookDelivery(
                webhook_id=row.id,
                company_id=row.company_id,
                event_seq=seq,
                order_id=1,
                kind="UPDATED",
                status=status,
                attempts=3,
                response_status=500 if status != WebhookDeliveryStatus.SUCCEEDED else 200,
                last_error="500 from the receiver" if status != "SUCCEEDED" else None,
            )
            for seq in seqs
        ]
    )


async def test_enable_continues_from_where_it_stopped(api: Api) -> None:
    owner = await register(api)
    payload = await create_webhook(api, owner, LOCAL)
    row = await _row(payload)
    await _deliveries(row, range(1, 4), WebhookDeliveryStatus.PENDING)
    later = datetime.now(UTC) + timedelta(hours=1)
    _ = await WebhookDelivery.filter(webhook_id=row.id).update(next_attempt_at=later)
    _ = await Webhook.filter(id=row.id).update(
        active=False, disabled_reason="50 failures in a row", failures_in_row=50, last_seq=3
    )
    before = {d.id: (d.status, d.attempts) for d in await WebhookDelivery.filter(webhook_id=row.id)}
    off = (await webhooks(api, owner))[0]
    assert (off["active"], off["disabledReason"]) == (False, "50 failures in a row")
    enabled = await enable_webhook(api, owner, payload["webhook"]["id"])
    assert enabled["errors"] == []
    assert (enabled["webhook"]["active"], enabled["webhook"]["disabledReason"]) == (True, None)
    again = await _row(payload)
    assert (again.failures_in_row, again.last_seq) == (0, 3)
    assert {
        d.id: (d.status, d.attempts) for d in await WebhookDelivery.filter(webhook_id=row.id)
    } == before
    assert (await enable_webhook(api, owner, payload["webhook"]["id"]))["errors"] == []


async def test_replay_requeues_every_event_after_the_cursor(api: Api) -> None:
    owner = await register(api)
    payload = await create_webhook(api, owner, LOCAL)
    gid = payload["webhook"]["id"]
    row = await _row(payload)
    await _deliveries(row, range(1, 4), WebhookDeliveryStatus.SUCCEEDED)
    await _deliveries(row, range(4, 6), WebhookDeliveryStatus.FAILED)
    _ = await Webhook.filter(id=row.id).update(last_seq=5)
    ids = {d.event_seq: d.id for d in await WebhookDelivery.filter(webhook_id=row.id)}
    for bad in ("abc", "-1", "1.5", "²", str(2**63)):
        refused = await replay_webhook(api, owner, gid, bad)
        assert error_codes(refused) == [("INVALID", ["after"])], bad
    assert not await WebhookDelivery.filter(webhook_id=row.id, status="PENDING").exists()
    replayed = await replay_webhook(api, owner, gid, "2")
    assert replayed["errors"] == []
    rows = {d.event_seq: d for d in await WebhookDelivery.filter(webhook_id=row.id)}
    assert {seq: d.id for seq, d in rows.items()} == ids  # same ids: receivers de-duplicate
    for seq in (1, 2):
        assert (rows[seq].status, rows[seq].attempts) == ("SUCCEEDED", 3)
    for seq in (3, 4, 5):
        d = rows[seq]
        assert (d.status, d.attempts, d.response_status, d.last_error) == ("PENDING", 0, None, None)
        assert d.next_attempt_at is not None
    assert (await _row(payload)).last_seq == 2  # the fan-out makes what is missing past it
    # A cursor past what was fanned out lowers nothing.
    assert (await replay_webhook(api, owner, gid, "9"))["errors"] == []
    assert (await _row(payload)).last_seq == 2


async def test_replay_and_the_fan_out_queue_each_event_after_the_cursor_once(api: Api) -> None:
    owner = await register(api)
    payload = await create_webhook(api, owner, LOCAL)
    row = await _row(payload)
    for _ in range(3):
        await _an_order(api, owner)
    assert await fan_out([row.company_id]) == 3
    made = {d.event_seq: d.id for d in await WebhookDelivery.filter(webhook_id=row.id)}
    first, *_, last = sorted(made)
    _ = await WebhookDelivery.filter(webhook_id=row.id).update(status="SUCCEEDED", attempts=1)
    _ = await WebhookDelivery.filter(id=made[last]).delete()  # gone, as a purge would leave it
    replayed = await replay_webhook(api, owner, payload["webhook"]["id"], str(first))
    assert replayed["errors"] == []
    _ = await fan_out([row.company_id])  # the missing one made again, the others not doubled
    rows = {d.event_seq: d for d in await WebhookDelivery.filter(webhook_id=row.id)}
    assert sorted(rows) == sorted(made)
    assert (rows[first].status, rows[first].id) == ("SUCCEEDED", made[first])
    for seq in sorted(made)[1:]:
        assert (rows[seq].status, rows[seq].attempts) == ("PENDING", 0)
    assert [rows[seq].id == made[seq] for seq in sorted(made)[1:]] == [True, False]
    assert (await _row(payload)).last_seq == last


async def test_deliveries_newest_first_in_pages(api: Api) -> None:
    owner = await register(api)
    payload = await create_webhook(api, owner, LOCAL)
    gid = payload["webhook"]["id"]
    await _deliveries(await _row(payload), range(1, 6), WebhookDeliveryStatus.SUCCEEDED)
    page = await deliveries(api, owner, gid, first=2)
    assert page is not None
    assert page["totalCount"] == 5
    assert [e["node"]["eventCursor"] for e in page["edges"]] == ["5", "4"]
    node = page["edges"][0]["node"]
    assert (node["kind"], node["status"], node["attempts"], node["responseStatus"]) == (
        "UPDATED",
        "SUCCEEDED",
        3,
        200,
    )
    rest = await deliveries(api, owner, gid, first=10, after=page["pageInfo"]["endCursor"])
    assert rest is not None
    assert [e["node"]["eventCursor"] for e in rest["edges"]] == ["3", "2", "1"]
    assert rest["pageInfo"]["hasNextPage"] is False
    for variables, field in (({"after": "zzz"}, "after"), ({"first": -1}, "first")):
        body = await api.post(WEBHOOKS_WITH_DELIVERIES, variables, owner.access)
        assert [(e["extensions"]["code"], e["extensions"]["field"]) for e in body["errors"]] == [
            ("INVALID", [field])
        ]


async def test_deliveries_of_ten_webhooks_cost_what_one_costs(api: Api) -> None:
    owner = await register(api)
    statements = []
    for total in (1, 10):
        while len(await webhooks(api, owner)) < total:
            made = await create_webhook(api, owner, LOCAL)
            await _deliveries(await _row(made), range(1, 4), WebhookDeliveryStatus.PENDING)
        with count_statements() as counter:
            listed = await deliveries(api, owner, made["webhook"]["id"], first=2)
        assert listed is not None
        assert listed["totalCount"] == 3
        statements.append(len(counter.statements))
    assert statements[0] == statements[1], statements
    assert statements[1] == 6, statements  # session, webhooks, members, page (2), counts


async def test_deleted_with_its_deliveries(api: Api) -> None:
    owner = await register(api)
    payload = await create_webhook(api, owner, LOCAL)
    gid = payload["webhook"]["id"]
    await _deliveries(await _row(payload), range(1, 3), WebhookDeliveryStatus.PENDING)
    deleted = await delete_webhook(api, owner, gid)
    assert deleted["errors"] == []
    assert deleted["webhook"]["id"] == gid
    assert await webhook_ids(api, owner) == set()
    assert not await Webhook.filter(id=decode_id(gid, "Webhook")).exists()
    assert not await WebhookDelivery.filter(webhook_id=decode_id(gid, "Webhook")).exists()
    assert error_codes(await delete_webhook(api, owner, gid)) == [("NOT_FOUND", ["id"])]


async def test_api_tokens_neither_create_nor_enable(api: Api) -> None:
    owner = await register(api)
    made = await create_webhook(api, owner, LOCAL)
    gid = made["webhook"]["id"]
    reader = await issue(api, owner)
    writer = await issue(api, owner, readOnly=False)
    assert {h["id"] for h in (await api.ok(WEBHOOKS, token=reader.token))["webhooks"]} == {gid}
    for token in (reader.token, writer.token):
        body = await api.post(CREATE, {"input": {"url": LOCAL}}, token)
        assert body["data"] is None
        assert codes(body) == ["FORBIDDEN"]
        body = await api.post(
            "mutation($id: ID!) { enableWebhook(id: $id) { errors { code } } }", {"id": gid}, token
        )
        assert codes(body) == ["FORBIDDEN"]
    assert len(await webhooks(api, owner)) == 1
    # A partner's writing token may replay and delete: they open nothing new.
    assert (await replay_webhook(api, writer.session(), gid, "0"))["errors"] == []
    assert (await delete_webhook(api, writer.session(), gid))["errors"] == []
