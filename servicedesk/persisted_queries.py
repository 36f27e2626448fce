"""Automatic persisted queries, Apollo's APQ convention (issue 8).

A client sends `extensions.persistedQuery = {"version": 1, "sha256Hash": H}` without the
query; the process answers from its memory, or with the error `PersistedQueryNotFound`
(code PERSISTED_QUERY_NOT_FOUND), on which the client sends the query with the hash once and
it is kept. A hash that is not the query's is refused. Over GET, too, so CDNs can cache reads
(a mutation by GET stays refused: the operation type is checked after the query is known).
Each API process keeps its own bounded LRU of queries; a process that does not know a hash
asks for the query, as the convention expects.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from graphql import GraphQLError
from strawberry.http import GraphQLRequestData

NOT_FOUND = "PersistedQueryNotFound"
MAX_QUERIES = 2_000


class PersistedQueries:
    def __init__(self, size: int = MAX_QUERIES) -> None:
        self._queries: OrderedDict[str, str] = OrderedDict()
        self._size = size

    def resolve(self, data: GraphQLRequestData) -> GraphQLError | None:
        """Fill in `data.query` from its hash, or keep a query sent with its hash; an error
        to answer with instead when the hash is unknown, malformed or not the query's."""
        persisted = (data.extensions or {}).get("persistedQuery")
        if persisted is None:
            return None
        digest = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
        if not isinstance(digest, str) or persisted.get("version") != 1:
            return GraphQLError(
                "Unsupported persistedQuery: version 1 with a sha256Hash is expected",
                extensions={"code": "PERSISTED_QUERY_NOT_SUPPORTED"},
            )
        digest = digest.lower()
        if data.query is None:
            query = self._queries.get(digest)
            if query is None:
                return GraphQLError(NOT_FOUND, extensions={"code": "PERSISTED_QUERY_NOT_FOUND"})
            self._queries.move_to_end(digest)
            data.query = query
            return None
        if hashlib.sha256(data.query.encode()).hexdigest() != digest:
            return GraphQLError(
                "provided sha does not match query",
                extensions={"code": "PERSISTED_QUERY_HASH_MISMATCH"},
            )
        self._queries[digest] = data.query
        self._queries.move_to_end(digest)
        if len(self._queries) > self._size:
            self._queries.popitem(last=False)
        return None
