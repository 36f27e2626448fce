"""createTelegramLink: a t.me deep link that ties a person's Telegram chat to a contact or to
the caller (resolvers/telegram_links.py)."""

from __future__ import annotations

import strawberry

from resolvers import telegram_links
from schema.context import Info
from schema.errors import UserError, payload_of
from schema.ids import decode_optional_id


@strawberry.type
class TelegramLinkPayload:
    url: str | None = strawberry.field(
        default=None,
        description="A https://t.me/<bot>?start=<token> link: opened by the person, it ties "
        "their Telegram chat to the contact (or to the calling member).",
    )
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class TelegramLinkMutations:
    @strawberry.mutation(
        description="A link that ties a Telegram chat to a contact (contactId) or, without "
        "it, to the caller."
    )
    async def create_telegram_link(
        self, info: Info, contact_id: strawberry.ID | None = None
    ) -> TelegramLinkPayload:
        async def act() -> TelegramLinkPayload:
            url = await telegram_links.create_telegram_link(
                info.context.require_actor(), decode_optional_id(contact_id, "Contact")
            )
            return TelegramLinkPayload(url=url)

        return await payload_of(TelegramLinkPayload, act)
