# ruff: noqa: RUF001 (Russian text)
"""importContacts' files: encodings, delimiters, XLSX, and what is refused before any row.

The flow (matching, dry runs, who may): tests/test_contact_import.py.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.support.api import Api, register
from tests.support.contact_files import (
    contacts,
    csv_bytes,
    imported,
    people,
    table_bytes,
    xlsx_bytes,
)
from tests.support.photos import picture

pytestmark = pytest.mark.asyncio

NOT_TEXT = "The file is not UTF-8 or Windows-1251 text"


async def names(api: Api, token: str, kind: str = "CLIENT") -> set[str]:
    return {edge["node"]["name"] for edge in (await contacts(api, token, kind))["edges"]}


async def test_excel_csv_with_a_bom_semicolons_and_a_line_break_in_a_cell(api: Api) -> None:
    owner = await register(api)
    rows = people(2)
    rows[0]["Подъезд"] = "подъезд 3,\nкод 45К"  # Excel quotes a cell with a line break
    content = csv_bytes(rows, "utf-8-sig", ";")
    assert content.startswith(b"\xef\xbb\xbf")
    assert b'"\xd0\xbf\xd0\xbe\xd0\xb4' in content  # the quoted cell
    assert (await imported(api, owner.access, content))["created"] == 2
    found = await contacts(api, owner.access, "CLIENT", "contact0@primer.ru")
    (node,) = [edge["node"] for edge in found["edges"]]
    assert node["addresses"][0]["details"] == "подъезд 3,\nкод 45К"
    # A row after a cell of two lines is still the next spreadsheet row.
    bad = [*people(1), {"Имя": "", "Подъезд": "a\nb\nc"}]
    errors = (await imported(api, owner.access, csv_bytes(bad), dry_run=True))["rowErrors"]
    assert [(e["row"], e["column"]) for e in errors] == [(3, "name"), (3, "address_details")]


async def test_windows_1251_and_plain_utf8_commas_are_read(api: Api) -> None:
    owner = await register(api)
    cp1251 = csv_bytes(people(3), "cp1251", ";")
    assert (await imported(api, owner.access, cp1251))["created"] == 3
    utf8 = csv_bytes(people(5)[3:], "utf-8", ",")
    assert (await imported(api, owner.access, utf8))["created"] == 2
    assert "Иван Петров 0" in await names(api, owner.access)
    assert "Анна Иванова 3" in await names(api, owner.access)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("имя\r\nПётр\r\n", {"Пётр"}),
        ("name;address\r\nАнна;Москва\r\n", {"Анна"}),
        (
            "Название;ИНН\r\nООО «Ромашка»;7701234567\r\nИП Сидоров;7700000000\r\n",
            {"ООО «Ромашка»", "ИП Сидоров"},
        ),
        ("name,email\r\nЁжик,ez@primer.ru\r\n", {"Ёжик"}),
    ],
    ids=["one-column", "english-header", "organisations", "yo"],
)
async def test_a_short_windows_1251_file_is_read(api: Api, text: str, expected: set[str]) -> None:
    """A few Russian words are too little for charset detection (it guessed johab, cp1006,
    mac_cyrillic and big5 for these), yet Excel in a Russian locale saves such files."""
    owner = await register(api)
    payload = await imported(api, owner.access, text.encode("cp1251"))
    assert payload["errors"] == []
    assert payload["rowErrors"] == []
    assert await names(api, owner.access) == expected


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (picture(), "binary or UTF-16"),
        ("name\nJosé Müller\n".encode("utf-16"), "binary or UTF-16"),
        ("name,email\nJosé Müller,jose@beispiel.de\nFrançois,f@x.fr\n".encode("latin-1"), "cp"),
        # Russian in other Cyrillic encodings: not taken for Windows-1251's words.
        ("name;address\nИван Петров;Москва, ул. Тверская, 7\n".encode("koi8_r"), "looks like"),
        ("name;address\nИван Петров;Москва, ул. Тверская, 7\n".encode("cp866"), "looks like"),
        (b"name\nA\x01B\n", "control characters"),
    ],
    ids=["png", "utf-16", "latin-1", "koi8-r", "cp866", "control"],
)
async def test_other_encodings_and_binary_files_are_refused(
    api: Api, content: bytes, reason: str
) -> None:
    owner = await register(api)
    payload = await imported(api, owner.access, content, filename="contacts.csv")
    (error,) = payload["errors"]
    assert error["field"] == ["file"]
    assert error["message"].startswith(NOT_TEXT), error
    assert reason in error["message"], error
    assert await names(api, owner.access) == set()


async def test_xlsx_is_read_by_its_content_with_formulas_as_text(api: Api) -> None:
    owner = await register(api)
    content = xlsx_bytes(
        ["Наименование", "Телефон", "Телеграм", "ИНН", "Правовая форма"],
        ["ООО Формула", 79161234567, "=1+1", 7707083893, "Организация"],
        [None, None, None, None, None],  # blank rows are skipped, not counted
        ['=HYPERLINK("http://evil.test","Жмите")', "", "", "", ""],
    )
    payload = await imported(api, owner.access, content, filename="contacts.csv")
    assert (payload["rows"], payload["created"], payload["rowErrors"]) == (2, 2, [])
    found = {
        e["node"]["name"]: e["node"] for e in (await contacts(api, owner.access, "CLIENT"))["edges"]
    }
    firm = found["ООО Формула"]
    assert (firm["phone"], firm["telegram"], firm["taxId"]) == (
        "+79161234567",
        "=1+1",
        "7707083893",
    )
    assert firm["legalForm"] == "ORGANIZATION"
    assert '=HYPERLINK("http://evil.test","Жмите")' in found
    again = await imported(api, owner.access, content, filename="contacts.xlsx")
    assert again["unchanged"] == 2


async def test_a_broken_workbook_or_a_zip_bomb_is_refused(api: Api) -> None:
    owner = await register(api)
    payload = await imported(api, owner.access, b"PK\x03\x04" + b"\x00" * 200)
    assert payload["errors"][0]["message"] == (
        "The file is neither CSV text nor a readable XLSX workbook"
    )
    xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
    payload = await imported(api, owner.access, xls, filename="contacts.xls")
    assert payload["errors"][0]["message"] == (
        "An Excel 97-2003 or password-protected workbook: save it as XLSX or CSV"
    )
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"\x00" * (65 * 1024 * 1024))
    assert len(bomb.getvalue()) < 100_000
    payload = await imported(api, owner.access, bomb.getvalue())
    assert payload["errors"][0]["message"] == "The workbook unpacks to more than 64 MiB"


async def test_a_10000_character_cell_is_refused_with_row_and_column(api: Api) -> None:
    owner = await register(api)
    long = "Ж" * 10_000
    for content in (
        table_bytes(["name", "email"], ["Иван", "ivan@primer.ru"], [long, "x@primer.ru"]),
        xlsx_bytes(["name", "email"], ["Иван", "ivan@primer.ru"], [long, "x@primer.ru"]),
    ):
        payload = await imported(api, owner.access, content, dry_run=True)
        assert payload["rowErrors"] == [
            {"row": 3, "column": "name", "message": "At most 300 characters"}
        ]
        assert payload["created"] == 1


async def test_headers_in_any_case_and_spacing_and_their_russian_names(api: Api) -> None:
    owner = await register(api)
    manager = owner.email.upper()
    content = table_bytes(
        ["  НАЗВАНИЕ ", "E-Mail", "Почта   менеджера", "детали адреса", "АДРЕС", "Форма", ""],
        ["Фирма", "firm@primer.ru", manager, "офис 5", "Москва, ул. Покровка, 2", "юрлицо", ""],
    )
    payload = await imported(api, owner.access, content)
    assert payload["created"] == 1
    (node,) = [e["node"] for e in (await contacts(api, owner.access, "CLIENT"))["edges"]]
    assert node["email"] == "firm@primer.ru"
    assert node["legalForm"] == "ORGANIZATION"
    assert node["manager"] == {"id": owner.member_id}
    assert node["addresses"] == [{"text": "Москва, ул. Покровка, 2", "details": "офис 5"}]


async def test_size_and_row_limits_refuse_before_reading_rows(api: Api) -> None:
    owner = await register(api)
    header = b"name\n"
    for content, message in (
        (b"", "The file is empty"),
        (header + b"x" * (10 * 1024 * 1024), "An import file may be at most 10 MiB"),
        (header + b"A\n" * 20_001, "At most 20,000 rows may be imported at once"),
        (b"\n\n;;\n", "The file has no header row"),
        (header + b"\n" * 100_000, "The file has more than 100,000 rows, blank ones included"),
    ):
        payload = await imported(api, owner.access, content)
        assert [e["message"] for e in payload["errors"]] == [message]
    many = header + "".join(f"Клиент {i}\n" for i in range(20_000)).encode()
    payload = await imported(api, owner.access, many, dry_run=True)
    assert (payload["rows"], payload["created"]) == (20_000, 20_000)
    assert await names(api, owner.access) == set()
