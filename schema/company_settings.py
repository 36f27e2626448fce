"""Types of a company's settings: working hours (the company's and a contractor's), escalations.

Times in and out are local wall-clock times (the Time scalar); a Time input that is no time
of day arrives as its text and is refused by the domain's check, naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import strawberry

import models
from domain.working_hours import from_json
from resolvers.company_settings import CompanySettings


@strawberry.type
class WorkingHours:
    weekday: int = strawberry.field(description="1 = Monday ... 7 = Sunday.")
    start: dt.time
    end: dt.time


def working_hours_of(stored: Sequence[Mapping[str, int | str]]) -> list[WorkingHours]:
    """Hours as stored (checked and sorted on the way in)."""
    return [WorkingHours(weekday=i.weekday, start=i.start, end=i.end) for i in from_json(stored)]


@strawberry.input
class WorkingHoursInput:
    weekday: int
    start: dt.time
    end: dt.time


@strawberry.type
class EscalationSettings:
    overdue_minutes: int | None = strawberry.field(
        description="An order overdue this long (working minutes) is told to its responsible "
        "member's manager, and as long again to the next one up; null = off."
    )
    unanswered_minutes: int | None = strawberry.field(
        description="An inbound message unanswered this long (working minutes) is told to the "
        "conversation's assignee, then its manager; null = off."
    )
    visit_reminder_hours: int | None = strawberry.field(
        description="Clients and contractors are reminded this many hours before a visit; "
        "null = off."
    )

    @classmethod
    def of(cls, row: models.Company) -> EscalationSettings:
        return cls(
            overdue_minutes=row.overdue_escalation_minutes,
            unanswered_minutes=row.unanswered_escalation_minutes,
            visit_reminder_hours=row.visit_reminder_hours,
        )


@strawberry.input
class CompanySettingsInput:
    """Only the fields sent change; null turns an escalation off."""

    name: str | None = strawberry.UNSET
    timezone: str | None = strawberry.UNSET
    locale: str | None = strawberry.UNSET
    working_hours: list[WorkingHoursInput] | None = strawberry.UNSET
    overdue_escalation_minutes: int | None = strawberry.UNSET
    unanswered_escalation_minutes: int | None = strawberry.UNSET
    visit_reminder_hours: int | None = strawberry.UNSET

    def settings(self) -> CompanySettings:
        sent = {name: value for name, value in vars(self).items() if value is not strawberry.UNSET}
        return CompanySettings(**sent)
