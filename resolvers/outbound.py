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

from domain.phones import e164
from domain.texts import pick_locale, t
from models import (
    Company,
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


def contact_channels(contact: Contact) -> list[DeliveryChannel]:
    """The contact's own channels: `notify_by`, or e-mail when it has an address."""
    return notify_by_of(contact.notify_by, contact.email)


def member_channels(member: Membership, kind: NotificationKind) -> list[DeliveryChannel] | None:
    """The member's own choice for `kind`, or None when it made none."""
    for entry in member.notification_preferences or ():
        if entry.get("kind") == kind.value:
            channels = entry.get("channels")
            if isinstance(channels, list):
                return [DeliveryChannel(c) for c in channels if c in DeliveryChannel.__members__]
    return None


def _chat(chat_id: int | None) -> str:
    return str(chat_id) if chat_id is not None else ""


def _contact_person(contact: Contact, company: Company) -> _Person:
    return _Person(
        contact_id=contact.id,
        member_id=None,
        locale=pick_locale(contact.locale, company.locale),
        channels=contact_channels(contact),
        addresses={
            DeliveryChannel.EMAIL: (contact.email or "").strip(),
            DeliveryChannel.TELEGRAM: _chat(contact.telegram_chat_id),
            DeliveryChannel.SMS: e164(contact.phone) or "",
        },
        tag=f"c{contact.id}",
    )


def _member_person(
    member: Membership,
    login: str,
    contact: Contact | None,
    company: Company,
    choice: list[DeliveryChannel],
) -> _Person:
    return _Person(
        contact_id=contact.id if contact else None,
        member_id=member.id,
        locale=pick_locale(member.locale, contact.locale if contact else None, company.locale),
        channels=[c for c in choice if c is not DeliveryChannel.IN_APP],
        addresses={
            DeliveryChannel.EMAIL: login,
            DeliveryChannel.TELEGRAM: _chat(member.telegram_chat_id),
            DeliveryChannel.SMS: (e164(contact.phone) or "") if contact else "",
        },
        tag=f"m{member.id}",
    )


def _missing(channel: DeliveryChannel, locale: str) -> str:
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
    contact = await Contact.get_or_none(id=contact_id).select_related("company")
    if contact is None:
        return []
    company: Company = contact.company
    members = await Membership.filter(
        contact_id=contact_id, active=True, role__in=PORTAL_ROLES
    ).select_related("user")
    people = [_contact_person(contact, company)]
    overridden: set[tuple[DeliveryChannel, str]] = set()  # addresses a member decides for
    for member in members:
        choice = member_channels(member, kind)
        if choice is None:
            continue
        person = _member_person(member, member.user.email, contact, company, choice)
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
    return await _queue(company, people, kind, order_id, render, dedupe_key)


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
    person = _member_person(member, member.user.email, member.contact, member.company, choice)
    return await _queue(member.company, [person], kind, order_id, render, dedupe_key)


async def _queue(
    company: Company,
    people: Sequence[_Person],
    kind: NotificationKind,
    order_id: int | None,
    render: Render,
    dedupe_key: str | None,
) -> list[OutboundMessage]:
    rows: list[OutboundMessage] = []
    texts: dict[str, tuple[str | None, str]] = {}
    seen: set[tuple[DeliveryChannel, str]] = set()
    staff_locale = pick_locale(company.locale)  # the reason is read by staff
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
                    company_id=company.id,
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
                    error=None if address else _missing(channel, staff_locale),
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
