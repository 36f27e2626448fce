"""Claiming webhook deliveries: a round's heads in one statement, then each order's next one.

A round reads its heads (`heads`: the first PENDING delivery of each (webhook, order), due,
unleased, of an active webhook, at most `BATCH`) and claims them all with ONE conditional
`UPDATE ... RETURNING` (`claim_due`): a row is taken only if it is still claimable at that
moment (PENDING, due, no live lease, its webhook active, no earlier PENDING delivery of its
(webhook, order), not past the webhook's `last_seq`), and the rows returned are exactly the
ones this statement took, so two processes never hold the same attempt. Each claim counts
the attempt and sets the lease (the attempt's timeout plus WEBHOOK_LEASE_MARGIN_SECONDS).

After a delivery SUCCEEDED (its row says so), `claim_next` takes the same (webhook, order)'s
next PENDING delivery with the same conditions, in one more statement: an order's burst goes
out in one round, one event after another, instead of one event a round. It finds nothing if
the next one is not due, is claimed elsewhere, or waits for the fan-out (past `last_seq`).

`release` gives back a claim that was not sent (its lease too short to send safely): the
attempt is uncounted and the lease dropped, so the next round takes it at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise import connections
from tortoise.expressions import Q, RawSQL

from compat.tortoise import cached_update
from config.settings import current
from models import WebhookDelivery, WebhookDeliveryStatus

BATCH = 100

# An earlier delivery of the same (webhook, order) still PENDING: this one waits for it. So
# does one past its webhook's `last_seq`: a replay lowered the mark, and the earlier events'
# rows wait for the fan-out (which makes rows and moves the mark together otherwise).
WAITS_SQL = (
    "(EXISTS (SELECT 1 FROM webhook_delivery earlier"
    " WHERE earlier.webhook_id = webhook_delivery.webhook_id"
    " AND earlier.order_id = webhook_delivery.order_id"
    " AND earlier.status = 'PENDING'"
    " AND earlier.event_seq < webhook_delivery.event_seq)"
    " OR webhook_delivery.event_seq >"
    " (SELECT mark.last_seq FROM webhook mark WHERE mark.id = webhook_delivery.webhook_id))"
)
_WAITS = RawSQL(WAITS_SQL)
# A later delivery of the same (webhook, order) PENDING: after a success, one to claim next.
_LATER = RawSQL(
    "EXISTS (SELECT 1 FROM webhook_delivery later"
    " WHERE later.webhook_id = webhook_delivery.webhook_id"
    " AND later.order_id = webhook_delivery.order_id"
    " AND later.status = 'PENDING'"
    " AND later.event_seq > webhook_delivery.event_seq)"
)

_RETURNED = "id, attempts, webhook_id, company_id, order_id, event_seq, created_at"


@dataclass(frozen=True, slots=True)
class Claimed:
    id: int
    attempts: int
    webhook_id: int
    company_id: int
    event_seq: int
    created_at: datetime
    order_id: int = 0
    later: bool = True  # its order's next may be waiting (False: none was, at the read)


def due(now: datetime) -> Q:
    return (
        Q(status=WebhookDeliveryStatus.PENDING)
        & (Q(next_attempt_at=None) | Q(next_attempt_at__lte=now))
        & (Q(claimed_until=None) | Q(claimed_until__lte=now))
    )


async def heads(now: datetime, companies: list[int] | None) -> dict[int, bool]:
    """Due deliveries of active webhooks that wait for no earlier one of their order, oldest
    first: one statement (the (webhook, order_id, event_seq) index answers the EXISTS), so a
    receiver that is down, with thousands of waiting events, never crowds out the others.
    Each id with whether a later delivery of its order is pending (worth a `claim_next`)."""
    scope = Q() if companies is None else Q(company_id__in=companies)
    found = (
        await WebhookDelivery.filter(due(now) & scope, webhook__active=True)
        .annotate(waits=_WAITS, later=_LATER)
        .filter(waits=False)
        .order_by("event_seq", "id")
        .limit(BATCH)
        .values("id", "later")
    )
    return {int(row["id"]): bool(row["later"]) for row in found}


def lease_of(now: datetime) -> datetime:
    settings = current()
    return now + timedelta(
        seconds=settings.webhook_timeout_seconds + settings.webhook_lease_margin_seconds
    )


class _Sql:
    """Placeholders of the connection's dialect, numbered as they are added."""

    def __init__(self, postgres: bool) -> None:
        self.postgres = postgres
        self.params: list[Any] = []

    def __call__(self, value: Any) -> str:
        self.params.append(value)
        return f"${len(self.params)}" if self.postgres else "?"


def _when(value: Any) -> datetime:
    """A timestamp as the driver returns it (SQLite: the text Tortoise stored)."""
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


async def _claim(now: datetime, target: Callable[[_Sql], str]) -> list[Claimed]:
    """The UPDATE ... RETURNING; `target` adds its condition's placeholders in place (SQLite's
    are positional)."""
    db = connections.get("default")
    bind = _Sql(db.capabilities.dialect == "postgres")
    sql = (
        "UPDATE webhook_delivery SET attempts = attempts + 1,"
        f" claimed_until = {bind(lease_of(now))}"
        f" WHERE {target(bind)} AND status = 'PENDING'"
        f" AND (next_attempt_at IS NULL OR next_attempt_at <= {bind(now)})"
        f" AND (claimed_until IS NULL OR claimed_until <= {bind(now)})"
        " AND EXISTS (SELECT 1 FROM webhook hook"
        " WHERE hook.id = webhook_delivery.webhook_id AND hook.active)"
        f" AND NOT {WAITS_SQL} RETURNING {_RETURNED}"
    )
    # execute_query_dict: Tortoise's execute_query drops the rows of an UPDATE on asyncpg.
    rows = await db.execute_query_dict(sql, bind.params)
    claimed = [
        Claimed(
            int(r["id"]),
            int(r["attempts"]),
            int(r["webhook_id"]),
            int(r["company_id"]),
            int(r["event_seq"]),
            _when(r["created_at"]),
            int(r["order_id"]),
        )
        for r in rows
    ]
    return sorted(claimed, key=lambda c: (c.event_seq, c.id))


async def claim_due(now: datetime, companies: list[int] | None = None) -> list[Claimed]:
    """Claim this round's heads: two statements, the read and the claim."""
    ids = await heads(now, companies)
    if not ids:
        return []
    taken = await _claim(now, lambda bind: f"id IN ({', '.join(bind(i) for i in ids)})")
    return [replace(claim, later=ids[claim.id]) for claim in taken]


async def claim_next(now: datetime, after: Claimed) -> Claimed | None:
    """The next PENDING delivery of `after`'s (webhook, order), claimed if it may go now; one
    statement. Call it only once `after` is recorded as SUCCEEDED."""

    def target(bind: _Sql) -> str:
        return (
            "id = (SELECT nxt.id FROM webhook_delivery nxt"
            f" WHERE nxt.webhook_id = {bind(after.webhook_id)}"
            f" AND nxt.order_id = {bind(after.order_id)} AND nxt.status = 'PENDING'"
            " ORDER BY nxt.event_seq LIMIT 1)"
        )

    found = await _claim(now, target)
    return found[0] if found else None


def mine(claim: Claimed) -> Q:
    """The claimed row, as long as this claim holds it: a lapsed claim taken over by another
    process has another `attempts`, and writes nothing."""
    return Q(id=claim.id, attempts=claim.attempts, status=WebhookDeliveryStatus.PENDING)


async def release(claim: Claimed) -> None:
    """Give back a claim that was not sent: the attempt uncounted, the lease dropped."""
    _ = await cached_update(
        WebhookDelivery, mine(claim), attempts=claim.attempts - 1, claimed_until=None
    )
