"""Order-event subscriptions without a task per subscriber.

A subscription that waits in an async generator costs a task, its generator frames and
graphql-core's stream machinery for as long as it is open: ~20 KB per idle socket. Over our
WebSocket handler (servicedesk/transport/live_socket.py) the same resolvers instead register a `Pushed`
subscription with the hub and return: the hub hands it each event it may see, and it runs the
subscription's selection on that event in a short task, only while there is something to send.
Elsewhere (a transport without the handler's slot) they run as ordinary generators.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLSchema,
    execute_subscription_event,
)
from strawberry.types.execution import ExecutionResult as StrawberryResult

import models
from compat.cancel import cancel
from compat.strawberry import raw_info
from permissions.actor import Actor
from realtime.events import EventFacts
from realtime.hub import QUEUE_SIZE, Delivery, Listener, current_hub, listening
from realtime.replay import replay
from schema.context import Context, Info
from schema.executor import LeanExecutor
from schema.loaders import Loaders
from schema.masking import shape_errors
from schema.streams import close_slow_reader, until_overflow

log = logging.getLogger("servicedesk.realtime")


@dataclass(frozen=True, eq=False)
class LiveSpec:
    """What a subscription listens to and how an event becomes its payload."""

    actor: Actor
    live: Callable[[Delivery], object]
    replayed: Callable[[EventFacts, models.Order], object] | None = None
    order_id: int | None = None
    since: int | None = None  # replay events after this cursor first
    end_when_gone: bool = False  # an event without its order ends the subscription


@dataclass(eq=False)
class LiveSlot:
    """Set by the WebSocket handler around one `subscribe` message, so a resolver may register
    a pushed subscription instead of streaming."""

    query: str
    variables: dict[str, Any] | None
    operation_name: str | None
    send: Callable[[StrawberryResult], Awaitable[None]]
    complete: Callable[[], Awaitable[None]]
    subscription: Pushed | None = None


live_slot: ContextVar[LiveSlot | None] = ContextVar("live_slot", default=None)


async def serve(info: Info, spec: LiveSpec) -> AsyncIterator[object]:
    """The subscription's payloads: registered with the hub when a slot is offered, else
    streamed from a listener queue."""
    slot = live_slot.get()
    if slot is not None and slot.subscription is None:
        slot.subscription = await Pushed.start(info, spec, slot)
        return
    async with listening(spec.actor, spec.order_id) as (listener, joined_at):
        last = joined_at
        if spec.replayed is not None and spec.since is not None and spec.since < joined_at:
            async for facts, order in replay(spec.actor, spec.since, joined_at):
                info.context.loaders = Loaders()
                yield spec.replayed(facts, order)
        async for delivery in until_overflow(info.context, listener.deliveries()):
            if delivery.event.seq <= last:
                continue
            if delivery.order is None:
                if spec.end_when_gone:
                    return
                continue
            last = delivery.event.seq
            _share(info.context, delivery)
            yield spec.live(delivery)


def _share(context: Context, delivery: Delivery) -> None:
    """Resolve this event with loaders shared by every subscriber of it in this process: safe
    because every loader that applies the asker's rules takes the asker in its key
    (`schema.loaders.ActorKeyedLoader` refuses a key without one)."""
    loaders = delivery.shared.get("loaders")
    if loaders is None:
        loaders = delivery.shared["loaders"] = Loaders()
    context.loaders = cast(Loaders, loaders)
    context.now = datetime.now(UTC)


@dataclass(eq=False)
class Pushed:
    """A registered subscription: its document, its socket's context and what is to send."""

    context: Context
    schema: GraphQLSchema
    document: DocumentNode
    spec: LiveSpec
    slot: LiveSlot
    listener: Listener | None = None
    last: int = 0
    pending: deque[Delivery] = field(default_factory=deque)
    task: asyncio.Task[None] | None = None
    stopped: bool = False
    variables_key: str = ""

    @classmethod
    async def start(cls, info: Info, spec: LiveSpec, slot: LiveSlot) -> Pushed:
        raw = raw_info(info)
        document = DocumentNode(definitions=(raw.operation, *raw.fragments.values()))
        pushed = cls(info.context, raw.schema, document, spec, slot)
        pushed.variables_key = json.dumps(slot.variables, sort_keys=True, default=str)
        hub = current_hub()
        if hub is None:
            raise RuntimeError("realtime is not running in this process")
        pushed.listener, pushed.last = await hub.join(spec.actor, spec.order_id, pushed.offer)
        if spec.replayed is not None and spec.since is not None and spec.since < pushed.last:
            pushed._run(pushed._replay(spec.since, pushed.last))
        return pushed

    def offer(self, delivery: Delivery) -> None:
        if self.stopped:
            return
        if len(self.pending) >= QUEUE_SIZE:
            self.stop()
            self._run(close_slow_reader(self.context))
            return
        self.pending.append(delivery)
        if self.task is None:
            self._run(None)

    def stop(self) -> None:
        """Leave the feed (the client completed, the socket closed or fell behind)."""
        self.stopped = True
        self.pending.clear()
        hub = current_hub()
        if self.listener is not None and hub is not None:
            hub.leave(self.listener)
            self.listener = None
        if self.task is not None and self.task is not asyncio.current_task():
            cancel(self.task)

    def _run(self, first: Awaitable[None] | None) -> None:
        self.task = asyncio.create_task(self._work(first), name="live-subscription")

    async def _work(self, first: Awaitable[None] | None) -> None:
        """Replay (or close) first if asked, then send whatever is pending."""
        try:
            if first is not None:
                await first
            await self._drain()
        except Exception:
            log.exception("a pushed subscription failed")
            self.stop()
            await self.slot.complete()
        finally:
            if self.task is asyncio.current_task():
                self.task = None

    async def _replay(self, since: int, upto: int) -> None:
        assert self.spec.replayed is not None
        async for facts, order in replay(self.spec.actor, since, upto):
            self.context.loaders = Loaders()
            await self._send(self.spec.replayed(facts, order))

    async def _drain(self) -> None:
        while self.pending and not self.stopped:
            delivery = self.pending.popleft()
            if delivery.event.seq <= self.last:
                continue
            if delivery.order is None:
                if self.spec.end_when_gone:
                    self.stop()
                    await self.slot.complete()
                    return
                continue
            self.last = delivery.event.seq
            await self.slot.send(await self._shared_result(delivery))

    async def _shared_result(self, delivery: Delivery) -> StrawberryResult:
        """Subscribers with the same document who see the same data get one execution."""
        key = (self.slot.query, self.variables_key, self.spec.actor.view_key)
        results = cast(
            dict[object, asyncio.Future[StrawberryResult]],
            delivery.shared.setdefault("results", {}),
        )
        result = results.get(key)
        if result is None:
            _share(self.context, delivery)
            work = self._execute(self.spec.live(delivery))
            result = results[key] = asyncio.ensure_future(work)
        return await asyncio.shield(result)

    async def _send(self, payload: object) -> None:
        await self.slot.send(await self._execute(payload))

    async def _execute(self, payload: object) -> StrawberryResult:
        context = self.context
        # The schema's executor, as for every other result (its fast paths included).
        executor = LeanExecutor.build(
            self.schema,
            self.document,
            context_value=context,
            raw_variable_values=self.slot.variables,
            operation_name=self.slot.operation_name,
        )
        if isinstance(executor, list):  # the variables were valid at subscribe time
            result = ExecutionResult(data=None, errors=executor)
        else:
            outcome = execute_subscription_event(executor.build_per_event_executor(payload))
            result = await outcome if isinstance(outcome, Awaitable) else outcome
        errors = shape_errors(result.errors, context.request_id) if result.errors else None
        return StrawberryResult(data=result.data, errors=errors)
