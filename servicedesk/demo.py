"""`servicedesk demo`: a demo company to log in to at once, built through the resolvers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from tortoise import Tortoise

from models import (
    Address,
    CommentVisibility,
    Contact,
    ContactKind,
    LegalForm,
    Membership,
    Order,
    OrderStatus,
    User,
)
from permissions.actor import Actor
from permissions.authenticate import actor_of
from resolvers import contacts, invitations, order_workflow, orders
from resolvers.auth import register
from resolvers.contacts import AddressData, ContactData
from servicedesk.db import tortoise_config
from servicedesk.settings import Settings

OWNER_EMAIL = "owner@demo.servicedesk.test"
PASSWORD = "demo-password"

STAFF = [
    # (name, e-mail, title, manager's e-mail)
    ("Boris Head", "boris@demo.servicedesk.test", "Head of cleaning", OWNER_EMAIL),
    ("Vera Head", "vera@demo.servicedesk.test", "Head of repairs", OWNER_EMAIL),
    ("Gleb Dispatcher", "gleb@demo.servicedesk.test", "Dispatcher", "boris@demo.servicedesk.test"),
    ("Dina Dispatcher", "dina@demo.servicedesk.test", "Dispatcher", "vera@demo.servicedesk.test"),
]

# Portal logins: (e-mail, the contact card they act for).
PORTAL = [
    ("anna@client.test", "Anna Petrova"),
    ("office@romashka.test", "Romashka LLC"),
    ("sergey@contractor.test", "Sergey Cleaner"),
]

S = OrderStatus
# (title, client, final status, deadline in days from now; negative: overdue)
ORDERS = [
    ("Spring cleaning, 3 rooms", "Anna Petrova", S.NEW, 2),
    ("Office cleaning after renovation", "Romashka LLC", S.ASSIGNED, 1),
    ("Window washing", "Romashka LLC", S.IN_PROGRESS, -1),
    ("Carpet dry cleaning", "Anna Petrova", S.DONE, 3),
    ("Warehouse floor scrub", "Romashka LLC", S.CANCELLED, 5),
    ("Kitchen deep clean", "Anna Petrova", S.ASSIGNED, -2),
]
STEPS = {
    S.NEW: [],
    S.ASSIGNED: [],
    S.IN_PROGRESS: [S.IN_PROGRESS],
    S.DONE: [S.IN_PROGRESS, S.DONE],
    S.CANCELLED: [S.CANCELLED],
}

AddressRow = tuple[str, str, str | None]
CONTACTS: list[tuple[ContactKind, LegalForm, str, str, str, list[AddressRow]]] = [
    (
        ContactKind.CLIENT,
        LegalForm.PERSON,
        "Anna Petrova",
        "anna@client.test",
        "+7 916 000-11-22",
        [("Home", "Moscow, Tverskaya st. 7", "flat 12, entrance 2, code 45K")],
    ),
    (
        ContactKind.CLIENT,
        LegalForm.ORGANIZATION,
        "Romashka LLC",
        "office@romashka.test",
        "+7 495 123-45-67",
        [
            ("Office", "Moscow, Leninsky pr. 30", "floor 4"),
            ("Warehouse", "Moscow, Varshavskoe sh. 120", None),
        ],
    ),
    (
        ContactKind.CONTRACTOR,
        LegalForm.PERSON,
        "Sergey Cleaner",
        "sergey@contractor.test",
        "+7 903 555-00-01",
        [("Base", "Moscow, Profsoyuznaya st. 3", None)],
    ),
    (
        ContactKind.CONTRACTOR,
        LegalForm.ORGANIZATION,
        "FixIt Team",
        "team@fixit.test",
        "+7 499 777-88-99",
        [],
    ),
]


async def _build() -> None:
    owner = actor_of(
        (
            await register(
                "Demo Cleaning", "Olga Owner", OWNER_EMAIL, PASSWORD, "Europe/Moscow", None
            )
        ).membership,
        None,
    )
    actors = {OWNER_EMAIL: owner}
    for name, email, title, manager_email in STAFF:
        inviter = actors[manager_email]
        sent = await invitations.invite_member(inviter, email, name, title, None)
        credentials = await invitations.accept_invitation(sent.token, name, PASSWORD, None)
        actors[email] = actor_of(credentials.membership, None)
    cards = {}
    for kind, form, name, email, phone, addresses in CONTACTS:
        cards[name] = await contacts.create_contact(
            owner,
            kind,
            form,
            ContactData(
                name=name, email=email, phone=phone, manager_id=actors[STAFF[2][1]].membership_id
            ),
            {"name", "email", "phone", "managerId"},
            [
                AddressData(text=text, label=label, details=details)
                for label, text, details in addresses
            ],
        )
    portal = {}
    for email, name in PORTAL:
        sent = await invitations.invite_contact(owner, cards[name].id, email)
        credentials = await invitations.accept_invitation(sent.token, name, PASSWORD, None)
        portal[email] = actor_of(credentials.membership, None)
    await _orders(actors, cards, portal)


async def _orders(
    staff: dict[str, Actor], cards: dict[str, Contact], portal: dict[str, Actor]
) -> None:
    """Orders in every status, with comments and history, some of them overdue."""
    now = datetime.now(UTC)
    dispatcher = staff[STAFF[2][1]]
    sergey = portal[PORTAL[2][0]]
    for i, (title, client, status, days) in enumerate(ORDERS):
        address = await Address.filter(contact_id=cards[client].id).first()
        assert address is not None
        contractor = cards["Sergey Cleaner"].id if status != OrderStatus.NEW else None
        order = await orders.create_order(
            dispatcher,
            orders.OrderData(
                client_id=cards[client].id,
                address_id=address.id,
                title=title,
                deadline=now + timedelta(days=days + 30),
                contractor_id=contractor,
                price=Decimal(3000 + 500 * i),
                contractor_fee=Decimal(1800 + 300 * i),
            ),
            {
                "clientId",
                "addressId",
                "title",
                "deadline",
                "contractorId",
                "price",
                "contractorFee",
            },
            now,
        )
        for step in STEPS[status]:
            mover = sergey if step in (OrderStatus.IN_PROGRESS, OrderStatus.DONE) else dispatcher
            _ = await order_workflow.set_order_status(mover, order.id, step, None, now)
        _ = await order_workflow.add_comment(
            dispatcher, order.id, "Keys are with the concierge", CommentVisibility.CONTRACTOR
        )
        if days < 0:  # overdue: the deadline passed while the order was still open
            await Order.filter(id=order.id).update(deadline=now + timedelta(days=days))


async def run_demo(settings: Settings) -> str:
    """Build the demo company unless it exists; return the logins to print."""
    await Tortoise.init(config=tortoise_config(settings, with_aerich=False))
    try:
        user = await User.get_or_none(email=OWNER_EMAIL)
        exists = user is not None and await Membership.exists(user_id=user.id)
        if not exists:
            await _build()
    finally:
        await Tortoise.close_connections()
    lines = [
        "Demo company 'Demo Cleaning' " + ("already exists" if exists else "created") + ".",
        f"Log in at {settings.public_url}/graphql with password {PASSWORD!r} as:",
        f"  {OWNER_EMAIL:36} OWNER",
    ]
    lines += [f"  {email:36} STAFF, {title}" for _, email, title, _ in STAFF]
    lines += [f"  {email:36} portal of {name}" for email, name in PORTAL]
    return "\n".join(lines)
