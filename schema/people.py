"""Types of people: companies, members (the org tree) and invitations."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

import models
from schema.company_settings import EscalationSettings, WorkingHours, working_hours_of
from schema.connection import Connection
from schema.context import Info
from schema.errors import UserError
from schema.executor import context_only
from schema.guard import guarded, guarded_list
from schema.ids import to_global_id
from schema.node import Node

if TYPE_CHECKING:
    from schema.contacts import Contact
    from schema.outbound import NotificationPreference

Role = models.Role
strawberry.enum(Role, name="Role")

LazyContact = Annotated["Contact", strawberry.lazy("schema.contacts")]
LazyPreference = Annotated["NotificationPreference", strawberry.lazy("schema.outbound")]


@strawberry.type
class Company(Node):
    name: str
    timezone: str
    locale: str = strawberry.field(
        description='Language of the messages the service writes for this company\'s people: "ru" or "en".'
    )
    pk: strawberry.Private[int]
    row: strawberry.Private[models.Company]

    @classmethod
    def of(cls, row: models.Company) -> Company:
        return cls(
            id=strawberry.ID(to_global_id("Company", row.id)),
            name=row.name,
            timezone=row.timezone,
            locale=row.locale,
            pk=row.id,
            row=row,
        )

    @strawberry.field(
        description="When the company works; escalations and reminders wait for these hours. "
        "Empty = always."
    )
    def working_hours(self) -> list[WorkingHours]:
        return working_hours_of(self.row.working_hours)

    @strawberry.field(description="OWNER/STAFF only; null for others.")
    @context_only
    @guarded
    def escalation(self, info: Info) -> EscalationSettings | None:
        return EscalationSettings.of(self.row)


@strawberry.type(
    description="A person's membership in one company. "
    "One login (email) may hold memberships in several companies."
)
class Member(Node):
    name: str
    role: Role
    title: str | None
    active: bool = strawberry.field(
        description="False once deactivated: it cannot log in, its sessions, tokens and "
        "sockets are closed, its history stays."
    )
    pk: strawberry.Private[int]
    user_id: strawberry.Private[int]
    company_id: strawberry.Private[int]
    manager_id: strawberry.Private[int | None]
    contact_id: strawberry.Private[int | None]
    preferences: strawberry.Private[list[dict[str, object]] | None] = None

    @classmethod
    def of(cls, row: models.Membership) -> Member:
        return cls(
            id=strawberry.ID(to_global_id("Member", row.id)),
            name=row.name,
            role=row.role,
            title=row.title,
            active=row.active,
            pk=row.id,
            user_id=row.user_id,
            company_id=row.company_id,
            manager_id=row.manager_id,
            contact_id=row.contact_id,
            preferences=row.notification_preferences,
        )

    @strawberry.field(
        description="Visible to OWNER/STAFF and to the member itself; null for others."
    )
    @guarded
    async def email(self, info: Info) -> str | None:
        return await info.context.loaders.user_email.load(self.user_id)

    @strawberry.field(
        description="The staff member this one reports to; null for the OWNER and for CLIENT/CONTRACTOR."
    )
    @guarded
    async def manager(self, info: Info) -> Member | None:
        return await load_member(info, self.manager_id)

    @strawberry.field(description="Direct reports.")
    @guarded_list
    async def subordinates(self, info: Info) -> list[Member]:
        return [Member.of(row) for row in await info.context.loaders.subordinates.load(self.pk)]

    @strawberry.field(
        description="For CLIENT and CONTRACTOR members: the contact card they act for."
    )
    async def contact(self, info: Info) -> LazyContact | None:
        from schema.contacts import load_contact

        return await load_contact(info, self.contact_id)

    @strawberry.field
    async def company(self, info: Info) -> Company:
        row = await info.context.loaders.company.load(self.company_id)
        assert row is not None, "a membership always has its company"
        return Company.of(row)

    @strawberry.field(
        description="The member's own choice of channels per kind of notification: the "
        "member itself only, null for others."
    )
    @guarded
    def notification_preferences(self, info: Info) -> list[LazyPreference] | None:
        from schema.outbound import preferences_of

        return list(preferences_of(self.preferences))


async def load_member(info: Info, member_id: int | None) -> Member | None:
    if member_id is None:
        return None
    row = await info.context.loaders.member.load(member_id)
    return None if row is None else Member.of(row)


MemberConnection = Connection[Member]


@strawberry.type
class Invitation(Node):
    email: str
    role: Role
    expires_at: datetime
    accepted_at: datetime | None
    invited_by_id: strawberry.Private[int]
    contact_id: strawberry.Private[int | None]

    @classmethod
    def of(cls, row: models.Invitation) -> Invitation:
        return cls(
            id=strawberry.ID(to_global_id("Invitation", row.id)),
            email=row.email,
            role=row.role,
            expires_at=row.expires_at,
            accepted_at=row.accepted_at,
            invited_by_id=row.invited_by_id,
            contact_id=row.contact_id,
        )

    @strawberry.field
    async def invited_by(self, info: Info) -> Member:
        member = await load_member(info, self.invited_by_id)
        assert member is not None, "an invitation always has its inviter"
        return member

    @strawberry.field
    async def contact(self, info: Info) -> LazyContact | None:
        from schema.contacts import load_contact

        return await load_contact(info, self.contact_id)


@strawberry.type
class CompanyPayload:
    company: Company | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class AuthPayload:
    access_token: str | None = None
    refresh_token: str | None = None
    member: Member | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class MemberPayload:
    member: Member | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class InvitationPayload:
    invitation: Invitation | None = None
    invite_url: str | None = strawberry.field(
        default=None,
        description="The link sent by e-mail; returned to the inviter once, "
        "so it can also be passed on by hand.",
    )
    token: str | None = strawberry.field(
        default=None,
        description="The token inside inviteUrl, for clients that build their own link.",
    )
    errors: list[UserError] = strawberry.field(default_factory=list)
