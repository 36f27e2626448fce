"""Mutations of tasks, announcements and templates."""

from __future__ import annotations

import strawberry

from resolvers import task_edits, tasks, templates
from schema.context import Info
from schema.errors import payload_of
from schema.ids import decode_id
from schema.tasks import (
    AnnounceInput,
    AnnouncePayload,
    CreateTaskInput,
    Task,
    TaskPayload,
    Template,
    TemplateInput,
    TemplatePayload,
    UpdateTaskInput,
)


@strawberry.type
class TaskMutations:
    @strawberry.mutation
    async def create_task(self, info: Info, input: CreateTaskInput) -> TaskPayload:
        async def act() -> TaskPayload:
            actor = info.context.require_actor()
            row = await tasks.create_task(actor, input.data(), info.context.now)
            return TaskPayload(task=Task.of(row))

        return await payload_of(TaskPayload, act)

    @strawberry.mutation
    async def complete_task(self, info: Info, id: strawberry.ID) -> TaskPayload:
        async def act() -> TaskPayload:
            actor = info.context.require_actor()
            row = await tasks.complete_task(actor, decode_id(id, "Task"), info.context.now)
            return TaskPayload(task=Task.of(row))

        return await payload_of(TaskPayload, act)

    @strawberry.mutation
    async def acknowledge_task(self, info: Info, id: strawberry.ID) -> TaskPayload:
        async def act() -> TaskPayload:
            actor = info.context.require_actor()
            row = await tasks.acknowledge_task(actor, decode_id(id, "Task"), info.context.now)
            return TaskPayload(task=Task.of(row))

        return await payload_of(TaskPayload, act)

    @strawberry.mutation
    async def announce(self, info: Info, input: AnnounceInput) -> AnnouncePayload:
        async def act() -> AnnouncePayload:
            rows = await tasks.announce(
                info.context.require_actor(),
                input.title,
                input.description,
                input.deadline,
                tasks.Audience(input.audience.name),
                info.context.now,
            )
            return AnnouncePayload(tasks=[Task.of(row) for row in rows])

        return await payload_of(AnnouncePayload, act)

    @strawberry.mutation
    async def create_template(self, info: Info, input: TemplateInput) -> TemplatePayload:
        async def act() -> TemplatePayload:
            row = await templates.create_template(info.context.require_actor(), input.data())
            return TemplatePayload(template=Template.of(row))

        return await payload_of(TemplatePayload, act)

    @strawberry.mutation
    async def share_template(
        self,
        info: Info,
        id: strawberry.ID,
        member_ids: list[strawberry.ID],
        with_all: bool | None = False,
    ) -> TemplatePayload:
        async def act() -> TemplatePayload:
            row = await templates.share_template(
                info.context.require_actor(),
                decode_id(id, "Template"),
                [decode_id(m, "Member") for m in member_ids],
                bool(with_all),
            )
            return TemplatePayload(template=Template.of(row))

        return await payload_of(TemplatePayload, act)

    @strawberry.mutation
    async def update_task(
        self, info: Info, id: strawberry.ID, input: UpdateTaskInput
    ) -> TaskPayload:
        async def act() -> TaskPayload:
            row = await task_edits.update_task(
                info.context.require_actor(), decode_id(id, "Task"), input.data(), info.context.now
            )
            return TaskPayload(task=Task.of(row))

        return await payload_of(TaskPayload, act)

    @strawberry.mutation
    async def cancel_task(self, info: Info, id: strawberry.ID) -> TaskPayload:
        async def act() -> TaskPayload:
            row = await task_edits.cancel_task(info.context.require_actor(), decode_id(id, "Task"))
            return TaskPayload(task=Task.of(row))

        return await payload_of(TaskPayload, act)

    @strawberry.mutation
    async def update_template(
        self, info: Info, id: strawberry.ID, input: TemplateInput
    ) -> TemplatePayload:
        async def act() -> TemplatePayload:
            row = await templates.update_template(
                info.context.require_actor(), decode_id(id, "Template"), input.data()
            )
            return TemplatePayload(template=Template.of(row))

        return await payload_of(TemplatePayload, act)

    @strawberry.mutation
    async def delete_template(self, info: Info, id: strawberry.ID) -> TemplatePayload:
        """The template as it was, shares included (they went with it)."""

        async def act() -> TemplatePayload:
            gone = await templates.delete_template(
                info.context.require_actor(), decode_id(id, "Template")
            )
            info.context.loaders.template_shared_with.prime(gone.template.id, gone.shared_with)
            return TemplatePayload(template=Template.of(gone.template))

        return await payload_of(TemplatePayload, act)
