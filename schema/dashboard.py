"""The dashboard type: the caller's live figures (see resolvers/dashboard.py)."""

from __future__ import annotations

from dataclasses import asdict

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
        return cls(**asdict(figures))
