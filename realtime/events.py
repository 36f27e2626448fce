"""What travels on the broadcast channel: an outbox row's number and visibility keys."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime

from models import CommentVisibility, OrderEvent, OrderEventKind
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
        """The query filter's rule, in memory: the order's keys, and a comment's audience."""
        if not can_see_order(actor, self.keys):
            return False
        return self.comment_visibility is None or self.comment_visibility in comment_visibilities(
            actor
        )
