"""The SMS sender of the outbound queue (channels/outbound_delivery.py): one `OutboundMessage`
to its phone number through channels/sms.py. Registered at app start (`install`, called by
channels/runtime.py's install_senders) whether or not SMS_URL is set, so a message on SMS
while it is off shows FAILED with what to do, not PENDING for ever."""

from __future__ import annotations

from channels import sms
from channels.base import DeliveryFailed
from channels.outbound_senders import register_outbound_sender
from models import DeliveryChannel, OutboundMessage

NO_NUMBER = "no phone number"


async def send_sms(message: OutboundMessage) -> None:
    if sms.configured_provider() is None:
        raise DeliveryFailed(sms.NOT_CONFIGURED)
    if not message.to:
        raise DeliveryFailed(NO_NUMBER)
    _ = await sms.send(message.to, message.text)


def install() -> None:
    register_outbound_sender(DeliveryChannel.SMS, send_sms)
