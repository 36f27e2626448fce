"""Partner webhooks: created (the secret shown once), listed, deleted, enabled again and
replayed from an orderEvents cursor.

Who may do which, and the URL check, are `permissions.webhooks`; sending is the delivery
worker's (resolvers/webhook_fanout.py turns events into delivery rows from `last_seq` on).
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from config.settings import current
from domain.errors import DomainError, ErrorCode
from models import Company, EventCounter, Membership, OrderEventKind, Webhook, WebhookDelivery
from models.webhooks import WebhookDeliveryStatus
from permissions.actor import Actor
from permissions.channel_secrets import encrypt
from permissions.members import check_active
from permissions.webhooks import (
    access_managed_webhook_by_id,
    access_webhook_by_id,
    access_webhook_member_by_id,
    check_webhook_url,
    visible_webhooks,
)

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32
# A company holds at most `webhooks_per_company` (20 by default); this only caps the query.
MAX_LISTED = 1000


@dataclass(frozen=True, slots=True)
class CreatedWebhook:
    row: Webhook
    secret: str  # returned once; stored encrypted

    def __repr__(self) -> str:  # the secret stays out of logs and tracebacks
        return f"CreatedWebhook(row={self.row!r}, secret='whsec_***')"


def new_secret() -> str:
    """A Standard Webhooks signing secret: whsec_ and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def _kinds(events: Sequence[OrderEventKind] | None) -> list[str]:
    """The kinds asked for, each once, in the enum's order; empty means all."""
    wanted = set(events or ())
    return [kind.value for kind in OrderEventKind if kind in wanted]


async def create_webhook(
    actor: Actor, url: str, events: Sequence[OrderEventKind] | None, member_id: int | None
) -> CreatedWebhook:
    """A webhook that sends the events after the company's latest one (none from before).

    The company's row is locked while the webhooks are counted, so concurrent creates never
    pass the limit (SQLite runs one transaction at a time: the count alone holds there)."""
    member = await access_webhook_member_by_id(actor, member_id, ["input", "memberId"])
    checked = await check_webhook_url(url)
    secret = new_secret()
    limit = current().webhooks_per_company
    async with in_transaction():
        _ = await Company.filter(id=actor.company_id).select_for_update(no_key=True).only("id")
        if await Webhook.filter(company_id=actor.company_id).count() >= limit:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"A company has at most {limit} webhooks: delete one to add another",
            )
        counter = await EventCounter.get_or_none(company_id=actor.company_id)
        row = await Webhook.create(
            company_id=actor.company_id,
            member_id=member.id,
            created_by_id=actor.membership_id,
            url=checked.url,
            events=_kinds(events),
            secret=encrypt(secret),
            last_seq=0 if counter is None else counter.last_seq,
        )
    return CreatedWebhook(row, secret)


async def list_webhooks(actor: Actor) -> list[Webhook]:
    """The webhooks the actor sees, newest first."""
    return list(await visible_webhooks(actor).order_by("-created_at", "-id").limit(MAX_LISTED))


async def delete_webhook(actor: Actor, webhook_id: int | None) -> Webhook:
    """Gone with its deliveries; a send under way may still finish."""
    row = await access_webhook_by_id(actor, webhook_id, ["id"])
    await row.delete()
    return row


async def enable_webhook(actor: Actor, webhook_id: int | None) -> Webhook:
    """Sending again from where it stopped: its `last_seq` and pending deliveries as they
    were. An active webhook is left as it is. Its member must still be active."""
    row = await access_managed_webhook_by_id(actor, webhook_id)
    if row.active:
        return row
    check_active(await Membership.get(id=row.member_id))
    _ = await Webhook.filter(id=row.id).update(active=True, disabled_reason=None, failures_in_row=0)
    return await Webhook.get(id=row.id)


async def replay_webhook(
    actor: Actor, webhook_id: int | None, after_seq: int, now: datetime
) -> Webhook:
    """Every event after `after_seq` queued again: its existing deliveries back to PENDING
    with no attempts (same ids, so receivers de-duplicate by `webhook-id`), due now; and
    `last_seq` lowered to `after_seq`, so the fan-out (resolvers/webhook_fanout.py) makes the
    rows missing past it; it ignores conflicts on the unique (webhook, event_seq), so the
    existing ones stay as reset here. Only events still in the
    outbox come again (older ones are purged after EVENT_RETENTION_DAYS); the sender checks
    at send time that the webhook's member may see each. A disabled webhook sends them once
    enabled."""
    row = await access_managed_webhook_by_id(actor, webhook_id)
    async with in_transaction():
        # The fan-out moves last_seq only from the value it read (a conditional UPDATE): a
        # batch it read before this commit moves nothing, its next round starts here.
        locked = await Webhook.filter(id=row.id).select_for_update().get()
        _ = await WebhookDelivery.filter(webhook_id=row.id, event_seq__gt=after_seq).update(
            status=WebhookDeliveryStatus.PENDING,
            attempts=0,
            next_attempt_at=now,
            response_status=None,
            last_error=None,
            delivered_at=None,
        )
        if after_seq < locked.last_seq:
            _ = await Webhook.filter(id=row.id).update(last_seq=after_seq)
    return await Webhook.get(id=row.id)
