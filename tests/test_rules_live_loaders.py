"""Loaders shared by every subscriber of one live event never mix actors' views.

schema/live.py resolves one event for all its subscribers with one `Loaders`; a loader whose
result depends on the asker must therefore carry the asker in its key. The declaration of
each loader (`@actor_free` / `@actor_keyed`) is checked here against what its batch function
does, and end to end: three members of different roles and subtrees hear one event and each
gets its own counts.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable
from functools import cached_property
from typing import Any

import pytest
from starlette.applications import Starlette
from strawberry.dataloader import DataLoader

from models import Role
from permissions.actor import Actor
from schema.loaders import (
    ACTOR_FREE,
    ACTOR_KEYED,
    ActorFreeLoader,
    ActorKeyedLoader,
    Loaders,
    check_declared,
    loader_names,
)
from tests.support.api import Api, invite_and_accept, register
from tests.support.world import COMMENT, contact, create_order, portal_member
from tests.support.ws import client, joined, socket

ACTOR = Actor(1, 1, 1, Role.STAFF, "/1/", None, None)


def batch_function(name: str) -> Callable[..., Any]:
    loader: DataLoader[Any, Any] = getattr(Loaders(), name)
    function: Callable[..., Any] = loader.load_fn
    return function


def uses_permission_rules(function: Callable[..., Any]) -> bool:
    """Whether the batch function calls anything from `permissions/` (a rule of the asker)."""
    codes, names = [function.__code__], set[str]()
    while codes:  # the function and the comprehensions inside it
        code = codes.pop()
        names.update(code.co_names)
        codes += [c for c in code.co_consts if isinstance(c, types.CodeType)]
    found = [function.__globals__.get(name) for name in names]
    return any(getattr(f, "__module__", "").startswith("permissions") for f in found)


def test_every_loader_is_declared_one_way() -> None:
    names = loader_names()
    assert len(names) > 20
    assert set(names) == ACTOR_FREE | ACTOR_KEYED
    assert not ACTOR_FREE & ACTOR_KEYED
    for name in names:
        kind = ActorKeyedLoader if name in ACTOR_KEYED else ActorFreeLoader
        assert type(getattr(Loaders(), name)) is kind, name


def test_an_undeclared_loader_is_refused() -> None:
    class More(Loaders):
        @cached_property
        def extra(self) -> DataLoader[int, int]:
            raise NotImplementedError

    with pytest.raises(TypeError, match="extra"):
        check_declared(More)


@pytest.mark.parametrize("name", loader_names())
def test_the_declaration_matches_the_batch_function(name: str) -> None:
    """A batch function is a module-level function of its keys (no actor captured in a
    closure); it applies the asker's rules exactly when its keys hold an Actor."""
    function = batch_function(name)
    assert inspect.isfunction(function), name
    assert function.__closure__ is None, name
    assert "<locals>" not in function.__qualname__, name
    first = next(iter(inspect.signature(function).parameters))
    keys = typing.get_type_hints(function)[first]
    keyed = "permissions.actor.Actor" in repr(keys)
    assert keyed == (name in ACTOR_KEYED), name
    assert uses_permission_rules(function) == keyed, name


def test_keys_are_refused_when_they_break_the_declaration() -> None:
    loaders = Loaders()
    with pytest.raises(TypeError, match="needs the Actor"):
        _ = loaders.visible_order.load((1,))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got an Actor"):
        _ = loaders.member.load((1, ACTOR))  # type: ignore[arg-type]


EVENTS = """subscription { orderEvents { kind order { id
    comments { totalCount edges { node { body } } }
    client { orders { totalCount } } } } }"""


@pytest.mark.asyncio
async def test_one_event_shared_by_three_roles_gives_each_its_own_view(
    app: Starlette, api: Api
) -> None:
    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Staff")
    card = await contact(api, owner, "CLIENT", "Anna")
    client_member = await portal_member(api, owner, card, "Anna Portal")
    where = {"clientId": card.id, "addressId": card.address_ids[0]}
    order = await create_order(api, owner, responsibleId=staff.member_id, **where)
    await create_order(api, owner, responsibleId=owner.member_id, **where)
    await api.ok(COMMENT, {"o": order["id"], "b": "INTERNAL", "v": "INTERNAL"}, owner.access)
    async with (
        client(app) as http,
        socket(http, owner.access) as owner_sock,
        socket(http, staff.access) as staff_sock,
        socket(http, client_member.access) as client_sock,
    ):
        socks = {"owner": owner_sock, "staff": staff_sock, "client": client_sock}
        ops = {who: await sock.subscribe(EVENTS) for who, sock in socks.items()}
        for member in (owner, staff, client_member):
            await joined(member.member_id)
        await api.ok(COMMENT, {"o": order["id"], "b": "CLIENT", "v": "CLIENT"}, owner.access)
        heard = {who: (await sock.data(ops[who]))["orderEvents"] for who, sock in socks.items()}
    seen = {
        who: (
            event["kind"],
            event["order"]["id"],
            [edge["node"]["body"] for edge in event["order"]["comments"]["edges"]],
            event["order"]["comments"]["totalCount"],
            event["order"]["client"]["orders"]["totalCount"],
        )
        for who, event in heard.items()
    }
    assert seen == {
        "owner": ("COMMENTED", order["id"], ["INTERNAL", "CLIENT"], 2, 2),
        # The staff member sees the client's order it is responsible for, not the owner's.
        "staff": ("COMMENTED", order["id"], ["INTERNAL", "CLIENT"], 2, 1),
        # The client reads only comments meant for it; it sees both its orders.
        "client": ("COMMENTED", order["id"], ["CLIENT"], 1, 2),
    }
