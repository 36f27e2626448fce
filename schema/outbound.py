"""Types of reaching people outside the app: the channels a message goes out on."""

from __future__ import annotations

import strawberry

import models

# In the app, by e-mail, Telegram or SMS (the contract gives the enum no description).
DeliveryChannel = models.DeliveryChannel
strawberry.enum(DeliveryChannel, name="DeliveryChannel")
