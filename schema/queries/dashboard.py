"""Root query field of the dashboard."""

from __future__ import annotations

import strawberry

from resolvers import dashboard
from schema.context import Info
from schema.dashboard import Dashboard


@strawberry.type
class DashboardQueries:
    @strawberry.field
    async def dashboard(self, info: Info) -> Dashboard:
        figures = await dashboard.dashboard(info.context.require_actor(), info.context.now)
        return Dashboard.of(figures)
