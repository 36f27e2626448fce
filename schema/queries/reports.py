"""Root query field of reports."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from resolvers import reports
from schema.context import Info
from schema.reports import ReportGrouping, ReportRow


@strawberry.type
class ReportQueries:
    @strawberry.field(
        description="Figures of the orders in [from, to) per group, scoped like the dashboard "
        "(the OWNER's company, a staff member's subtree); days are the company's. Errors "
        "(FORBIDDEN, INVALID) come back as GraphQL errors with their code."
    )
    async def order_report(
        self,
        info: Info,
        from_: Annotated[datetime, strawberry.argument(name="from")],
        to: datetime,
        group_by: ReportGrouping,
    ) -> list[ReportRow]:
        rows = await reports.order_report(
            info.context.require_actor(), from_, to, group_by, info.context.now
        )
        return [ReportRow.of(row, group_by) for row in rows]
