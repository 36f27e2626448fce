"""Root query fields of planning visits: `freeSlots` and `suggestContractors`.

Errors (NOT_FOUND for a contractor or order the caller may not ask about, FORBIDDEN for a
portal member asking for suggestions, INVALID for a bad range or skill) come back as GraphQL
errors with their code, like the other queries that take an id.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from resolvers.free_slots import free_slots
from resolvers.suggestions import suggest_contractors
from schema.context import Info
from schema.ids import decode_id
from schema.scheduling import ContractorSuggestion
from schema.time_slots import TimeSlot


@strawberry.type
class SchedulingQueries:
    @strawberry.field(
        description="When a contractor is free between from and to: its working hours less "
        "its booked visits, in slots of at least `minutes`."
    )
    async def free_slots(
        self,
        info: Info,
        contractor_id: strawberry.ID,
        from_: Annotated[datetime, strawberry.argument(name="from")],
        to: datetime,
        minutes: int | None = 60,
    ) -> list[TimeSlot]:
        slots = await free_slots(
            info.context.require_actor(),
            decode_id(contractor_id, "Contact"),
            from_,
            to,
            60 if minutes is None else minutes,
            info.context.now,
        )
        return [TimeSlot.of(slot) for slot in slots]

    @strawberry.field(
        description="Contractors ranked for an order: free at its visit, with the skills, "
        "near, well rated, least loaded."
    )
    async def suggest_contractors(
        self,
        info: Info,
        order_id: strawberry.ID,
        skills: list[str] | None = None,
        first: int | None = 5,
    ) -> list[ContractorSuggestion]:
        found = await suggest_contractors(
            info.context.require_actor(),
            decode_id(order_id, "Order"),
            skills,
            5 if first is None else first,
        )
        return [ContractorSuggestion.of(suggestion) for suggestion in found]
