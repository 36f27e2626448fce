"""The last bound on what one answer may cost: its encoded bytes.

The result-size estimate (schema/limits.py) bounds how many objects a query returns, not how
big each is (a query estimated at exactly 10,000 objects returned 41 MB). Every
answer, an HTTP response or a WebSocket `next` message, is encoded by the endpoint's
`encode_json`; one past `MAX_RESPONSE_BYTES` is replaced by an error with the code
RESPONSE_TOO_LARGE, so the client learns to ask for less instead of receiving it.
"""

from __future__ import annotations

import logging

log = logging.getLogger("servicedesk.graphql")

MAX_RESPONSE_BYTES = 5 * 1024 * 1024
CODE = "RESPONSE_TOO_LARGE"


def refusal(message: object, size: int) -> dict[str, object]:
    """What to send instead of `message` (a GraphQL response, or a graphql-transport-ws
    `next` message around one) whose encoding took `size` bytes."""
    limit = MAX_RESPONSE_BYTES
    log.warning("answer of %d bytes refused (at most %d)", size, limit)
    error = {
        "message": f"The answer would take {size} bytes; at most {limit} are sent."
        " Ask for fewer objects or fields.",
        "extensions": {"code": CODE},
    }
    answer: dict[str, object] = {"data": None, "errors": [error]}
    if isinstance(message, dict) and message.get("type") == "next":
        return {**message, "payload": answer}
    return answer
