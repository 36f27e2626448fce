"""The outbound queue: `OutboundMessage` rows (messages to people outside the app) sent on
their channel, each once, in order.

PENDING rows are the queue, worked like the inbox's (channels/delivery.py): a round
(`deliver_outbound`) reads due rows and claims each with a conditional update only the first
taker can make (`attempts` raised, `claimed_until` set), then hands it to the sender
registered for its channel (channels/outbound_senders.py). One person's messages about one
order on one channel go out in the order they were made: a row waits while an earlier one of
that (order, contact, member, channel) is pending. Other channels are not held up by it.

Before sending, the row is checked against who may see it now (DESIGN: "whatever is
delivered later is checked against who may see it at delivery"): a contact taken off the
order (another contractor booked) or a member deactivated since gets nothing: FAILED, said
why; the one exception is the message telling a contractor it is off the order (its dedupe
key starts with resolvers.outbound_events.OFF_KEY). A rating request whose order is not DONE
any more (reopened) is FAILED the same way.

- Sent: SENT, `sent_at`, `error` cleared.
- `RetryLater(seconds)`: again after the sender's delay, the attempt not counted (a mail
  server away, a provider's Retry-After), or after the `RETRY` backoff (channels/retry.py).
- `DeliveryFailed`, or MAX_ATTEMPTS used up: FAILED with the reason in `error`, shown to
  staff in `Order.outbound`. Any other exception: an attempt failed with a generic reason
  (its text may quote a server or an address), the exception in the log.
- No sender for the channel in this process (SMS while SMS_URL is unset): PENDING, the reason
  in `error`, looked at again every minute without using attempts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q

from channels.base import NOT_CONNECTED_RECHECK_SECONDS, DeliveryFailed, RetryLater
from channels.outbound_senders import outbound_sender_for
from channels.retry import Backoff, Verdict
from domain.texts import pick_locale, t
from models import (
    Company,
    DeliveryStatus,
    Membership,
    NotificationKind,
    Order,
    OrderStatus,
    OutboundMessage,
)
from resolvers.outbound_events import OFF_KEY

log = logging.getLogger("servicedesk.outbound")

BATCH = 100
MAX_ATTEMPTS = 8
RETRY = Backoff(timedelta(seconds=5), timedelta(minutes=10), MAX_ATTEMPTS)
CLAIM = timedelta(minutes=2)
ERROR_LENGTH = 500

Key = tuple[int | None, int | None, int | None, str]


def _key(row: OutboundMessage) -> Key:
    return (row.order_id, row.contact_id, row.member_id, row.channel.value)


def _due(now: datetime) -> Q:
    return (
        Q(status=DeliveryStatus.PENDING)
        & (Q(next_attempt_at=None) | Q(next_attempt_at__lte=now))
        & (Q(claimed_until=None) | Q(claimed_until__lte=now))
    )


async def deliver_outbound(
    now: datetime | None = None, *, batch: int = BATCH, companies: Sequence[int] | None = None
) -> int:
    """One round; returns how many messages were sent. `now` fixes the clock (tests);
    `companies` limits the round to those companies (tests share one database)."""

    def clock() -> datetime:
        return now if now is not None else datetime.now(UTC)

    scope = Q() if companies is None else Q(company_id__in=list(companies))
    rows = await OutboundMessage.filter(_due(clock()) & scope).order_by("id").limit(batch)
    if not rows:
        return 0
    order_ids = list({row.order_id for row in rows if row.order_id is not None})
    heads: dict[Key, list[int]] = {}  # pending ids per key, oldest first
    if order_ids:
        for pending in await OutboundMessage.filter(
            order_id__in=order_ids, status=DeliveryStatus.PENDING
        ).order_by("id"):
            heads.setdefault(_key(pending), []).append(pending.id)
    orders = {
        o["id"]: o
        for o in await Order.filter(id__in=order_ids).values(
            "id", "client_id", "contractor_id", "status"
        )
    }
    member_ids = list({row.member_id for row in rows if row.member_id is not None})
    members = {
        m["id"]: m
        for m in await Membership.filter(id__in=member_ids).values("id", "active", "contact_id")
    }
    locales = dict(
        await Company.filter(id__in=list({row.company_id for row in rows})).values_list(
            "id", "locale"
        )
    )
    sent = 0
    held: set[Key] = set()
    for row in rows:
        key = _key(row)
        queue = heads.get(key, [])
        if key in held or (row.order_id is not None and queue and queue[0] != row.id):
            held.add(key)
            continue  # an earlier message of this person about this order goes first
        if not await _claim(row, clock()):
            held.add(key)
            continue
        staff_locale = pick_locale(str(locales.get(row.company_id) or ""))
        gone = _no_longer_reached(row, orders, members)
        if gone is not None:
            await _give_up(row, t(staff_locale, gone))
            if queue:
                queue.pop(0)
            continue
        if await _send(row, staff_locale, clock):
            sent += 1
            if queue:
                queue.pop(0)
        else:
            held.add(key)
    return sent


def _no_longer_reached(
    row: OutboundMessage,
    orders: dict[int, dict[str, object]],
    members: dict[int, dict[str, object]],
) -> str | None:
    """The catalogue key of why `row` may not go out now, or None when it may."""
    member = members.get(row.member_id) if row.member_id is not None else None
    if row.member_id is not None and (member is None or not member["active"]):
        return "outbound.gone.member"
    if row.order_id is None:
        return None
    order = orders.get(row.order_id)
    if order is None:
        return "outbound.gone.order"
    if row.kind == NotificationKind.RATING_REQUESTED and order["status"] != OrderStatus.DONE:
        return "outbound.gone.reopened"
    if (row.dedupe_key or "").startswith(f"{OFF_KEY}:"):
        return None  # "you are no longer booked": to one who is off the order by definition
    contact_id = member["contact_id"] if member is not None else row.contact_id
    if contact_id is not None and contact_id not in (order["client_id"], order["contractor_id"]):
        return "outbound.gone.party"
    return None


async def _claim(row: OutboundMessage, at: datetime) -> bool:
    attempt = row.attempts + 1
    claimed = await OutboundMessage.filter(_due(at), id=row.id, attempts=row.attempts).update(
        attempts=attempt, claimed_until=at + CLAIM
    )
    row.attempts = attempt
    return bool(claimed)


async def _send(row: OutboundMessage, staff_locale: str, clock: Callable[[], datetime]) -> bool:
    mine = OutboundMessage.filter(id=row.id, attempts=row.attempts)
    sender = outbound_sender_for(row.channel)
    try:
        if sender is None:
            reason = t(staff_locale, f"outbound.no_sender.{row.channel.value.lower()}")
            raise RetryLater(reason, NOT_CONNECTED_RECHECK_SECONDS)
        await sender(row)
    except RetryLater as error:
        at = clock()
        if error.seconds is not None:  # the channel's own pace: not the message's fault
            _ = await mine.update(
                attempts=row.attempts - 1,
                next_attempt_at=at + timedelta(seconds=error.seconds),
                claimed_until=None,
                error=error.reason[:ERROR_LENGTH],
            )
            return False
        await _failed(row, error.reason, Verdict.RETRY, at)
        return False
    except DeliveryFailed as error:
        await _failed(row, error.reason, Verdict.FAIL_NOW, clock())
        return False
    except Exception:  # its text may quote a server or an address: shown generic, logged whole
        log.exception("outbound message %s: the sender failed", row.id)
        await _failed(row, t(staff_locale, "outbound.unexpected"), Verdict.RETRY, clock())
        return False
    _ = await mine.update(
        status=DeliveryStatus.SENT, sent_at=clock(), claimed_until=None, error=None
    )
    return True


async def _failed(row: OutboundMessage, reason: str, verdict: Verdict, at: datetime) -> None:
    wait = RETRY.after_failure(row.attempts, verdict)
    if wait is None:
        await _give_up(row, reason)
        return
    retry = at + wait
    _ = await OutboundMessage.filter(id=row.id, attempts=row.attempts).update(
        next_attempt_at=retry, claimed_until=None, error=reason[:ERROR_LENGTH]
    )
    log.warning(
        "outbound message %s not sent (attempt %d, again at %s): %s",
        row.id,
        row.attempts,
        retry.isoformat(timespec="seconds"),
        reason,
    )


async def _give_up(row: OutboundMessage, reason: str) -> None:
    _ = await OutboundMessage.filter(id=row.id, attempts=row.attempts).update(
        status=DeliveryStatus.FAILED, claimed_until=None, error=reason[:ERROR_LENGTH]
    )
    log.error("outbound message %s failed after %d attempts: %s", row.id, row.attempts, reason)
