"""Calls of the API token tests: issue, list and revoke tokens through GraphQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.support.api import Api, Session

TOKEN_FIELDS = """id name readOnly createdAt lastUsedAt expiresAt revokedAt member { id role }"""
CREATE_TOKEN = f"""mutation($input: CreateApiTokenInput!) {{
  createApiToken(input: $input) {{ token apiToken {{ {TOKEN_FIELDS} }} errors {{ field code message }} }}
}}"""
REVOKE_TOKEN = f"""mutation($id: ID!) {{
  revokeApiToken(id: $id) {{ token apiToken {{ {TOKEN_FIELDS} }} errors {{ field code message }} }}
}}"""
TOKENS = f"{{ apiTokens {{ {TOKEN_FIELDS} }} }}"
ME = "{ me { id role } }"


@dataclass
class Issued:
    token: str
    record: dict[str, Any]

    @property
    def id(self) -> str:
        value: str = self.record["id"]
        return value

    def session(self) -> Session:
        """The token as a `Session`, for helpers that take one (it has no refresh token)."""
        return Session(self.token, "", self.record["member"]["id"], "")


async def create_token(api: Api, who: Session, **fields: Any) -> dict[str, Any]:
    """The createApiToken payload (token, apiToken, errors)."""
    data = await api.ok(CREATE_TOKEN, {"input": {"name": "Dispatch", **fields}}, who.access)
    payload: dict[str, Any] = data["createApiToken"]
    return payload


async def issue(api: Api, who: Session, **fields: Any) -> Issued:
    payload = await create_token(api, who, **fields)
    assert payload["errors"] == [], payload["errors"]
    return Issued(payload["token"], payload["apiToken"])


async def revoke(api: Api, who: Session, token_id: str) -> dict[str, Any]:
    data = await api.ok(REVOKE_TOKEN, {"id": token_id}, who.access)
    payload: dict[str, Any] = data["revokeApiToken"]
    return payload


async def token_ids(api: Api, who: Session) -> set[str]:
    data = await api.ok(TOKENS, token=who.access)
    return {token["id"] for token in data["apiTokens"]}


def codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors") or []]
