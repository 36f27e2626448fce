# ruff: noqa: RUF002 (Russian text)
"""Import files as people make them (Excel in a Russian locale: semicolons, a BOM or
Windows-1251; XLSX), Russian contacts to fill them, and the `importContacts` upload."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

import openpyxl

from tests.support.api import Api

PREFLIGHT = {"Apollo-Require-Preflight": "true"}
IMPORT = """mutation($f: Upload!, $k: ContactKind!, $d: Boolean) {
  importContacts(file: $f, kind: $k, dryRun: $d) {
    rows created updated unchanged rowErrors { row column message } errors { field code message }
  }
}"""
IMPORT_DEFAULT = """mutation($f: Upload!, $k: ContactKind!) {
  importContacts(file: $f, kind: $k) {
    rows created updated unchanged rowErrors { row column message } errors { field code message }
  }
}"""
CONTACTS = """query($k: ContactKind, $s: String) {
  contacts(filter: {kind: $k, search: $s}, first: 100) {
    totalCount
    edges { node { id name legalForm email phone telegram taxId skills manager { id }
      addresses { text details } } }
  }
}"""

FIRST = ("Иван", "Ольга", "Сергей", "Анна", "Дмитрий", "Мария", "Алексей", "Елена", "Пётр")
LAST = ("Петров", "Смирнова", "Кузнецов", "Иванова", "Соколов", "Попова", "Лебедев", "Козлова")
STREETS = ("ул. Тверская", "Ленинский пр-т", "ул. Арбат", "Кутузовский пр-т", "ул. Покровка")
SKILLS = ("мойка окон", "уборка", "химчистка ковров", "сантехника", "электрика")


def person(i: int, kind: str = "CLIENT") -> dict[str, str]:
    """Row i of a Russian contact list: unique e-mail and phone, an address in Moscow
    (clients) or skills (contractors)."""
    name = f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]} {i}"
    row = {
        "Имя": name,
        "Почта": f"contact{i}@primer.ru",
        "Телефон": f"+7 916 {1_000_000 + i:07d}",
        "Адрес": f"Москва, {STREETS[i % len(STREETS)]}, д. {i % 150 + 1}",
        "Подъезд": f"подъезд {i % 6 + 1}, этаж {i % 12 + 1}",
    }
    if kind == "CONTRACTOR":
        row["Навыки"] = ", ".join(SKILLS[j % len(SKILLS)] for j in range(i % 3 + 1))
    return row


def people(count: int, kind: str = "CLIENT") -> list[dict[str, str]]:
    return [person(i, kind) for i in range(count)]


def csv_text(rows: Sequence[dict[str, str]], delimiter: str = ";") -> str:
    """As Excel writes "CSV (разделители — точки с запятой)": CRLF, quotes where needed."""
    header = list(rows[0]) if rows else ["name"]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue()


def csv_bytes(
    rows: Sequence[dict[str, str]], encoding: str = "utf-8-sig", delimiter: str = ";"
) -> bytes:
    return csv_text(rows, delimiter).encode(encoding)


def table_bytes(header: Sequence[str], *rows: Sequence[str], delimiter: str = ",") -> bytes:
    """A UTF-8 CSV of exactly these cells."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def xlsx_bytes(header: Sequence[str], *rows: Sequence[Any]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def upload_import(
    api: Api,
    token: str,
    content: bytes,
    kind: str = "CLIENT",
    dry_run: bool | None = False,
    filename: str = "contacts.csv",
) -> dict[str, Any]:
    """The `importContacts` answer (the whole body); `dry_run=None` leaves dryRun out."""
    query = IMPORT_DEFAULT if dry_run is None else IMPORT
    variables: dict[str, Any] = {"f": None, "k": kind}
    if dry_run is not None:
        variables["d"] = dry_run
    response = await api.http.post(
        "/graphql",
        data={
            "operations": json.dumps({"query": query, "variables": variables}),
            "map": json.dumps({"0": ["variables.f"]}),
        },
        files={"0": (filename, content, "text/csv")},
        headers={**PREFLIGHT, "Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def imported(api: Api, token: str, content: bytes, **options: Any) -> dict[str, Any]:
    """The ImportPayload of an import that must reach the resolver."""
    body = await upload_import(api, token, content, **options)
    assert "errors" not in body, body["errors"]
    payload: dict[str, Any] = body["data"]["importContacts"]
    return payload


async def contacts(api: Api, token: str, kind: str, search: str | None = None) -> dict[str, Any]:
    data = await api.ok(CONTACTS, {"k": kind, "s": search}, token)
    found: dict[str, Any] = data["contacts"]
    return found
