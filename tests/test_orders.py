"""Orders through HTTP: creation rules, editing, listing, numbers, and what a list costs."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models import Order
from tests.support.api import Api, Session, count_statements, invite_and_accept, register
from tests.support.world import (
    CREATE_ORDER,
    ContactCard,
    World,
    build_world,
    contact,
    create_order,
    in_days,
    move,
    portal_member,
)

pytestmark = pytest.mark.asyncio

ORDER_FIELDS = """id number title status source deadline overdue price contractorFee internalNote
  client { id name } address { id text } contractor { id } responsible { id name }
  history { from to by { id } comment }"""
GET = f"query($id: ID!) {{ node(id: $id) {{ ... on Order {{ {ORDER_FIELDS} }} }} }}"
UPDATE = f"""mutation($id: ID!, $input: UpdateOrderInput!) {{
  updateOrder(id: $id, input: $input) {{ order {{ {ORDER_FIELDS} }} errors {{ field code }} }} }}"""
RATE = """mutation($id: ID!, $r: Int!, $f: String) {
  rateOrder(id: $id, rating: $r, feedback: $f) { order { rating feedback } errors { field code } } }"""
LIST = """query($filter: OrderFilter, $sort: OrderSort, $first: Int, $after: String) {
  orders(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount edges { node { id number overdue } } pageInfo { hasNextPage endCursor } } }"""


async def small_company(api: Api) -> tuple[Session, ContactCard, ContactCard]:
    owner = await register(api)
    client = await contact(api, owner, "CLIENT", "Anna")
    contractor = await contact(api, owner, "CONTRACTOR", "Sergey")
    return owner, client, contractor


async def order_count(session: Session, api: Api) -> int:
    data = await api.ok("{ orders { totalCount } }", token=session.access)
    count: int = data["orders"]["totalCount"]
    return count


async def test_creating_an_order_costs_a_fixed_number_of_statements(api: Api) -> None:
    """createOrder's statements, stated: authenticate, client, address, responsible
    (before the transaction), order number, order, history, event number, event, then
    publishing's recipients. Each counter returns its value from the UPDATE that takes it, one
    statement, not two (14 before); the published marks of the event and its notifications
    are one UPDATE a table for all a process sent in ~50 ms, outside the request
    (realtime/publish_batch.py), and the notifications come from their INSERT (12 before)."""
    owner, client, _ = await small_company(api)
    address = client.address_ids[0]
    _ = await create_order(api, owner, clientId=client.id, addressId=address)  # counters made
    with count_statements() as counter:
        _ = await create_order(api, owner, clientId=client.id, addressId=address)
    assert len(counter.statements) == 10, "\n".join(s[:120] for s in counter.statements)


async def test_staff_creates_an_order_with_defaults(api: Api) -> None:
    owner, client, _ = await small_company(api)
    created = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[1])
    order = (await api.ok(GET, {"id": created["id"]}, owner.access))["node"]
    assert order["number"] == 1
    assert order["status"] == "NEW"
    assert order["source"] == "STAFF"
    assert order["overdue"] is False
    assert order["responsible"]["id"] == owner.member_id
    assert order["address"]["id"] == client.address_ids[1]
    assert order["history"] == [
        {"from": None, "to": "NEW", "by": {"id": owner.member_id}, "comment": None}
    ]
    second = await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
    assert second["number"] == 2


async def test_order_with_contractor_and_new_address(api: Api) -> None:
    owner, client, contractor = await small_company(api)
    created = await create_order(
        api,
        owner,
        clientId=client.id,
        newAddress={"text": "Tverskaya 7", "details": "flat 3"},
        contractorId=contractor.id,
        price="1500",
        contractorFee="900.5",
    )
    order = (await api.ok(GET, {"id": created["id"]}, owner.access))["node"]
    assert order["status"] == "ASSIGNED"
    assert order["contractor"] == {"id": contractor.id}
    assert order["address"]["text"] == "Tverskaya 7"
    assert (order["price"], order["contractorFee"]) == ("1500.00", "900.50")
    assert [h["to"] for h in order["history"]] == ["NEW", "ASSIGNED"]
    card = await api.ok(
        "query($id: ID!) { node(id: $id) { ... on Contact { addresses { text } } } }",
        {"id": client.id},
        owner.access,
    )
    assert [a["text"] for a in card["node"]["addresses"]][-1] == "Tverskaya 7"


async def test_client_files_a_request_from_its_portal(api: Api) -> None:
    owner = await register(api)
    head = await invite_and_accept(api, owner, "Head")
    managed = await contact(api, owner, "CLIENT", "Romashka", "ORGANIZATION", head.member_id)
    unmanaged = await contact(api, owner, "CLIENT", "Anna")
    romashka = await portal_member(api, owner, managed, "Romashka Person")
    anna = await portal_member(api, owner, unmanaged, "Anna Person")
    first = await create_order(api, romashka, addressId=managed.address_ids[0])
    second = await create_order(api, anna, addressId=unmanaged.address_ids[0])
    one = (await api.ok(GET, {"id": first["id"]}, owner.access))["node"]
    two = (await api.ok(GET, {"id": second["id"]}, owner.access))["node"]
    assert one["source"] == two["source"] == "PORTAL"
    assert one["client"]["id"] == managed.id
    assert one["responsible"]["id"] == head.member_id  # the client's manager
    assert two["responsible"]["id"] == owner.member_id  # no manager: the owner
    # A client may not set staff-only terms, nor file for another client.
    refused = await api.ok(
        CREATE_ORDER,
        {
            "input": {
                "title": "x",
                "deadline": in_days(1),
                "addressId": managed.address_ids[0],
                "price": "1",
            }
        },
        romashka.access,
    )
    assert refused["createOrder"]["errors"] == [
        {"field": ["input", "price"], "code": "FORBIDDEN", "message": "Only staff may set this"}
    ]
    other = await api.ok(
        CREATE_ORDER,
        {
            "input": {
                "title": "x",
                "deadline": in_days(1),
                "clientId": unmanaged.id,
                "addressId": unmanaged.address_ids[0],
            }
        },
        romashka.access,
    )
    assert other["createOrder"]["errors"][0]["code"] == "NOT_FOUND"
    assert await order_count(owner, api) == 2


async def test_order_from_a_template(api: Api) -> None:
    owner, client, _ = await small_company(api)
    template = await api.ok(
        """mutation { createTemplate(input: {kind: ORDER, name: "Standard", title: "Standard clean",
            description: "Two rooms", deadlineInHours: 48}) { template { id } errors { code } } }""",
        token=owner.access,
    )
    template_id = template["createTemplate"]["template"]["id"]
    before = datetime.now(UTC)
    data = await api.ok(
        CREATE_ORDER.replace("order { id number status }", "order { title description deadline }"),
        {
            "input": {
                "clientId": client.id,
                "addressId": client.address_ids[0],
                "templateId": template_id,
            }
        },
        owner.access,
    )
    order = data["createOrder"]["order"]
    assert (order["title"], order["description"]) == ("Standard clean", "Two rooms")
    deadline = datetime.fromisoformat(order["deadline"])
    assert before + timedelta(hours=48) <= deadline <= datetime.now(UTC) + timedelta(hours=48)


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("deadline in the past", {"field": ["input", "deadline"], "code": "INVALID"}),
        ("no deadline, no template", {"field": ["input", "deadline"], "code": "INVALID"}),
        ("another client's address", {"field": ["input", "addressId"], "code": "INVALID"}),
        ("a contractor as client", {"field": ["input", "clientId"], "code": "INVALID"}),
        ("a client as contractor", {"field": ["input", "contractorId"], "code": "INVALID"}),
        (
            "responsible outside the subtree",
            {"field": ["input", "responsibleId"], "code": "INVALID"},
        ),
        ("client of another company", {"field": ["input", "clientId"], "code": "NOT_FOUND"}),
        ("a member id as client", {"field": ["input", "clientId"], "code": "NOT_FOUND"}),
        (
            "an order template of another kind",
            {"field": ["input", "templateId"], "code": "NOT_FOUND"},
        ),
        ("empty title", {"field": ["input", "title"], "code": "INVALID"}),
        ("negative price", {"field": ["input", "price"], "code": "INVALID"}),
        ("no address", {"field": ["input", "addressId"], "code": "INVALID"}),
    ],
)
async def test_bad_order_input_is_refused_and_nothing_is_stored(
    api: Api, case: str, expected: dict[str, Any]
) -> None:
    owner = await register(api)
    left = await invite_and_accept(api, owner, "Left")
    right = await invite_and_accept(api, owner, "Right")
    client = await contact(api, owner, "CLIENT", "Anna")
    other_client = await contact(api, owner, "CLIENT", "Boris")
    contractor = await contact(api, owner, "CONTRACTOR", "Sergey")
    stranger = await register(api)
    foreign = await contact(api, stranger, "CLIENT", "Foreign")
    task_template = await api.ok(
        """mutation { createTemplate(input: {kind: TASK, name: "t", title: "t", description: "",
            deadlineInHours: 2}) { template { id } } }""",
        token=left.access,
    )
    good: dict[str, Any] = {
        "clientId": client.id,
        "addressId": client.address_ids[0],
        "title": "Clean",
        "deadline": in_days(1),
    }
    changes: dict[str, dict[str, Any]] = {
        "deadline in the past": {"deadline": in_days(-0.01)},
        "no deadline, no template": {"deadline": None},
        "another client's address": {"addressId": other_client.address_ids[0]},
        "a contractor as client": {
            "clientId": contractor.id,
            "addressId": contractor.address_ids[0],
        },
        "a client as contractor": {"contractorId": other_client.id},
        "responsible outside the subtree": {"responsibleId": right.member_id},
        "client of another company": {"clientId": foreign.id, "addressId": foreign.address_ids[0]},
        "a member id as client": {"clientId": left.member_id},
        "an order template of another kind": {
            "templateId": task_template["createTemplate"]["template"]["id"],
            "deadline": None,
        },
        "empty title": {"title": "  "},
        "negative price": {"price": "-1"},
        "no address": {"addressId": None},
    }
    data = await api.ok(CREATE_ORDER, {"input": {**good, **changes[case]}}, left.access)
    payload = data["createOrder"]
    assert payload["order"] is None
    assert [{"field": e["field"], "code": e["code"]} for e in payload["errors"]] == [expected]
    assert await order_count(owner, api) == 0
    addresses = await api.ok(
        "query($id: ID!) { node(id: $id) { ... on Contact { addresses { id } } } }",
        {"id": client.id},
        owner.access,
    )
    assert len(addresses["node"]["addresses"]) == 2


async def test_update_order_changes_only_what_is_given(api: Api) -> None:
    owner, client, _ = await small_company(api)
    head = await invite_and_accept(api, owner, "Head")
    created = await create_order(
        api,
        owner,
        clientId=client.id,
        addressId=client.address_ids[0],
        price="100",
        internalNote="gate code",
    )
    new_deadline = in_days(10)
    data = await api.ok(
        UPDATE,
        {
            "id": created["id"],
            "input": {
                "title": "Deep clean",
                "deadline": new_deadline,
                "addressId": client.address_ids[1],
                "responsibleId": head.member_id,
                "price": None,
            },
        },
        owner.access,
    )
    assert data["updateOrder"]["errors"] == []
    order = data["updateOrder"]["order"]
    assert order["title"] == "Deep clean"
    assert datetime.fromisoformat(order["deadline"]) == datetime.fromisoformat(new_deadline)
    assert order["address"]["id"] == client.address_ids[1]
    assert order["responsible"]["id"] == head.member_id
    assert order["price"] is None
    assert order["internalNote"] == "gate code"
    other = await contact(api, owner, "CLIENT", "Other")
    bad = await api.ok(
        UPDATE, {"id": created["id"], "input": {"addressId": other.address_ids[0]}}, owner.access
    )
    assert bad["updateOrder"]["errors"] == [{"field": ["input", "addressId"], "code": "INVALID"}]


async def test_overdue_is_the_same_in_filters_and_fields(api: Api) -> None:
    owner, client, contractor = await small_company(api)
    orders = [
        await create_order(api, owner, clientId=client.id, addressId=client.address_ids[0])
        for _ in range(4)
    ]
    past = datetime.now(UTC) - timedelta(hours=1)
    late, late_done, late_cancelled = (o["id"] for o in orders[:3])
    for order_id in (late, late_done, late_cancelled):
        await api.ok(
            UPDATE, {"id": order_id, "input": {"deadline": past.isoformat()}}, owner.access
        )
    await api.ok(
        "mutation($id: ID!, $c: ID!) { assignOrder(id: $id, contractorId: $c) { errors { code } } }",
        {"id": late_done, "c": contractor.id},
        owner.access,
    )
    await move(api, owner, late_done, "IN_PROGRESS")
    await move(api, owner, late_done, "DONE")
    await move(api, owner, late_cancelled, "CANCELLED")
    overdue = await api.ok(LIST, {"filter": {"overdue": True}}, owner.access)
    assert [e["node"]["id"] for e in overdue["orders"]["edges"]] == [late]
    assert all(e["node"]["overdue"] for e in overdue["orders"]["edges"])
    not_overdue = await api.ok(LIST, {"filter": {"overdue": False}}, owner.access)
    assert {e["node"]["id"] for e in not_overdue["orders"]["edges"]} == {
        late_done,
        late_cancelled,
        orders[3]["id"],
    }
    assert not any(e["node"]["overdue"] for e in not_overdue["orders"]["edges"])


async def test_filters_search_sort_and_pages(api: Api) -> None:
    owner, client, contractor = await small_company(api)
    boris = await contact(api, owner, "CLIENT", "Boris Ivanov")
    head = await invite_and_accept(api, owner, "Head")
    made = []
    for i in range(5):
        made.append(
            await create_order(
                api,
                owner,
                clientId=client.id,
                addressId=client.address_ids[0],
                title=f"Window {i}",
                deadline=in_days(5 - i),
            )
        )
    special = await create_order(
        api,
        owner,
        clientId=boris.id,
        newAddress={"text": "Leninsky prospekt 30"},
        title="Carpet",
        contractorId=contractor.id,
        responsibleId=head.member_id,
        deadline=in_days(9),
    )

    async def ids(**variables: Any) -> list[str]:
        data = await api.ok(LIST, variables, owner.access)
        return [e["node"]["id"] for e in data["orders"]["edges"]]

    by_deadline = [o["id"] for o in reversed(made)] + [special["id"]]
    assert await ids() == by_deadline
    assert await ids(sort="DEADLINE_DESC") == list(reversed(by_deadline))
    assert await ids(sort="NUMBER_DESC") == [special["id"]] + [o["id"] for o in reversed(made)]
    assert await ids(sort="CREATED_DESC") == [special["id"]] + [o["id"] for o in reversed(made)]
    assert await ids(filter={"status": ["ASSIGNED"]}) == [special["id"]]
    assert await ids(filter={"clientId": boris.id}) == [special["id"]]
    assert await ids(filter={"contractorId": contractor.id}) == [special["id"]]
    assert await ids(filter={"responsibleId": head.member_id}) == [special["id"]]
    assert await ids(filter={"search": "carpet"}) == [special["id"]]
    assert await ids(filter={"search": "ivanov"}) == [special["id"]]
    assert await ids(filter={"search": "leninsky"}) == [special["id"]]
    assert await ids(filter={"search": str(special["number"])}) == [special["id"]]
    window = await ids(filter={"deadlineFrom": in_days(2.5), "deadlineTo": in_days(4.5)})
    assert window == [made[2]["id"], made[1]["id"]]
    # Keyset pages by deadline walk every order once.
    seen: list[str] = []
    after = None
    while True:
        data = await api.ok(LIST, {"first": 4, "after": after}, owner.access)
        seen += [e["node"]["id"] for e in data["orders"]["edges"]]
        if not data["orders"]["pageInfo"]["hasNextPage"]:
            break
        after = data["orders"]["pageInfo"]["endCursor"]
    assert seen == by_deadline


async def test_contact_orders_lists_the_contacts_orders(api: Api) -> None:
    owner, client, contractor = await small_company(api)
    other = await contact(api, owner, "CLIENT", "Other")
    mine = [
        await create_order(
            api,
            owner,
            clientId=client.id,
            addressId=client.address_ids[0],
            contractorId=contractor.id,
        )
        for _ in range(3)
    ]
    await create_order(api, owner, clientId=other.id, addressId=other.address_ids[0])
    data = await api.ok(
        """{ contacts { edges { node { name orders(first: 2) { totalCount
              edges { node { id } } pageInfo { hasNextPage } } } } } }""",
        token=owner.access,
    )
    by_name = {e["node"]["name"]: e["node"]["orders"] for e in data["contacts"]["edges"]}
    newest_first = [o["id"] for o in reversed(mine)]
    assert by_name["Anna"]["totalCount"] == 3
    assert [e["node"]["id"] for e in by_name["Anna"]["edges"]] == newest_first[:2]
    assert by_name["Anna"]["pageInfo"]["hasNextPage"] is True
    assert by_name["Sergey"]["totalCount"] == 3
    assert by_name["Other"]["totalCount"] == 1


async def test_fifty_concurrent_orders_get_numbers_without_gaps(api: Api) -> None:
    owner, client, _ = await small_company(api)
    created = await asyncio.gather(
        *(
            api.post(
                CREATE_ORDER,
                {
                    "input": {
                        "clientId": client.id,
                        "addressId": client.address_ids[0],
                        "title": f"Rush {i}",
                        "deadline": in_days(1),
                    }
                },
                owner.access,
            )
            for i in range(50)
        )
    )
    numbers = sorted(body["data"]["createOrder"]["order"]["number"] for body in created)
    assert numbers == list(range(1, 51))
    stored = await Order.filter(client__name="Anna", title__startswith="Rush").values("number")
    assert sorted(row["number"] for row in stored) == list(range(1, 51))


async def test_an_order_list_costs_the_same_statements_for_5_or_100(api: Api) -> None:
    world: World = await build_world(api)
    issue_query = """query($n: Int) { orders(first: $n) { edges { node {
        number client { name } address { text } contractor { name } responsible { name }
        photos { id url } history { from to by { name } at }
        comments(first: 5) { edges { node { body author { name } } } }
    } } } }"""
    everything = """query($n: Int) { orders(first: $n) { totalCount edges { node {
        number status overdue price contractorFee internalNote rating feedback
        client { name email addresses { text } manager { name } portalMembers { name } }
        address { text } contractor { name } responsible { name email }
        photos { id url } history { from to by { name } at }
        comments(first: 5) { totalCount edges { node { body author { name } } } }
    } } } }"""

    async def statements(query: str, n: int) -> int:
        with count_statements() as counter:
            data = await api.ok(query, {"n": n}, world.owner.access)
        assert len(data["orders"]["edges"]) == min(n, 30)
        return len(counter.statements)

    few, many = await statements(issue_query, 5), await statements(issue_query, 100)
    assert few == many == 6, (few, many)
    print(
        f"orders(first: 100) with client, address, contractor, responsible, photos, history "
        f"and 5 comments: {many} SQL statements, as for first: 5"
    )
    # With every field: still a constant (a loader may run once more when its keys come
    # from two depths of the tree and are not already cached).
    assert await statements(everything, 5) <= 16
    assert await statements(everything, 100) <= 16


async def test_contact_orders_show_only_what_the_viewer_may_see(api: Api) -> None:
    owner, client, contractor = await small_company(api)
    head = await invite_and_accept(api, owner, "Head")
    worker = await invite_and_accept(api, head, "Worker")
    peer = await invite_and_accept(api, owner, "Peer")
    for responsible in (owner, head, worker, peer):
        await create_order(
            api,
            owner,
            clientId=client.id,
            addressId=client.address_ids[0],
            responsibleId=responsible.member_id,
            contractorId=contractor.id,
        )
    query = """{ contacts { edges { node { name orders(first: 10) { totalCount
        edges { node { responsible { name } } } } } } } }"""

    async def seen(who: Session) -> dict[str, list[str]]:
        data = await api.ok(query, token=who.access)
        return {
            e["node"]["name"]: sorted(
                o["node"]["responsible"]["name"] for o in e["node"]["orders"]["edges"]
            )
            for e in data["contacts"]["edges"]
        }

    assert await seen(head) == {"Anna": ["Head", "Worker"], "Sergey": ["Head", "Worker"]}
    assert await seen(peer) == {"Anna": ["Peer"], "Sergey": ["Peer"]}
    assert await seen(owner) == {
        "Anna": ["Head", "Olga Owner", "Peer", "Worker"],
        "Sergey": ["Head", "Olga Owner", "Peer", "Worker"],
    }
