"""The `series-page` scenario's twins (bench/twins.py's kind): the staff head's first page of
active order series, newest first, from the raw baseline (bench/raw_reads.py's `/series`) and
from PostGraphile.

The API's rule (permissions/series.py, the orders' rule) is that a STAFF member sees the series
whose responsible member is itself or below it; the peer, which has no rules, is asked for it
as a relation filter on the responsible membership's path. Both read 50 and say whether there
are more.

The three write some values differently, so the facts are compared in one form: a visit time
as the API's Time writes it ("HH:MM", ":SS" only when the seconds are not zero; raw and the
peer send the stored "HH:MM:SS"), a price as a decimal with two places (the API and the peer
send text, raw a JSON number), and weekdays as a list (PostGraphile 4 sends a JSON column as
its text unless `dynamicJson` is on). The peer has no recurrence object: it sends the series'
own columns (frequency, interval, weekdays, monthDay), which hold the same facts.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from bench.twins import Facts, Twin, fixed, page_of, plain

PEER_SERIES = """
query SeriesPage($company: Int!, $path: String!) {
  allOrderSeries(first: 50, orderBy: [CREATED_AT_DESC, ID_DESC],
                 condition: {companyId: $company, active: true},
                 filter: {membershipByResponsibleId: {path: {startsWith: $path}}}) {
    edges { cursor node {
      id title startDate visitTime durationMinutes active price
      frequency interval weekdays monthDay
      client: contactByClientId { id name } address: addressByAddressId { id text }
      contractor: contactByContractorId { id name }
      responsible: membershipByResponsibleId { id name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}"""

PARTIES = ("client", "address", "contractor", "responsible")


def clock(text: str) -> str:
    """A time of day as the API's Time writes it: "HH:MM", "HH:MM:SS" when the seconds count."""
    hours, minutes, *seconds = text.split(":")
    return f"{hours}:{minutes}" if not seconds or int(seconds[0]) == 0 else text[:8]


def money(value: str | float | None) -> str | None:
    return None if value is None else f"{Decimal(str(value)):.2f}"


def _recurrence(node: dict[str, Any]) -> list[Any]:
    rule = node.get("recurrence", node)  # the peer: the series' own columns
    weekdays = rule["weekdays"]
    weekdays = json.loads(weekdays) if isinstance(weekdays, str) else weekdays
    return [rule["frequency"], rule["interval"], list(weekdays), rule["monthDay"]]


def _facts(nodes: list[dict[str, Any]], more: bool) -> Facts:
    def party(node: dict[str, Any], key: str) -> int | None:
        return plain((node.get(key) or {}).get("id"))

    return {
        "series.ids": [plain(n["id"]) for n in nodes],
        "series.parties": [[party(n, key) for key in PARTIES] for n in nodes],
        "series.startDate": [n["startDate"] for n in nodes],
        "series.visitTime": [clock(n["visitTime"]) for n in nodes],
        "series.durationMinutes": [n["durationMinutes"] for n in nodes],
        "series.active": [n["active"] for n in nodes],
        "series.price": [money(n["price"]) for n in nodes],
        "series.recurrence": [_recurrence(n) for n in nodes],
        "series.hasNextPage": more,
    }


def series(company: int, path: str) -> Twin:
    return fixed(
        "/series",
        {"company": company, "path": path},
        PEER_SERIES,
        lambda answer: _facts(*page_of(answer["data"]["orderSeries"])),
        lambda answer: _facts(
            answer["data"]["orderSeries"]["nodes"], answer["data"]["orderSeries"]["hasNextPage"]
        ),
        lambda answer: _facts(*page_of(answer["data"]["allOrderSeries"])),
        empty=('"nodes" : []', '"nodes": []'),
    )
