"""A member sees its own company and no other."""

from __future__ import annotations

from domain.errors import not_found
from models import Company
from permissions.actor import Actor


async def access_company_by_id(actor: Actor, company_id: int | None) -> Company:
    company = None if company_id != actor.company_id else await Company.get_or_none(id=company_id)
    if company is None:
        raise not_found("Company")
    return company
