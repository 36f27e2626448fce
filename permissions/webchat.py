"""The website chat's visitor and origins.

A visitor is not a member: its token (permissions/tokens.py, audience `servicedesk-chat`)
names one WEBCHAT conversation and opens only the visitor operations of
permissions/operations.py, for that conversation. The widget works only on the origins its
company configured (and on the service's own, where `/widget-demo` lives): browsers send an
Origin with every cross-origin request and WebSocket, and the checks here compare it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from models import Channel, ChannelConfig, Conversation
from permissions.actor import Actor
from permissions.errors import DomainError, ErrorCode
from permissions.tokens import is_api_token, read_chat_token
from servicedesk.settings import current


@dataclass(frozen=True, slots=True)
class Visitor:
    """Who holds a chat token: the visitor of one conversation of one company."""

    conversation_id: int
    company_id: int
    visitor_key: str
    expires_at: datetime


async def authenticate_visitor(token: str | None) -> Visitor | None:
    """The visitor of a chat token whose conversation still exists, else None."""
    if token is None or is_api_token(token):
        return None
    claims = read_chat_token(token)
    if claims is None:
        return None
    exists = await Conversation.filter(
        id=claims.conversation_id,
        company_id=claims.company_id,
        channel=Channel.WEBCHAT,
        external_key=claims.visitor_key,
    ).exists()
    if not exists:
        return None
    return Visitor(claims.conversation_id, claims.company_id, claims.visitor_key, claims.expires_at)


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


def foreign_origin(origin: str | None) -> bool:
    """True for a page that is not one of the service's own (ALLOWED_ORIGINS, PUBLIC_URL)."""
    if not origin:
        return False
    settings = current()
    own = {normalise_origin(o) for o in (*settings.allowed_origins, settings.public_url)}
    return normalise_origin(origin) not in own


WRONG_ORIGIN = "The chat is not enabled on this website"


def check_widget_origin(allowed: Iterable[str], origin: str | None) -> None:
    if not widget_origin_allowed(allowed, origin):
        raise DomainError(ErrorCode.FORBIDDEN, WRONG_ORIGIN)


async def check_visitor_origin(visitor: Visitor, origin: str | None) -> None:
    """A visitor's request from a page that is not the service's own must come from one of
    its company's widget origins (a page that got hold of a token elsewhere gets nothing)."""
    if not foreign_origin(origin):
        return
    config = await ChannelConfig.get_or_none(company_id=visitor.company_id)
    check_widget_origin(config.webchat_allowed_origins if config else (), origin)


# Origins configured by any company, for answering CORS preflights (servicedesk/widget_cors.py)
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
