"""Importing clients or contractors from a CSV or XLSX file (`importContacts`).

The whole file is checked before anything is written: its size, its encoding, its header
(an unknown or repeated column refuses the import, naming it), its row count. Then each row
on its own: a refused row (bad value, a repeated e-mail or phone, an unknown manager) becomes
a row error and the others go on. A row is matched to the company's contacts of that kind by
e-mail (any case), then by phone (as E.164), and by name only when it has neither. A match
is updated in the columns the file has (an empty cell leaves a value as it is; an address is
added when the contact has no address with that text; an archived contact is updated and
stays archived); no match is created. A dry run reads what a real run reads and counts what
it would write, so both report the same; a real run writes 500 rows per transaction in a
bounded number of bulk statements (resolvers/contact_import_write.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from domain.errors import DomainError, forbidden, invalid
from domain.phones import checked_phone, e164
from domain.skills import normalise_skills
from models import ContactKind, LegalForm, Role
from permissions.actor import Actor
from permissions.contacts import can_edit_contacts, visible_contacts
from permissions.members import visible_members
from resolvers import validation
from resolvers.contact_import_columns import COLUMNS, CONTRACTOR_ONLY, column_of, legal_form_of
from resolvers.contact_import_read import MAX_COLUMNS, read_sheet
from resolvers.contact_import_write import Entry, Outcome, apply_chunk

MAX_BYTES = 10 * 1024 * 1024
CHUNK = 500
# Row errors listed in the answer (each ~100 bytes: 20,000 rows of several errors would pass
# the answer's size cap); past it the last one says how many more there were.
MAX_ROW_ERRORS = 1_000


@dataclass(frozen=True, slots=True)
class RowError:
    row: int
    column: str | None
    message: str


@dataclass(slots=True)
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    row_errors: list[RowError] = field(default_factory=list)


def _phone(text: str) -> str:
    return checked_phone(validation.optional_name(text, 50)) or ""


def _skills(text: str) -> list[str]:
    return normalise_skills(part for part in text.split(",") if part.strip())


def _legal_form(text: str) -> LegalForm:
    form = legal_form_of(text)
    if form is None:
        raise invalid(
            f"Unknown legal form {text.strip()[:50]!r}: write person (физлицо) "
            "or organization (организация)"
        )
    return form


# Each column's check of a non-empty cell: the value stored (or, for manager_email, looked up).
_CHECKS: dict[str, Callable[[str], Any]] = {
    "name": lambda text: validation.required_name(text, 300),
    "legal_form": _legal_form,
    "email": validation.email_address,
    "phone": _phone,
    "telegram": lambda text: validation.optional_name(text, 100),
    "tax_id": lambda text: validation.optional_name(text, 50),
    "address": lambda text: validation.optional_text(text, 500),
    "address_details": lambda text: validation.optional_text(text, 2000),
    "skills": _skills,
    "manager_email": validation.email_address,
}


def _columns(header: list[str], kind: ContactKind) -> list[str | None]:
    """The canonical column of each header cell (None: a blank one); INVALID for the file."""
    found: dict[str, str] = {}
    columns: list[str | None] = []
    for cell in header[: MAX_COLUMNS + 1]:
        title = cell.strip()
        name = column_of(title) if title else None
        if title and name is None:
            known = ", ".join(COLUMNS)
            raise invalid(f"Unknown column {title[:100]!r}; the columns are {known}", "file")
        if name in CONTRACTOR_ONLY and kind != ContactKind.CONTRACTOR:
            raise invalid(f"Column {title!r}: only contractors have skills", "file")
        if name is not None and name in found:
            raise invalid(f"Column {title!r} repeats column {found[name]!r}", "file")
        if name is not None:
            found[name] = title
        columns.append(name)
    if "name" not in found:
        raise invalid("The file has no name column (name, имя, название)", "file")
    return columns


def _entry(row: int, cells: list[str], columns: list[str | None]) -> Entry | list[RowError]:
    values: dict[str, Any] = {}
    errors: list[RowError] = []
    for index, column in enumerate(columns):
        text = cells[index] if index < len(cells) else ""
        if column is None:
            if text.strip():
                errors.append(RowError(row, None, f"Column {index + 1} has no name in row 1"))
            continue
        if not text.strip() and column != "name":
            continue
        try:
            value = _CHECKS[column](text)
        except DomainError as error:
            errors.append(RowError(row, column, error.message))
            continue
        if value is not None and value != []:
            values[column] = value
    if "address_details" in values and "address" not in values:
        message = "Give the address these details belong to"
        errors.append(RowError(row, "address_details", message))
    return errors or Entry(row, values)


def _keys(entry: Entry) -> list[tuple[str, str]]:
    """What tells the row's contact from others: its e-mail, then its phone; a row with
    neither has its name (else a second import of the file would add it again)."""
    keys: list[tuple[str, str]] = [
        (column, entry.values[column]) for column in ("email", "phone") if column in entry.values
    ]
    return keys or [("name", entry.values["name"].casefold())]


def _unique(entries: list[Entry], errors: list[RowError]) -> list[Entry]:
    """The rows whose keys no earlier row has; the later ones refused, naming the first."""
    first: dict[tuple[str, str], int] = {}
    kept: list[Entry] = []
    for entry in entries:
        keys = _keys(entry)
        clash = next((key for key in keys if key in first), None)
        if clash is not None:
            message = f"The same {clash[0]} is on row {first[clash]}"
            errors.append(RowError(entry.row, clash[0], message))
            continue
        for key in keys:
            first[key] = entry.row
        kept.append(entry)
    return kept


async def _with_managers(actor: Actor, entries: list[Entry], errors: list[RowError]) -> list[Entry]:
    """manager_email made the staff member's id, in one query; other e-mails refused."""
    emails = {e.values["manager_email"] for e in entries if "manager_email" in e.values}
    if not emails:
        return entries
    staff = visible_members(actor).filter(
        role__in=(Role.OWNER, Role.STAFF), active=True, user__email__in=emails
    )
    ids = {email.lower(): pk for pk, email in await staff.values_list("id", "user__email")}
    kept = []
    for entry in entries:
        email = entry.values.pop("manager_email", None)
        if email is None:
            kept.append(entry)
        elif email in ids:
            entry.values["manager_id"] = ids[email]
            kept.append(entry)
        else:
            message = f"No staff member of the company has the e-mail {email}"
            errors.append(RowError(entry.row, "manager_email", message))
    return kept


def _book(contacts: list[tuple[int, str, str | None, str | None]]) -> dict[tuple[str, str], int]:
    """The company's contacts of the kind by each key `_keys` gives a row (first id wins)."""
    book: dict[tuple[str, str], int] = {}
    for pk, name, email, phone in contacts:
        for key in (("email", (email or "").lower()), ("phone", e164(phone) or "")):
            if key[1]:
                book.setdefault(key, pk)
        book.setdefault(("name", name.casefold()), pk)
    return book


async def _matched(
    actor: Actor, kind: ContactKind, entries: list[Entry], errors: list[RowError]
) -> list[Entry]:
    """Each row's contact (`_keys`, in their order) from one read of the book's keys; a
    second row that finds a contact an earlier row found is refused."""
    keys = visible_contacts(actor).filter(kind=kind).order_by("id")
    contacts = await keys.values_list("id", "name", "email", "phone")
    book = await asyncio.to_thread(_book, contacts)
    found_by: dict[int, int] = {}
    kept = []
    for entry in entries:
        hits = [
            (column, book[column, value])
            for column, value in _keys(entry)
            if (column, value) in book
        ]
        column, match = hits[0] if hits else (None, None)
        if match is not None and match in found_by:
            message = f"Row {found_by[match]} already matches the same contact"
            errors.append(RowError(entry.row, column, message))
            continue
        if match is not None:
            found_by[match] = entry.row
        entry.contact_id = match
        kept.append(entry)
    return kept


def _megabytes(size: int) -> str:
    mib = 1024 * 1024
    return f"{size // mib} MiB" if size % mib == 0 else f"{size:,} bytes"


def _checked(data: bytes, kind: ContactKind) -> tuple[int, list[Entry], list[RowError]]:
    """The file's rows read and checked (CPU work, run in a thread): how many, the valid
    ones without repeats, and the errors of the others."""
    sheet = read_sheet(data)
    columns = _columns(sheet.header, kind)
    entries: list[Entry] = []
    errors: list[RowError] = []
    for row, cells in sheet.rows:
        parsed = _entry(row, cells, columns)
        if isinstance(parsed, Entry):
            entries.append(parsed)
        else:
            errors.extend(parsed)
    return len(sheet.rows), _unique(entries, errors), errors


async def import_contacts(
    actor: Actor,
    content: BinaryIO,
    size: int,
    kind: ContactKind,
    dry_run: bool,
    upload_limit: int = MAX_BYTES,
) -> ImportResult:
    """Check the file, then each row; write the valid rows unless `dry_run`.

    `size` is what the transport received; it keeps at most `upload_limit` + 1 bytes of a
    file (servicedesk/transport/uploads.py), so a smaller upload limit is this one too.
    """
    if not can_edit_contacts(actor):
        raise forbidden("Only the company's staff may add contacts")
    limit = min(MAX_BYTES, upload_limit)
    if size == 0:
        raise invalid("The file is empty", "file")
    if size > limit:
        raise invalid(f"An import file may be at most {_megabytes(limit)}", "file")
    _ = content.seek(0)
    rows, entries, errors = await asyncio.to_thread(_checked, content.read(limit + 1), kind)
    result = ImportResult(rows=rows, row_errors=errors)
    entries = await _with_managers(actor, entries, result.row_errors)
    entries = await _matched(actor, kind, entries, result.row_errors)
    for start in range(0, len(entries), CHUNK):
        outcomes = await apply_chunk(
            actor.company_id, kind, entries[start : start + CHUNK], dry_run
        )
        result.created += outcomes.count(Outcome.CREATED)
        result.updated += outcomes.count(Outcome.UPDATED)
        result.unchanged += outcomes.count(Outcome.UNCHANGED)
    result.row_errors = _listed(sorted(result.row_errors, key=lambda error: error.row))
    return result


def _listed(errors: list[RowError]) -> list[RowError]:
    if len(errors) <= MAX_ROW_ERRORS:
        return errors
    rest = errors[MAX_ROW_ERRORS - 1 :]
    message = f"{len(rest):,} more errors, from this row on, are not listed"
    return [*errors[: MAX_ROW_ERRORS - 1], RowError(rest[0].row, None, message)]
