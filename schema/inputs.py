"""Helpers for input objects: which fields a client actually sent."""

from __future__ import annotations

import strawberry


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def given_fields(source: object, *, none_is_given: bool) -> set[str]:
    """The camelCase names of the input fields sent; for updates `null` counts as sent."""
    return {
        camel(name)
        for name, value in vars(source).items()
        if value is not strawberry.UNSET and (none_is_given or value is not None)
    }
