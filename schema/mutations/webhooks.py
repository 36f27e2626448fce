"""Partner webhooks: create, delete, enable again, replay from a cursor."""

from __future__ import annotations

import strawberry


@strawberry.type
class WebhookMutations:
    pass
