"""The `suggest-contractors` scenario's twins (bench/twins.py's kind): the raw baseline's
ranking (bench/raw_suggest.py) and PostGraphile's candidates.

Raw ranks in SQL and answers the same five as the API, compared as they are: the ids in order,
free, skilled and open orders exactly; score, distance and rating within rounding (floats from
two runtimes, means rounded by two rules: bench/raw_suggest.py says where they may differ).

PostGraphile cannot rank: the ranking is the product's logic, not a query. Its twin is the
document a client of it would send to rank the contractors itself, all in one request: the
order's visit, its address's coordinates, the company's zone and hours; the company's active
contractors with their hours and their active addresses with coordinates; and, grouped by
contractor as the product groups them (one pass each over the company's rows: nested under
each contractor, the same figures took the peer twice as long), how many of the asked skills
each has, its open orders, the mean rating of its finished ones and its other non-cancelled
visits overlapping the order's (the visit's window is sent as variables: a filter cannot read
it from another row). What it answers for the API's five contractors is compared: open
orders, skilled, rating, and the distance of the nearest address, which the bench works out
from the coordinates it sends (domain/distance.py's haversine). Left out: the ranking itself
(which five, their order and score) and `free`, which needs the working hours laid over the
visit in the company's zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bench.suggest import SKILLS
from bench.twins import Facts, Twin, plain
from domain.distance import haversine_km
from domain.visits import MAX_VISIT

PEER_SUGGEST = """
query Candidates($company: Int!, $order: Int!, $skills: [String!]!, $since: Datetime!,
                 $from: Datetime!, $to: Datetime!) {
  order: orderById(id: $order) {
    id visitStart visitEnd
    address: addressByAddressId { latitude longitude }
    company: companyByCompanyId { timezone workingHours }
  }
  contractors: allContacts(orderBy: ID_ASC,
                           condition: {companyId: $company, kind: "CONTRACTOR", archived: false}) {
    nodes { id name workingHours } }
  addresses: allAddresses(condition: {companyId: $company, archived: false},
      filter: {latitude: {isNull: false}, longitude: {isNull: false},
               contactByContactId: {kind: {equalTo: "CONTRACTOR"}, archived: {equalTo: false}}}) {
    nodes { contactId latitude longitude } }
  skills: allContactSkills(condition: {companyId: $company}, filter: {skill: {in: $skills}}) {
    groupedAggregates(groupBy: [CONTACT_ID]) { keys distinctCount { skill } } }
  open: allOrders(condition: {companyId: $company},
      filter: {status: {in: ["ASSIGNED", "IN_PROGRESS"]}, contractorId: {isNull: false}}) {
    groupedAggregates(groupBy: [CONTRACTOR_ID]) { keys distinctCount { id } } }
  rated: allOrders(condition: {companyId: $company, status: "DONE"},
      filter: {contractorId: {isNull: false}}) {
    groupedAggregates(groupBy: [CONTRACTOR_ID]) { keys average { rating } } }
  busy: allOrders(condition: {companyId: $company},
      filter: {visitStart: {greaterThan: $since, lessThan: $to}, visitEnd: {greaterThan: $from},
               status: {notEqualTo: "CANCELLED"}, id: {notEqualTo: $order},
               contractorId: {isNull: false}}) {
    groupedAggregates(groupBy: [CONTRACTOR_ID]) { keys distinctCount { id } } }
}"""


def _rating(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def _distance(km: Any) -> float | None:
    return None if km is None else round(float(km), 2)


def _ranked_facts(suggestions: list[dict[str, Any]]) -> Facts:
    """The API's and raw's five, and each one's figures under its id."""
    facts: Facts = {"suggested.ids": [plain(s["contractor"]["id"]) for s in suggestions]}
    for s in suggestions:
        key = f"c{plain(s['contractor']['id'])}"
        facts |= {
            f"{key}.score": float(s["score"]),
            f"{key}.free": s["free"],
            f"{key}.skilled": s["skilled"],
            f"{key}.openOrders": s["openOrders"],
            f"{key}.averageRating": _rating(s["averageRating"]),
            f"{key}.distanceKm": _distance(s["distanceKm"]),
        }
    return facts


def _groups(answer: dict[str, Any], name: str) -> dict[int, Any]:
    """A grouped aggregate's one figure by its key (the contractor's id)."""
    found: dict[int, Any] = {}
    for group in answer["data"][name]["groupedAggregates"]:
        figure = next(v for k, v in group.items() if k != "keys")
        found[int(group["keys"][0])] = next(iter(figure.values()))
    return found


def _candidate_facts(answer: dict[str, Any], skills: Sequence[str]) -> Facts:
    """Every candidate's figures under its id, as the API would report them; only the API's
    five are compared (`Twin.peer_candidates`)."""
    order = answer["data"]["order"]
    if order is None:
        return {}
    target = order["address"] or {}
    lat, lon = target.get("latitude"), target.get("longitude")
    nearest: dict[int, float] = {}
    if lat is not None and lon is not None:
        for place in answer["data"]["addresses"]["nodes"]:
            km = haversine_km(lat, lon, place["latitude"], place["longitude"])
            nearest[place["contactId"]] = min(km, nearest.get(place["contactId"], km))
    had, open_orders = _groups(answer, "skills"), _groups(answer, "open")
    rating = _groups(answer, "rated")
    facts: Facts = {}
    for contractor in answer["data"]["contractors"]["nodes"]:
        key, c = f"c{contractor['id']}", contractor["id"]
        facts |= {
            f"{key}.skilled": int(had.get(c, 0)) == len(skills),
            f"{key}.openOrders": int(open_orders.get(c, 0)),
            f"{key}.averageRating": _rating(rating.get(c)),
            f"{key}.distanceKm": _distance(nearest.get(c)),
        }
    return facts


def suggest(company: int, path: str, orders: Sequence[tuple[int, datetime, datetime]]) -> Twin:
    """`orders`: the orders asked about in turn (request i: the i-th), with their visits."""

    def asked(i: int) -> tuple[int, datetime, datetime]:
        return orders[i % len(orders)]

    def raw_body(w: int, i: int) -> dict[str, Any]:
        order = asked(i)[0]
        return {
            "company": company,
            "path": path,
            "order": order,
            "skills": list(SKILLS),
            "first": 5,
        }

    def peer_body(w: int, i: int) -> dict[str, Any]:
        order, start, end = asked(i)
        # A visit overlapping the order's began less than the longest visit before it.
        window = {"since": (start - MAX_VISIT).isoformat(), "from": start.isoformat()}
        variables = {
            "company": company,
            "order": order,
            "skills": list(SKILLS),
            "to": end.isoformat(),
        }
        return {"query": PEER_SUGGEST, "variables": variables | window}

    return Twin(
        "/suggest",
        raw_body,
        peer_body,
        lambda answer: _ranked_facts(answer["data"]["suggestContractors"]),
        lambda answer: _ranked_facts(answer["data"]["suggestContractors"]),
        lambda answer: _candidate_facts(answer, SKILLS),
        empty=('"suggestContractors": []', '"suggestContractors":[]'),
        peer_leaves_out="ranking, scores and free: it sends every candidate's figures",
        peer_candidates=True,
    )
