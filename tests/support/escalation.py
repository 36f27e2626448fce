"""Escalation and visit-reminder tests: the company's settings through updateCompany, rounds
of the deadline watch at a clock the test moves (several at the same moment), and who heard."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

from resolvers.deadline_watch import watch_once
from tests.support.api import Api, Session

SOON = timedelta(hours=2)
SETTINGS = """
mutation($input: CompanySettingsInput!) {
  updateCompany(input: $input) { company { id } errors { field code message } }
}
"""
UPDATE_ORDER = """mutation($id: ID!, $input: UpdateOrderInput!) {
  updateOrder(id: $id, input: $input) { errors { field code message } } }"""
UPDATE_CONTACT = """mutation($id: ID!, $input: UpdateContactInput!) {
  updateContact(id: $id, input: $input) { errors { field code message } } }"""
WEEKDAYS_8_TO_20 = [{"weekday": d, "start": "08:00", "end": "20:00"} for d in range(1, 6)]


async def configure(api: Api, owner: Session, **settings: Any) -> None:
    data = await api.ok(SETTINGS, {"input": settings}, owner.access)
    assert data["updateCompany"]["errors"] == [], data["updateCompany"]["errors"]


async def update_order(api: Api, who: Session, order_id: str, **fields: Any) -> None:
    data = await api.ok(UPDATE_ORDER, {"id": order_id, "input": fields}, who.access)
    assert data["updateOrder"]["errors"] == [], data["updateOrder"]["errors"]


async def update_contact(api: Api, who: Session, contact_id: str, **fields: Any) -> None:
    data = await api.ok(UPDATE_CONTACT, {"id": contact_id, "input": fields}, who.access)
    assert data["updateContact"]["errors"] == [], data["updateContact"]["errors"]


async def rounds(company: int, now: datetime, at_once: int = 4) -> None:
    """`at_once` rounds of the whole watch at the same moment, for this company only."""
    await asyncio.gather(*(watch_once(now, SOON, companies=[company]) for _ in range(at_once)))
