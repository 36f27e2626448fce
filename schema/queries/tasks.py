"""Root query fields of tasks and templates."""

from __future__ import annotations

import strawberry

from resolvers import tasks, templates
from schema.connection import Connection, connection_of
from schema.context import Info
from schema.tasks import Task, TaskFilter, Template, TemplateKind


@strawberry.type
class TaskQueries:
    @strawberry.field
    async def tasks(
        self,
        info: Info,
        filter: TaskFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Task]:
        actor = info.context.require_actor()
        data = filter.data() if filter else tasks.TaskFilter()
        page = await tasks.list_tasks(actor, data, first, after, info.context.now)
        return connection_of(page, Task.of)

    @strawberry.field
    async def templates(self, info: Info, kind: TemplateKind | None = None) -> list[Template]:
        rows = await templates.list_templates(info.context.require_actor(), kind)
        return [Template.of(row) for row in rows]
