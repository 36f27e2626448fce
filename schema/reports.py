"""The report types: a row of figures per contractor, client, responsible member or day."""

from __future__ import annotations

import strawberry

from resolvers import reports
from schema.ids import to_global_id

ReportGrouping = reports.ReportGrouping
strawberry.enum(ReportGrouping, name="ReportGrouping")

# The type of each grouping's key in global ids.
KEY_TYPES = {
    ReportGrouping.CONTRACTOR: "Contact",
    ReportGrouping.CLIENT: "Contact",
    ReportGrouping.RESPONSIBLE: "Member",
}


@strawberry.type
class ReportRow:
    key: strawberry.ID | None = strawberry.field(
        description="The contractor's, client's or member's id; null when grouping by DAY, "
        "and on the row of the orders without a contractor."
    )
    label: str
    created: int
    completed: int
    completed_on_time: int
    overdue: int
    cancelled: int
    average_completion_hours: float | None
    average_rating: float | None = strawberry.field(
        description="The mean rating (1 to 5) of the rated orders completed in the period; "
        "grouped by CONTRACTOR only, else null."
    )

    @classmethod
    def of(cls, row: reports.ReportRow, grouping: ReportGrouping) -> ReportRow:
        key_type = KEY_TYPES.get(grouping)
        return cls(
            key=None
            if row.key is None or key_type is None
            else strawberry.ID(to_global_id(key_type, row.key)),
            label=row.label,
            created=row.created,
            completed=row.completed,
            completed_on_time=row.completed_on_time,
            overdue=row.overdue,
            cancelled=row.cancelled,
            average_completion_hours=row.average_completion_hours,
            average_rating=row.average_rating,
        )
