"""The book of clients and contractors: creating, editing, searching, addresses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from compat.tortoise_sets import UnionAll
from domain.errors import forbidden, invalid
from domain.phones import checked_phone
from domain.skills import MAX_SKILL_LENGTH, normalise_skills, skill_key
from domain.working_hours import HoursInput, check_working_hours, to_json
from models import Address, Contact, ContactKind, ContactSkill, DeliveryChannel, LegalForm, Role
from permissions.actor import Actor
from permissions.contacts import access_contact_by_id, can_edit_contacts, listed_contacts
from permissions.members import access_member_by_id
from resolvers import validation
from resolvers.pagination import BY_NAME, Page, paginate


@dataclass(frozen=True, slots=True)
class AddressData:
    text: str
    label: str | None = None
    details: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class ContactData:
    """Fields of a contact; `None` leaves a field as it is on update."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    telegram: str | None = None
    tax_id: str | None = None
    notes: str | None = None
    manager_id: int | None = None
    # A contractor's profile; None (or null sent) is none: no skills, the company's hours.
    skills: Sequence[str] | None = None
    working_hours: Sequence[HoursInput] | None = None
    # None (or null sent): the default, e-mail when the contact has an address.
    notify_by: Sequence[DeliveryChannel] | None = None
    locale: str | None = None


# What a phone number is written with besides its digits (a search for one).
PHONE_CHARACTERS = "0123456789+-() ."
# The languages the message catalogues have (domain/locales/).
CONTACT_LOCALES = ("en", "ru")


def notify_by_of(stored: list[str] | None, email: str | None) -> list[DeliveryChannel]:
    """The channels a contact is reached on: the ones it chose, else e-mail when it has one
    (the one place this default is written: the API, the outbound queue and unsubscribing
    read it here). A stored value no channel has any more is passed over."""
    if stored is not None:
        return [DeliveryChannel(c) for c in stored if c in DeliveryChannel.__members__]
    return [DeliveryChannel.EMAIL] if email else []


def _notify_by(channels: Sequence[DeliveryChannel] | None) -> list[str] | None:
    """The channels to store; IN_APP is no way to reach a contact (it has no app of its
    own: its portal members choose theirs), and a channel named twice is a mistake."""
    if channels is None:
        return None
    seen: list[str] = []
    for index, channel in enumerate(channels):
        if channel == DeliveryChannel.IN_APP:
            message = "A contact has no app to be told in: choose EMAIL, TELEGRAM or SMS"
            raise invalid(message, "input", "notifyBy", str(index))
        if channel.value in seen:
            raise invalid(f"{channel.value} is named twice", "input", "notifyBy", str(index))
        seen.append(channel.value)
    return seen


def _locale(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    locale = value.strip().lower()
    if locale not in CONTACT_LOCALES:
        languages = " or ".join(repr(code) for code in CONTACT_LOCALES)
        raise invalid(f"Unknown language {value[:20]!r}: write {languages}", "input", "locale")
    return locale


def address_fields(data: AddressData, *field: str) -> dict[str, Any]:
    for name, value, bound in (("latitude", data.latitude, 90), ("longitude", data.longitude, 180)):
        if value is not None and not -bound <= value <= bound:
            raise invalid(f"Must be between -{bound} and {bound}", *field, name)
    return {
        "text": validation.required_text(data.text, 500, *field, "text"),
        "label": validation.optional_name(data.label, 100, *field, "label"),
        "details": validation.optional_text(data.details, 2000, *field, "details"),
        "latitude": data.latitude,
        "longitude": data.longitude,
    }


async def _contact_fields(actor: Actor, data: ContactData, given: set[str]) -> dict[str, Any]:
    """Validated column values for the fields in `given` (input names)."""
    out: dict[str, Any] = {}
    if "name" in given:
        out["name"] = validation.required_name(data.name, 300, "input", "name")
    if "email" in given:
        out["email"] = (
            validation.email_address(data.email, "input", "email") if data.email else None
        )
    if "phone" in given:
        # Cleaned as names are first: a pasted number's invisible characters go.
        phone = validation.optional_name(data.phone, 50, "input", "phone")
        out["phone"] = checked_phone(phone, "input", "phone")
    if "notifyBy" in given:
        out["notify_by"] = _notify_by(data.notify_by)
    if "locale" in given:
        out["locale"] = _locale(data.locale)
    for attr, field, limit in (
        ("telegram", "telegram", 100),
        ("tax_id", "taxId", 50),
    ):
        if field in given:
            out[attr] = validation.optional_name(getattr(data, attr), limit, "input", field)
    if "notes" in given:
        out["notes"] = validation.optional_text(data.notes, 10000, "input", "notes")
    if "managerId" in given:
        manager = None
        if data.manager_id is not None:
            manager = await access_member_by_id(actor, data.manager_id)
            if manager.role not in (Role.OWNER, Role.STAFF):
                raise invalid("The manager must be a staff member", "input", "managerId")
        out["manager_id"] = manager.id if manager else None
    return out


def _profile(
    kind: ContactKind, data: ContactData, given: set[str]
) -> tuple[list[str] | None, list[dict[str, int | str]] | None]:
    """The checked skills and working hours sent (None: not sent); clients have neither."""
    skills = hours = None
    if "skills" in given:
        skills = normalise_skills(data.skills or [], "input", "skills")
    if "workingHours" in given:
        hours = to_json(check_working_hours(data.working_hours or [], "input", "workingHours"))
    for field, value in (("skills", skills), ("workingHours", hours)):
        if value and kind != ContactKind.CONTRACTOR:
            raise invalid("Only contractors have skills and working hours", "input", field)
    return skills, hours


def _skill_rows(contact: Contact, skills: list[str]) -> list[ContactSkill]:
    return [
        ContactSkill(company_id=contact.company_id, contact_id=contact.id, skill=skill)
        for skill in skills
    ]


async def create_contact(
    actor: Actor,
    kind: ContactKind,
    legal_form: LegalForm,
    data: ContactData,
    given: set[str],
    addresses: list[AddressData],
) -> Contact:
    if not can_edit_contacts(actor):
        raise forbidden("Only the company's staff may add contacts")
    fields = await _contact_fields(actor, data, given | {"name"})
    skills, hours = _profile(kind, data, given)
    rows = [address_fields(a, "input", "addresses", str(i)) for i, a in enumerate(addresses)]
    async with in_transaction():
        contact = await Contact.create(
            company_id=actor.company_id,
            kind=kind,
            legal_form=legal_form,
            working_hours=hours or [],
            **fields,
        )
        await Address.bulk_create(
            [Address(company_id=actor.company_id, contact_id=contact.id, **row) for row in rows]
        )
        if skills:
            await ContactSkill.bulk_create(_skill_rows(contact, skills))
    return contact


async def update_contact(
    actor: Actor, contact_id: int | None, data: ContactData, given: set[str]
) -> Contact:
    contact = await access_contact_by_id(actor, contact_id, ["id"])
    if not can_edit_contacts(actor):
        raise forbidden("Only the company's staff may edit contacts")
    fields = await _contact_fields(actor, data, given)
    skills, hours = _profile(contact.kind, data, given)
    if hours is not None:
        fields["working_hours"] = hours
    async with in_transaction():
        if fields:
            _ = contact.update_from_dict(fields)
            await contact.save(update_fields=list(fields))
        if skills is not None:
            # The skills sent replace the old ones, in the order given.
            await ContactSkill.filter(contact_id=contact.id).delete()
            if skills:
                await ContactSkill.bulk_create(_skill_rows(contact, skills))
    return contact


async def add_address(actor: Actor, contact_id: int | None, data: AddressData) -> Address:
    contact = await access_contact_by_id(actor, contact_id, ["contactId"])
    if not can_edit_contacts(actor):
        raise forbidden("Only the company's staff may edit contacts")
    return await Address.create(
        company_id=actor.company_id, contact_id=contact.id, **address_fields(data, "input")
    )


async def list_contacts(
    actor: Actor,
    kind: ContactKind | None,
    search: str | None,
    first: int | None,
    after: str | None,
    skill: str | None = None,
    archived: bool | None = None,
) -> Page[Contact]:
    """Active contacts; with `archived` true only the archived ones."""
    text = validation.search_text(search)
    rows = matching_contacts(actor, kind, text, phone_needle(text), skill, archived)
    return await paginate(rows, BY_NAME, first, after)


def phone_needle(text: str) -> str:
    """What a search looks for in phones: they are stored in E.164, so "555-00" or
    "(903) 555" looks for their digits."""
    digits = "".join(c for c in text if c.isdigit())
    return digits if digits and not text.strip(PHONE_CHARACTERS) else text


def matching_contacts(
    actor: Actor,
    kind: ContactKind | None,
    text: str,
    phone: str,
    skill: str | None,
    archived: bool | None,
) -> QuerySet[Contact]:
    """The list's rows before paging, the one definition the compiled reads build on too:
    `text` is the cleaned search (`validation.search_text`), `phone` its `phone_needle`."""
    contacts = listed_contacts(actor, archived)
    if kind is not None:
        contacts = contacts.filter(kind=kind)
    wanted = skill_key(skill or "")
    if len(wanted) > MAX_SKILL_LENGTH:
        contacts = contacts.filter(id__in=[])  # no tag is that long
    elif wanted:
        having = ContactSkill.filter(company_id=actor.company_id, skill=wanted)
        contacts = contacts.filter(id__in=Subquery(having.values("contact_id")))
    if text:
        # In the name, e-mail or phone, or where the contact is now (not an archived address
        # or a correction's history copy). Each SELECT is one PostgreSQL answers from trigram
        # indexes (models/search_indexes.py).
        named = Contact.filter(company_id=actor.company_id).filter(
            Q(name__icontains=text) | Q(email__icontains=text) | Q(phone__icontains=phone)
        )
        at_address = Address.filter(
            company_id=actor.company_id, archived=False, text__icontains=text
        )
        contacts = contacts.filter(
            id__in=UnionAll(named.values("id"), at_address.values("contact_id"))
        )
    return contacts
