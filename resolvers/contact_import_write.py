"""One chunk of an import's checked rows: what each does to the book, and the writes.

A chunk reads its matched contacts, their addresses and skills in one query each, decides
per row (created, updated, unchanged), and, unless it is a dry run, writes it all in one
transaction with at most seven bulk statements: contacts inserted (and their ids read back
by their creation time, as bulk INSERTs return none), contacts updated, addresses inserted
and updated, skills deleted and inserted. Ten statements a chunk at most, whatever its size.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from tortoise.transactions import in_transaction

from domain.phones import e164
from models import Address, Contact, ContactKind, ContactSkill, LegalForm

CONTACT_COLUMNS = ("name", "legal_form", "email", "phone", "telegram", "tax_id", "manager_id")


class Outcome(Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(slots=True)
class Entry:
    """A checked row: its non-empty cells by column (`manager_id` for `manager_email`)."""

    row: int
    values: dict[str, Any]
    contact_id: int | None = None  # the contact it matched


@dataclass
class _Plan:
    new: list[Entry] = field(default_factory=list)
    changed: dict[int, Contact] = field(default_factory=dict)
    changed_fields: set[str] = field(default_factory=set)
    addresses: list[Address] = field(default_factory=list)
    details: list[Address] = field(default_factory=list)
    skills_replaced: list[int] = field(default_factory=list)
    skills: list[ContactSkill] = field(default_factory=list)


def _same(column: str, old: Any, new: Any) -> bool:
    if column == "phone":
        return bool(e164(old) == new)
    if column == "email":
        return bool((old or "").lower() == new)
    return bool(old == new)


def _addresses_of(entry: Entry, company_id: int, contact_id: int) -> list[Address]:
    """The row's address as a new one of the contact (none when the row has none)."""
    text = entry.values.get("address")
    if text is None:
        return []
    details = entry.values.get("address_details")
    return [Address(company_id=company_id, contact_id=contact_id, text=text, details=details)]


def _skill_rows(entry: Entry, company_id: int, contact_id: int) -> list[ContactSkill]:
    return [
        ContactSkill(company_id=company_id, contact_id=contact_id, skill=skill)
        for skill in entry.values.get("skills", [])
    ]


def _plan_update(
    plan: _Plan,
    entry: Entry,
    contact: Contact,
    addresses: list[Address],
    skills: list[str],
) -> Outcome:
    changed = False
    for column in CONTACT_COLUMNS:
        if column in entry.values and not _same(
            column, getattr(contact, column), entry.values[column]
        ):
            setattr(contact, column, entry.values[column])
            plan.changed[contact.id] = contact
            plan.changed_fields.add(column)
            changed = True
    text = entry.values.get("address")
    if text is not None:
        same = [a for a in addresses if a.text.casefold() == text.casefold()]
        details = entry.values.get("address_details")
        if not same:
            plan.addresses += _addresses_of(entry, contact.company_id, contact.id)
            changed = True
        elif details is not None and same[0].details != details:
            same[0].details = details
            plan.details.append(same[0])
            changed = True
    wanted = entry.values.get("skills")
    if wanted is not None and set(wanted) != set(skills):
        plan.skills_replaced.append(contact.id)
        plan.skills += _skill_rows(entry, contact.company_id, contact.id)
        changed = True
    return Outcome.UPDATED if changed else Outcome.UNCHANGED


async def apply_chunk(
    company_id: int, kind: ContactKind, entries: list[Entry], dry_run: bool
) -> list[Outcome]:
    """Each row's outcome; written unless `dry_run`, in one transaction."""
    ids = [entry.contact_id for entry in entries if entry.contact_id is not None]
    present = {
        column for entry in entries if entry.contact_id is not None for column in entry.values
    }
    async with _transaction(dry_run):
        # The ids are the company's (read through visible_contacts); the filter says so again.
        mine = Contact.filter(company_id=company_id, kind=kind, id__in=ids)
        contacts = {c.id: c for c in await mine} if ids else {}
        addresses: dict[int, list[Address]] = defaultdict(list)
        if ids and "address" in present:
            for address in await Address.filter(
                company_id=company_id, contact_id__in=ids, archived=False
            ).order_by("id"):
                addresses[address.contact_id].append(address)
        skills: dict[int, list[str]] = defaultdict(list)
        if ids and "skills" in present:
            for contact_id, skill in await ContactSkill.filter(
                company_id=company_id, contact_id__in=ids
            ).values_list("contact_id", "skill"):
                skills[contact_id].append(skill)
        plan = _Plan()
        outcomes: list[Outcome] = []
        for entry in entries:
            contact = contacts.get(entry.contact_id or 0)
            if contact is None:
                plan.new.append(entry)
                outcomes.append(Outcome.CREATED)
            else:
                outcomes.append(
                    _plan_update(plan, entry, contact, addresses[contact.id], skills[contact.id])
                )
        if not dry_run:
            await _write(plan, company_id, kind)
    return outcomes


@contextlib.asynccontextmanager
async def _transaction(dry_run: bool) -> AsyncIterator[None]:
    if dry_run:
        yield
        return
    async with in_transaction():
        yield


async def _write(plan: _Plan, company_id: int, kind: ContactKind) -> None:
    if plan.new:
        created_at = datetime.now(UTC)
        await Contact.bulk_create([_new_contact(e, company_id, kind, created_at) for e in plan.new])
        rows = Contact.filter(company_id=company_id, kind=kind, created_at=created_at)
        ids = list(await rows.order_by("id").values_list("id", flat=True))
        if len(ids) != len(plan.new):
            raise RuntimeError("The imported contacts could not be read back by creation time")
        for contact_id, entry in zip(ids, plan.new, strict=True):
            assert isinstance(contact_id, int)
            plan.addresses += _addresses_of(entry, company_id, contact_id)
            plan.skills += _skill_rows(entry, company_id, contact_id)
    if plan.changed:
        fields = sorted(plan.changed_fields)
        await Contact.bulk_update(list(plan.changed.values()), fields=fields)
    if plan.addresses:
        await Address.bulk_create(plan.addresses)
    if plan.details:
        await Address.bulk_update(plan.details, fields=["details"])
    if plan.skills_replaced:
        await ContactSkill.filter(contact_id__in=plan.skills_replaced).delete()
    if plan.skills:
        await ContactSkill.bulk_create(plan.skills)


def _new_contact(entry: Entry, company_id: int, kind: ContactKind, created_at: datetime) -> Contact:
    values = entry.values
    return Contact(
        company_id=company_id,
        kind=kind,
        legal_form=values.get("legal_form", LegalForm.PERSON),
        created_at=created_at,
        working_hours=[],
        **{column: values.get(column) for column in CONTACT_COLUMNS if column != "legal_form"},
    )
