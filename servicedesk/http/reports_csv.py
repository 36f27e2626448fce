"""`GET /reports/orders.csv?from=&to=&groupBy=`: the order report as a spreadsheet file.

The same report as `orderReport` (resolvers/reports.py), with the same bearer token (an API
token too). UTF-8 with a byte-order mark, without which Excel reads the file in the local
code page and garbles Cyrillic names, and a header row.

- `from`, `to`: a date-time with an offset (`2026-11-01T00:00:00+03:00`, `…Z`), or a date,
  which means midnight in the company's time zone. A `+` that the query string turned into a
  space is read as the `+` it was.
- `groupBy`: CONTRACTOR, CLIENT, RESPONSIBLE or DAY (any case).
- `delimiter=semicolon`: `;` between cells and decimal commas, what spreadsheet programs in
  locales with a decimal comma (Russian among them) expect of a CSV file.

A cell that a spreadsheet would run as a formula (user-written names starting with `=`, `+`,
`-` or `@`) gets a leading apostrophe. 401 without a valid token, 403 for portal members, 400
with the reason for anything wrong in the parameters.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from domain.errors import DomainError, ErrorCode
from permissions.actor import Actor
from permissions.authenticate import authenticate, bearer_token
from resolvers.reports import ReportGrouping, ReportRow, company_timezone, order_report
from schema.ids import to_global_id
from schema.reports import KEY_TYPES

FIGURES = ("Created", "Completed", "Completed on time", "Overdue", "Cancelled")
LABELS = {
    ReportGrouping.CONTRACTOR: "Contractor",
    ReportGrouping.CLIENT: "Client",
    ReportGrouping.RESPONSIBLE: "Responsible",
    ReportGrouping.DAY: "Day",
}
_SPACED_OFFSET = re.compile(r"^(\d{4}-\d\d-\d\dT[\d:.]+) (\d\d(:?\d\d)?)$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class BadRequest(Exception):
    pass


def _instant(request: Request, name: str) -> datetime | date:
    raw = request.query_params.get(name, "").strip()
    if not raw:
        raise BadRequest(f"{name}: required, a date (2026-11-01) or a date-time with an offset")
    raw = _SPACED_OFFSET.sub(r"\1+\2", raw)
    try:
        if len(raw) == 10:
            return date.fromisoformat(raw)
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise BadRequest(f"{name}: {raw!r} is neither a date nor a date-time") from None
    if value.tzinfo is None:
        raise BadRequest(f"{name}: give the date-time with an offset (Z or +03:00)")
    return value


def _semicolon(request: Request) -> bool:
    raw = request.query_params.get("delimiter", "comma").strip().lower()
    if raw not in ("comma", "semicolon"):
        raise BadRequest("delimiter: comma (the default) or semicolon")
    return raw == "semicolon"


def _grouping(request: Request) -> ReportGrouping:
    raw = request.query_params.get("groupBy", "").strip().upper()
    try:
        return ReportGrouping(raw)
    except ValueError:
        choices = ", ".join(grouping.value for grouping in ReportGrouping)
        raise BadRequest(f"groupBy: one of {choices}") from None


async def _period(actor: Actor, request: Request) -> tuple[datetime, datetime, str | None]:
    """The period, and the company's time zone if it took reading (for dates)."""
    start, end = _instant(request, "from"), _instant(request, "to")
    if isinstance(start, datetime) and isinstance(end, datetime):
        return start, end, None
    timezone = await company_timezone(actor)
    zone = ZoneInfo(timezone)

    def at(value: datetime | date) -> datetime:
        if isinstance(value, datetime):
            return value
        return datetime.combine(value, time(), tzinfo=zone)

    return at(start), at(end), timezone


def _cell(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def render(rows: list[ReportRow], grouping: ReportGrouping, semicolon: bool) -> bytes:
    """The CSV file: byte-order mark, header row, a row per report row."""

    def number(value: float | None) -> str:
        if value is None:
            return ""
        text = f"{value:.2f}"
        return text.replace(".", ",") if semicolon else text

    rated = grouping is ReportGrouping.CONTRACTOR
    key_type = KEY_TYPES.get(grouping)

    def key(row: ReportRow) -> list[str]:
        if key_type is None:
            return []
        return ["" if row.key is None else to_global_id(key_type, row.key)]

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if semicolon else ",", lineterminator="\r\n")
    writer.writerow(
        [
            LABELS[grouping],
            *FIGURES,
            "Average completion hours",
            *(["Average rating"] if rated else []),
            *(["ID"] if key_type else []),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                _cell(row.label),
                row.created,
                row.completed,
                row.completed_on_time,
                row.overdue,
                row.cancelled,
                number(row.average_completion_hours),
                *([number(row.average_rating)] if rated else []),
                *key(row),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode()


async def orders_csv(request: Request) -> Response:
    actor = await authenticate(bearer_token(request.headers.get("authorization")))
    if actor is None:
        return PlainTextResponse(
            "A valid bearer token is required (Authorization: Bearer <token>)",
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )
    try:
        grouping = _grouping(request)
        start, end, timezone = await _period(actor, request)
        semicolon = _semicolon(request)
        rows = await order_report(actor, start, end, grouping, datetime.now(UTC), timezone)
    except BadRequest as error:
        return PlainTextResponse(str(error), status_code=400)
    except DomainError as error:
        if error.code is ErrorCode.FORBIDDEN:
            return PlainTextResponse(error.message, status_code=403)
        where = f"{'.'.join(error.field)}: " if error.field else ""
        return PlainTextResponse(f"{where}{error.message}", status_code=400)
    name = f"orders-by-{grouping.value.lower()}-{start.date()}-{end.date()}.csv"
    return Response(
        render(rows, grouping, semicolon),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )
