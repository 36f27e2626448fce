"""Documents drawn by hypothesis-graphql over the compiled lists other than orders and
contacts (tasks, conversations, series, members), sent both ways as a member of each role
and a head: the same answers, errors included. The drawn documents alias, repeat, nest and
pass arguments the hand-written differentials do not think of. PostgreSQL only: on SQLite
nothing compiles.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from models import Channel
from schema.ids import parse_global_id
from tests.support.api import Api
from tests.support.compiled import compiled_answers, drawn, drawn_differences
from tests.support.compiled_data import series_for, tasks_for
from tests.support.inbox import ASSIGN, arrive, gid
from tests.support.order_matrix import Matrix
from tests.support.order_matrix_setup import setup

pytestmark = pytest.mark.asyncio

# The compiled lists of the schema, as hypothesis-graphql draws documents from them (the real
# schema's types, fields and arguments, fewer of them). Without `first` and `after`: drawn,
# nearly all are out of range or no cursor, and go the ordinary way; the differentials of
# each list walk the pages. ContactId and MemberId are the real schema's ID, drawn from the
# company's own ids and a few that name nothing.
SUBSET = """
scalar DateTime
scalar Date
scalar Time
scalar Decimal
scalar ContactId
scalar MemberId
enum Channel { STAFF PORTAL EMAIL TELEGRAM WEBCHAT API }
enum ContactKind { CLIENT CONTRACTOR }
enum Role { OWNER STAFF CLIENT CONTRACTOR }
enum TaskScope { MINE TEAM CREATED }
enum TaskStatus { OPEN DONE CANCELLED }
enum ConversationStatus { OPEN CLOSED }
enum Frequency { DAILY WEEKLY MONTHLY }
input TaskFilter { scope: TaskScope status: [TaskStatus!] overdue: Boolean }
input ConversationFilter {
  status: ConversationStatus channel: Channel assigneeId: MemberId unanswered: Boolean
}
type Query {
  tasks(filter: TaskFilter): TaskConnection!
  conversations(filter: ConversationFilter): ConversationConnection!
  orderSeries(clientId: ContactId, active: Boolean): OrderSeriesConnection!
  members(role: Role, search: String): MemberConnection!
}
type PageInfo {
  hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String
}
type TaskConnection { edges: [TaskEdge!]! pageInfo: PageInfo! totalCount: Int! }
type TaskEdge { node: Task! cursor: String! }
type Task {
  id: ID! title: String! description: String! status: TaskStatus! deadline: DateTime!
  requiresAcknowledgement: Boolean! acknowledgedAt: DateTime createdAt: DateTime!
  completedAt: DateTime overdue: Boolean! assignee: Member! creator: Member!
}
type ConversationConnection { edges: [ConversationEdge!]! pageInfo: PageInfo! totalCount: Int! }
type ConversationEdge { node: Conversation! cursor: String! }
type Conversation {
  id: ID! channel: Channel! subject: String status: ConversationStatus! externalName: String
  lastMessageAt: DateTime! createdAt: DateTime! firstResponseSeconds: Int contact: Contact
  assignee: Member
}
type OrderSeriesConnection { edges: [OrderSeriesEdge!]! pageInfo: PageInfo! totalCount: Int! }
type OrderSeriesEdge { node: OrderSeries! cursor: String! }
type OrderSeries {
  id: ID! title: String! description: String! startDate: Date! durationMinutes: Int!
  active: Boolean! createdAt: DateTime! visitTime: Time! recurrence: Recurrence!
  client: Contact! address: Address! contractor: Contact responsible: Member!
  price: Decimal contractorFee: Decimal internalNote: String
}
type Recurrence {
  frequency: Frequency! interval: Int! weekdays: [Int!]! monthDay: Int until: Date count: Int
}
type MemberConnection { edges: [MemberEdge!]! pageInfo: PageInfo! totalCount: Int! }
type MemberEdge { node: Member! cursor: String! }
type Member { id: ID! name: String! role: Role! title: String active: Boolean! }
type Contact {
  id: ID! name: String! kind: ContactKind! email: String phone: String notes: String
}
type Address { id: ID! label: String text: String! details: String archived: Boolean! }
"""


@pytest.fixture
def compiled() -> Iterator[list[dict[str, Any]]]:
    with compiled_answers() as answers:
        yield answers


ROOTS = ("tasks", "conversations", "orderSeries", "members")


def generated_documents(count: int, contacts: list[str], members: list[str]) -> list[str]:
    """`count` documents of SUBSET for each root field, one root field each (derandomized:
    the same choices each run), ids drawn from `contacts` and `members`."""
    from hypothesis import strategies
    from hypothesis_graphql import nodes, queries

    def ids(real: list[str]) -> Any:
        return strategies.sampled_from([*real, "", "garbage", gid("Order", 1)]).map(nodes.String)

    scalars = {"ContactId": ids(contacts), "MemberId": ids(members)}
    documents = []
    for root in ROOTS:
        strategy = queries(SUBSET, fields=[root], allow_x00=False, custom_scalars=scalars)
        documents += [str(document) for document in drawn(strategy, count)]
    return documents


async def conversations_for(api: Api, matrix: Matrix) -> None:
    """Four conversations in the matrix's company: assigned to a head, to its staff, to the
    other head, and to nobody."""
    world = matrix.world
    parsed = parse_global_id(world.owner.company_id)
    assert parsed is not None
    assignees = [world.heads[0], world.staff[0], world.heads[1], None]
    for n, who in enumerate(assignees):
        channel = (Channel.TELEGRAM, Channel.EMAIL)[n % 2]
        made = await arrive(int(parsed[1]), f"hello {n}", key=f"drawn-{n}", channel=channel)
        if who is not None:
            variables = {"c": gid("Conversation", made.conversation.id), "m": who.member_id}
            assigned = await api.ok(ASSIGN, variables, world.owner.access)
            assert assigned["assignConversation"]["errors"] == [], assigned


async def test_drawn_documents_answer_the_same_both_ways(
    api: Api, backend: str, compiled: list[dict[str, Any]]
) -> None:
    if backend != "postgres":
        pytest.skip("compiled reads are PostgreSQL only")
    matrix = await setup(api)
    await tasks_for(api, matrix)
    await series_for(api, matrix)
    await conversations_for(api, matrix)
    # One viewer of each role (the first: the owner, a head, a client's and a contractor's
    # portal member) and a member of the head's team.
    by_role = {v.role: v for v in reversed(matrix.viewers)}
    viewers = [*by_role.values(), next(v for v in matrix.viewers if v.label == "staff0")]
    world = matrix.world
    contacts = [card.id for card in world.clients + world.contractors]
    members = [member.member_id for member in world.members()]
    documents = generated_documents(40, contacts, members)
    tokens = {viewer.label: viewer.session.access for viewer in viewers}
    differences = await drawn_differences(api, documents, tokens)
    assert differences == [], f"{len(differences)}:\n" + "\n".join(differences[:5])
    print(f"drawn: {len(compiled)} of {len(documents) * len(viewers)} requests compiled")
    assert len(compiled) >= len(documents) * len(viewers) * 0.9, len(compiled)
