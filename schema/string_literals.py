"""A validation rule: string literals in a document carry no NUL character.

Variables lose their NUL characters where their JSON is parsed (resolvers/json_input.py); a
literal can still spell one as `"\\u0000"`, which PostgreSQL refuses in text. Validation is
cached per document and runs for every transport, so the literal is refused once, here.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError, StringValueNode, ValidationRule


class NoNulInStrings(ValidationRule):
    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        if "\x00" in node.value:
            self.report_error(
                GraphQLError(
                    "A string may not contain NUL (\\u0000)", node, extensions={"code": "INVALID"}
                )
            )
