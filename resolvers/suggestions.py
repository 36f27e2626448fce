"""`suggestContractors`: the company's contractors ranked for one order.

Score (higher is better), from the factors each suggestion reports:

    score = 100 * free + 50 * skilled
          + 20 / (1 + distanceKm / 5)            (0 when the distance is unknown)
          + 15 * (averageRating - 1) / 4         (7.5, the middle, when never rated)
          + 10 / (1 + openOrders)

The weights are lexicographic where it matters: a free contractor outranks every busy one
(the others add up to at most 95 < 100), and among equally free ones a skilled one outranks
every unskilled one (at most 45 < 50); only then do nearness (20 at the door, 10 at 5 km),
rating and load trade off. Ties go to the lower id, so a page is stable.

- free: the order's whole visit lies within the contractor's working hours (its own, else
  the company's; in the company's zone) and no other non-cancelled visit of it overlaps it.
  An order without a visit has nothing to clash with: everyone is free for it.
- skilled: has every skill asked, each spelt as stored tags are (`domain.skills.skill_key`:
  "Windows " finds "windows"); no skills asked: true.
- distanceKm: haversine from the contractor's nearest address with coordinates to the
  order's address, when both have coordinates.

Three statements whatever the number of contractors: the order (its permission), the
figures of every contractor with the company's zone and hours and the order's address
(resolvers/suggestion_sql.py), and the page's contacts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from tortoise import connections

from domain.distance import haversine_km
from domain.errors import invalid
from domain.free_slots import is_free
from domain.skills import MAX_SKILLS, skill_key
from domain.visits import Interval
from domain.working_hours import WorkingInterval, from_json
from models import Contact
from permissions.actor import Actor
from permissions.scheduling import access_suggestion_order_by_id, visible_suggested_contractors
from resolvers.pagination import page_size
from resolvers.suggestion_sql import Target, suggestion_statement

FREE, SKILLED, NEAR, RATED, IDLE = 100.0, 50.0, 20.0, 15.0, 10.0
NEAR_KM = 5.0  # the distance at which nearness is worth half
UNRATED = 3.0  # a contractor never rated counts as the middle of 1..5


@dataclass(frozen=True, slots=True)
class Suggestion:
    contractor: Contact
    score: float
    free: bool
    skilled: bool
    distance_km: float | None
    open_orders: int
    average_rating: float | None


@dataclass(slots=True)
class _Figures:
    """One contractor's factors, gathered from its rows (one per address with coordinates)."""

    id: int
    hours: str  # as stored (JSON); most contractors share the company's "[]"
    open_orders: int
    average_rating: float | None
    skills_had: int
    clashes: int
    distance_km: float | None = None


def score(
    free: bool,
    skilled: bool,
    distance_km: float | None,
    average_rating: float | None,
    open_orders: int,
) -> float:
    """The formula of the module's docstring."""
    near = 0.0 if distance_km is None else NEAR / (1 + distance_km / NEAR_KM)
    rating = UNRATED if average_rating is None else average_rating
    total = FREE * free + SKILLED * skilled + near + RATED * (rating - 1) / 4
    return round(total + IDLE / (1 + open_orders), 4)


def _text(stored: object) -> str:
    # SQLite and asyncpg give JSON columns as text; another driver might decode them.
    if isinstance(stored, bytes):
        return stored.decode()
    return stored if isinstance(stored, str) else json.dumps(stored)


def _hours(text: str) -> list[WorkingInterval]:
    value = json.loads(text)
    return from_json(value) if isinstance(value, list) else []


class _WithinHours:
    """Whether the visit lies in working hours, computed once per distinct hours: hundreds
    of contractors share a few (most the company's)."""

    def __init__(self, visit: Interval, zone: ZoneInfo, company_hours: str) -> None:
        self.visit, self.zone = visit, zone
        self.company_hours = _hours(company_hours)
        self.known: dict[str, bool] = {}

    def __call__(self, hours: str) -> bool:
        within = self.known.get(hours)
        if within is None:
            own = _hours(hours)
            within = self.known[hours] = is_free(
                hours=own or self.company_hours, zone=self.zone, busy=(), window=self.visit
            )
        return within


def _gather(rows: Sequence[Mapping[str, Any]]) -> dict[int, _Figures]:
    """The contractors' figures, each with the distance of its nearest address."""
    figures: dict[int, _Figures] = {}
    target: tuple[float | None, float | None] = (None, None)
    for row in rows:
        if row["is_address"]:
            continue
        rating = row["average_rating"]
        figures[row["id"]] = _Figures(
            id=row["id"],
            hours=_text(row["working_hours"]),
            open_orders=int(row["open_orders"]),
            average_rating=None if rating is None else round(float(rating), 2),
            skills_had=int(row["skills_had"]),
            clashes=int(row["clashes"]),
        )
        target = row["latitude"], row["longitude"]
    lat, lon = target
    if lat is None or lon is None:
        return figures
    for row in rows:
        found = figures.get(row["id"]) if row["is_address"] else None
        if found is None:
            continue
        km = haversine_km(lat, lon, row["latitude"], row["longitude"])
        if found.distance_km is None or km < found.distance_km:
            found.distance_km = km
    return figures


async def suggest_contractors(
    actor: Actor, order_id: int, skills: Sequence[str] | None, first: int | None
) -> list[Suggestion]:
    """The best `first` (default 5, at most 100) contractors for the order, best first.

    FORBIDDEN for portal members, NOT_FOUND for an order the staff member does not see,
    INVALID for more than 30 skills or a negative `first`.
    """
    wanted = list(dict.fromkeys(key for key in map(skill_key, skills or ()) if key))
    if len(wanted) > MAX_SKILLS:
        raise invalid(f"Ask for at most {MAX_SKILLS} skills", "skills")
    size = page_size(first)
    # An archived contractor takes no new bookings: it is never suggested.
    scope = visible_suggested_contractors(actor).filter(archived=False)
    order = await access_suggestion_order_by_id(actor, order_id)
    visit = (
        None
        if order.visit_start is None or order.visit_end is None
        else Interval(order.visit_start, order.visit_end)
    )
    target = Target(actor.company_id, order.id, order.address_id, visit, wanted)
    sql, params = suggestion_statement(scope, target)
    rows = await connections.get("default").execute_query_dict(sql, params)
    first_contractor = next((row for row in rows if not row["is_address"]), None)
    if first_contractor is None:
        return []
    within = (
        None
        if visit is None
        else _WithinHours(
            visit,
            ZoneInfo(first_contractor["timezone"]),
            _text(first_contractor["company_hours"]),
        )
    )
    ranked: list[tuple[float, int, bool, bool, _Figures]] = []
    for found in _gather(rows).values():
        free = found.clashes == 0 and (within is None or within(found.hours))
        skilled = found.skills_had == len(wanted)
        value = score(free, skilled, found.distance_km, found.average_rating, found.open_orders)
        ranked.append((-value, found.id, free, skilled, found))
    ranked.sort(key=lambda entry: (entry[0], entry[1]))
    page = ranked[:size]
    contacts = {c.id: c for c in await Contact.filter(id__in=[entry[1] for entry in page])}
    return [
        Suggestion(
            contractor=contacts[found.id],
            score=-negative,
            free=free,
            skilled=skilled,
            distance_km=None if found.distance_km is None else round(found.distance_km, 3),
            open_orders=found.open_orders,
            average_rating=found.average_rating,
        )
        for negative, _, free, skilled, found in page
        if found.id in contacts
    ]
