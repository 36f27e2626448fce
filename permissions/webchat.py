"""The website chat's visitor and origins.

A visitor is not a member: its token (permissions/tokens.py, audience `servicedesk-chat`)
names one WEBCHAT conversation and opens only the visitor operations of
permissions/operations.py, for that conversation, while it is open: closing the chat (or
blocking its visitor) ends the token. The widget works only on the origins its company
configured (and on the service's own, where `/widget-demo` lives): browsers send an Origin
with every cross-origin POST and WebSocket, so a request without one is no widget's, and every
visitor path (startChat, sendChatMessage, the chat socket and chatMessages) is refused the
same way by `check_widget_origin`.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import Subquery

from config.settings import current
from domain.errors import DomainError, ErrorCode, invalid
from models import Channel, ChannelConfig, Conversation, ConversationStatus
from models.chat_visitors import ChatVisitor
from permissions.actor import Actor
from permissions.conversations import access_conversation_by_id, visible_conversations
from permissions.throttle import address_key
from permissions.tokens import is_api_token, read_chat_token


@dataclass(frozen=True, slots=True)
class Visitor:
    """Who holds a chat token: the visitor of one conversation of one company."""

    conversation_id: int
    company_id: int
    visitor_key: str
    expires_at: datetime
    # False once staff closed the chat or blocked its visitor: the token opens nothing more
    # (check_visitor says so), and tells startChat which visitor asks again.
    open: bool = True


async def authenticate_visitor(token: str | None) -> Visitor | None:
    """The visitor of a chat token whose conversation still exists, else None."""
    if token is None or is_api_token(token):
        return None
    claims = read_chat_token(token)
    if claims is None:
        return None
    conversation = (
        await Conversation.filter(
            id=claims.conversation_id,
            company_id=claims.company_id,
            channel=Channel.WEBCHAT,
            external_key=claims.visitor_key,
        )
        .only("id", "status")
        .first()
    )
    if conversation is None:
        return None
    return Visitor(
        claims.conversation_id,
        claims.company_id,
        claims.visitor_key,
        claims.expires_at,
        open=conversation.status == ConversationStatus.OPEN,
    )


def can_see_message_author(actor: Actor | None) -> bool:
    """Members see who wrote a reply; a chat visitor (no actor) sees the words only: the
    company's staff list is none of a website visitor's business."""
    return actor is not None


def normalise_origin(origin: str) -> str:
    return origin.strip().rstrip("/").lower()


def widget_origin_allowed(allowed: Iterable[str], origin: str | None) -> bool:
    """True for one of the company's configured origins or the service's own; a request
    without an Origin (no browser sent it) is not the widget's."""
    if not origin:
        return False
    wanted = normalise_origin(origin)
    own = normalise_origin(current().public_url)
    return wanted == own or wanted in {normalise_origin(o) for o in allowed}


WRONG_ORIGIN = "The chat is not enabled on this website"
CHAT_ENDED = "This chat has ended: start a new chat"
BLOCKED = "The chat is not available to you for now"


def check_widget_origin(allowed: Iterable[str], origin: str | None) -> None:
    """The one origin rule of every visitor path: a page on one of the company's widget
    origins (or the service's own); a missing Origin is refused, since browsers send one."""
    if not widget_origin_allowed(allowed, origin):
        raise DomainError(ErrorCode.FORBIDDEN, WRONG_ORIGIN)


async def check_visitor(visitor: Visitor, origin: str | None) -> None:
    """A visitor's request (sendChatMessage, the chat socket, chatMessages): from one of its
    company's widget origins (a page that got hold of a token elsewhere gets nothing), and
    for a chat still open (EXPIRED tells the widget to start a new one)."""
    config = await ChannelConfig.get_or_none(company_id=visitor.company_id)
    check_widget_origin(config.webchat_allowed_origins if config else (), origin)
    if not visitor.open:
        raise DomainError(ErrorCode.EXPIRED, CHAT_ENDED)


async def check_chat_open(visitor: Visitor) -> None:
    """At each delivery to an open socket: the chat was not closed since the socket began
    (a closed chat's token opens nothing, its socket included)."""
    closed = await Conversation.filter(
        id=visitor.conversation_id, status=ConversationStatus.CLOSED
    ).exists()
    if closed:
        raise DomainError(ErrorCode.EXPIRED, CHAT_ENDED)


def visitor_address(address: str | None) -> str | None:
    """Who a client address is for a block: grouped as every per-address limit groups it
    (permissions.throttle.address_key: IPv6 by its /64), kept as a keyed hash, never the
    address itself."""
    grouped = address_key(address)
    if grouped is None:
        return None
    digest = hmac.new(current().secret_key.encode(), grouped.encode(), hashlib.sha256)
    return digest.hexdigest()[:40]


async def check_not_blocked(
    company_id: int, address: str | None, previous: Visitor | None, now: datetime
) -> None:
    """startChat: refused while the company blocks the visitor's address (visitor_address), or
    the visitor whose earlier chat's token the widget still holds (the same browser from
    another address)."""
    blocked = ChatVisitor.filter(company_id=company_id, blocked_until__gt=now)
    if (
        previous is not None
        and previous.company_id == company_id
        and await blocked.filter(conversation_id=previous.conversation_id).exists()
    ):
        raise DomainError(ErrorCode.FORBIDDEN, BLOCKED)
    if address is not None and await blocked.filter(address=address).exists():
        raise DomainError(ErrorCode.FORBIDDEN, BLOCKED)


async def listed_visitor_chats(actor: Actor, conversation: Conversation) -> list[Conversation]:
    """The chat being blocked and its visitor's other open chats with the company (same
    address: a script starts many) that `actor` sees; those it does not see stay as they are."""
    row = await ChatVisitor.get_or_none(conversation_id=conversation.id)
    if row is None or row.address is None:
        return [conversation]
    same_visitor = ChatVisitor.filter(company_id=conversation.company_id, address=row.address)
    others = (
        await visible_conversations(actor)
        .filter(
            id__in=Subquery(same_visitor.values("conversation_id")),
            channel=Channel.WEBCHAT,
            status=ConversationStatus.OPEN,
        )
        .exclude(id=conversation.id)
    )
    return [conversation, *others]


async def access_blockable_conversation_by_id(
    actor: Actor, conversation_id: int | None
) -> Conversation:
    """A chat whose visitor `actor` may block: a WEBCHAT conversation the actor sees in the
    inbox (permissions/conversations.py); any other is NOT_FOUND or INVALID."""
    conversation = await access_conversation_by_id(actor, conversation_id, ["conversationId"])
    if conversation.channel != Channel.WEBCHAT:
        raise invalid("Only a website chat's visitor can be blocked", "conversationId")
    return conversation


# Origins configured by any company, for answering CORS preflights (servicedesk/http/widget_cors.py)
# without a query per request; another process's change shows within this many seconds.
ORIGINS_CACHE_SECONDS = 10.0
_origins: tuple[float, frozenset[str]] | None = None


async def configured_widget_origins() -> frozenset[str]:
    global _origins
    now = time.monotonic()
    if _origins is None or now - _origins[0] > ORIGINS_CACHE_SECONDS:
        rows = await ChannelConfig.filter(webchat_widget_key__not_isnull=True).values_list(
            "webchat_allowed_origins", flat=True
        )
        found = {normalise_origin(o) for row in rows for o in (row or ()) if isinstance(o, str)}
        _origins = (now, frozenset(found))
    return _origins[1]


def forget_widget_origins() -> None:
    """After a change of this process: the next preflight reads them again."""
    global _origins
    _origins = None
