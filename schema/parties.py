"""The parties of an order or a series (client, address, contractor, responsible), read the
same way for both: at once when the page's statement loaded them (schema/prefetch.py), else
awaited from their loader. Each is sync with an awaitable fallback, so the fields that call
them stay `@context_only` on the executor's fast path."""

from __future__ import annotations

from collections.abc import Awaitable

from schema.contacts import Address, Contact, load_contact
from schema.context import Info
from schema.people import Member, load_member
from schema.prefetch import MISSING, ready


def client_of(info: Info, contact_id: int) -> Contact | Awaitable[Contact]:
    row = ready(info.context.loaders.contact, contact_id)
    if row is MISSING or row is None:
        return _load_client(info, contact_id)
    return Contact.of(row)


def contractor_of(info: Info, contact_id: int | None) -> Contact | Awaitable[Contact | None] | None:
    if contact_id is None:
        return None
    row = ready(info.context.loaders.contact, contact_id)
    if row is MISSING:
        return load_contact(info, contact_id)
    return None if row is None else Contact.of(row)


def address_of(info: Info, address_id: int) -> Address | Awaitable[Address]:
    row = ready(info.context.loaders.address, address_id)
    if row is MISSING or row is None:
        return _load_address(info, address_id)
    return Address.of(row)


def responsible_of(info: Info, member_id: int) -> Member | Awaitable[Member]:
    row = ready(info.context.loaders.member, member_id)
    if row is MISSING or row is None:
        return _load_responsible(info, member_id)
    return Member.of(row)


async def _load_address(info: Info, address_id: int) -> Address:
    row = await info.context.loaders.address.load(address_id)
    assert row is not None, "an order or series always has its address"
    return Address.of(row)


async def _load_client(info: Info, contact_id: int) -> Contact:
    client = await load_contact(info, contact_id)
    assert client is not None, "an order or series always has its client"
    return client


async def _load_responsible(info: Info, member_id: int) -> Member:
    member = await load_member(info, member_id)
    assert member is not None, "an order or series always has its responsible member"
    return member
