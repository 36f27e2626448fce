"""broadcaster's private names: `Unsubscribed` lives only in its private `_base` module."""

from __future__ import annotations

from broadcaster import BroadcastBackend as BroadcastBackend

# Raised by a subscriber's `get()` once the Broadcast has disconnected.
from broadcaster._base import Unsubscribed as Unsubscribed

__all__ = ["BroadcastBackend", "Unsubscribed"]
