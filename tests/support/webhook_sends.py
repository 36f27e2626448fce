"""Webhook delivery tests' common steps: a company with a client, a webhook row for a member
(its secret encrypted as createWebhook stores it, starting after the company's events so
far), sender rounds limited to the test's company, and the deliveries as stored."""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from models import EventCounter, Membership, Webhook, WebhookDelivery
from permissions.channel_secrets import encrypt
from servicedesk.workers.webhook_sender import run_round
from tests.support.api import Api, Session, register
from tests.support.tasks import pk
from tests.support.world import ContactCard, contact, create_order


@dataclass
class Shop:
    owner: Session
    company_id: int
    client: ContactCard


async def shop(api: Api) -> Shop:
    owner = await register(api)
    member = await Membership.get(id=pk(owner.member_id, "Member"))
    client = await contact(api, owner, "CLIENT", "Anna Client")
    return Shop(owner, member.company_id, client)


async def order(api: Api, s: Shop, **fields: Any) -> dict[str, Any]:
    return await create_order(
        api, s.owner, clientId=s.client.id, addressId=s.client.address_ids[0], **fields
    )


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


async def hook_row(
    member: Session, url: str, events: tuple[str, ...] = (), **fields: Any
) -> tuple[Webhook, str]:
    """A webhook sending `member`'s events to `url` from now on, and its plain secret; made
    by the member itself, or for a portal member by the company's OWNER (as createWebhook
    allows), unless `created_by_id` says otherwise."""
    membership = await Membership.get(id=pk(member.member_id, "Member"))
    creator = membership
    if membership.role in ("CLIENT", "CONTRACTOR"):
        creator = await Membership.get(company_id=membership.company_id, role="OWNER")
    counter = await EventCounter.get_or_none(company_id=membership.company_id)
    secret = new_secret()
    hook = await Webhook.create(
        company_id=membership.company_id,
        member_id=membership.id,
        created_by_id=fields.pop("created_by_id", creator.id),
        url=url,
        events=list(events),
        secret=encrypt(secret),
        last_seq=counter.last_seq if counter else 0,
        **fields,
    )
    return hook, secret


async def rounds(company_id: int, now: datetime | None = None, most: int = 20) -> int:
    """Sender rounds for the company until one finds nothing to send; how many were sent."""
    total = 0
    for _ in range(most):
        sent = await run_round(now, companies=[company_id])
        if not sent:
            return total
        total += sent
    raise AssertionError(f"still sending after {most} rounds")


async def stored(hook: Webhook) -> list[WebhookDelivery]:
    return await WebhookDelivery.filter(webhook_id=hook.id).order_by("event_seq")
