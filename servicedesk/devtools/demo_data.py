"""What the demo company holds, as data: people, contacts, templates, orders and tasks.

The README's five-minute tour and its test (tests/test_readme.py) quote these facts; order
numbers follow the order of `ORDERS` (1 to 7); the series' orders come after them
(servicedesk/devtools/demo_schedule.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models import (
    Channel,
    CommentVisibility,
    ContactKind,
    LegalForm,
    OrderStatus,
    PhotoKind,
    TemplateKind,
)

COMPANY = "Demo Cleaning"
OWNER_NAME = "Olga Owner"
OWNER_EMAIL = "owner@demo.servicedesk.test"
PASSWORD = "demo-password"
TOKEN_NAME = "Sergey's dispatch app"

BORIS = "boris@demo.servicedesk.test"
VERA = "vera@demo.servicedesk.test"
GLEB = "gleb@demo.servicedesk.test"
DINA = "dina@demo.servicedesk.test"
ANNA = "anna@client.test"
ROMASHKA = "office@romashka.test"
SERGEY = "sergey@contractor.test"

STAFF = [
    # (name, e-mail, title, manager's e-mail)
    ("Boris Head", BORIS, "Head of cleaning", OWNER_EMAIL),
    ("Vera Head", VERA, "Head of repairs", OWNER_EMAIL),
    ("Gleb Dispatcher", GLEB, "Dispatcher", BORIS),
    ("Dina Dispatcher", DINA, "Dispatcher", VERA),
]


@dataclass(frozen=True)
class DemoContact:
    kind: ContactKind
    form: LegalForm
    name: str
    email: str
    phone: str
    manager: str  # the staff member (e-mail) who looks after it
    # (label, text, details, latitude, longitude)
    addresses: list[tuple[str, str, str | None, float, float]]
    portal: str | None = None  # the e-mail that logs in for it
    skills: list[str] = field(default_factory=list)  # a contractor's
    hours: list[tuple[int, str, str]] = field(default_factory=list)  # (weekday, from, to)


CONTACTS = [
    DemoContact(
        ContactKind.CLIENT,
        LegalForm.PERSON,
        "Anna Petrova",
        ANNA,
        "+7 916 000-11-22",
        GLEB,
        [
            (
                "Home",
                "Moscow, Tverskaya st. 7",
                "flat 12, entrance 2, door code 45K",
                55.7601,
                37.6085,
            )
        ],
        portal=ANNA,
    ),
    DemoContact(
        ContactKind.CLIENT,
        LegalForm.ORGANIZATION,
        "Romashka LLC",
        ROMASHKA,
        "+7 495 123-45-67",
        GLEB,
        [
            (
                "Office",
                "Moscow, Leninsky pr. 30",
                "floor 4, ask for the office manager",
                55.7105,
                37.5870,
            ),
            ("Warehouse", "Moscow, Varshavskoe sh. 120", None, 55.6133, 37.6197),
        ],
        portal=ROMASHKA,
    ),
    DemoContact(
        ContactKind.CONTRACTOR,
        LegalForm.PERSON,
        "Sergey Cleaner",
        SERGEY,
        "+7 903 555-00-01",
        GLEB,
        [("Base", "Moscow, Profsoyuznaya st. 3", None, 55.6876, 37.5783)],
        portal=SERGEY,
        skills=["windows", "offices"],
        hours=[*((day, "08:00", "18:00") for day in range(1, 7)), (7, "10:00", "14:00")],
    ),
    # Runs offline: staff move its orders for it.
    DemoContact(
        ContactKind.CONTRACTOR,
        LegalForm.ORGANIZATION,
        "FixIt Team",
        "team@fixit.test",
        "+7 499 777-88-99",
        DINA,
        [("Workshop", "Moscow, Avtozavodskaya st. 18", None, 55.7066, 37.6556)],
        skills=["deep cleaning", "carpets"],
        hours=[(day, "09:00", "18:00") for day in range(1, 6)],
    ),
]

# (owner's e-mail, kind, name, title, description, hours; shared with: "all", e-mails, none)
TEMPLATES: list[tuple[str, TemplateKind, str, str, str, int, str | list[str]]] = [
    (
        OWNER_EMAIL,
        TemplateKind.ORDER,
        "Standard apartment cleaning",
        "Apartment cleaning",
        "Floors, dust, kitchen and bathroom; our own products.",
        48,
        "all",
    ),
    (
        VERA,
        TemplateKind.ORDER,
        "Boiler service",
        "Boiler service",
        "Check pressure, clean the burner, look for leaks.",
        72,
        "all",
    ),
    (GLEB, TemplateKind.TASK, "Call back", "Call the client back", "", 2, []),
]

S = OrderStatus
V = CommentVisibility


@dataclass(frozen=True)
class DemoOrder:
    title: str
    client: str
    address: str  # the label of one of the client's addresses
    creator: str  # a staff e-mail: it becomes the responsible member
    days: float  # the deadline from now; negative: overdue
    price: int
    fee: int
    contractor: str | None = None
    template: str | None = None
    internal_note: str | None = None
    # Status moves after creation: (who, status, comment).
    moves: list[tuple[str, OrderStatus, str | None]] = field(default_factory=list)
    comments: list[tuple[str, str, CommentVisibility | None]] = field(default_factory=list)
    rating: tuple[str, int, str] | None = None  # (who, 1..5, words)
    # (who, kind, caption, image colours)
    photos: list[tuple[str, PhotoKind, str, tuple[str, str]]] = field(default_factory=list)


ORDERS = [
    DemoOrder(
        "Spring cleaning, 3 rooms",
        "Anna Petrova",
        "Home",
        GLEB,
        2,
        6000,
        3600,
        template="Standard apartment cleaning",
        comments=[(ANNA, "Please use eco-friendly products, we have a cat.", None)],
    ),
    DemoOrder(
        "Office cleaning after renovation",
        "Romashka LLC",
        "Office",
        GLEB,
        1,
        18000,
        11000,
        contractor="Sergey Cleaner",
        internal_note="Pays by invoice within 10 days.",
        comments=[
            (GLEB, "Keys are with the concierge.", V.CONTRACTOR),
            (GLEB, "We arrive between 10:00 and 12:00.", V.CLIENT),
        ],
    ),
    DemoOrder(
        "Window washing",
        "Romashka LLC",
        "Office",
        GLEB,
        -1,
        7000,
        4200,
        contractor="Sergey Cleaner",
        internal_note="Pays by invoice within 10 days.",
        moves=[(SERGEY, S.IN_PROGRESS, None)],
        comments=[(SERGEY, "Rain all morning: the outside panes wait until tomorrow.", None)],
    ),
    DemoOrder(
        "Carpet dry cleaning",
        "Anna Petrova",
        "Home",
        GLEB,
        3,
        4500,
        2700,
        contractor="Sergey Cleaner",
        moves=[(SERGEY, S.IN_PROGRESS, None), (SERGEY, S.DONE, "Stain removed, carpet dry.")],
        comments=[
            (GLEB, "Client asked for a call 30 minutes before arrival.", V.CONTRACTOR),
            (GLEB, "Offer her the sofa cleaning discount next time.", V.INTERNAL),
        ],
        rating=(ANNA, 5, "Spotless, the wine stain is gone. Thank you!"),
        photos=[
            (ANNA, PhotoKind.BEFORE, "Wine stain before cleaning", ("#7a2e3b", "#c9b8a3")),
            (SERGEY, PhotoKind.COMPLETION, "After dry cleaning", ("#4f7f6a", "#e8e1d5")),
        ],
    ),
    DemoOrder(
        "Warehouse floor scrub",
        "Romashka LLC",
        "Warehouse",
        GLEB,
        5,
        25000,
        15000,
        moves=[(GLEB, S.CANCELLED, "The client moved out of the warehouse.")],
    ),
    DemoOrder(
        "Kitchen deep clean",
        "Anna Petrova",
        "Home",
        GLEB,
        -2,
        5500,
        3300,
        contractor="Sergey Cleaner",
        comments=[(GLEB, "Sorry for the delay: Sergey comes tomorrow morning.", V.CLIENT)],
    ),
    DemoOrder(
        "Boiler repair",
        "Romashka LLC",
        "Office",
        DINA,
        4,
        12000,
        8000,
        contractor="FixIt Team",
        template="Boiler service",
        moves=[
            (DINA, S.IN_PROGRESS, None),
            (DINA, S.DONE, "FixIt replaced the valve."),
            (ROMASHKA, S.IN_PROGRESS, "The boiler leaks again."),
        ],
        comments=[(DINA, "FixIt come back on Thursday; warranty repair.", V.INTERNAL)],
        photos=[(ROMASHKA, PhotoKind.ISSUE, "Water under the boiler", ("#2d4e8a", "#a9c3e6"))],
    ),
]

OVERDUE_ORDERS = [order.title for order in ORDERS if order.days < 0]

# (creator, assignee, title, days; negative: overdue; the order it is about, by title)
TASKS: list[tuple[str, str, str, float, str | None]] = [
    (OWNER_EMAIL, BORIS, "Hire two cleaners for the spring season", 5, None),
    (BORIS, GLEB, "Call Romashka about the window washing", -0.25, "Window washing"),
    (VERA, DINA, "Order a spare valve for the Romashka boiler", 2, "Boiler repair"),
]
DONE_TASK = (GLEB, "Order cleaning supplies", 1)  # created from nothing, then completed
ANNOUNCEMENT = ("New uniforms from Monday", "Pick yours up at the office.", 3)


@dataclass(frozen=True)
class DemoConversation:
    """A conversation as it arrived on its channel, and what staff did with it."""

    channel: Channel
    thread_key: str
    sender: str
    body: str
    subject: str | None = None
    contact_email: str | None = None
    reply: tuple[str, str] | None = None  # who answered, and what
    assignee: str | None = None


CONVERSATIONS = [
    DemoConversation(
        Channel.EMAIL,
        ANNA,
        "Anna Petrova",
        "Hello! Could you also clean the windows at the flat next week? Anna",
        subject="Windows next week?",
        contact_email=ANNA,
        reply=(BORIS, "Of course, Anna: Tuesday or Wednesday morning, which suits you better?"),
        assignee=BORIS,
    ),
    DemoConversation(
        Channel.TELEGRAM,
        "telegram:5550101",
        "@ivan_new_client",
        "Hi, how much is a general cleaning of a 3-room flat?",
    ),
    DemoConversation(
        Channel.WEBCHAT,
        "webchat:demo-visitor",
        "Website visitor",
        "Do you clean offices on weekends?",
        assignee=VERA,
    ),
]
