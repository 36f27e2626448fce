"""The GraphQL schema: `from schema import schema`; `print(schema)` gives the SDL."""

from schema.root import build_schema

schema = build_schema()

__all__ = ["build_schema", "schema"]
