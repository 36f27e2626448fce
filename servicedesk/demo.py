"""`servicedesk demo`: a demo company to log in to at once, built through the resolvers."""

from __future__ import annotations

from tortoise import Tortoise

from models import ContactKind, LegalForm, Membership, User
from permissions.authenticate import actor_of
from resolvers import contacts, invitations
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
    for kind, form, name, email, phone, addresses in CONTACTS:
        _ = await contacts.create_contact(
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
    return "\n".join(lines)
