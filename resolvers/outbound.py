"""Queueing messages to people outside the app: one `OutboundMessage` per person and channel,
sent later by the outbound queue (channels/outbound_delivery.py).

Who gets a message about a contact, on what:
- the contact itself, on its `notify_by` channels (null: EMAIL when it has an e-mail, else
  none), at its own addresses: EMAIL its e-mail, TELEGRAM the chat tied by a Telegram link,
  SMS its phone in E.164;
- each active portal member of the contact whose `notification_preferences` name this kind:
  that choice replaces the contact's channels for that person. EMAIL goes to its login,
  TELEGRAM to its own chat, SMS to the contact's phone; IN_APP is the in-app notification
  the member already gets (resolvers/notifications.py), so no row. An address the member
  shares with the contact (its login is the contact's e-mail, its chat the contact's)
  follows the member's choice: a member who turned e-mail off for the kind gets no copy as
  the contact either. The phone is the contact's: its SMS follows the contact's channels.
A channel without an address still gets a row, FAILED with what to do about it, so staff see
in `Order.outbound` why a person heard nothing. The text is rendered in the person's
language (member's, contact's, company's) by the caller's `render(locale)`.

With a `dedupe_key` (a reminder several processes may decide to send), each row's key is that
key plus its person and channel, inserted with ON CONFLICT DO NOTHING: created once however
many callers race.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tortoise.expressions import Q

from compat.tortoise import cached_values
from domain.phones import e164
from domain.texts import pick_locale, t
from models import (
    Contact,
    DeliveryChannel,
    DeliveryStatus,
    Membership,
    NotificationKind,
    OutboundMessage,
    Role,
)
from resolvers.contacts import notify_by_of

Render = Callable[[str], tuple[str | None, str]]

PORTAL_ROLES = (Role.CLIENT, Role.CONTRACTOR)
SUBJECT_LENGTH = 300
KEY_LENGTH = 200
# A member's own addresses: its login, its chat. A contact's row to one of them follows the
# member's choice.
OWN_ADDRESSES = (DeliveryChannel.EMAIL, DeliveryChannel.TELEGRAM)


@dataclass(frozen=True, slots=True)
class _Person:
    """One recipient: its address per channel ("" when it has none) and its language."""

    contact_id: int | None
    member_id: int | None
    locale: str
    channels: Sequence[DeliveryChannel]
    addresses: dict[DeliveryChannel, str]
    tag: str  # in the dedupe key: "c<id>" or "m<id>"


@dataclass(frozen=True, slots=True)
class _Contact:
    """What a message needs of a contact (read as one row, or from a loaded `Contact`)."""

    id: int
    notify_by: list[str] | None
    email: str | None
    phone: str | None
    locale: str | None
    telegram_chat_id: int | None


@dataclass(frozen=True, slots=True)
class _Member:
    """What a message needs of a portal member: its choices, language and own addresses."""

    id: int
    preferences: list[dict[str, object]] | None
    locale: str | None
    telegram_chat_id: int | None
    login: str


# The contact with its company's language, and its portal members with their logins: each
# one row per person, its SELECT built once per dialect (compat.tortoise.cached_values; the
# model lookups were two thirds of this module's CPU, py-spy of the suite).
_CONTACT = ("id", "notify_by", "email", "phone", "locale", "telegram_chat_id")
_CONTACT_ROW = (*_CONTACT, "company_id", "company__locale")
_MEMBER_ROW = ("id", "notification_preferences", "locale", "telegram_chat_id", "user__email")


def member_channels(member: Membership, kind: NotificationKind) -> list[DeliveryChannel] | None:
    """The member's own choice for `kind`, or None when it made none."""
    return chosen_channels(member.notification_preferences, kind)


def chosen_channels(
    preferences: list[dict[str, object]] | None, kind: NotificationKind
) -> list[DeliveryChannel] | None:
    for entry in preferences or ():
        if entry.get("kind") == kind.value:
            channels = entry.get("channels")
            if isinstance(channels, list):
                return [DeliveryChannel(c) for c in channels if c in DeliveryChannel.__members__]
    return None


def _chat(chat_id: int | None) -> str:
    return str(chat_id) if chat_id is not None else ""


def _contact_person(contact: _Contact, company_locale: str | None) -> _Person:
    return _Person(
        contact_id=contact.id,
        member_id=None,
        locale=pick_locale(contact.locale, company_locale),
        channels=notify_by_of(contact.notify_by, contact.email),
        addresses={
            DeliveryChannel.EMAIL: (contact.email or "").strip(),
            DeliveryChannel.TELEGRAM: _chat(contact.telegram_chat_id),
            DeliveryChannel.SMS: e164(contact.phone) or "",
        },
        tag=f"c{contact.id}",
    )


def _member_person(
    member: _Member,
    contact: _Contact | None,
    company_locale: str | None,
    choice: list[DeliveryChannel],
) -> _Person:
    return _Person(
        contact_id=contact.id if contact else None,
        member_id=member.id,
        locale=pick_locale(member.locale, contact.locale if contact else None, company_locale),
        channels=[c for c in choice if c is not DeliveryChannel.IN_APP],
        addresses={
            DeliveryChannel.EMAIL: member.login,
            DeliveryChannel.TELEGRAM: _chat(member.telegram_chat_id),
            DeliveryChannel.SMS: (e164(contact.phone) or "") if contact else "",
        },
        tag=f"m{member.id}",
    )


def missing_reason(channel: DeliveryChannel, locale: str) -> str:
    """The reason a row without an address shows, in words staff can act on."""
    return t(locale, f"outbound.missing.{channel.value.lower()}")


async def queue_for_contact(
    contact_id: int,
    kind: NotificationKind,
    order_id: int | None,
    render: Render,
    dedupe_key: str | None = None,
) -> list[OutboundMessage]:
    """Queue `kind` for a contact and its portal members (module docstring); the rows made
    (with a dedupe key: the rows of that key, made now or earlier)."""
    found = await cached_values(Contact, Q(id=contact_id), _CONTACT_ROW, limit=1)
    if not found:
        return []
    row = found[0]
    contact = _Contact(*(row[name] for name in _CONTACT))
    company_locale: str | None = row["company__locale"]
    members = await cached_values(
        Membership,
        Q(contact_id=contact_id, active=True, role__in=PORTAL_ROLES),
        _MEMBER_ROW,
    )
    people = [_contact_person(contact, company_locale)]
    overridden: set[tuple[DeliveryChannel, str]] = set()  # addresses a member decides for
    for m in members:
        choice = chosen_channels(m["notification_preferences"], kind)
        if choice is None:
            continue
        member = _Member(*(m[name] for name in _MEMBER_ROW))
        person = _member_person(member, contact, company_locale, choice)
        people.append(person)
        for channel in OWN_ADDRESSES:  # the phone is the contact's: not the member's to drop
            if person.addresses[channel]:
                overridden.add((channel, person.addresses[channel]))
    first = people[0]
    people[0] = _Person(
        first.contact_id,
        None,
        first.locale,
        [c for c in first.channels if (c, first.addresses.get(c, "")) not in overridden],
        first.addresses,
        first.tag,
    )
    return await _queue(
        row["company_id"], company_locale, people, kind, order_id, render, dedupe_key
    )


async def queue_for_member(
    member_id: int,
    kind: NotificationKind,
    order_id: int | None,
    render: Render,
    dedupe_key: str | None = None,
) -> list[OutboundMessage]:
    """Queue `kind` for one member on the channels it chose for the kind (none chosen: none;
    its in-app notification is the default)."""
    member = await Membership.get_or_none(id=member_id, active=True).select_related(
        "user", "company", "contact"
    )
    if member is None:
        return []
    choice = member_channels(member, kind)
    if not choice:
        return []
    found = member.contact
    contact = None if found is None else _Contact(*(getattr(found, name) for name in _CONTACT))
    own = _Member(
        member.id,
        member.notification_preferences,
        member.locale,
        member.telegram_chat_id,
        member.user.email,
    )
    person = _member_person(own, contact, member.company.locale, choice)
    return await _queue(
        member.company.id, member.company.locale, [person], kind, order_id, render, dedupe_key
    )


async def _queue(
    company_id: int,
    company_locale: str | None,
    people: Sequence[_Person],
    kind: NotificationKind,
    order_id: int | None,
    render: Render,
    dedupe_key: str | None,
) -> list[OutboundMessage]:
    rows: list[OutboundMessage] = []
    texts: dict[str, tuple[str | None, str]] = {}
    seen: set[tuple[DeliveryChannel, str]] = set()
    staff_locale = pick_locale(company_locale)  # the reason is read by staff
    for person in people:
        if person.locale not in texts:
            texts[person.locale] = render(person.locale)
        subject, text = texts[person.locale]
        for channel in dict.fromkeys(person.channels):
            if channel is DeliveryChannel.IN_APP:
                continue
            address = person.addresses.get(channel, "")
            if address and (channel, address) in seen:
                continue  # one copy per address
            seen.add((channel, address))
            rows.append(
                OutboundMessage(
                    company_id=company_id,
                    order_id=order_id,
                    contact_id=person.contact_id,
                    member_id=person.member_id,
                    kind=kind,
                    channel=channel,
                    to=address,
                    subject=subject[:SUBJECT_LENGTH] if subject else None,
                    text=text,
                    locale=person.locale,
                    status=DeliveryStatus.PENDING if address else DeliveryStatus.FAILED,
                    error=None if address else missing_reason(channel, staff_locale),
                    dedupe_key=(
                        f"{dedupe_key}:{person.tag}:{channel.value}"[:KEY_LENGTH]
                        if dedupe_key
                        else None
                    ),
                )
            )
    if not rows:
        return []
    if dedupe_key is None:
        for row in rows:
            await row.save()
        return rows
    await OutboundMessage.bulk_create(rows, ignore_conflicts=True)
    keys = [row.dedupe_key for row in rows if row.dedupe_key]
    return list(await OutboundMessage.filter(dedupe_key__in=keys).order_by("id"))
