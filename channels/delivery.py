"""The delivery queue: outbound messages (staff replies) sent on their channel, each once.

Outbound `Message` rows with delivery_status PENDING are the queue. Every process runs
`run_delivery` (a "background:channel-delivery" task); a round (`deliver_pending`) reads due
rows and claims each with a conditional update only the first taker can make (`attempts`
raised, `claimed_until` set, as servicedesk/workers/mail_sender.py does for e-mail), then hands it to
the sender registered for its channel (channels/base.py). A conversation's messages go out
in order: a row waits while an earlier one of its conversation is still pending.

- Sent: SENT, `sent_at`, the channel's id of it in `external_id`.
- `RetryLater(seconds)`: tried again after the channel's delay (Telegram's retry_after; the
  attempt is not counted) or the `RETRY` backoff (channels/retry.py: RETRY_BASE doubled per
  attempt, at most RETRY_MAX).
- `DeliveryFailed`, or MAX_ATTEMPTS used up: FAILED, with the reason in `last_error`, shown
  in the inbox (Message.deliveryStatus). Nothing is dropped silently.
- Any other exception: a failed attempt whose reason is shown as a generic sentence (its
  text may quote a server's answer or an address), the exception itself in the log.

A reply wakes this process's loop at once (`wake`); other processes find work by polling.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from channels.base import DeliveryFailed, Outbound, RetryLater, sender_for
from channels.retry import Backoff, Verdict
from models import ChannelConfig, Conversation, DeliveryStatus, Message, MessageDirection
from realtime.conversations import publish_conversation
from resolvers.conversations import on_reply_queued

log = logging.getLogger("servicedesk.delivery")

BATCH = 100
MAX_ATTEMPTS = 8
RETRY_BASE = timedelta(seconds=5)
RETRY_MAX = timedelta(minutes=10)
# A message's retries keep exact times: a round claims at most BATCH due rows, so a burst of
# failures is spread over rounds without jitter.
RETRY = Backoff(RETRY_BASE, RETRY_MAX, MAX_ATTEMPTS)
CLAIM = timedelta(minutes=2)
ERROR_LENGTH = 500
THREAD_IDS = 20
UNEXPECTED = "delivery failed; it is tried again"

_wake = asyncio.Event()


def wake() -> None:
    """Start a round now (a reply was queued in this process)."""
    _wake.set()


def retry_delay(attempts: int) -> timedelta:
    """How long after its `attempts`-th failed attempt a message is tried again."""
    return RETRY.delay(attempts)


def _due(now: datetime) -> Q:
    return (
        Q(direction=MessageDirection.OUTBOUND, delivery_status=DeliveryStatus.PENDING)
        & (Q(next_attempt_at=None) | Q(next_attempt_at__lte=now))
        & (Q(claimed_until=None) | Q(claimed_until__lte=now))
    )


async def deliver_pending(
    now: datetime | None = None, *, batch: int = BATCH, companies: Sequence[int] | None = None
) -> int:
    """One round; returns how many messages were sent. `now` fixes the clock (tests);
    `companies` limits the round to those companies (tests share one database)."""

    def clock() -> datetime:
        return now if now is not None else datetime.now(UTC)

    scope = Q() if companies is None else Q(company_id__in=list(companies))
    rows = await Message.filter(_due(clock()) & scope).order_by("id").limit(batch)
    if not rows:
        return 0
    conversation_ids = list({row.conversation_id for row in rows})
    waiting: dict[int, list[int]] = defaultdict(list)  # pending ids per conversation
    for conversation_id, pk in (
        await Message.filter(
            conversation_id__in=conversation_ids,
            direction=MessageDirection.OUTBOUND,
            delivery_status=DeliveryStatus.PENDING,
        )
        .order_by("id")
        .values_list("conversation_id", "id")
    ):
        waiting[conversation_id].append(pk)
    conversations = {c.id: c for c in await Conversation.filter(id__in=conversation_ids)}
    companies_of = list({c.company_id for c in conversations.values()})
    configs = {c.company_id: c for c in await ChannelConfig.filter(company_id__in=companies_of)}
    sent = 0
    held: set[int] = set()
    for row in rows:
        queue = waiting[row.conversation_id]
        if row.conversation_id in held or (queue and queue[0] != row.id):
            held.add(row.conversation_id)
            continue  # an earlier message of its conversation goes first
        conversation = conversations[row.conversation_id]
        if not await _claim(row, clock()):
            held.add(row.conversation_id)
            continue
        if await _send(row, conversation, configs.get(conversation.company_id), clock):
            sent += 1
            if queue:
                queue.pop(0)
        else:
            held.add(row.conversation_id)
    return sent


async def _claim(row: Message, at: datetime) -> bool:
    attempt = row.attempts + 1
    claimed = await Message.filter(_due(at), id=row.id, attempts=row.attempts).update(
        attempts=attempt, claimed_until=at + CLAIM
    )
    row.attempts = attempt
    return bool(claimed)


async def _thread_ids(conversation: Conversation, before: int) -> list[str]:
    rows = (
        await Message.filter(
            conversation_id=conversation.id, id__lt=before, external_id__not_isnull=True
        )
        .order_by("-id")
        .limit(THREAD_IDS)
        .values_list("external_id")
    )
    return [str(row[0]) for row in reversed(rows)]


async def _send(
    row: Message,
    conversation: Conversation,
    config: ChannelConfig | None,
    clock: Callable[[], datetime],
) -> bool:
    mine = Message.filter(id=row.id, attempts=row.attempts)
    sender = sender_for(conversation.channel)
    try:
        if sender is None:
            raise RetryLater(f"no sender for {conversation.channel.value} in this process")
        thread = await _thread_ids(conversation, row.id)
        external_id = await sender.send(Outbound(row, conversation, config, thread))
    except RetryLater as error:
        at: datetime = clock()
        if error.seconds is not None:  # the channel's own pace: not the message's fault
            _ = await mine.update(
                attempts=row.attempts - 1,
                next_attempt_at=at + timedelta(seconds=error.seconds),
                claimed_until=None,
                last_error=error.reason[:ERROR_LENGTH],
            )
            return False
        await _failed(row, mine, error.reason, Verdict.RETRY, at)
        return False
    except DeliveryFailed as error:
        await _failed(row, mine, error.reason, Verdict.FAIL_NOW, clock())
        return False
    except Exception:  # its text may quote a server or the input: shown generic, logged whole
        log.exception("message %s: the sender failed", row.id)
        await _failed(row, mine, UNEXPECTED, Verdict.RETRY, clock())
        return False
    _ = await mine.update(
        delivery_status=DeliveryStatus.SENT,
        sent_at=clock(),
        claimed_until=None,
        external_id=external_id[:300] if external_id else None,
        last_error=None,
    )
    await publish_change(conversation)
    return True


async def _failed(
    row: Message, mine: QuerySet[Message], reason: str, verdict: Verdict, at: datetime
) -> None:
    wait = RETRY.after_failure(row.attempts, verdict)
    if wait is None:
        await _give_up(row, mine, reason)
        return
    retry = at + wait
    _ = await mine.update(
        next_attempt_at=retry, claimed_until=None, last_error=reason[:ERROR_LENGTH]
    )
    log.warning(
        "message %s not delivered (attempt %d, again at %s): %s",
        row.id,
        row.attempts,
        retry.isoformat(timespec="seconds"),
        reason,
    )


async def _give_up(row: Message, mine: QuerySet[Message], reason: str) -> None:
    _ = await mine.update(
        delivery_status=DeliveryStatus.FAILED, claimed_until=None, last_error=reason[:500]
    )
    log.error("message %s failed after %d attempts: %s", row.id, row.attempts, reason)
    conversation = await Conversation.get_or_none(id=row.conversation_id)
    if conversation is not None:
        await publish_change(conversation)


async def publish_change(conversation: Conversation) -> None:
    await publish_conversation(conversation)


async def run_delivery(poll_seconds: float) -> None:
    """The background loop of every process: a round when woken (a reply was queued) or every
    `poll_seconds`."""
    on_reply_queued(wake)
    while True:
        sent = 0
        _wake.clear()  # a reply queued during the round wakes the next one
        try:
            sent = await deliver_pending()
        except asyncio.CancelledError:
            raise
        except Exception:  # the database may be away for a moment; try next round
            log.exception("delivery round failed; retrying")
        if sent < BATCH:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(poll_seconds):
                    _ = await _wake.wait()
