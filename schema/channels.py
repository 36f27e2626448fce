"""Types of the channel settings: what is connected, never a secret."""

from __future__ import annotations

from datetime import datetime

import strawberry

from resolvers.channel_settings import ChannelSettingsView, EmailSettingsData
from schema.errors import UserError


@strawberry.type
class ChannelSettings:
    email_address: str | None = strawberry.field(
        description="The address last configured: the one waiting for its code, if any."
    )
    email_address_verified: bool = strawberry.field(
        description="Whether emailAddress is confirmed: mail to it reaches the company and "
        "replies go out from it. Confirmed by confirmEmailAddress with the code mailed to it."
    )
    confirmed_email_address: str | None = strawberry.field(
        description="The address in use (routed, the From of replies); null until one is "
        "confirmed. It stays in use while a new emailAddress waits for its code."
    )
    email_verification_sent_at: datetime | None = strawberry.field(
        description="When the code for emailAddress was mailed; null when none waits."
    )
    smtp_host: str | None
    smtp_port: int | None
    smtp_username: str | None
    smtp_password_set: bool = strawberry.field(description="The password itself is never shown.")
    imap_host: str | None
    imap_port: int | None
    imap_username: str | None
    imap_password_set: bool = strawberry.field(description="The password itself is never shown.")
    telegram_bot_name: str | None = strawberry.field(
        description="The connected bot's @name; null when no bot is connected."
    )
    webchat_widget_key: str | None
    webchat_allowed_origins: list[str]

    @classmethod
    def of(cls, view: ChannelSettingsView) -> ChannelSettings:
        return cls(
            email_address=view.email_address,
            email_address_verified=view.email_address_verified,
            confirmed_email_address=view.confirmed_email_address,
            email_verification_sent_at=view.email_verification_sent_at,
            smtp_host=view.smtp_host,
            smtp_port=view.smtp_port,
            smtp_username=view.smtp_username,
            smtp_password_set=view.smtp_password_set,
            imap_host=view.imap_host,
            imap_port=view.imap_port,
            imap_username=view.imap_username,
            imap_password_set=view.imap_password_set,
            telegram_bot_name=view.telegram_bot_name,
            webchat_widget_key=view.webchat_widget_key,
            webchat_allowed_origins=list(view.webchat_allowed_origins),
        )


@strawberry.type
class ChannelSettingsPayload:
    settings: ChannelSettings | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class TelegramSettingsInput:
    bot_token: str = strawberry.field(description="From @BotFather; checked with getMe.")


@strawberry.input
class EmailSettingsInput:
    address: str = strawberry.field(
        description="The address customers write to and replies come from, once confirmed "
        "with the code mailed to it (confirmEmailAddress)."
    )
    smtp_host: str | None = strawberry.field(
        default=None, description="Own outgoing server; left out: the service's SMTP_URL."
    )
    smtp_port: int | None = None
    smtp_username: str | None = None
    smtp_password: str | None = strawberry.field(
        default=None, description="Left out: the stored one is kept."
    )
    imap_host: str | None = strawberry.field(
        default=None, description="Polled for new mail when given."
    )
    imap_port: int | None = None
    imap_username: str | None = None
    imap_password: str | None = strawberry.field(
        default=None, description="Left out: the stored one is kept."
    )

    def data(self) -> EmailSettingsData:
        return EmailSettingsData(
            address=self.address,
            smtp_host=self.smtp_host,
            smtp_port=self.smtp_port,
            smtp_username=self.smtp_username,
            smtp_password=self.smtp_password,
            imap_host=self.imap_host,
            imap_port=self.imap_port,
            imap_username=self.imap_username,
            imap_password=self.imap_password,
        )
