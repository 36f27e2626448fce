"""Types of the contact book: clients, contractors and their addresses."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

import models
from resolvers.contacts import AddressData, ContactData, notify_by_of
from schema.company_settings import WorkingHours, WorkingHoursInput, working_hours_of
from schema.connection import Connection
from schema.context import Info
from schema.errors import UserError
from schema.executor import context_only
from schema.guard import guarded, guarded_list
from schema.ids import to_global_id
from schema.node import Node
from schema.outbound import DeliveryChannel
from schema.people import Member, load_member

if TYPE_CHECKING:
    from schema.orders import OrderConnection

LazyOrderConnection = Annotated["OrderConnection", strawberry.lazy("schema.orders")]

ContactKind = models.ContactKind
LegalForm = models.LegalForm
strawberry.enum(ContactKind, name="ContactKind")
strawberry.enum(LegalForm, name="LegalForm")


@strawberry.type
class Address(Node):
    label: str | None
    text: str = strawberry.field(description="The full address as a person writes it.")
    details: str | None = strawberry.field(
        description="Flat, entrance, floor, door code, how to get in."
    )
    latitude: float | None
    longitude: float | None
    archived: bool = strawberry.field(
        description="An archived address keeps its orders but takes no new ones."
    )

    @classmethod
    def of(cls, row: models.Address) -> Address:
        return cls(
            id=strawberry.ID(to_global_id("Address", row.id)),
            label=row.label,
            text=row.text,
            details=row.details,
            latitude=row.latitude,
            longitude=row.longitude,
            archived=row.archived,
        )


@strawberry.type
class Contact(Node):
    kind: ContactKind
    legal_form: LegalForm
    name: str
    created_at: datetime
    archived: bool = strawberry.field(
        description="An archived contact keeps its orders, is left out of lists unless asked "
        "for, and takes no new orders."
    )
    pk: strawberry.Private[int]
    manager_id: strawberry.Private[int | None]
    row: strawberry.Private[models.Contact]

    @classmethod
    def of(cls, row: models.Contact) -> Contact:
        return cls(
            id=strawberry.ID(to_global_id("Contact", row.id)),
            kind=row.kind,
            legal_form=row.legal_form,
            name=row.name,
            created_at=row.created_at,
            archived=row.archived,
            pk=row.id,
            manager_id=row.manager_id,
            row=row,
        )

    @strawberry.field(
        description="Contact details are visible to OWNER/STAFF and to the contact's own members."
    )
    @context_only
    @guarded
    def email(self, info: Info) -> str | None:
        email: str | None = self.row.email
        return email

    @strawberry.field
    @context_only
    @guarded
    def phone(self, info: Info) -> str | None:
        phone: str | None = self.row.phone
        return phone

    @strawberry.field
    @context_only
    @guarded
    def telegram(self, info: Info) -> str | None:
        telegram: str | None = self.row.telegram
        return telegram

    @strawberry.field
    @context_only
    @guarded
    def tax_id(self, info: Info) -> str | None:
        tax_id: str | None = self.row.tax_id
        return tax_id

    @strawberry.field
    @context_only
    @guarded
    def notes(self, info: Info) -> str | None:
        notes: str | None = self.row.notes
        return notes

    @strawberry.field
    @guarded_list
    async def addresses(self, info: Info) -> list[Address]:
        """The active ones: archived addresses (and the copies an update keeps for closed
        orders) stay on their orders only."""
        rows = await info.context.loaders.addresses.load(self.pk)
        return [Address.of(row) for row in rows if not row.archived]

    @strawberry.field(
        description="The staff member who looks after this contact; portal requests go to them."
    )
    @guarded
    async def manager(self, info: Info) -> Member | None:
        return await load_member(info, self.manager_id)

    @strawberry.field(
        description="The members that log in for this contact "
        "(a client organisation may have several people)."
    )
    @guarded_list
    async def portal_members(self, info: Info) -> list[Member]:
        return [Member.of(row) for row in await info.context.loaders.portal_members.load(self.pk)]

    @strawberry.field
    async def orders(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> LazyOrderConnection:
        """Orders of this client (or given to this contractor) that the caller may see."""
        from schema.orders import contact_orders

        return await contact_orders(info, self.pk, self.kind, first, after)

    @strawberry.field(
        description='What a contractor does ("windows", "carpets", "after-renovation"); '
        "empty for clients."
    )
    @guarded_list
    async def skills(self, info: Info) -> list[str]:
        if self.kind != ContactKind.CONTRACTOR:
            return []
        return await info.context.loaders.skills.load(self.pk)

    @strawberry.field(
        description="When a contractor takes visits; empty = the company's working hours."
    )
    @guarded_list
    def working_hours(self, info: Info) -> list[WorkingHours]:
        return working_hours_of(self.row.working_hours)

    @strawberry.field(
        description="A contractor's average rating over its rated orders: OWNER/STAFF only."
    )
    @guarded
    async def average_rating(self, info: Info) -> float | None:
        if self.kind != ContactKind.CONTRACTOR:
            return None
        return await info.context.loaders.average_rating.load(self.pk)

    @strawberry.field(
        description="How the service reaches this contact outside the app (assignments, "
        "reminders, status, rating requests). Details: OWNER/STAFF and the contact's own members."
    )
    @guarded_list  # a list: the executor's fast path takes none (schema/executor.py)
    def notify_by(self, info: Info) -> list[DeliveryChannel]:
        return notify_by_of(self.row.notify_by, self.row.email)

    @strawberry.field(description="Language of the messages to this contact; null = the company's.")
    @context_only
    @guarded
    def locale(self, info: Info) -> str | None:
        locale: str | None = self.row.locale
        return locale


async def load_contact(info: Info, contact_id: int | None) -> Contact | None:
    if contact_id is None:
        return None
    row = await info.context.loaders.contact.load(contact_id)
    return None if row is None else Contact.of(row)


ContactConnection = Connection[Contact]


@strawberry.input
class AddressInput:
    label: str | None = None
    text: str
    details: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    def data(self) -> AddressData:
        return AddressData(self.text, self.label, self.details, self.latitude, self.longitude)


@strawberry.input
class CreateContactInput:
    kind: ContactKind
    legal_form: LegalForm
    name: str
    email: str | None = None
    phone: str | None = None
    telegram: str | None = None
    tax_id: str | None = None
    notes: str | None = None
    manager_id: strawberry.ID | None = None
    addresses: list[AddressInput] | None = None
    skills: list[str] | None = None
    working_hours: list[WorkingHoursInput] | None = None
    notify_by: list[DeliveryChannel] | None = None
    locale: str | None = None


@strawberry.input
class UpdateContactInput:
    name: str | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    telegram: str | None = strawberry.UNSET
    tax_id: str | None = strawberry.UNSET
    notes: str | None = strawberry.UNSET
    manager_id: strawberry.ID | None = strawberry.UNSET
    skills: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Replaces the skills; null or [] clears them."
    )
    working_hours: list[WorkingHoursInput] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Replaces the hours; null or [] = the company's working hours.",
    )
    notify_by: list[DeliveryChannel] | None = strawberry.UNSET
    locale: str | None = strawberry.UNSET


@strawberry.input
class ContactFilter:
    kind: ContactKind | None = None
    search: str | None = strawberry.field(
        default=None, description="Matches name, email, phone or an address."
    )
    skill: str | None = strawberry.field(default=None, description="Contractors with this skill.")
    archived: bool | None = strawberry.field(
        default=None, description="True lists only archived contacts; left out, only active ones."
    )


@strawberry.type
class ContactPayload:
    contact: Contact | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class AddressPayload:
    address: Address | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


def contact_data(
    source: CreateContactInput | UpdateContactInput, manager_id: int | None
) -> ContactData:
    def value(name: str) -> str | None:
        raw = getattr(source, name)
        return None if raw is strawberry.UNSET else raw

    return ContactData(
        name=value("name"),
        email=value("email"),
        phone=value("phone"),
        telegram=value("telegram"),
        tax_id=value("tax_id"),
        notes=value("notes"),
        manager_id=manager_id,
        skills=None if source.skills is strawberry.UNSET else source.skills,
        working_hours=(None if source.working_hours is strawberry.UNSET else source.working_hours),
        notify_by=None if source.notify_by is strawberry.UNSET else source.notify_by,
        locale=value("locale"),
    )
