"""Calls of the webhook tests: create, list, delete, enable and replay webhooks through GraphQL.

The documents and helpers here are shared by every webhook test (API, role matrix, delivery).
"""

from __future__ import annotations

from typing import Any

from tests.support.api import Api, Session

ERRORS = "errors { field code message }"
DELIVERY_FIELDS = (
    "id eventCursor kind status attempts responseStatus lastError nextAttemptAt createdAt "
    "deliveredAt"
)
WEBHOOK_FIELDS = "id url events active disabledReason createdAt member { id role name }"
CREATE = f"""mutation($input: CreateWebhookInput!) {{
  createWebhook(input: $input) {{ secret webhook {{ {WEBHOOK_FIELDS} }} {ERRORS} }}
}}"""
DELETE = f"""mutation($id: ID!) {{
  deleteWebhook(id: $id) {{ secret webhook {{ {WEBHOOK_FIELDS} }} {ERRORS} }}
}}"""
ENABLE = f"""mutation($id: ID!) {{
  enableWebhook(id: $id) {{ secret webhook {{ {WEBHOOK_FIELDS} }} {ERRORS} }}
}}"""
REPLAY = f"""mutation($id: ID!, $after: String!) {{
  replayWebhook(id: $id, after: $after) {{ secret webhook {{ {WEBHOOK_FIELDS} }} {ERRORS} }}
}}"""
WEBHOOKS = f"{{ webhooks {{ {WEBHOOK_FIELDS} }} }}"
WEBHOOKS_WITH_DELIVERIES = f"""query($first: Int, $after: String) {{
  webhooks {{ {WEBHOOK_FIELDS}
    deliveries(first: $first, after: $after) {{
      totalCount pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{ {DELIVERY_FIELDS} }} }}
    }}
  }}
}}"""


async def create_payload(api: Api, who: Session | str, url: str, **fields: Any) -> dict[str, Any]:
    """The createWebhook payload (secret, webhook, errors); `who` a session or a raw token."""
    token = who if isinstance(who, str) else who.access
    data = await api.ok(CREATE, {"input": {"url": url, **fields}}, token)
    payload: dict[str, Any] = data["createWebhook"]
    return payload


async def create_webhook(api: Api, who: Session | str, url: str, **fields: Any) -> dict[str, Any]:
    """A created webhook's payload (asserts no errors): `payload["webhook"]["id"]`, `["secret"]`.
    `fields` are CreateWebhookInput's others: events=[...], memberId=..."""
    payload = await create_payload(api, who, url, **fields)
    assert payload["errors"] == [], payload["errors"]
    return payload


async def _by_id(
    api: Api, document: str, name: str, who: Session, **variables: Any
) -> dict[str, Any]:
    data = await api.ok(document, variables, who.access)
    payload: dict[str, Any] = data[name]
    return payload


async def delete_webhook(api: Api, who: Session, webhook_id: str) -> dict[str, Any]:
    return await _by_id(api, DELETE, "deleteWebhook", who, id=webhook_id)


async def enable_webhook(api: Api, who: Session, webhook_id: str) -> dict[str, Any]:
    return await _by_id(api, ENABLE, "enableWebhook", who, id=webhook_id)


async def replay_webhook(api: Api, who: Session, webhook_id: str, after: str) -> dict[str, Any]:
    return await _by_id(api, REPLAY, "replayWebhook", who, id=webhook_id, after=after)


async def webhooks(api: Api, who: Session) -> list[dict[str, Any]]:
    data = await api.ok(WEBHOOKS, token=who.access)
    listed: list[dict[str, Any]] = data["webhooks"]
    return listed


async def webhook_ids(api: Api, who: Session) -> set[str]:
    return {hook["id"] for hook in await webhooks(api, who)}


async def deliveries(
    api: Api, who: Session, webhook_id: str, first: int | None = None, after: str | None = None
) -> dict[str, Any] | None:
    """The webhook's deliveries connection as `who` sees it; None when it does not see it."""
    data = await api.ok(WEBHOOKS_WITH_DELIVERIES, {"first": first, "after": after}, who.access)
    for hook in data["webhooks"]:
        if hook["id"] == webhook_id:
            connection: dict[str, Any] = hook["deliveries"]
            return connection
    return None


def error_codes(payload: dict[str, Any]) -> list[tuple[str, list[str] | None]]:
    """A payload's errors as (code, field) pairs."""
    return [(error["code"], error["field"]) for error in payload["errors"]]
