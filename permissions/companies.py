"""A member sees its own company and no other; its settings are the staff's, the OWNER's to change."""

from __future__ import annotations

from domain.errors import forbidden, not_found
from models import Company
from permissions.actor import Actor


async def access_company_by_id(actor: Actor, company_id: int | None) -> Company:
    company = None if company_id != actor.company_id else await Company.get_or_none(id=company_id)
    if company is None:
        raise not_found("Company")
    return company


def can_see_company_settings(actor: Actor, company_id: int) -> bool:
    """The escalation settings: how the company chases its own people, for its staff only."""
    return actor.is_staff and actor.company_id == company_id


def check_may_change_company_settings(actor: Actor) -> None:
    """Name, zone, language, hours and escalations bind everyone: the OWNER's decision."""
    if not actor.is_owner:
        raise forbidden("Only the owner changes the company's settings")
