"""The website chat's outbound side: a staff reply on a WEBCHAT conversation is delivered by
publishing it to the visitor's `chatMessages` sockets (realtime/chat.py); a socket that was
closed meanwhile gets it by replay when the visitor comes back (SENT replies only), so SENT
means "delivered to the chat".

The reply is marked SENT before it is published, not after as the queue would: a socket that
subscribes between the two then finds it in its replay (and drops the live copy), where the
other order could let it slip between a replay that found it PENDING and a publish that came
before the socket listened. A publish that fails puts it back to PENDING for the queue's retry.
"""

from __future__ import annotations

from datetime import UTC, datetime

from channels.base import Outbound, RetryLater, register_sender
from models import Channel, DeliveryStatus, Message
from realtime.chat import publish_chat_message


class WebchatSender:
    async def send(self, outbound: Outbound) -> str | None:
        row = outbound.message
        mine = Message.filter(id=row.id, attempts=row.attempts)
        _ = await mine.update(delivery_status=DeliveryStatus.SENT, sent_at=datetime.now(UTC))
        try:
            await publish_chat_message(row)
        except Exception as error:
            _ = await mine.update(delivery_status=DeliveryStatus.PENDING, sent_at=None)
            raise RetryLater(f"chat broadcast unavailable: {type(error).__name__}") from error
        return None


def register() -> None:
    register_sender(Channel.WEBCHAT, WebchatSender())
