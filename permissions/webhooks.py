"""Who may create, see and manage partner webhooks, and which URLs a webhook may POST to.

A webhook carries the order events its member sees out of the company, for as long as it
exists: a channel out, created under the rule of every credential (`permissions.credentials`).

- Create: an OWNER or STAFF member for itself; the OWNER also for a CLIENT or CONTRACTOR
  member (a client's facility-management tool); never for another colleague, and STAFF never
  for a portal member, whose orders reach beyond any staff subtree. The member must be active.
  Never through an API token (`permissions.operations.SESSION_ONLY_OPERATIONS`).
- See (the webhook and its deliveries, which show what left and when), as the role table
  says: the OWNER every webhook of the company; STAFF those created by or for members within
  its reach (itself or below it in the org tree), so a manager sees what its people opened;
  a portal member none (not even one sending as it: the channel is the staff's).
- Delete, enable and replay: whoever sees it.

`check_webhook_url` is the one URL check, at creation and again at every send.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from config.settings import current
from domain.errors import invalid, not_found
from models import Membership, Webhook, WebhookDelivery
from permissions.actor import Actor
from permissions.credentials import check_may_mint, check_may_mint_for, member_grant
from permissions.lookup import visible_row
from permissions.members import NO_ROW, check_active, visible_members
from permissions.outgoing_hosts import HostRefused, Target, resolve
from permissions.subtree import visible_subtree

MAX_URL = 2000
URL_FIELD = ("input", "url")


def visible_webhook_filter(actor: Actor) -> Q:
    company = Q(company_id=actor.company_id)
    if actor.is_owner:
        return company
    if not actor.is_staff:
        return company & Q(id=NO_ROW)
    return company & Q(
        visible_subtree(actor, "created_by"), visible_subtree(actor, "member"), join_type="OR"
    )


def visible_webhooks(actor: Actor) -> QuerySet[Webhook]:
    return Webhook.filter(visible_webhook_filter(actor))


async def access_webhook_by_id(
    actor: Actor, webhook_id: int | None, field: list[str] | None = None
) -> Webhook:
    """A webhook the actor sees; missing and not yours are the same NOT_FOUND."""
    hook = await visible_row(Webhook, visible_webhook_filter(actor), webhook_id)
    if hook is None:
        raise not_found("Webhook", field)
    return hook


async def access_webhook_delivery_by_id(
    actor: Actor, delivery_id: int | None, field: list[str] | None = None
) -> WebhookDelivery:
    """A delivery of a webhook the actor sees (node(id)); otherwise NOT_FOUND."""
    row = None if delivery_id is None else await WebhookDelivery.get_or_none(id=delivery_id)
    if row is None or not await visible_webhooks(actor).filter(id=row.webhook_id).exists():
        raise not_found("WebhookDelivery", field)
    return row


async def access_managed_webhook_by_id(actor: Actor, webhook_id: int | None) -> Webhook:
    """A webhook the actor may delete, enable or replay: one it sees."""
    return await access_webhook_by_id(actor, webhook_id, ["id"])


async def access_webhook_member_by_id(
    actor: Actor, member_id: int | None, field: list[str]
) -> Membership:
    """The member a new webhook sends as: the caller, or one it may mint a credential for."""
    check_may_mint(actor)
    if member_id is None or member_id == actor.membership_id:
        member = await Membership.get(id=actor.membership_id)
    else:
        found = await visible_members(actor).get_or_none(id=member_id)
        if found is None:
            raise not_found("Member", field)
        member = found
        check_may_mint_for(actor, member_grant(member), field)
    check_active(member, field)
    return member


@dataclass(frozen=True, slots=True)
class WebhookUrl:
    """A checked URL: connect to one of `targets` (addresses checked now), send `host` as the
    Host header and TLS name, request `target` (path and query)."""

    url: str
    https: bool
    host: str
    port: int
    target: str
    targets: list[Target]


def _split(url: str, field: tuple[str, ...]) -> SplitResult:
    if not url or len(url) > MAX_URL:
        raise invalid(f"A webhook URL is 1 to {MAX_URL} characters", *field)
    if not url.isascii() or any(ch <= " " or ch == "\x7f" for ch in url):
        raise invalid(
            "A webhook URL has no spaces or control characters (write an international "
            "host name in its xn-- form)",
            *field,
        )
    try:
        parts = urlsplit(url)
        _ = parts.port  # ValueError for a port that is no number or out of range
    except ValueError:
        raise invalid("This is not a URL", *field) from None
    return parts


def _syntax(url: str, field: tuple[str, ...]) -> SplitResult:
    parts = _split(url, field)
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http"):
        raise invalid("A webhook URL starts with https://", *field)
    if not parts.hostname:
        raise invalid("A webhook URL names its host: https://host/path", *field)
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise invalid("A webhook URL carries no user name or password (user:pass@)", *field)
    if scheme == "http" and not current().allow_private_hosts:
        raise invalid("A webhook URL is https: plain http is not allowed", *field)
    return parts


def check_webhook_url_syntax(url: str, field: tuple[str, ...] = URL_FIELD) -> None:
    """What can be told from the text alone (INVALID on `field`)."""
    _ = _syntax(url, field)


async def check_webhook_url(url: str, field: tuple[str, ...] = URL_FIELD) -> WebhookUrl:
    """The URL checked and its host resolved, every address public unless
    ALLOW_PRIVATE_HOSTS=1; INVALID on `field` otherwise (a name that does not resolve too).
    For the sender too, before every send: connect to `targets`, never to the name again
    (no DNS rebinding). The lookup is bounded by WEBHOOK_TIMEOUT_SECONDS."""
    parts = _syntax(url, field)
    https = parts.scheme.lower() == "https"
    host = parts.hostname or ""
    port = parts.port or (443 if https else 80)
    try:
        # A name server that never answers must not hold the request (or the sender).
        async with asyncio.timeout(current().webhook_timeout_seconds):
            targets = await resolve(host, port)
    except HostRefused:
        raise invalid(
            "The webhook's host is not allowed (a private, local or metadata address)", *field
        ) from None
    except (OSError, UnicodeError):  # TimeoutError among them
        raise invalid(f"The host {host} cannot be found", *field) from None
    path = parts.path or "/"
    return WebhookUrl(
        url, https, host, port, f"{path}?{parts.query}" if parts.query else path, targets
    )
