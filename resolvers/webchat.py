"""The website chat: the owner's widget settings, a visitor starting a chat and writing in it,
and the staff replies a visitor's socket replays.

A chat is a WEBCHAT conversation whose thread key is a random visitor key; the visitor holds
a signed token naming both (permissions/tokens.py), kept by the widget across page loads.
The visitor's own words go through the inbox's one entry point (resolvers/inbound.py), so
they notify staff like any other channel's. A name or e-mail address the visitor types is
shown, never trusted: the conversation is tied to a contact only by staff
(linkConversationContact), a name loses invisible, bidi and control characters, and one that
reads as a member's name is marked as the visitor's. Closing the chat ends the visitor's
token (its next message is refused with EXPIRED and the widget starts a new chat); staff may
also block the visitor (blockChatVisitor), which ends the token and refuses new chats from
its address and browser for CHAT_BLOCK_HOURS.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from tortoise.transactions import in_transaction

from config.settings import current
from domain.errors import invalid, not_found
from models import (
    Channel,
    ChannelConfig,
    Conversation,
    ConversationStatus,
    DeliveryStatus,
    Message,
    MessageDirection,
)
from models.chat_visitors import ChatVisitor
from permissions.actor import Actor
from permissions.conversations import check_may_configure_channels
from permissions.throttle import reserve_chat_message, reserve_chat_start
from permissions.tokens import issue_chat_token
from permissions.webchat import (
    Visitor,
    access_blockable_conversation_by_id,
    check_not_blocked,
    check_visitor,
    check_widget_origin,
    forget_widget_origins,
    listed_visitor_chats,
    normalise_origin,
    visitor_address,
)
from realtime.conversations import publish_conversation
from resolvers import validation
from resolvers.channel_settings import ChannelSettingsView, config_of
from resolvers.inbound import Inbound, record_inbound
from resolvers.outside_names import shown_outside_name

MAX_ORIGINS = 20
MAX_CHAT_MESSAGE = 4000
REPLAY_LIMIT = 100


def _origin(value: str, index: int) -> str:
    field = ["input", "allowedOrigins", str(index)]
    origin = normalise_origin(value)
    parts = urlsplit(origin)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path
        or parts.query
        or parts.fragment
        or parts.username is not None
        or "*" in origin
    ):
        raise invalid("An origin is scheme://host[:port], e.g. https://example.com", *field)
    try:
        _ = parts.port
    except ValueError:
        raise invalid("Not a port number", *field) from None
    return origin


async def configure_webchat(actor: Actor, allowed_origins: list[str]) -> ChannelSettingsView:
    """Set the origins whose pages may run the widget; the widget key is made once and kept
    (it is public: it is in every page that embeds the widget)."""
    check_may_configure_channels(actor)
    if len(allowed_origins) > MAX_ORIGINS:
        raise invalid(f"At most {MAX_ORIGINS} origins", "input", "allowedOrigins")
    origins = list(dict.fromkeys(_origin(o, i) for i, o in enumerate(allowed_origins)))
    config = await config_of(actor.company_id)
    config.webchat_allowed_origins = origins
    if config.webchat_widget_key is None:
        config.webchat_widget_key = secrets.token_urlsafe(18)
    await config.save(update_fields=["webchat_allowed_origins", "webchat_widget_key"])
    forget_widget_origins()
    return ChannelSettingsView.of(config)


def _shown_name(name: str | None, email: str | None) -> str | None:
    if name and email:
        return f"{name} <{email}>"
    return name or email


async def start_chat(
    widget_key: str,
    name: str | None,
    email: str | None,
    origin: str | None,
    client_address: str | None,
    now: datetime | None = None,
    previous: Visitor | None = None,
) -> tuple[str, Conversation]:
    """A new chat for a visitor of a page on one of the company's widget origins: its token
    and conversation. Rate-limited per client address; refused while the company blocks the
    address, or the visitor of `previous` (the token of the browser's last chat)."""
    now = now or datetime.now(UTC)
    config = await ChannelConfig.get_or_none(webchat_widget_key=widget_key.strip()[:64])
    if config is None:
        raise not_found("Chat widget", ["widgetKey"])
    check_widget_origin(config.webchat_allowed_origins, origin)
    address_key = visitor_address(client_address)
    await check_not_blocked(config.company_id, address_key, previous, now)
    shown = validation.optional_name(name, 200, "name")
    if shown is not None:
        shown = await shown_outside_name(config.company_id, shown, Channel.WEBCHAT)
    address = None if not (email or "").strip() else validation.email_address(email or "", "email")
    await reserve_chat_start(client_address)
    visitor_key = f"visitor:{secrets.token_urlsafe(18)}"
    conversation = await Conversation.create(
        company_id=config.company_id,
        channel=Channel.WEBCHAT,
        external_key=visitor_key,
        external_name=_shown_name(shown, address),
        last_message_at=now,
        last_direction=MessageDirection.INBOUND,
    )
    _ = await ChatVisitor.create(
        company_id=config.company_id, conversation_id=conversation.id, address=address_key
    )
    return issue_chat_token(conversation.id, config.company_id, visitor_key), conversation


async def send_chat_message(
    visitor: Visitor, body: str, origin: str | None, now: datetime | None = None
) -> Message:
    """The visitor's message, into the staff inbox like any channel's inbound message."""
    await check_visitor(visitor, origin)
    text = validation.required_text(body, MAX_CHAT_MESSAGE, "body")
    now = now or datetime.now(UTC)
    await reserve_chat_message(visitor.conversation_id)
    inbound = Inbound(
        company_id=visitor.company_id,
        channel=Channel.WEBCHAT,
        thread_key=visitor.visitor_key,
        body=text,
    )
    recorded = await record_inbound(inbound, now)
    return recorded.message


async def block_visitor(
    actor: Actor, conversation_id: int | None, now: datetime | None = None
) -> Conversation:
    """Staff who see a chat end it, and the visitor's other open chats they see (same
    address), and keep the visitor (address and browser) from starting another for
    CHAT_BLOCK_HOURS."""
    conversation = await access_blockable_conversation_by_id(actor, conversation_id)
    until = (now or datetime.now(UTC)) + timedelta(hours=current().chat_block_hours)
    chats = await listed_visitor_chats(actor, conversation)
    ids = [chat.id for chat in chats]
    async with in_transaction():
        _ = await ChatVisitor.filter(conversation_id__in=ids).update(blocked_until=until)
        _ = await Conversation.filter(id__in=ids).update(status=ConversationStatus.CLOSED)
    for chat in chats:
        chat.status = ConversationStatus.CLOSED
        await publish_conversation(chat)
    return conversation


async def replies_after(visitor: Visitor, after: int | None) -> list[Message]:
    """Staff replies delivered to the chat after message `after` (all when None), oldest
    first: what a socket that was away missed."""
    replies = Message.filter(
        conversation_id=visitor.conversation_id,
        direction=MessageDirection.OUTBOUND,
        delivery_status=DeliveryStatus.SENT,
    )
    if after is None:  # a new page: the latest
        return list(reversed(await replies.order_by("-id").limit(REPLAY_LIMIT)))
    return list(await replies.filter(id__gt=after).order_by("id").limit(REPLAY_LIMIT))
