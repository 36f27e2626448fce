"""What travels on the broadcast channel: an outbox row's number and visibility keys, and
the orders events resolve to, with the keys that decide who sees them today."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime

from models import CommentVisibility, Order, OrderEvent, OrderEventKind
from permissions.actor import Actor
from permissions.orders import OrderKeys, can_see_order, comment_visibilities

_namespace = "servicedesk"


def set_namespace(database_url: str) -> None:
    """Tie channel names to the database, so deployments (or test runs) that share a Redis
    never hear each other's companies."""
    global _namespace
    digest = hashlib.sha256(database_url.encode()).hexdigest()[:12]
    _namespace = f"servicedesk:{digest}"


def channel(company_id: int) -> str:
    return f"{_namespace}:company:{company_id}"


@dataclass(frozen=True, slots=True)
class EventFacts:
    id: int
    seq: int
    company_id: int
    kind: OrderEventKind
    order_id: int
    actor_id: int | None
    at: datetime
    client_id: int
    contractor_id: int | None
    responsible_path: str
    comment_id: int | None
    comment_visibility: CommentVisibility | None

    @classmethod
    def of(cls, row: OrderEvent) -> EventFacts:
        return cls(
            id=row.id,
            seq=row.seq,
            company_id=row.company_id,
            kind=row.kind,
            order_id=row.order_id,
            actor_id=row.actor_id,
            at=row.at,
            client_id=row.client_id,
            contractor_id=row.contractor_id,
            responsible_path=row.responsible_path,
            comment_id=row.comment_id,
            comment_visibility=row.comment_visibility,
        )

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "at": self.at.isoformat()})

    @classmethod
    def from_json(cls, raw: str) -> EventFacts:
        data = json.loads(raw)
        data["at"] = datetime.fromisoformat(data["at"])
        data["kind"] = OrderEventKind(data["kind"])
        visibility = data["comment_visibility"]
        data["comment_visibility"] = CommentVisibility(visibility) if visibility else None
        return cls(**data)

    @property
    def keys(self) -> OrderKeys:
        return OrderKeys(self.company_id, self.client_id, self.contractor_id, self.responsible_path)

    def visible_to(self, actor: Actor) -> bool:
        """The query filter's rule, in memory: the order's keys, and a comment's audience.
        Keys of the moment the event happened: whatever it resolves to must also pass
        `can_see_order` with the order's keys of today (`orders_now`)."""
        return can_see_order(actor, self.keys) and self.meant_for(actor)

    def meant_for(self, actor: Actor) -> bool:
        """A comment's event only for the comment's audience (a comment never changes it)."""
        return self.comment_visibility is None or self.comment_visibility in comment_visibilities(
            actor
        )


@dataclass(frozen=True, slots=True)
class OrderNow:
    """An order as it is now, and the keys that decide who may see it today."""

    order: Order
    keys: OrderKeys


async def orders_now(company_id: int, ids: Iterable[int]) -> dict[int, OrderNow]:
    """The company's orders of `ids` as they are now (one statement, the responsible member's
    path joined in), by id; a deleted order is absent."""
    wanted = set(ids)
    if not wanted:
        return {}
    rows = await Order.filter(company_id=company_id, id__in=wanted).select_related("responsible")
    return {
        row.id: OrderNow(
            row,
            OrderKeys(row.company_id, row.client_id, row.contractor_id, row.responsible.path),
        )
        for row in rows
    }
