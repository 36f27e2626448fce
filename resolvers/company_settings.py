"""Changing a company's settings: name, time zone, language, working hours, escalations.

Every field sent is checked before anything is written, so a refused call changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from domain.errors import invalid
from domain.time_zones import check_locale, check_time_zone
from domain.working_hours import HoursInput, check_working_hours, to_json
from models import Company
from permissions.actor import Actor
from permissions.companies import access_company_by_id, check_may_change_company_settings
from resolvers import validation

# An escalation later than a week of minutes, or a reminder more than a week ahead, is a typo.
MAX_ESCALATION_MINUTES = 7 * 24 * 60
MAX_REMINDER_HOURS = 7 * 24


class NotSent(Enum):
    """A field the client left out: it keeps its value (null is sent, and means "off")."""

    NOT_SENT = "not sent"


NOT_SENT = NotSent.NOT_SENT


@dataclass(frozen=True, slots=True)
class CompanySettings:
    name: str | NotSent | None = NOT_SENT
    timezone: str | NotSent | None = NOT_SENT
    locale: str | NotSent | None = NOT_SENT
    working_hours: Sequence[HoursInput] | NotSent | None = NOT_SENT
    overdue_escalation_minutes: int | NotSent | None = NOT_SENT
    unanswered_escalation_minutes: int | NotSent | None = NOT_SENT
    visit_reminder_hours: int | NotSent | None = NOT_SENT


def _required(value: object, field: str) -> None:
    if value is None:
        raise invalid("Cannot be null: leave the field out to keep it", "input", field)


def _bounded(value: int | None, largest: int, unit: str, field: str) -> int | None:
    if value is not None and not 1 <= value <= largest:
        raise invalid(f"From 1 to {largest} {unit}, or null to turn it off", "input", field)
    return value


def _columns(settings: CompanySettings) -> dict[str, Any]:
    """The checked column values of the fields sent; INVALID names the first field at fault."""
    out: dict[str, Any] = {}
    if not isinstance(settings.name, NotSent):
        out["name"] = validation.required_name(settings.name, 200, "input", "name")
    if not isinstance(settings.timezone, NotSent):
        _required(settings.timezone, "timezone")
        out["timezone"] = check_time_zone(settings.timezone or "", "input", "timezone")
    if not isinstance(settings.locale, NotSent):
        _required(settings.locale, "locale")
        out["locale"] = check_locale(settings.locale or "", "input", "locale")
    if not isinstance(settings.working_hours, NotSent):
        _required(settings.working_hours, "workingHours")
        hours = check_working_hours(settings.working_hours or [], "input", "workingHours")
        out["working_hours"] = to_json(hours)
    for column, value, largest, unit, field in (
        (
            "overdue_escalation_minutes",
            settings.overdue_escalation_minutes,
            MAX_ESCALATION_MINUTES,
            "minutes",
            "overdueEscalationMinutes",
        ),
        (
            "unanswered_escalation_minutes",
            settings.unanswered_escalation_minutes,
            MAX_ESCALATION_MINUTES,
            "minutes",
            "unansweredEscalationMinutes",
        ),
        (
            "visit_reminder_hours",
            settings.visit_reminder_hours,
            MAX_REMINDER_HOURS,
            "hours",
            "visitReminderHours",
        ),
    ):
        if not isinstance(value, NotSent):
            out[column] = _bounded(value, largest, unit, field)
    return out


async def update_company(actor: Actor, settings: CompanySettings) -> Company:
    """The OWNER's company with the fields sent changed; nothing is written on a refusal."""
    check_may_change_company_settings(actor)
    company = await access_company_by_id(actor, actor.company_id)
    columns = _columns(settings)
    if columns:
        _ = company.update_from_dict(columns)
        await company.save(update_fields=list(columns))
    return company
