"""Sending webhook deliveries: claimed, in order per order, signed, retried, and given up.

A round (`send_due`) claims the due heads, the first PENDING delivery of each (webhook, order),
in one statement (resolvers/webhook_claims.py: claimed so that two processes never send the
same attempt; an order's event N+1 waits while N is pending; a switched-off webhook's
deliveries wait, neither sent nor failed). CONCURRENCY workers send them, oldest first; when a
delivery SUCCEEDED (its row says so) the worker queues its order's next one, claimed just
before it is sent (one statement), behind the heads: an order's burst goes out in one round,
in order, instead of one event a round, up to CHAIN deliveries per (webhook, order) and for
at most CHAIN_SECONDS (or half the lease margin) of sending, so the webhooks and members the
round read at its start (who may still send, and as whom) are never older than that. An
attempt whose lease no longer covers its timeout (it waited too long for a worker) is
released unsent, so a lapsed claim is never sent by two processes at once. A process that
dies mid-send lets the lease lapse, and the delivery is sent again with the same `webhook-id`
(at least once). Every later write names the `attempts` it claimed, so a lapsed claim taken
over by another process writes nothing.

Statements per delivery: its claim (a head's shares one UPDATE with the round's), its outcome,
and the payload's reads (per (member, event), shared by the member's webhooks; a chained
delivery's event read too); a chain ends with one claim that finds nothing (none when the
heads' read saw no later delivery). Per round: the fan-out's, the heads, their claim, and the
heads' webhooks, members and events.

Before sending, the event is checked against what the webhook's member may see NOW (the
event's audience, then the order through the API itself: schema/webhook_payload.py). A
member deactivated, or an order it no longer sees, is not sent: the delivery is FAILED with
that reason, which is no fault of the receiver and does not count towards switching the
webhook off.

Outcomes: 2xx SUCCEEDED. Timeouts, connection errors, a refused address, 408, 409, 429 and
5xx are retried after `WEBHOOK_RETRY_BASE_SECONDS` doubled per attempt with equal jitter (a
`Retry-After` is honoured instead), each wait at most MAX_WAIT, until GIVE_UP after the
delivery was made; then FAILED. A 3xx (redirects are not followed) and other 4xx (410...) are
FAILED at once. Each of these failures adds one to the webhook's `failures_in_row` (a success
resets it); at DISABLE_AFTER the webhook is switched off and the company's owners told.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

from standardwebhooks import Webhook as Signer
from tortoise.expressions import F, Q

from compat.tortoise import cached_update
from config.settings import current
from models import Membership, OrderEvent, Webhook, WebhookDelivery, WebhookDeliveryStatus
from permissions.actor import Actor
from permissions.authenticate import actor_of
from permissions.channel_secrets import SecretUnreadable, decrypt
from permissions.credentials import can_still_mint
from realtime.events import EventFacts
from resolvers import notifications
from resolvers.webhook_claims import Claimed, claim_due, claim_next, mine, release

__all__ = ["Claimed", "claim_due", "deliver", "send_due"]

log = logging.getLogger("servicedesk.webhooks")

CONCURRENCY = 16
CHAIN = 20  # deliveries of one (webhook, order) in a round
CHAIN_SECONDS = 5.0  # no order's next claimed later than this into the round
MAX_WAIT = timedelta(hours=6)
GIVE_UP = timedelta(days=3)
DISABLE_AFTER = 50
USER_AGENT = "servicedesk-webhooks/1"

NOT_VISIBLE = "not visible to the webhook's member"
MEMBER_GONE = "the webhook's member is deactivated"
# As an API token is checked at every use (permissions.credentials.can_still_mint).
CREATOR_GONE = "the webhook's creator may no longer send as its member"
EVENT_GONE = "the event is no longer kept"
SECRET_GONE = "the signing secret cannot be read: create the webhook again"
REDIRECT = "redirects are not followed"


@dataclass(frozen=True, slots=True)
class SendResult:
    """What the receiver did: an HTTP status, or none and why (`error`)."""

    status: int | None
    error: str | None = None
    retry_after: float | None = None  # seconds, from Retry-After
    excerpt: str = ""  # at most 200 printable characters of the answer


class Send(Protocol):
    async def __call__(
        self, url: str, headers: dict[str, str], body: bytes, seconds: float
    ) -> SendResult: ...


# The payload of an event for a member, as that member sees it; None: it may not see it.
BuildPayload = Callable[[Actor, EventFacts], Awaitable[bytes | None]]


async def _finish(claim: Claimed, status: WebhookDeliveryStatus, **values: object) -> bool:
    """The attempt's outcome, if the claim still holds the row; whether it did."""
    changed = await cached_update(
        WebhookDelivery, mine(claim), status=status, claimed_until=None, **values
    )
    return bool(changed)


def _verdict(result: SendResult) -> tuple[str, bool]:
    """The reason of a failed attempt, and whether it is worth retrying."""
    status = result.status
    if status is None:
        return result.error or "no answer", True
    text = f"HTTP {status}" + (f": {result.excerpt}" if result.excerpt else "")
    if 300 <= status < 400:
        return f"HTTP {status}: {REDIRECT}", False
    return text, status >= 500 or status in (408, 409, 429)


def retry_wait(attempts: int, retry_after: float | None, base_seconds: float) -> timedelta:
    """Half of base * 2^(attempts-1) plus jitter over the other half ("equal jitter": the
    step is at least half its size, so a failing receiver is never hit again at once, and
    many webhooks of one dead receiver still spread out), or the receiver's Retry-After; at
    most MAX_WAIT."""
    if retry_after is not None:
        return min(timedelta(seconds=max(retry_after, 0.0)), MAX_WAIT)
    ceiling = min(base_seconds * 2 ** min(attempts - 1, 30), MAX_WAIT.total_seconds())
    return timedelta(seconds=ceiling / 2 + random.uniform(0, ceiling / 2))


async def _failed(claim: Claimed, hook: Webhook, result: SendResult, now: datetime) -> None:
    reason, retry = _verdict(result)
    reason = reason[:500]
    next_at = now + retry_wait(
        claim.attempts, result.retry_after, current().webhook_retry_base_seconds
    )
    if retry and next_at <= claim.created_at + GIVE_UP:
        _ = await cached_update(
            WebhookDelivery,
            mine(claim),
            claimed_until=None,
            next_attempt_at=next_at,
            last_error=reason,
            response_status=result.status,
        )
    else:
        if retry:
            reason = f"{reason} (given up after 3 days)"[:500]
        await _finish(
            claim, WebhookDeliveryStatus.FAILED, last_error=reason, response_status=result.status
        )
    await count_failure(hook, reason)


async def count_failure(hook: Webhook, reason: str) -> bool:
    """One more failure in a row; switches the webhook off at DISABLE_AFTER (once, whoever
    counts it) and tells the owners. True when this call switched it off."""
    _ = await Webhook.filter(id=hook.id).update(failures_in_row=F("failures_in_row") + 1)
    why = f"{DISABLE_AFTER} deliveries failed in a row; last: {reason}"[:500]
    off = await Webhook.filter(id=hook.id, active=True, failures_in_row__gte=DISABLE_AFTER).update(
        active=False, disabled_reason=why
    )
    if off:
        await notifications.notify_webhook_disabled(hook.company_id, hook.url, why)
    return bool(off)


def signed_headers(secret: str, delivery_id: int, body: bytes, at: datetime) -> dict[str, str]:
    """Standard Webhooks headers: the delivery's id (stable across retries), the time, the
    HMAC-SHA256 signature of `id.timestamp.body` with the whsec_ secret."""
    signature = Signer(secret).sign(str(delivery_id), at, body.decode())
    return {
        "webhook-id": str(delivery_id),
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }


@dataclass(frozen=True, slots=True)
class Loaded:
    """What a round's attempts read, once for the whole batch; and each (member, event)
    payload built once, however many of the member's webhooks send it (ten webhooks of one
    member were ten runs of the same query)."""

    hooks: dict[int, Webhook]
    members: dict[int, Membership]
    events: dict[tuple[int, int], OrderEvent]
    payloads: dict[tuple[int, int, int], asyncio.Future[bytes | None]] = field(default_factory=dict)
    # Events of the deliveries claimed later in the round (an order's next): one read each,
    # shared by the webhooks sending it.
    later: dict[tuple[int, int], asyncio.Future[OrderEvent | None]] = field(default_factory=dict)

    async def event(self, claim: Claimed) -> OrderEvent | None:
        key = (claim.company_id, claim.event_seq)
        if key in self.events:
            return self.events[key]
        read = self.later.get(key)
        if read is None:
            read = self.later[key] = asyncio.ensure_future(
                OrderEvent.get_or_none(company_id=claim.company_id, seq=claim.event_seq)
            )
        return await asyncio.shield(read)

    def payload(
        self, build: BuildPayload, actor: Actor, facts: EventFacts, event: OrderEvent
    ) -> Awaitable[bytes | None]:
        key = (actor.membership_id, event.company_id, event.seq)
        built = self.payloads.get(key)
        if built is None:
            built = self.payloads[key] = asyncio.ensure_future(build(actor, facts))
        return asyncio.shield(built)  # one attempt's timeout leaves the others' payload

    @classmethod
    async def of(cls, claims: list[Claimed]) -> Loaded:
        """Three statements for the batch: its webhooks, their members and creators, its
        events."""
        if not claims:
            return cls({}, {}, {})
        hooks = {h.id: h for h in await Webhook.filter(id__in={c.webhook_id for c in claims})}
        people = {h.member_id for h in hooks.values()} | {h.created_by_id for h in hooks.values()}
        members = await Membership.filter(id__in=people)
        # Each company's own numbers: company x seq would read other companies' events with
        # the same numbers (up to claims squared rows in a batch across many companies).
        seqs: dict[int, set[int]] = defaultdict(set)
        for claim in claims:
            seqs[claim.company_id].add(claim.event_seq)
        wanted = [Q(company_id=company, seq__in=list(numbers)) for company, numbers in seqs.items()]
        events = await OrderEvent.filter(Q(*wanted, join_type="OR"))
        return cls(
            hooks,
            {m.id: m for m in members},
            {(e.company_id, e.seq): e for e in events},
        )


async def deliver(
    claim: Claimed, loaded: Loaded, build: BuildPayload, send: Send
) -> WebhookDeliveryStatus:
    """One claimed attempt, start to end; the status it left the delivery in."""
    hook = loaded.hooks.get(claim.webhook_id)
    if hook is None:  # deleted meanwhile, its deliveries with it
        return WebhookDeliveryStatus.FAILED
    member = loaded.members.get(hook.member_id)
    if member is None or not member.active or member.company_id != hook.company_id:
        await _finish(claim, WebhookDeliveryStatus.FAILED, last_error=MEMBER_GONE)
        return WebhookDeliveryStatus.FAILED
    creator = loaded.members.get(hook.created_by_id)
    if creator is None or not creator.active or not can_still_mint(actor_of(creator, None), member):
        await _finish(claim, WebhookDeliveryStatus.FAILED, last_error=CREATOR_GONE)
        return WebhookDeliveryStatus.FAILED
    event = await loaded.event(claim)
    if event is None:
        await _finish(claim, WebhookDeliveryStatus.FAILED, last_error=EVENT_GONE)
        return WebhookDeliveryStatus.FAILED
    actor = actor_of(member, None)
    facts = EventFacts.of(event)
    body = await loaded.payload(build, actor, facts, event) if facts.visible_to(actor) else None
    if body is None:
        await _finish(claim, WebhookDeliveryStatus.FAILED, last_error=NOT_VISIBLE)
        return WebhookDeliveryStatus.FAILED
    try:
        secret = decrypt(hook.secret)
    except SecretUnreadable:
        await _finish(claim, WebhookDeliveryStatus.FAILED, last_error=SECRET_GONE)
        return WebhookDeliveryStatus.FAILED
    headers = signed_headers(secret, claim.id, body, datetime.now(UTC))
    result = await send(hook.url, headers, body, float(current().webhook_timeout_seconds))
    now = datetime.now(UTC)
    if result.status is not None and 200 <= result.status < 300:
        recorded = await _finish(
            claim,
            WebhookDeliveryStatus.SUCCEEDED,
            delivered_at=now,
            response_status=result.status,
            last_error=None,
        )
        if hook.failures_in_row:  # as read this round: a reset only when there is one to do
            _ = await Webhook.filter(id=hook.id).update(failures_in_row=0)
            hook.failures_in_row = 0
        # Not recorded: the claim had lapsed and another process holds the row; it says.
        return WebhookDeliveryStatus.SUCCEEDED if recorded else WebhookDeliveryStatus.PENDING
    await _failed(claim, hook, result, now)
    return WebhookDeliveryStatus.PENDING


async def send_due(
    build: BuildPayload,
    send: Send,
    now: datetime | None = None,
    companies: list[int] | None = None,
) -> int:
    """Claim the due heads and send them, CONCURRENCY at a time, each success followed by its
    order's next delivery (bounded: CHAIN per order, CHAIN_SECONDS in all); the number
    of attempts claimed. `now` fixes the clock of the claims (tests move it on to make
    retries due)."""
    clock = now or datetime.now(UTC)
    settings = current()
    started = time.monotonic()
    chaining_until = started + min(CHAIN_SECONDS, settings.webhook_lease_margin_seconds / 2)
    claims = await claim_due(clock, companies)
    loaded = await Loaded.of(claims)
    # (claim, when it was claimed, its place in its order's chain); heads first, oldest first.
    queue: deque[tuple[Claimed, float, int]] = deque((c, started, 1) for c in claims)
    attempted = 0

    async def attempt(claim: Claimed, claimed_at: float, step: int) -> None:
        nonlocal attempted
        # Sent only while the lease outlasts the attempt's timeout: never beside a taker.
        if time.monotonic() - claimed_at > settings.webhook_lease_margin_seconds:
            await release(claim)
            return
        attempted += 1
        status = await deliver(claim, loaded, build, send)
        if status is not WebhookDeliveryStatus.SUCCEEDED or step >= CHAIN or not claim.later:
            return
        if time.monotonic() > chaining_until:
            return
        after = await claim_next(now or datetime.now(UTC), claim)
        if after is not None:
            queue.append((after, time.monotonic(), step + 1))

    busy = 0  # attempts under way: each may queue its order's next
    changed = asyncio.Condition()

    def ready() -> bool:  # an attempt to make, or none coming
        return bool(queue) or not busy

    async def worker() -> None:
        nonlocal busy
        while True:
            async with changed:
                _ = await changed.wait_for(ready)
                if not queue:
                    return
                claim, claimed_at, step = queue.popleft()
                busy += 1
            try:
                await attempt(claim, claimed_at, step)
            except Exception as error:  # the database away a moment: the lease lapses
                log.error("webhook delivery failed: %r", error)
            finally:
                async with changed:
                    busy -= 1
                    changed.notify_all()

    _ = await asyncio.gather(*(worker() for _ in range(min(CONCURRENCY, len(queue)))))
    return attempted
