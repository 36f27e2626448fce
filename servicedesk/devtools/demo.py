"""`servicedesk demo`: a company that shows every feature built so far, made through the
resolvers, so it holds what real use would leave behind: history, events, notifications,
e-mails in the outbox, photos re-encoded and stored as uploads are.

Its contents are servicedesk/devtools/demo_data.py, and demo_schedule.py for its calendar (hours,
a visit tomorrow, recurring series, whose orders the series round makes as in real use); its
conversations arrive through the inbound entry point every channel uses. A second run changes nothing but mints a new API token (tokens are
stored hashed: the first cannot be shown again) and prints the logins again; a database where
an earlier run stopped half-way is refused with what to do. What it prints is one short block:
the e-mails the build queues are counted, not logged one by one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from io import BytesIO

from tortoise import Tortoise

from config.settings import Settings, current
from media import storage
from media.configured import photo_storage
from models import (
    Address,
    ApiToken,
    Contact,
    ContactKind,
    Membership,
    Order,
    OutboxEmail,
    Role,
    Task,
    User,
)
from permissions.actor import Actor
from permissions.authenticate import actor_of
from resolvers import (
    api_tokens,
    contacts,
    conversations,
    escalation,
    invitations,
    order_workflow,
    orders,
    photos,
    tasks,
)
from resolvers import templates as presets
from resolvers.auth import register
from resolvers.contacts import AddressData, ContactData
from resolvers.inbound import Inbound, record_inbound
from servicedesk.db import tortoise_config
from servicedesk.devtools import demo_data as d
from servicedesk.devtools import demo_schedule as calendar
from servicedesk.devtools.demo_photos import picture

mail_log = logging.getLogger("servicedesk.mail")


class DemoError(Exception):
    """The demo cannot be built here; the message says why and what to do."""


@dataclass(frozen=True)
class Demo:
    created: bool
    token: str  # a read-only API token acting as Sergey, made by this run
    emails: int = 0  # e-mails this run queued in the outbox
    series_orders: int = 0  # orders the series made ahead (this run, when it built them)


async def ensure_demo(now: datetime, horizon_days: int | None = None) -> Demo:
    """Build the demo company unless a complete one exists (its API token is made last); when
    one does, mint another API token, since the first is stored only as a hash. The series
    make their orders `horizon_days` ahead (default: the settings' SERIES_HORIZON_DAYS)."""
    user = await User.get_or_none(email=d.OWNER_EMAIL)
    if user is None:
        horizon = current().series_horizon_days if horizon_days is None else horizon_days
        token, made = await _build(now, horizon)
        return Demo(True, token, series_orders=made)
    owner = await Membership.filter(user_id=user.id, role=Role.OWNER).first()
    first = None
    if owner is not None:
        first = await ApiToken.get_or_none(company_id=owner.company_id, name=d.TOKEN_NAME)
    if owner is not None and first is not None:
        name = f"{d.TOKEN_NAME}, demo run of {now:%Y-%m-%d %H:%M:%S} UTC"
        issued = await api_tokens.create_api_token(
            actor_of(owner, None), name, first.member_id, True, None, now
        )
        return Demo(False, issued.token)
    raise DemoError(
        f"{d.OWNER_EMAIL} exists, but not a complete demo company: an earlier run stopped "
        "half-way, or the address was registered by hand. Run the demo on an empty database "
        "(a new DATA_DIR, or another DATABASE_URL)."
    )


async def _build(now: datetime, horizon_days: int) -> tuple[str, int]:
    """The company; its API token and how many orders the series made."""
    people = await _people()
    await calendar.set_company_calendar(people[d.OWNER_EMAIL])
    cards = await _contacts(people)
    templates = await _templates(people)
    made = {}
    for spec in d.ORDERS:  # one after another: their numbers are 1 to 7
        made[spec.title] = await _order(spec, people, cards, templates, now)
    await _tasks(people, made, templates, now)
    await _conversations(people, now)
    series_orders = await calendar.make_series(people, cards, now, horizon_days)
    # One round of the escalations as the running service's deadline watch would make it.
    _ = await escalation.escalate(now, companies=[people[d.OWNER_EMAIL].company_id])
    issued = await api_tokens.create_api_token(
        people[d.OWNER_EMAIL], d.TOKEN_NAME, people[d.SERGEY].membership_id, True, None, now
    )
    return issued.token, series_orders


async def _people() -> dict[str, Actor]:
    """The owner and the staff tree, each invited by its manager."""
    registered = await register(
        d.COMPANY, d.OWNER_NAME, d.OWNER_EMAIL, d.PASSWORD, "Europe/Moscow", None
    )
    people = {d.OWNER_EMAIL: actor_of(registered.membership, None)}
    for name, email, title, manager in d.STAFF:
        sent = await invitations.invite_member(people[manager], email, name, title, None)
        joined = await invitations.accept_invitation(sent.token, name, d.PASSWORD, None)
        people[email] = actor_of(joined.membership, None)
    return people


async def _contacts(people: dict[str, Actor]) -> dict[str, Contact]:
    """Clients and contractors with their addresses; those with a portal login get one."""
    owner = people[d.OWNER_EMAIL]
    cards: dict[str, Contact] = {}
    for c in d.CONTACTS:
        cards[c.name] = await contacts.create_contact(
            owner,
            c.kind,
            c.form,
            ContactData(
                name=c.name,
                email=c.email,
                phone=c.phone,
                manager_id=people[c.manager].membership_id,
                skills=c.skills,
                working_hours=[calendar.Hours(*entry) for entry in c.hours],
            ),
            {"name", "email", "phone", "managerId"}
            | ({"skills", "workingHours"} if c.kind is ContactKind.CONTRACTOR else set()),
            [
                AddressData(text, label, more, latitude, longitude)
                for label, text, more, latitude, longitude in c.addresses
            ],
        )
        if c.portal is not None:
            sent = await invitations.invite_contact(owner, cards[c.name].id, c.portal)
            joined = await invitations.accept_invitation(sent.token, c.name, d.PASSWORD, None)
            people[c.portal] = actor_of(joined.membership, None)
    return cards


async def _templates(people: dict[str, Actor]) -> dict[str, int]:
    made: dict[str, int] = {}
    for owner, kind, name, title, description, hours, shared in d.TEMPLATES:
        actor = people[owner]
        data = presets.TemplateData(kind, name, title, description, hours)
        template = await presets.create_template(actor, data)
        if shared == "all":
            _ = await presets.share_template(actor, template.id, [], True)
        elif shared:
            ids = [people[email].membership_id for email in shared]
            _ = await presets.share_template(actor, template.id, ids, False)
        made[name] = template.id
    return made


async def _order(
    spec: d.DemoOrder,
    people: dict[str, Actor],
    cards: dict[str, Contact],
    templates: dict[str, int],
    now: datetime,
) -> Order:
    """One order as staff, client and contractor would have worked on it."""
    client = cards[spec.client]
    address = await Address.get(contact_id=client.id, label=spec.address)
    data = orders.OrderData(
        client_id=client.id,
        address_id=address.id,
        template_id=templates[spec.template] if spec.template else None,
        title=spec.title,
        deadline=now + timedelta(days=max(spec.days, 1)),
        contractor_id=cards[spec.contractor].id if spec.contractor else None,
        price=Decimal(spec.price),
        contractor_fee=Decimal(spec.fee),
        internal_note=spec.internal_note,
    )
    if spec.title == calendar.VISIT_ORDER:
        start, end = calendar.visit_tomorrow(now)
        data = replace(data, visit_start=start, visit_end=end)
    given = {"clientId", "addressId", "title", "deadline", "price", "contractorFee"}
    given |= {"templateId"} if spec.template else set()
    given |= {"contractorId"} if spec.contractor else set()
    given |= {"internalNote"} if spec.internal_note else set()
    order = await orders.create_order(people[spec.creator], data, given, now)
    for who, body, visibility in spec.comments:
        _ = await order_workflow.add_comment(people[who], order.id, body, visibility)
    for who, status, comment in spec.moves:
        _ = await order_workflow.set_order_status(people[who], order.id, status, comment, now)
    if spec.rating is not None:
        who, stars, words = spec.rating
        _ = await order_workflow.rate_order(people[who], order.id, stars, words)
    for i, (who, kind, caption, colours) in enumerate(spec.photos):
        image = picture(caption, colours, seed=order.number * 10 + i)
        name = caption.lower().replace(" ", "-") + ".jpg"
        upload = photos.IncomingFile(name=name, size=len(image), content=BytesIO(image))
        _ = await photos.upload_order_photo(people[who], order.id, upload, kind, caption)
    if spec.days < 0:  # no resolver sets a past deadline: time passes instead
        _ = await Order.filter(id=order.id).update(deadline=now + timedelta(days=spec.days))
    return order


async def _tasks(
    people: dict[str, Actor], made: dict[str, Order], templates: dict[str, int], now: datetime
) -> None:
    """Tasks down the tree (one overdue, one about an order), one from a template, one done,
    and an announcement that the first head has acknowledged."""
    for creator, assignee, title, days, about in d.TASKS:
        task = await tasks.create_task(
            people[creator],
            tasks.TaskData(
                title=title,
                assignee_id=people[assignee].membership_id,
                deadline=now + timedelta(days=max(days, 1)),
                order_id=made[about].id if about else None,
            ),
            now,
        )
        if days < 0:
            _ = await Task.filter(id=task.id).update(deadline=now + timedelta(days=days))
    gleb = people[d.GLEB]
    first_order = made[d.ORDERS[0].title]
    from_template = tasks.TaskData(template_id=templates["Call back"], order_id=first_order.id)
    _ = await tasks.create_task(gleb, from_template, now)
    creator, title, days = d.DONE_TASK
    done = await tasks.create_task(
        people[creator], tasks.TaskData(title=title, deadline=now + timedelta(days=days)), now
    )
    _ = await tasks.complete_task(people[creator], done.id, now)
    title, text, days = d.ANNOUNCEMENT
    owner = people[d.OWNER_EMAIL]
    notices = await tasks.announce(
        owner, title, text, now + timedelta(days=days), tasks.Audience.SUBTREE, now
    )
    boris = people[d.BORIS]
    mine = next(task for task in notices if task.assignee_id == boris.membership_id)
    _ = await tasks.acknowledge_task(boris, mine.id, now)


async def _conversations(people: dict[str, Actor], now: datetime) -> None:
    """One conversation per channel, as its adapter would have recorded it."""
    owner = people[d.OWNER_EMAIL]
    for spec in d.CONVERSATIONS:
        arrived = Inbound(
            company_id=owner.company_id,
            channel=spec.channel,
            thread_key=spec.thread_key,
            body=spec.body,
            sender_name=spec.sender,
            subject=spec.subject,
            contact_email=spec.contact_email,
        )
        conversation = (await record_inbound(arrived)).conversation
        if spec.assignee is not None:
            member = people[spec.assignee].membership_id
            _ = await conversations.assign(owner, conversation.id, member)
        if spec.reply is not None:
            who, text = spec.reply
            _ = await conversations.reply(people[who], conversation.id, text, now)


def summary(demo: Demo, settings: Settings) -> str:
    """What `servicedesk demo` prints: one block, the logins and API token first, the URL to
    open last."""
    managers = {d.OWNER_EMAIL: d.OWNER_NAME} | {email: name for name, email, *_ in d.STAFF}
    if demo.created:
        fate = "sent by the running service" if settings.smtp_url else "unsent: no SMTP_URL"
        number = next(i for i, o in enumerate(d.ORDERS, 1) if o.title == calendar.VISIT_ORDER)
        lines = [
            f"Demo company {d.COMPANY!r} created. {demo.emails} e-mails (invitations, "
            f"notifications) wait in the outbox, {fate}.",
            f"Order {number} has a visit tomorrow, {'-'.join(calendar.VISIT)} "
            f"{calendar.TIME_ZONE}; two series made {demo.series_orders} orders ahead.",
        ]
    else:
        lines = [f"Demo company {d.COMPANY!r} already exists: only a new API token was made."]
    lines += [
        f"Logins, password {d.PASSWORD!r}:",
        f"  {d.OWNER_EMAIL:34} OWNER       {d.OWNER_NAME}",
    ]
    lines += [
        f"  {email:34} STAFF       {name}, {title}, reports to {managers[manager]}"
        for name, email, title, manager in d.STAFF
    ]
    lines += [f"  {c.portal:34} {c.kind.value:11} for {c.name}" for c in d.CONTACTS if c.portal]
    lines += [
        f"API token, read-only, acting as {d.SERGEY}, new each run (shown this once):",
        f"  {demo.token}",
        f"Serve it (make run, or servicedesk serve) and open {settings.public_url}/graphql;",
        "the five-minute tour is in README.md.",
    ]
    return "\n".join(lines)


async def run_demo(settings: Settings) -> str:
    """The command: connect, build unless built, return what to print."""
    files = photo_storage(settings)
    level = mail_log.level
    await Tortoise.init(config=tortoise_config(settings, with_aerich=False))
    try:
        await files.start()
        storage.install(files)
        queued = await OutboxEmail.all().count()
        mail_log.setLevel(logging.WARNING)  # counted below instead of a line per e-mail
        demo = await ensure_demo(datetime.now(UTC), settings.series_horizon_days)
        demo = replace(demo, emails=await OutboxEmail.all().count() - queued)
    finally:
        mail_log.setLevel(level)
        storage.install(None)
        await files.close()
        await Tortoise.close_connections()
    return summary(demo, settings)
