"""Deny by default: every operation and every field of the schema is classified here.

A test walks the printed schema and fails on any root operation or object field missing
from these tables, so nothing new reaches clients without a decision about who sees it.
"""

from __future__ import annotations

from enum import StrEnum


class Access(StrEnum):
    PUBLIC = "no token needed"
    MEMBER = "any member; the row filters of permissions/ decide what it touches"


PUBLIC_OPERATIONS = frozenset(
    {
        "Mutation.register",
        "Mutation.login",
        "Mutation.refreshSession",
        "Mutation.acceptInvitation",
        "Mutation.startChat",
    }
)

MEMBER_OPERATIONS = frozenset(
    {
        "Query.node",
        "Query.me",
        "Query.myMemberships",
        "Query.members",
        "Query.invitations",
        "Query.contacts",
        "Mutation.logout",
        "Mutation.switchCompany",
        "Mutation.inviteMember",
        "Mutation.moveMember",
        "Mutation.createContact",
        "Mutation.updateContact",
        "Mutation.addAddress",
    }
)


def operation_access(name: str) -> Access | None:
    """Access for `Query.x` / `Mutation.x`; None for an unclassified operation (denied)."""
    if name in PUBLIC_OPERATIONS:
        return Access.PUBLIC
    if name in MEMBER_OPERATIONS:
        return Access.MEMBER
    return None


WITH_OBJECT = "visible to whoever may see the object"


def _with_object(type_name: str, *fields: str) -> dict[str, str]:
    return {f"{type_name}.{field}": WITH_OBJECT for field in fields}


# Object fields: either visible with their object, or guarded by the named rule.
FIELD_RULES: dict[str, str] = {
    **_with_object("PageInfo", "hasNextPage", "hasPreviousPage", "startCursor", "endCursor"),
    **_with_object("UserError", "field", "message", "code"),
    **_with_object("Company", "id", "name", "timezone"),
    **_with_object(
        "Member", "id", "name", "role", "title", "manager", "subordinates", "contact", "company"
    ),
    "Member.email": "permissions.members.can_see_member_email",
    **_with_object("MemberEdge", "node", "cursor"),
    **_with_object("MemberConnection", "edges", "pageInfo", "totalCount"),
    **_with_object("AuthPayload", "accessToken", "refreshToken", "member", "errors"),
    **_with_object(
        "Invitation", "id", "email", "role", "invitedBy", "contact", "expiresAt", "acceptedAt"
    ),
    **_with_object("InvitationPayload", "invitation", "inviteUrl", "token", "errors"),
    **_with_object("Address", "id", "label", "text", "details", "latitude", "longitude"),
    **_with_object(
        "Contact",
        "id",
        "kind",
        "legalForm",
        "name",
        "addresses",
        "manager",
        "portalMembers",
        "createdAt",
    ),
    **{
        f"Contact.{field}": "permissions.contacts.can_see_contact_details"
        for field in ("email", "phone", "telegram", "taxId", "notes")
    },
    **_with_object("ContactEdge", "node", "cursor"),
    **_with_object("ContactConnection", "edges", "pageInfo", "totalCount"),
    **_with_object("ContactPayload", "contact", "errors"),
    **_with_object("AddressPayload", "address", "errors"),
}
