"""Queries over an actor's scope whose SQL is built once per shape (compat.tortoise.cached_rows):
the actor's ids and path are the statement's values; its role, whether it has a contact card
and whether it reads through a read-only token are its shape. No rule of who sees what reads
the session or the token's id (permissions/), so actors differing only there share one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, cast

from tortoise.queryset import AwaitableQuery

from compat.tortoise import Value, cached_rows
from permissions.actor import Actor

ScopedBuild = Callable[[Actor, Sequence[Value]], AwaitableQuery[Any]]


def _shape(actor: Actor) -> Actor:
    return replace(
        actor,
        membership_id=0,
        user_id=0,
        company_id=0,
        path="",
        contact_id=None if actor.contact_id is None else 0,
        session_id=None,
        api_token_id=None if actor.api_token_id is None else 0,
    )


def _values(actor: Actor) -> list[Value]:
    found: list[Value] = [actor.membership_id, actor.user_id, actor.company_id, actor.path]
    return found if actor.contact_id is None else [*found, actor.contact_id]


def _actor(shape: Actor, values: Sequence[Value]) -> Actor:
    """The actor of `shape` with the given values (or their markers), in `_values`' order."""
    contact_id = values[4] if shape.contact_id is not None else None
    return replace(
        shape,
        membership_id=cast(int, values[0]),
        user_id=cast(int, values[1]),
        company_id=cast(int, values[2]),
        path=cast(str, values[3]),
        contact_id=cast(int | None, contact_id),
    )


async def scoped_rows(
    name: str, actor: Actor, values: Sequence[Value], build: ScopedBuild
) -> list[dict[str, Any]]:
    """The rows of `build(actor, values)`, its SQL built once per `name` and actor shape.
    `build` must make the same statement for every actor of a shape and every `values`, the
    values aside (its text may depend on nothing else)."""
    shape, own = _shape(actor), _values(actor)
    count = len(own)
    return await cached_rows(
        (name, shape),
        lambda given: build(_actor(shape, given[:count]), given[count:]),
        [*own, *values],
    )
