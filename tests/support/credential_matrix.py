"""The credential role matrix's model: the role table's row (README, "Who sees what") "credentials it may mint
(API tokens, webhooks, invitations, portal logins): OWNER any; STAFF only for members who reach nothing it
cannot reach; CLIENT none; CONTRACTOR none", written out here on purpose (not imported from
permissions/), with the calls the matrix test makes.

What "reaches nothing it cannot reach" is, target by target:
- the minter itself (a token acting as it): the same reach, so any OWNER or STAFF member;
- a new STAFF member under a manager at or below the minter: a part of the minter's subtree;
- another OWNER or STAFF member: its own templates, the templates shared with it and its
  notifications are out of everyone else's reach (the OWNER's too), so nobody;
- a CLIENT or CONTRACTOR portal member or contact: every order of its contact, whoever is
  responsible, including orders staff outside any one subtree create later, so the OWNER
  only;
- an API token mints nothing (a leaked one would outlive its revocation through it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.support.api import Api

OWNER, STAFF, CLIENT, CONTRACTOR = "OWNER", "STAFF", "CLIENT", "CONTRACTOR"
STAFF_ROLES = frozenset({OWNER, STAFF})
PORTAL_ROLES = frozenset({CLIENT, CONTRACTOR})
OK = "OK"

ERRORS = "errors { field code message }"
CREATE_TOKEN = f"""mutation($input: CreateApiTokenInput!) {{
  r: createApiToken(input: $input) {{ token apiToken {{ id member {{ id }} }} {ERRORS} }} }}"""
INVITE_MEMBER = f"""mutation($input: InviteMemberInput!) {{
  r: inviteMember(input: $input) {{ token invitation {{ id role }} {ERRORS} }} }}"""
INVITE_CONTACT = f"""mutation($c: ID!, $e: String) {{
  r: inviteContact(contactId: $c, email: $e) {{ token invitation {{ id role }} {ERRORS} }} }}"""
ME = "{ me { id role manager { id } contact { id } } }"
ORDER_COUNT = "{ orders(first: 1) { totalCount } }"
ISSUED = "{ apiTokens { id } invitations { id } }"


@dataclass(frozen=True)
class Minter:
    label: str
    token: str  # an access token or an API token
    role: str  # the role it acts with
    member_id: str
    subtree: frozenset[str]  # staff: the member ids at or below it
    is_api_token: bool = False


@dataclass(frozen=True)
class Target:
    label: str
    role: str  # STAFF for a member of the staff side, whatever its rank; or "stranger"
    member_id: str | None  # None: the minter itself (memberId left out)
    contact_id: str | None = None
    stranger: bool = False  # of another company


def expected_token(m: Minter, t: Target) -> str:
    if m.is_api_token or m.role not in STAFF_ROLES:
        return "FORBIDDEN"
    if t.stranger:
        return "NOT_FOUND"
    if t.member_id is None or t.member_id == m.member_id:
        return OK
    if t.role in PORTAL_ROLES:
        return OK if m.role == OWNER else "FORBIDDEN"
    return "FORBIDDEN"


def expected_staff_invitation(m: Minter, manager: Target) -> str:
    """A new STAFF member under `manager` (None: under the minter)."""
    if m.is_api_token or m.role not in STAFF_ROLES:
        return "FORBIDDEN"
    if manager.stranger or manager.role in PORTAL_ROLES:
        return "NOT_FOUND"  # a manager is a member of the staff side of this company
    if manager.member_id is None or manager.member_id in m.subtree:
        return OK
    return "INVALID"  # a visible member outside the minter's subtree: the input is at fault


def expected_portal_invitation(m: Minter, contact: Target) -> str:
    if m.is_api_token or m.role != OWNER:
        return "FORBIDDEN"
    return "NOT_FOUND" if contact.stranger else OK


def outcome(body: dict[str, Any]) -> tuple[str, dict[str, Any] | None]:
    """The code of a refusal (a top-level error or the payload's first), or OK; and the
    payload."""
    if body.get("errors"):
        return str(body["errors"][0]["extensions"]["code"]), None
    payload: dict[str, Any] = body["data"]["r"]
    errors = payload["errors"]
    return (str(errors[0]["code"]) if errors else OK), payload


async def issued_ids(api: Api, owner_access: str) -> tuple[set[str], set[str]]:
    """The company's API tokens and invitations, as its OWNER lists them."""
    data = await api.ok(ISSUED, token=owner_access)
    return {t["id"] for t in data["apiTokens"]}, {i["id"] for i in data["invitations"]}
