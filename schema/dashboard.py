"""The dashboard type: the caller's live figures (see resolvers/dashboard.py)."""

from __future__ import annotations

import strawberry

from resolvers.dashboard import DashboardFigures


@strawberry.type
class Dashboard:
    open_orders: int
    overdue_orders: int
    due_today: int
    created_today: int
    completed_today: int
    open_tasks: int
    overdue_tasks: int
    unanswered_conversations: int

    @classmethod
    def of(cls, figures: DashboardFigures) -> Dashboard:
        return cls(
            open_orders=figures.open_orders,
            overdue_orders=figures.overdue_orders,
            due_today=figures.due_today,
            created_today=figures.created_today,
            completed_today=figures.completed_today,
            open_tasks=figures.open_tasks,
            overdue_tasks=figures.overdue_tasks,
            unanswered_conversations=figures.unanswered_conversations,
        )
