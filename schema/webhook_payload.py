"""A webhook delivery's body: the event, and its order as the webhook's member reads it.

The order is read by EXECUTING the fixed document ORDER_DOCUMENT against the API's own schema
with the member as the actor: the same row filter (`node` is null for an order it may not
see) and the same field rules (a client's payload has `contractorFee` null, a contractor's
`price`) as any query of that member. The body:

    {"type": "order.status_changed",          # "order." + the event's kind, lower case
     "timestamp": "2026-12-03T15:10:00+00:00",  # when the event happened
     "data": {"cursor": "42",                  # the orderEvents cursor: `after` resumes here
              "kind": "STATUS_CHANGED", "at": "2026-12-03T15:10:00+00:00",
              "actor": {"id": "...", "name": "Olga Owner"} or null,
              "order": {...ORDER_DOCUMENT's selection...}}}
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from permissions.actor import Actor
from realtime.events import EventFacts
from schema import schema
from schema.context import Context
from schema.ids import to_global_id

# The order's fields in every payload (the README shows this document).
ORDER_DOCUMENT = """
query WebhookOrder($id: ID!) {
  node(id: $id) {
    ... on Order {
      id number title status deadline price contractorFee visitStart visitEnd
      client { id name }
      address { id text }
      contractor { id name }
      responsible { id name }
      updatedAt
    }
  }
}
"""


def _context(actor: Actor) -> Context:
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/webhooks",
        "headers": [],
        "query_string": b"",
    }
    return Context(
        request=Request(scope),
        response=None,
        actor=actor,
        request_id="webhook",
        client_address=None,
    )


async def order_as_seen(actor: Actor, order_id: int) -> dict[str, Any] | None:
    """The order through the API as `actor` reads it; None when it may not see it."""
    context = _context(actor)
    result = await schema.execute(
        ORDER_DOCUMENT,
        variable_values={"id": to_global_id("Order", order_id)},
        context_value=context,
    )
    if result.errors or not result.data:
        return None
    order = result.data.get("node")
    return order if isinstance(order, dict) and order else None


async def _actor_of_event(context: Context, actor_id: int | None) -> dict[str, str] | None:
    if actor_id is None:
        return None
    row = await context.loaders.member.load(actor_id)
    if row is None:
        return None
    return {"id": to_global_id("Member", row.id), "name": row.name}


async def build_payload(actor: Actor, event: EventFacts) -> bytes | None:
    """The JSON body of `event` for the webhook's member `actor`; None when it may not see
    the order now."""
    order = await order_as_seen(actor, event.order_id)
    if order is None:
        return None
    at = event.at.isoformat()
    body = {
        "type": f"order.{event.kind.value.lower()}",
        "timestamp": at,
        "data": {
            "cursor": str(event.seq),
            "kind": event.kind.value,
            "at": at,
            "actor": await _actor_of_event(_context(actor), event.actor_id),
            "order": order,
        },
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
