"""The SMS sender of the outbound queue (channels/outbound_delivery.py): one `OutboundMessage`
to its phone number through channels/sms.py. Registered at app start (`install`, called by
channels/runtime.py's install_senders) whether or not SMS_URL is set, so a message on SMS
while it is off shows FAILED with what to do, not PENDING for ever."""

from __future__ import annotations

from channels import sms
from channels.base import DeliveryFailed
from channels.outbound_senders import register_outbound_sender
from domain.texts import pick_locale, t
from models import Company, DeliveryChannel, OutboundMessage


async def send_sms(message: OutboundMessage) -> None:
    """Why it failed reads in the company's language: staff read it, not the recipient."""
    company = await Company.filter(id=message.company_id).values_list("locale", flat=True)
    locale = pick_locale(str(company[0]) if company else None)
    if sms.configured_provider() is None:
        raise DeliveryFailed(t(locale, "sms.not_configured"))
    if not message.to:
        raise DeliveryFailed(t(locale, "sms.no_number"))
    _ = await sms.send(message.to, message.text, locale=locale)


def install() -> None:
    register_outbound_sender(DeliveryChannel.SMS, send_sms)
