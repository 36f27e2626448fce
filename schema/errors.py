"""Domain errors become `UserError`s in a payload's `errors`, here and nowhere else."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import strawberry
from graphql import GraphQLError

from domain import errors

ErrorCode = errors.ErrorCode
strawberry.enum(ErrorCode, name="ErrorCode")

P = TypeVar("P")


@strawberry.type
class UserError:
    field: list[str] | None = strawberry.field(
        description='Path to the input field at fault, e.g. ["input", "deadline"]; '
        "null for the whole call."
    )
    message: str
    code: ErrorCode


def user_error(error: errors.DomainError) -> UserError:
    return UserError(field=error.field, message=error.message, code=error.code)


async def payload_of(payload: Callable[..., P], action: Callable[[], Awaitable[P]]) -> P:
    """Run a mutation; an expected failure becomes the payload's `errors`."""
    try:
        return await action()
    except errors.DomainError as error:
        return payload(errors=[user_error(error)])


def graphql_error(error: errors.DomainError) -> GraphQLError:
    """For fields without a payload (subscriptions, moveMember): the error, with its code."""
    return GraphQLError(error.message, extensions={"code": error.code.value, "field": error.field})
