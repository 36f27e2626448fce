# ruff: noqa: RUF001 (Russian text)
"""importContacts: what a run creates, updates and leaves; dry runs; refused rows; who may.

Parsing and encodings: tests/test_contact_import_files.py.
"""

from __future__ import annotations

import time

import pytest

from models import Contact, Role
from tests.support.api import Api, count_statements, invite_and_accept, register
from tests.support.api_tokens import issue
from tests.support.contact_files import (
    contacts,
    csv_bytes,
    imported,
    people,
    person,
    table_bytes,
    upload_import,
)
from tests.support.portal import portal_member
from tests.support.tasks import pk
from tests.support.world import CREATE_CONTACT, contact

pytestmark = pytest.mark.asyncio


async def test_1700_rows_twice_the_second_all_unchanged(api: Api, backend: str) -> None:
    owner = await register(api)
    content = csv_bytes(people(1_700, "CONTRACTOR"))
    with count_statements() as counter:
        started = time.perf_counter()
        first = await imported(api, owner.access, content, kind="CONTRACTOR")
        elapsed = time.perf_counter() - started
    print(
        f"\n{backend}: 1,700 rows imported in {elapsed:.2f} s, {len(counter.statements)} statements"
    )
    assert first == {
        "rows": 1_700,
        "created": 1_700,
        "updated": 0,
        "unchanged": 0,
        "rowErrors": [],
        "errors": [],
    }
    assert elapsed < 10
    # Four chunks (500, 500, 500, 200), ten statements each at most, and a few around them
    # (the token's session, the managers, the book's keys).
    assert len(counter.statements) <= 4 * 10 + 6, counter.statements
    started = time.perf_counter()
    second = await imported(api, owner.access, content, kind="CONTRACTOR")
    print(f"{backend}: the same file again in {time.perf_counter() - started:.2f} s: {second}")
    assert second["unchanged"] == 1_700
    assert second["created"] == second["updated"] == 0
    found = await contacts(api, owner.access, "CONTRACTOR", "contact7@primer.ru")
    (node,) = [edge["node"] for edge in found["edges"]]
    row = person(7, "CONTRACTOR")
    assert node["name"] == row["Имя"]
    assert node["legalForm"] == "PERSON"
    assert node["phone"] == "+79161000007"
    assert node["skills"] == [s.strip() for s in row["Навыки"].split(",")]
    assert node["addresses"] == [{"text": row["Адрес"], "details": row["Подъезд"]}]


async def test_a_dry_run_is_the_default_and_writes_nothing(api: Api) -> None:
    owner = await register(api)
    rows = [*people(3), {"Имя": "", "Почта": "bad"}]
    content = csv_bytes(rows)
    dry = await imported(api, owner.access, content, dry_run=None)
    assert (await contacts(api, owner.access, "CLIENT"))["totalCount"] == 0
    real = await imported(api, owner.access, content, dry_run=False)
    assert dry == real
    assert (dry["rows"], dry["created"]) == (4, 3)
    assert [(e["row"], e["column"]) for e in dry["rowErrors"]] == [(5, "name"), (5, "email")]
    assert (await contacts(api, owner.access, "CLIENT"))["totalCount"] == 3
    again = await imported(api, owner.access, content, dry_run=True)
    assert (again["unchanged"], again["created"]) == (3, 0)


async def test_matching_by_email_then_phone_updates_only_the_file_columns(api: Api) -> None:
    owner = await register(api)
    card = await api.ok(
        CREATE_CONTACT,
        {
            "input": {
                "kind": "CLIENT",
                "legalForm": "PERSON",
                "name": "Анна Петрова",
                "email": "Anna@Primer.ru",
                "telegram": "@anna",
                "addresses": [{"text": "Москва, ул. Арбат, д. 1"}],
            }
        },
        owner.access,
    )
    anna = card["createContact"]["contact"]["id"]
    by_phone = await api.ok(
        CREATE_CONTACT,
        {
            "input": {
                "kind": "CLIENT",
                "legalForm": "ORGANIZATION",
                "name": "ООО Ромашка",
                "phone": "8 (916) 555-44-33",
            }
        },
        owner.access,
    )
    romashka = by_phone["createContact"]["contact"]["id"]
    await Contact.filter(id=pk(romashka, "Contact")).update(archived=True)
    header = ["ИМЯ", " Почта ", "телефон", "Адрес", "форма", "менеджер"]
    content = table_bytes(
        header,
        [
            *("Анна Петрова", "ANNA@primer.ru", "+7 916 111-22-33", "Москва, ул. Арбат, д. 1"),
            *("организация", owner.email),
        ],
        ["Ромашка", "", "+79165554433", "Москва, Ленинский пр-т, 5", "организация", ""],
        ["Новый Клиент", "new@primer.ru", "", "", "физлицо", ""],
    )
    result = await imported(api, owner.access, content)
    assert (result["created"], result["updated"], result["unchanged"]) == (1, 2, 0)
    found = {
        e["node"]["id"]: e["node"] for e in (await contacts(api, owner.access, "CLIENT"))["edges"]
    }
    assert found[anna]["email"] == "anna@primer.ru"
    assert found[anna]["phone"] == "+79161112233"
    assert found[anna]["telegram"] == "@anna"  # no telegram column: left as it was
    assert found[anna]["legalForm"] == "ORGANIZATION"
    assert found[anna]["manager"] == {"id": owner.member_id}
    assert [a["text"] for a in found[anna]["addresses"]] == ["Москва, ул. Арбат, д. 1"]
    archived = await Contact.get(id=pk(romashka, "Contact"))
    assert archived.name == "Ромашка"
    assert archived.archived  # updated, still archived
    assert archived.phone == "+79165554433"  # the same number, stored in E.164
    again = await imported(api, owner.access, content)
    assert again["unchanged"] == 3


async def test_refused_rows_name_row_and_column_and_the_rest_is_written(api: Api) -> None:
    owner = await register(api)
    other = await register(api)
    staff = await invite_and_accept(api, owner, "Boris Staff")
    client = await contact(api, owner, "CLIENT", "Portal Client")
    card = await Contact.get(id=pk(client.id, "Contact"))
    portal = await portal_member(api, pk(owner.company_id, "Company"), card, Role.CLIENT)
    header = ["name", "email", "phone", "legal_form", "address_details", "address", "manager_email"]
    rows = [
        ["Ок Один", "one@primer.ru", "", "", "", "", staff.email.upper()],
        ["", "two@primer.ru", "", "", "", "", ""],
        ["Плохая Почта", "not-an-address", "", "", "", "", ""],
        ["Плохой Телефон", "", "12345", "", "", "", ""],
        ["Длинный", "", "", "", "x" * 10_000, "Москва", ""],
        ["Форма", "", "", "кооператив", "", "", ""],
        ["Дубль Почты", "ONE@primer.ru", "", "", "", "", ""],
        ["Телефон Раз", "", "+7 916 000-00-01", "", "", "", ""],
        ["Телефон Два", "", "89160000001", "", "", "", ""],
        ["Чужой Менеджер", "", "", "", "", "", other.email],
        ["Клиент Менеджер", "", "", "", "", "", portal.email],
        ["Без Адреса", "", "", "", "подъезд 2", "", ""],
    ]
    content = table_bytes(header, *rows)
    dry = await imported(api, owner.access, content, dry_run=True)
    result = await imported(api, owner.access, content)
    assert dry == result
    refused = {(e["row"], e["column"]): e["message"] for e in result["rowErrors"]}
    assert sorted(refused) == [
        (3, "name"),
        (4, "email"),
        (5, "phone"),
        (6, "address_details"),
        (7, "legal_form"),
        (8, "email"),
        (10, "phone"),
        (11, "manager_email"),
        (12, "manager_email"),
        (13, "address_details"),
    ]
    assert "At most 2000 characters" in refused[6, "address_details"]
    assert "row 2" in refused[8, "email"]
    assert "row 9" in refused[10, "phone"]
    assert (result["rows"], result["created"]) == (12, 2)
    names = {
        e["node"]["name"]: e["node"] for e in (await contacts(api, owner.access, "CLIENT"))["edges"]
    }
    assert set(names) == {"Ок Один", "Телефон Раз", "Portal Client"}
    assert names["Ок Один"]["manager"] == {"id": staff.member_id}
    assert (await contacts(api, other.access, "CLIENT"))["totalCount"] == 0


async def test_an_unknown_column_or_client_skills_refuse_the_whole_file(api: Api) -> None:
    owner = await register(api)
    for header, kind, named in (
        (["Имя", "Почта", "Возраст"], "CLIENT", "Возраст"),
        (["name", "skills"], "CLIENT", "skills"),
        (["name", "email", "Почта"], "CONTRACTOR", "Почта"),
    ):
        content = table_bytes(header, ["Иван", "ivan@primer.ru", "40"])
        payload = await imported(api, owner.access, content, kind=kind)
        (error,) = payload["errors"]
        assert error["code"] == "INVALID"
        assert error["field"] == ["file"], error
        assert repr(named) in error["message"], error
        assert payload["rows"] == payload["created"] == 0
    assert (await contacts(api, owner.access, "CLIENT"))["totalCount"] == 0
    missing = await imported(api, owner.access, table_bytes(["email"], ["a@primer.ru"]))
    assert "no name column" in missing["errors"][0]["message"]


async def test_portal_members_and_read_only_tokens_may_not_import(api: Api) -> None:
    owner = await register(api)
    content = csv_bytes(people(2))
    company = pk(owner.company_id, "Company")
    for role, kind in ((Role.CLIENT, "CLIENT"), (Role.CONTRACTOR, "CONTRACTOR")):
        card = await Contact.create(company_id=company, kind=kind, legal_form="PERSON", name="P")
        member = await portal_member(api, company, card, role)
        payload = await imported(api, member.access, content, kind=kind)
        assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
        assert payload["created"] == 0
    token = await issue(api, owner, readOnly=True)
    body = await upload_import(api, token.token, content)
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    writer = await issue(api, owner, readOnly=False)
    assert (await imported(api, writer.token, content))["created"] == 2
    assert (await contacts(api, owner.access, "CLIENT"))["totalCount"] == 1 + 2  # "P" and two


async def test_updates_of_every_kind_stay_within_ten_statements_a_chunk(api: Api) -> None:
    owner = await register(api)
    rows = people(1_000, "CONTRACTOR")
    assert (await imported(api, owner.access, csv_bytes(rows), kind="CONTRACTOR"))["created"]
    for i, row in enumerate(rows):
        row["Телефон"] = f"+7 925 {2_000_000 + i:07d}"  # matched by e-mail, a new phone
        row["Навыки"] = "окна"  # other skills
        row["Подъезд"] = "со двора"  # other details of the same address
        if i % 2:
            row["Адрес"] = f"Химки, ул. Ленина, д. {i}"  # an address added
    rows.append(person(5_000, "CONTRACTOR"))  # and one created
    with count_statements() as counter:
        result = await imported(api, owner.access, csv_bytes(rows), kind="CONTRACTOR")
    assert (result["updated"], result["created"], result["rowErrors"]) == (1_000, 1, [])
    assert len(counter.statements) <= 3 * 10 + 6, counter.statements
    found = await contacts(api, owner.access, "CONTRACTOR", "contact1@primer.ru")
    (node,) = [edge["node"] for edge in found["edges"]]
    assert node["phone"] == "+79252000001"
    assert node["skills"] == ["окна"]
    assert node["addresses"] == [
        {"text": person(1)["Адрес"], "details": person(1)["Подъезд"]},
        {"text": "Химки, ул. Ленина, д. 1", "details": "со двора"},
    ]
    again = await imported(api, owner.access, csv_bytes(rows), kind="CONTRACTOR")
    assert again["unchanged"] == 1_001


async def test_past_a_thousand_row_errors_the_last_one_counts_the_rest(api: Api) -> None:
    owner = await register(api)
    content = table_bytes(["name", "email"], *[[f"К{i}", "плохо"] for i in range(1_200)])
    payload = await imported(api, owner.access, content, dry_run=True)
    errors = payload["rowErrors"]
    assert len(errors) == 1_000
    assert errors[998] == {"row": 1_000, "column": "email", "message": "Not a valid e-mail address"}
    assert errors[999] == {
        "row": 1_001,
        "column": None,
        "message": "201 more errors, from this row on, are not listed",
    }
