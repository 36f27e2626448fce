"""Recording a round's successes together ("group commit"), and claiming their orders' next.

Each write is a commit, and a commit is what a sender round waits on most (SQLite syncs its
log at each one; PostgreSQL too, unless told otherwise): recording each success on its own
and claiming its order's next on its own made two commits per delivery. The successes that
finish while a write is under way wait for it and go in the next one together: one UPDATE
records them all (each row only if its claim still holds it: the same id and `attempts`,
still PENDING), then one UPDATE claims the next delivery of each recorded (webhook, order)
that asked for it, with the conditions of every claim (resolvers/webhook_claims.py). A
delivery's next is claimed only after its own success committed, so an order's event N+1 is
never sent while N is pending.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tortoise import connections

from resolvers.webhook_claims import Claimed, Sql, claim_where


@dataclass(frozen=True, slots=True)
class _Success:
    claim: Claimed
    status: int
    chain: bool  # claim its order's next once recorded
    done: asyncio.Future[tuple[bool, Claimed | None]]


async def _record(successes: list[_Success], at: datetime) -> set[int]:
    """The rows whose claims still held them, now SUCCEEDED; one statement."""
    db = connections.get("default")
    bind = Sql(db.capabilities.dialect == "postgres")  # placeholders in the text's order
    sql = (
        "UPDATE webhook_delivery SET status = 'SUCCEEDED', claimed_until = NULL,"
        f" last_error = NULL, delivered_at = {bind(at)}, response_status = CASE id"
    )
    for s in successes:
        sql += f" WHEN {bind(s.claim.id)} THEN CAST({bind(s.status)} AS INTEGER)"
    mine = " OR ".join(
        f"(id = {bind(s.claim.id)} AND attempts = {bind(s.claim.attempts)})" for s in successes
    )
    sql += f" END WHERE status = 'PENDING' AND ({mine}) RETURNING id"
    return {int(row["id"]) for row in await db.execute_query_dict(sql, bind.params)}


async def _claim_next(now: datetime, after: list[Claimed]) -> dict[tuple[int, int], Claimed]:
    """The next PENDING delivery of each (webhook, order) of `after`, claimed where it may go
    now; one statement."""
    if not after:
        return {}

    def target(bind: Sql) -> str:
        ids = ", ".join(bind(c.id) for c in after)
        return (
            "id IN (SELECT (SELECT nxt.id FROM webhook_delivery nxt"
            " WHERE nxt.webhook_id = done.webhook_id AND nxt.order_id = done.order_id"
            " AND nxt.status = 'PENDING' ORDER BY nxt.event_seq LIMIT 1)"
            f" FROM webhook_delivery done WHERE done.id IN ({ids}))"
        )

    return {(c.webhook_id, c.order_id): c for c in await claim_where(now, target)}


@dataclass
class Recorder:
    """A round's successes, written together; `now` fixes the clock of the next claims (tests
    move it on), None: the time of each write."""

    now: datetime | None = None
    waiting: list[_Success] = field(default_factory=list)
    writing: asyncio.Task[None] | None = None

    async def succeeded(
        self, claim: Claimed, status: int, chain: bool
    ) -> tuple[bool, Claimed | None]:
        """Whether the success was recorded (the claim still held the row), and, if `chain`,
        its order's next delivery claimed for this process (None: none may go now)."""
        done: asyncio.Future[tuple[bool, Claimed | None]] = (
            asyncio.get_running_loop().create_future()
        )
        self.waiting.append(_Success(claim, status, chain, done))
        if self.writing is None or self.writing.done():
            self.writing = asyncio.create_task(self._write())
        return await done

    async def _write(self) -> None:
        while self.waiting:
            batch, self.waiting = self.waiting, []
            try:
                recorded = await _record(batch, datetime.now(UTC))
                chained = [s.claim for s in batch if s.chain and s.claim.id in recorded]
                nexts = await _claim_next(self.now or datetime.now(UTC), chained)
            except Exception as error:  # each waiter's own: the database away a moment
                for success in batch:
                    if not success.done.done():
                        success.done.set_exception(error)
                continue
            for success in batch:
                key = (success.claim.webhook_id, success.claim.order_id)
                after = nexts.get(key) if success.chain else None
                if not success.done.done():
                    success.done.set_result((success.claim.id in recorded, after))
