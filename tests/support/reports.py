"""A hand-built company for the report tests, every figure of which is known in advance.

The company counts its days in Europe/Moscow (UTC+3, no daylight saving). The period is the
first three Moscow days of March 2025: [2025-02-28T21:00Z, 2025-03-03T21:00Z). Orders are
made through the API, then their times written to the database (the API only takes
deadlines in the future and stamps the rest with the clock).

Staff: owner -> head -> worker, and peer beside head (tests.support.tasks.tree). Clients:
Анна Петрова and Romashka LLC; contractors: Сергей Клинер and FixIt Team.

| order | responsible | client | contractor | status | created (UTC) | deadline | closed |
|---|---|---|---|---|---|---|---|
| O1 | worker | Анна | Сергей | DONE 5* | 03-01 10:00 | 03-02 12:00 | 03-01 22:30 (Moscow: 2 March) |
| O2 | worker | Romashka | Сергей | DONE 3* | 03-01 08:00 | 03-01 12:00 | 03-02 08:00, late |
| O3 | head | Анна | FixIt | IN_PROGRESS | 03-01 09:00 | 03-02 09:00 | open |
| O4 | head | Romashka | FixIt | CANCELLED | 03-02 10:00 | 03-03 20:00 | 03-03 10:00 |
| O5 | owner | Анна | - | NEW | 02-28 21:30 (Moscow: 1 March) | 04-01 | open |
| O6 | peer | Romashka | Сергей | DONE | 02-20 10:00 | 02-25 10:00 | 03-02 12:00, late |
| O7 | peer | Анна | Сергей | ASSIGNED | 02-10 10:00 | 02-15 10:00 | open |
| O8 | owner | Анна | FixIt | DONE | 03-05 10:00 | 03-06 10:00 | 03-05 12:00 (after) |
| O9 | owner | Romashka | FixIt | DONE | 02-01 10:00 | 02-03 10:00 | 02-02 10:00 (before) |
| O10 | owner | Romashka | FixIt | DONE | 03-03 20:30 | 03-03 20:45 | 03-03 21:10 (after the end) |

Hours to complete: O1 12.5, O2 24, O6 242 (10 days 2 hours). O10 is open and late when the
period ends, ten minutes before it is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from models import Order
from schema.ids import decode_id
from tests.support.api import (
    PASSWORD,
    REGISTER,
    Api,
    Session,
    invite_and_accept,
    session_of,
    unique,
    unique_email,
)
from tests.support.tasks import Tree, company_of
from tests.support.world import ContactCard, contact, create_order, move, portal_member

ZONE = "Europe/Moscow"
START = "2025-03-01T00:00:00+03:00"
END = "2025-03-04T00:00:00+03:00"
ANNA = "Анна Петрова"
ROMASHKA = "Romashka LLC"
SERGEY = "Сергей Клинер"
FIXIT = "FixIt Team"


def utc(text: str) -> datetime:
    """`MM-DD HH:MM` of 2025, in UTC."""
    return datetime.fromisoformat(f"2025-{text}:00+00:00").astimezone(UTC)


@dataclass(frozen=True)
class Spec:
    responsible: str
    client: str
    contractor: str | None
    status: str
    created: str
    deadline: str
    closed: str | None = None
    rating: int | None = None


ORDERS = {
    "O1": Spec("worker", ANNA, SERGEY, "DONE", "03-01 10:00", "03-02 12:00", "03-01 22:30", 5),
    "O2": Spec("worker", ROMASHKA, SERGEY, "DONE", "03-01 08:00", "03-01 12:00", "03-02 08:00", 3),
    "O3": Spec("head", ANNA, FIXIT, "IN_PROGRESS", "03-01 09:00", "03-02 09:00"),
    "O4": Spec("head", ROMASHKA, FIXIT, "CANCELLED", "03-02 10:00", "03-03 20:00", "03-03 10:00"),
    "O5": Spec("owner", ANNA, None, "NEW", "02-28 21:30", "04-01 00:00"),
    "O6": Spec("peer", ROMASHKA, SERGEY, "DONE", "02-20 10:00", "02-25 10:00", "03-02 12:00"),
    "O7": Spec("peer", ANNA, SERGEY, "ASSIGNED", "02-10 10:00", "02-15 10:00"),
    "O8": Spec("owner", ANNA, FIXIT, "DONE", "03-05 10:00", "03-06 10:00", "03-05 12:00"),
    "O9": Spec("owner", ROMASHKA, FIXIT, "DONE", "02-01 10:00", "02-03 10:00", "02-02 10:00"),
    "O10": Spec("owner", ROMASHKA, FIXIT, "DONE", "03-03 20:30", "03-03 20:45", "03-03 21:10"),
}
STEPS = {
    "IN_PROGRESS": ["IN_PROGRESS"],
    "DONE": ["IN_PROGRESS", "DONE"],
    "CANCELLED": ["CANCELLED"],
}


@dataclass
class ReportCompany:
    tree: Tree
    contacts: dict[str, ContactCard]  # by name
    orders: dict[str, str]  # O1..O10 -> global id

    def member(self, name: str) -> Session:
        return self.tree.by_name()[name]


async def register_in(api: Api, timezone: str) -> Session:
    email = unique_email("owner")
    data = await api.ok(
        REGISTER,
        {
            "input": {
                "companyName": unique("Company "),
                "name": "Olga Owner",
                "email": email,
                "password": PASSWORD,
                "timezone": timezone,
            }
        },
    )
    return session_of(data["register"], email)


async def tree_in(api: Api, timezone: str) -> Tree:
    owner = await register_in(api, timezone)
    head = await invite_and_accept(api, owner, "Head")
    worker = await invite_and_accept(api, head, "Worker")
    peer = await invite_and_accept(api, owner, "Peer")
    return Tree(owner, head, worker, peer, await company_of(owner))


async def build_report_company(api: Api, timezone: str = ZONE) -> ReportCompany:
    t = await tree_in(api, timezone)
    contacts = {
        ANNA: await contact(api, t.owner, "CLIENT", ANNA),
        ROMASHKA: await contact(api, t.owner, "CLIENT", ROMASHKA, "ORGANIZATION"),
        SERGEY: await contact(api, t.owner, "CONTRACTOR", SERGEY),
        FIXIT: await contact(api, t.owner, "CONTRACTOR", FIXIT, "ORGANIZATION"),
    }
    members = t.by_name()
    orders: dict[str, str] = {}
    for name, spec in ORDERS.items():
        client = contacts[spec.client]
        fields: dict[str, Any] = {
            "clientId": client.id,
            "addressId": client.address_ids[0],
            "responsibleId": members[spec.responsible].member_id,
        }
        if spec.contractor:
            fields["contractorId"] = contacts[spec.contractor].id
        order_id: str = (await create_order(api, t.owner, **fields))["id"]
        for step in STEPS.get(spec.status, []):
            await move(api, t.owner, order_id, step)
        times: dict[str, Any] = {"created_at": utc(spec.created), "deadline": utc(spec.deadline)}
        if spec.status == "DONE":
            times["completed_at"] = utc(spec.closed or "")
        if spec.status == "CANCELLED":
            times["cancelled_at"] = utc(spec.closed or "")
        if spec.rating is not None:
            times["rating"] = spec.rating
        assert await Order.filter(id=decode_id(order_id, "Order")).update(**times) == 1
        orders[name] = order_id
    return ReportCompany(t, contacts, orders)


async def contractor_member(api: Api, company: ReportCompany, name: str) -> Session:
    """A CONTRACTOR member acting for the contractor card `name`."""
    return await portal_member(api, company.tree.owner, company.contacts[name], "Partner Desk")
