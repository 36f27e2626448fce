"""Query.webhooks: the partner webhooks the caller may see."""

from __future__ import annotations

import strawberry


@strawberry.type
class WebhookQueries:
    pass
