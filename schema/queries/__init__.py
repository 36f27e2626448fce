"""Root query fields, one module per domain, merged into one `Query` type.

Each field delegates to resolvers/ and converts rows to plain types.
"""

from __future__ import annotations

import strawberry

from schema.queries.node import NodeQueries
from schema.queries.people import PeopleQueries


@strawberry.type
class Query(NodeQueries, PeopleQueries):
    pass
