"""Root query fields, one module per domain, merged into one `Query` type.

Each field delegates to resolvers/ and converts rows to plain types.
"""

from __future__ import annotations

import strawberry

from schema.queries.api_tokens import ApiTokenQueries
from schema.queries.conversations import ConversationQueries
from schema.queries.dashboard import DashboardQueries
from schema.queries.node import NodeQueries
from schema.queries.notifications import NotificationQueries
from schema.queries.orders import OrderQueries
from schema.queries.people import PeopleQueries
from schema.queries.reports import ReportQueries
from schema.queries.scheduling import SchedulingQueries
from schema.queries.series import SeriesQueries
from schema.queries.tasks import TaskQueries
from schema.queries.webhooks import WebhookQueries


@strawberry.type
class Query(
    NodeQueries,
    PeopleQueries,
    OrderQueries,
    TaskQueries,
    DashboardQueries,
    NotificationQueries,
    ReportQueries,
    ApiTokenQueries,
    ConversationQueries,
    SchedulingQueries,
    SeriesQueries,
    WebhookQueries,
):
    pass
