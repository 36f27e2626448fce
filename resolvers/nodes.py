"""`node(id)`: any object the caller may see, by type name and pk, else None."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tortoise.expressions import Subquery
from tortoise.models import Model

from models import Address, Company, Invitation
from permissions.actor import Actor
from permissions.contacts import access_contact_by_id, visible_contacts
from permissions.errors import DomainError
from permissions.members import access_member_by_id


async def _company(actor: Actor, pk: int) -> Company | None:
    return await Company.get_or_none(id=pk) if pk == actor.company_id else None


async def _invitation(actor: Actor, pk: int) -> Invitation | None:
    if not actor.is_staff:
        return None
    return await Invitation.get_or_none(id=pk, company_id=actor.company_id)


async def _address(actor: Actor, pk: int) -> Address | None:
    contacts = Subquery(visible_contacts(actor).values("id"))
    return await Address.get_or_none(id=pk, company_id=actor.company_id, contact_id__in=contacts)


FINDERS: dict[str, Callable[[Actor, int], Awaitable[Model | None]]] = {
    "Company": _company,
    "Member": access_member_by_id,
    "Invitation": _invitation,
    "Contact": access_contact_by_id,
    "Address": _address,
}


async def find_node(actor: Actor, type_name: str, pk: int) -> Model | None:
    finder = FINDERS.get(type_name)
    if finder is None:
        return None
    try:
        return await finder(actor, pk)
    except DomainError:
        return None
