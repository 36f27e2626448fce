"""Who may create a webhook for whom (the API tokens' rule), who sees which webhooks and their
deliveries (the role table: the OWNER all; STAFF those created by or for members within its
reach, so the creator's manager too, not a colleague; portal members none, not even one sent
as them; another tenant none), and that whoever does not see one can touch none of it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from models import Webhook, WebhookDelivery, WebhookDeliveryStatus
from schema.ids import decode_id
from tests.support.api import Api, Session, invite_and_accept, register
from tests.support.leavers import deactivate
from tests.support.webhooks import (
    create_payload,
    create_webhook,
    delete_webhook,
    deliveries,
    enable_webhook,
    error_codes,
    replay_webhook,
    webhook_ids,
)
from tests.support.world import contact, portal_member

pytestmark = pytest.mark.asyncio

NODE = """query($id: ID!) { node(id: $id) {
  id ... on Webhook { deliveries { totalCount } } } }"""
URL = "http://127.0.0.1:9/hooks"  # allowed in tests: ALLOW_PRIVATE_HOSTS=1
MEMBER_FIELD = ["input", "memberId"]


@dataclass
class Company:
    owner: Session
    head: Session
    staff: Session  # under head
    colleague: Session  # under head too
    client: Session  # portal member of one client
    other_client: Session  # portal member of another client
    contractor: Session  # portal member of a contractor


async def _company(api: Api) -> Company:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head")
    staff = await invite_and_accept(api, head, "Staff", head.member_id)
    colleague = await invite_and_accept(api, head, "Colleague", head.member_id)
    one = await contact(api, owner, "CLIENT", "Client firm", "ORGANIZATION", head.member_id)
    two = await contact(api, owner, "CLIENT", "Other client")
    firm = await contact(api, owner, "CONTRACTOR", "Contractor firm", "ORGANIZATION")
    return Company(
        owner,
        head,
        staff,
        colleague,
        await portal_member(api, owner, one, "Client portal"),
        await portal_member(api, owner, two, "Other portal"),
        await portal_member(api, owner, firm, "Contractor portal"),
    )


async def test_who_may_create_a_webhook_for_whom(api: Api) -> None:
    c = await _company(api)
    stranger = await register(api)
    allowed = [
        (c.owner, None),
        (c.owner, c.owner.member_id),
        (c.owner, c.client.member_id),
        (c.owner, c.contractor.member_id),
        (c.head, None),
        (c.staff, c.staff.member_id),
    ]
    for who, member in allowed:
        payload = await create_webhook(api, who, URL, memberId=member)
        assert payload["webhook"]["member"]["id"] == (member or who.member_id)
    refused: list[tuple[Session, str | None, list[tuple[str, list[str] | None]]]] = [
        # Never another colleague, not even for the OWNER or a manager above it.
        (c.owner, c.head.member_id, [("FORBIDDEN", MEMBER_FIELD)]),
        (c.head, c.staff.member_id, [("FORBIDDEN", MEMBER_FIELD)]),
        # A portal member's orders reach beyond any staff subtree: the OWNER's only.
        (c.staff, c.client.member_id, [("FORBIDDEN", MEMBER_FIELD)]),
        (c.head, c.contractor.member_id, [("FORBIDDEN", MEMBER_FIELD)]),
        # Portal members create none, for themselves or anyone.
        (c.client, None, [("FORBIDDEN", None)]),
        (c.contractor, c.contractor.member_id, [("FORBIDDEN", None)]),
        (c.client, c.other_client.member_id, [("FORBIDDEN", None)]),
        # Another tenant's member, and an id that is none, are not found.
        (c.owner, stranger.member_id, [("NOT_FOUND", MEMBER_FIELD)]),
        (c.owner, "not-an-id", [("NOT_FOUND", MEMBER_FIELD)]),
        (stranger, c.client.member_id, [("NOT_FOUND", MEMBER_FIELD)]),
    ]
    for who, member, expected in refused:
        payload = await create_payload(api, who, URL, memberId=member)
        assert error_codes(payload) == expected, (who.member_id, member)
        assert payload["secret"] is None
    assert len(await webhook_ids(api, c.owner)) == len(allowed)
    assert await webhook_ids(api, stranger) == set()


async def test_no_webhook_for_a_deactivated_member_and_none_enabled_for_one(api: Api) -> None:
    c = await _company(api)
    made = await create_webhook(api, c.owner, URL, memberId=c.client.member_id)
    gid = made["webhook"]["id"]
    _ = await Webhook.filter(id=decode_id(gid, "Webhook")).update(active=False)
    assert (await deactivate(api, c.owner, c.client.member_id))["errors"] == []
    payload = await create_payload(api, c.owner, URL, memberId=c.client.member_id)
    assert error_codes(payload) == [("INVALID", MEMBER_FIELD)]
    assert [code for code, _ in error_codes(await enable_webhook(api, c.owner, gid))] == ["INVALID"]
    assert not (await Webhook.get(id=decode_id(gid, "Webhook"))).active


async def _hooks(api: Api, c: Company) -> dict[str, str]:
    """One webhook per kind of holder, each with a delivery."""
    hooks = {
        "owner's": (await create_webhook(api, c.owner, URL))["webhook"]["id"],
        "client's": (await create_webhook(api, c.owner, URL, memberId=c.client.member_id))[
            "webhook"
        ]["id"],
        "staff's": (await create_webhook(api, c.staff, URL))["webhook"]["id"],
    }
    for gid in hooks.values():
        row = await Webhook.get(id=decode_id(gid, "Webhook"))
        _ = await WebhookDelivery.create(
            webhook_id=row.id,
            company_id=row.company_id,
            event_seq=1,
            order_id=1,
            kind="CREATED",
            status=WebhookDeliveryStatus.SUCCEEDED,
        )
    return hooks


async def test_who_sees_which_webhooks_and_their_deliveries(api: Api) -> None:
    c = await _company(api)
    stranger = await register(api)
    hooks = await _hooks(api, c)
    seen: dict[str, set[str]] = {
        "owner": set(hooks),
        "staff": {"staff's"},  # its creator
        "client": set(),  # not even the one sent as it: portal members see no webhooks
        "head": {"staff's"},  # the creator's manager: within its reach
        "colleague": set(),
        "other_client": set(),
        "contractor": set(),
    }
    visible_deliveries: set[str] = set()
    sessions: dict[str, Session] = {name: getattr(c, name) for name in seen}
    sessions["stranger"] = stranger
    seen["stranger"] = set()
    for name, who in sessions.items():
        ids = await webhook_ids(api, who)
        assert ids == {hooks[h] for h in seen[name]}, name
        for hook, gid in hooks.items():
            connection = await deliveries(api, who, gid)
            node = (await api.ok(NODE, {"id": gid}, who.access))["node"]
            if hook in seen[name]:
                assert connection is not None
                assert connection["totalCount"] == 1, (name, hook)
                assert node == {"id": gid, "deliveries": {"totalCount": 1}}, (name, hook)
                delivery = connection["edges"][0]["node"]["id"]
                assert (await api.ok(NODE, {"id": delivery}, who.access))["node"] == {
                    "id": delivery
                }
                visible_deliveries.add(delivery)
            else:
                assert connection is None, (name, hook)
                assert node is None, (name, hook)
    for name, who in sessions.items():  # and a delivery by its id: only with its webhook
        for delivery in visible_deliveries:
            found = (await api.ok(NODE, {"id": delivery}, who.access))["node"]
            shown = {d for h in seen[name] if (d := await first_delivery(api, c.owner, hooks[h]))}
            assert (found is not None) == (delivery in shown), (name, delivery)


async def test_those_who_do_not_see_a_webhook_touch_nothing(api: Api) -> None:
    c = await _company(api)
    stranger = await register(api)
    hooks = await _hooks(api, c)
    ids = [decode_id(gid, "Webhook") for gid in hooks.values()]
    mine = Webhook.filter(id__in=ids)
    _ = await mine.update(active=False)  # enable would change it
    before = {row.id: (row.active, row.last_seq) for row in await mine}
    blind = {
        "head": (c.head, {"owner's", "client's"}),
        "colleague": (c.colleague, set(hooks)),
        "other_client": (c.other_client, set(hooks)),
        "contractor": (c.contractor, set(hooks)),
        "stranger": (stranger, set(hooks)),
        "staff": (c.staff, {"owner's", "client's"}),
        "client": (c.client, set(hooks)),
    }
    for name, (who, hidden) in blind.items():
        for hook in hidden:
            gid = hooks[hook]
            for payload in (
                await enable_webhook(api, who, gid),
                await replay_webhook(api, who, gid, "0"),
                await delete_webhook(api, who, gid),
            ):
                assert error_codes(payload) == [("NOT_FOUND", ["id"])], (name, hook)
                assert payload["webhook"] is None
    assert {row.id: (row.active, row.last_seq) for row in await mine} == before
    assert not await WebhookDelivery.filter(webhook_id__in=ids, status="PENDING").exists()


async def test_those_who_see_a_webhook_may_enable_replay_and_delete_it(api: Api) -> None:
    c = await _company(api)
    hooks = await _hooks(api, c)
    gid = hooks["client's"]
    _ = await Webhook.filter(id=decode_id(gid, "Webhook")).update(active=False)
    assert (await enable_webhook(api, c.owner, gid))["webhook"]["active"] is True
    assert (await replay_webhook(api, c.owner, gid, "0"))["errors"] == []
    assert (await replay_webhook(api, c.staff, hooks["staff's"], "0"))["errors"] == []
    assert (await enable_webhook(api, c.head, hooks["staff's"]))["errors"] == []
    assert (await delete_webhook(api, c.owner, gid))["errors"] == []
    assert await webhook_ids(api, c.owner) == {hooks["owner's"], hooks["staff's"]}
    assert (await delete_webhook(api, c.head, hooks["staff's"]))["errors"] == []
    assert await webhook_ids(api, c.owner) == {hooks["owner's"]}


async def first_delivery(api: Api, who: Session, webhook_id: str) -> str | None:
    connection = await deliveries(api, who, webhook_id)
    if connection is None or not connection["edges"]:
        return None
    delivery: str = connection["edges"][0]["node"]["id"]
    return delivery
