"""The ranking of contractors for an order (a contractor's free time is a list of
`schema.time_slots.TimeSlot`)."""

from __future__ import annotations

import strawberry

from resolvers.suggestions import Suggestion
from schema.contacts import Contact


@strawberry.type
class ContractorSuggestion:
    contractor: Contact
    score: float = strawberry.field(description="Higher is better; the list is sorted by it.")
    free: bool = strawberry.field(
        description="Free for the order's whole visit: within its working hours, with no "
        "other visit booked."
    )
    skilled: bool = strawberry.field(description="Has every skill asked for.")
    distance_km: float | None = strawberry.field(
        description="Straight-line distance from the contractor's nearest address to the "
        "order's, when both have coordinates."
    )
    open_orders: int = strawberry.field(description="Its orders ASSIGNED or IN_PROGRESS now.")
    average_rating: float | None

    @classmethod
    def of(cls, suggestion: Suggestion) -> ContractorSuggestion:
        return cls(
            contractor=Contact.of(suggestion.contractor),
            score=suggestion.score,
            free=suggestion.free,
            skilled=suggestion.skilled,
            distance_km=suggestion.distance_km,
            open_orders=suggestion.open_orders,
            average_rating=suggestion.average_rating,
        )
