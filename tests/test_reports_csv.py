"""`GET /reports/orders.csv`: the report as a file spreadsheets open (byte-order mark, header
row, Cyrillic names), the same figures as `orderReport`, and clear refusals (401, 403, 400)."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from tests.support.api import Api, count_statements, register
from tests.support.api_tokens import issue
from tests.support.reports import FIXIT, SERGEY, build_report_company
from tests.support.tasks import company_of, portal_members
from tests.support.world import contact, create_order

pytestmark = pytest.mark.asyncio

PATH = "/reports/orders.csv"
HEADER = [
    "Created",
    "Completed",
    "Completed on time",
    "Overdue",
    "Cancelled",
    "Average completion hours",
]


async def get(
    api: Api, token: str | None, params: dict[str, str] | None = None, url: str = PATH
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await api.http.get(url, params=params, headers=headers)


def table(response: httpx.Response, delimiter: str = ",") -> list[list[str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


async def test_the_report_by_contractor_as_a_spreadsheet(api: Api) -> None:
    """Dates are midnights in the company's time zone (Moscow): the same period, the same
    figures as the GraphQL report (tests/test_reports.py)."""
    company = await build_report_company(api)
    params = {"from": "2025-03-01", "to": "2025-03-04", "groupBy": "contractor"}
    response = await get(api, company.tree.owner.access, params)
    assert response.headers["content-disposition"] == (
        'attachment; filename="orders-by-contractor-2025-03-01-2025-03-04.csv"'
    )
    assert response.content.decode("utf-8-sig").endswith("\r\n")
    assert table(response) == [
        ["Contractor", *HEADER, "Average rating", "ID"],
        [FIXIT, "3", "0", "0", "2", "1", "", "", company.contacts[FIXIT].id],
        [SERGEY, "2", "3", "1", "3", "0", "92.83", "4.00", company.contacts[SERGEY].id],
        ["No contractor", "1", "0", "0", "0", "0", "", "", ""],
    ]
    # The Cyrillic name is UTF-8 in the file itself.
    assert SERGEY.encode() in response.content


async def test_by_day_with_offsets_and_semicolons(api: Api) -> None:
    """Date-times with an offset; a `+` left unencoded in the query string (read as a space)
    still means `+`; `delimiter=semicolon` writes `;` and decimal commas."""
    company = await build_report_company(api)
    url = (
        f"{PATH}?from=2025-03-01T00:00:00+03:00&to=2025-03-03T21:00:00Z"
        "&groupBy=DAY&delimiter=semicolon"
    )
    response = await get(api, company.tree.owner.access, url=url)
    assert table(response, ";") == [
        ["Day", *HEADER],
        ["2025-03-01", "4", "0", "0", "3", "0", ""],
        ["2025-03-02", "1", "3", "1", "4", "0", "92,83"],
        ["2025-03-03", "1", "0", "0", "3", "1", ""],
    ]


async def test_staff_get_their_subtree_and_api_tokens_work(api: Api) -> None:
    company = await build_report_company(api)
    reader = await issue(api, company.member("worker"))  # read-only: a GET is a read
    params = {"from": "2025-03-01", "to": "2025-03-04", "groupBy": "RESPONSIBLE"}
    rows = table(await get(api, reader.token, params))
    assert [row[:2] for row in rows] == [["Responsible", "Created"], ["Worker", "2"]]


async def test_the_cost(api: Api) -> None:
    """One statement to authenticate, one for the company's time zone (dates, days), one
    for the report, whatever the data."""
    company = await build_report_company(api)
    params = {"from": "2025-03-01", "to": "2025-03-04", "groupBy": "DAY"}
    for who in (company.tree.owner, company.member("head")):
        with count_statements() as counter:
            assert len(table(await get(api, who.access, params))) == 4
        assert len(counter.statements) == 3, counter.statements


async def test_names_are_never_run_as_formulas(api: Api) -> None:
    owner = await register(api)
    for name in ('=HYPERLINK("http://evil.test")', "+7 999", "@SUM(A1)", "-1"):
        card = await contact(api, owner, "CLIENT", name)
        _ = await create_order(api, owner, clientId=card.id, addressId=card.address_ids[0])
    params = {"from": "2020-01-01", "to": "2100-01-01", "groupBy": "CLIENT"}
    labels = sorted(row[0] for row in table(await get(api, owner.access, params))[1:])
    assert labels == sorted(['\'=HYPERLINK("http://evil.test")', "'+7 999", "'@SUM(A1)", "'-1"])


async def test_without_a_valid_token_401(api: Api) -> None:
    owner = await register(api)
    revoked = await issue(api, owner)
    await api.ok(
        "mutation($id: ID!) { revokeApiToken(id: $id) { errors { code } } }",
        {"id": revoked.id},
        owner.access,
    )
    params = {"from": "2025-03-01", "to": "2025-03-04", "groupBy": "DAY"}
    for token in (None, "nonsense", revoked.token):
        response = await get(api, token, params)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert "bearer token" in response.text


async def test_portal_members_403(api: Api) -> None:
    owner = await register(api)
    members = await portal_members(api, await company_of(owner))
    params = {"from": "2025-03-01", "to": "2025-03-04", "groupBy": "CLIENT"}
    for member in members:
        response = await get(api, member.access, params)
        assert response.status_code == 403
        assert response.text == "Dashboards and reports are for staff"


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"to": "2025-03-04", "groupBy": "DAY"}, "from: required"),
        ({"from": "2025-03-01", "to": "2025-03-04"}, "groupBy: one of CONTRACTOR, CLIENT"),
        ({"from": "2025-03-01", "to": "2025-03-04", "groupBy": "WEEK"}, "groupBy: one of"),
        ({"from": "yesterday", "to": "2025-03-04", "groupBy": "DAY"}, "from: 'yesterday' is"),
        ({"from": "2025-03-01T00:00", "to": "2025-03-04", "groupBy": "DAY"}, "from: give the"),
        ({"from": "2025-03-04", "to": "2025-03-01", "groupBy": "DAY"}, "to: The period must end"),
        ({"from": "2020-01-01", "to": "2025-03-01", "groupBy": "DAY"}, "to: A report by day"),
        (
            {"from": "2025-03-01", "to": "2025-03-04", "groupBy": "DAY", "delimiter": "tab"},
            "delimiter: comma",
        ),
    ],
)
async def test_bad_parameters_400_with_the_reason(
    api: Api, params: dict[str, str], reason: str
) -> None:
    owner = await register(api)
    response = await get(api, owner.access, params)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text.startswith(reason), response.text
