"""Calls of the leaver tests: deactivate and reactivate members through GraphQL."""

from __future__ import annotations

from typing import Any

from models import Membership
from schema.ids import decode_id
from tests.support.api import LOGIN, PASSWORD, Api, Session

ERRORS = "errors { field code message }"
MEMBER = "member { id name active manager { id } }"
DEACTIVATE = f"""mutation($m: ID!, $r: ID) {{
  deactivateMember(memberId: $m, reassignToId: $r) {{ {MEMBER} {ERRORS} }}
}}"""
REACTIVATE = f"""mutation($m: ID!) {{ reactivateMember(memberId: $m) {{ {MEMBER} {ERRORS} }} }}"""
REFRESH = f"""mutation($t: String!) {{
  refreshSession(refreshToken: $t) {{ accessToken {ERRORS} }}
}}"""
ME = "{ me { id } }"


async def deactivate(
    api: Api, who: Session, member_id: str, reassign_to: str | None = None
) -> dict[str, Any]:
    """The deactivateMember payload (member and errors)."""
    data = await api.ok(DEACTIVATE, {"m": member_id, "r": reassign_to}, who.access)
    payload: dict[str, Any] = data["deactivateMember"]
    return payload


async def reactivate(api: Api, who: Session, member_id: str) -> dict[str, Any]:
    data = await api.ok(REACTIVATE, {"m": member_id}, who.access)
    payload: dict[str, Any] = data["reactivateMember"]
    return payload


def refusal(payload: dict[str, Any]) -> list[tuple[list[str] | None, str]]:
    return [(error["field"], error["code"]) for error in payload["errors"]]


async def login(api: Api, email: str, company_id: str | None = None) -> dict[str, Any]:
    data = await api.ok(LOGIN, {"email": email, "password": PASSWORD, "companyId": company_id})
    payload: dict[str, Any] = data["login"]
    return payload


def codes(body: dict[str, Any]) -> list[str]:
    return [error.get("extensions", {}).get("code") for error in body.get("errors") or []]


async def membership(member_id: str) -> Membership:
    return await Membership.get(id=decode_id(member_id, "Member"))
