"""Recurring series through the API, and the round run with a test's own clock."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from resolvers.series_round import make_series_orders
from schema.ids import decode_id
from tests.support.api import Api, Session

SERIES_FIELDS = """
  id title description active startDate visitTime durationMinutes
  price contractorFee internalNote createdAt
  recurrence { frequency interval weekdays monthDay until count }
  client { id name } address { id text } contractor { id name } responsible { id name }
"""
CREATE_SERIES = f"""
mutation($input: CreateOrderSeriesInput!) {{
  createOrderSeries(input: $input) {{ series {{ {SERIES_FIELDS} }} errors {{ field code message }} }}
}}
"""
UPDATE_SERIES = f"""
mutation($id: ID!, $input: UpdateOrderSeriesInput!, $from: Date) {{
  updateOrderSeries(id: $id, input: $input, fromDate: $from) {{
    series {{ {SERIES_FIELDS} }} errors {{ field code message }}
  }}
}}
"""
SKIP_VISIT = """
mutation($id: ID!, $date: Date!) {
  skipSeriesVisit(id: $id, date: $date) { series { id } errors { field code message } }
}
"""
END_SERIES = """
mutation($id: ID!, $last: Date) {
  endOrderSeries(id: $id, lastDate: $last) { series { id active } errors { field code message } }
}
"""
SERIES_ORDERS = """
query($first: Int) {
  orderSeries(first: 10) { edges { node { id orders(first: $first) {
    totalCount edges { node { id number status deadline title contractor { id } } }
  } } } }
}
"""
UPCOMING = """
query($n: Int) { orderSeries(first: 100) { edges { node { id upcoming(first: $n) { start end } } } } }
"""
HORIZON = 28


def series_input(client: str, address: str, **fields: Any) -> dict[str, Any]:
    return {
        "clientId": client,
        "addressId": address,
        "title": "Office cleaning",
        "recurrence": {"frequency": "WEEKLY"},
        "startDate": "2027-03-01",
        "visitTime": "09:00",
        "durationMinutes": 120,
        **fields,
    }


async def create_series(api: Api, who: Session, **fields: Any) -> dict[str, Any]:
    data = await api.ok(CREATE_SERIES, {"input": fields}, who.access)
    payload = data["createOrderSeries"]
    assert payload["errors"] == [], payload["errors"]
    series: dict[str, Any] = payload["series"]
    return series


async def create_errors(api: Api, who: Session, **fields: Any) -> list[dict[str, Any]]:
    data = await api.ok(CREATE_SERIES, {"input": fields}, who.access)
    payload = data["createOrderSeries"]
    assert payload["series"] is None
    errors: list[dict[str, Any]] = payload["errors"]
    return errors


async def series_orders(api: Api, who: Session, series_id: str) -> list[dict[str, Any]]:
    """The series' orders the member sees, soonest visit first."""
    data = await api.ok(SERIES_ORDERS, {"first": 60}, who.access)
    for edge in data["orderSeries"]["edges"]:
        if edge["node"]["id"] == series_id:
            return [e["node"] for e in edge["node"]["orders"]["edges"]]
    raise AssertionError(f"series {series_id} not listed")


async def upcoming(api: Api, who: Session, series_id: str, n: int = 10) -> list[dict[str, str]]:
    data = await api.ok(UPCOMING, {"n": n}, who.access)
    for edge in data["orderSeries"]["edges"]:
        if edge["node"]["id"] == series_id:
            slots: list[dict[str, str]] = edge["node"]["upcoming"]
            return slots
    raise AssertionError(f"series {series_id} not listed")


async def run_round_at(series_id: str, now: datetime, horizon: int = HORIZON) -> int:
    """The round for one series, as of `now`."""
    return await make_series_orders(decode_id(series_id, "OrderSeries"), now, horizon)
