"""Automatic persisted queries, Apollo's APQ convention.

A client sends `extensions.persistedQuery = {"version": 1, "sha256Hash": H}` without the
query; the process answers from its memory, or with the error `PersistedQueryNotFound`
(code PERSISTED_QUERY_NOT_FOUND), on which the client sends the query with the hash once and
it is kept. A hash that is not the query's is refused. Over GET, too, so a GET's URL stays
short (a mutation by GET stays refused: the operation type is checked after the query is
known). No answer is cached on the way: every query needs a credential, so each answer is
`Cache-Control: private, no-store` (servicedesk/http/security_headers.py).
Each API process keeps its own LRU of queries; a process that does not know a hash asks for
the query, as the convention expects.

Only a query that ran is kept: it parsed, passed the operation gate and its limits
(schema/extensions.py) and validated, for a caller allowed to run it (before, any text
whose hash matched was kept, before parsing or authentication, up to the 1 MiB body; 300
anonymous requests took a worker from 115 MB to 997 MB). A kept query is at most
`MAX_QUERY_BYTES`, and all of them together at most `MAX_CACHE_BYTES`.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from graphql import GraphQLError
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from schema.limits import MAX_CACHED_DOCUMENT_BYTES

NOT_FOUND = "PersistedQueryNotFound"
MAX_QUERIES = 2_000
MAX_QUERY_BYTES = MAX_CACHED_DOCUMENT_BYTES
MAX_CACHE_BYTES = 4 * 1024 * 1024


class PersistedQueries:
    def __init__(self, size: int = MAX_QUERIES, max_bytes: int = MAX_CACHE_BYTES) -> None:
        self._queries: OrderedDict[str, str] = OrderedDict()
        self._size = size
        self._max_bytes = max_bytes
        self._bytes = 0

    @property
    def bytes(self) -> int:
        """The UTF-8 bytes of the kept queries (hashes and dict overhead aside)."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._queries)

    def resolve(self, data: GraphQLRequestData) -> GraphQLError | None:
        """Fill in `data.query` from its hash; an error to answer with instead when the hash
        is unknown, malformed or not the query's. Nothing is kept here: see `keep`."""
        digest = _digest(data)
        if isinstance(digest, GraphQLError) or digest is None:
            return digest
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
        return None

    def keep(self, data: GraphQLRequestData, result: ExecutionResult) -> None:
        """Keep a query sent with its hash once it ran (`data` is not null: it was parsed,
        gated and validated; a refused one has none), if small enough."""
        digest = _digest(data)
        if not isinstance(digest, str) or data.query is None or result.data is None:
            return
        if digest in self._queries:
            self._queries.move_to_end(digest)
            return
        size = len(data.query.encode())
        if size > MAX_QUERY_BYTES or hashlib.sha256(data.query.encode()).hexdigest() != digest:
            return
        self._queries[digest] = data.query
        self._bytes += size
        while len(self._queries) > self._size or self._bytes > self._max_bytes:
            _, dropped = self._queries.popitem(last=False)
            self._bytes -= len(dropped.encode())


def _digest(data: GraphQLRequestData) -> str | GraphQLError | None:
    """The request's lower-case sha256 hash; None without `persistedQuery`."""
    persisted = (data.extensions or {}).get("persistedQuery")
    if persisted is None:
        return None
    digest = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
    if not isinstance(digest, str) or persisted.get("version") != 1:
        return GraphQLError(
            "Unsupported persistedQuery: version 1 with a sha256Hash is expected",
            extensions={"code": "PERSISTED_QUERY_NOT_SUPPORTED"},
        )
    return digest.lower()
