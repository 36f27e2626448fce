"""Types of reaching people outside the app: the channels a message goes out on."""

from __future__ import annotations

import strawberry

import models

DeliveryChannel = strawberry.enum(
    models.DeliveryChannel,
    name="DeliveryChannel",
    description="A way the service reaches a person: in the app, by e-mail, Telegram or SMS.",
)
