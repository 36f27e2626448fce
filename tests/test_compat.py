"""Library internals are touched in compat/ only, and each one is still there.

The scanner (tests/support/library_internals.py) parses every module outside compat/, tests
and benches included, and fails on a library's private name used there. The shape tests fail, naming the library and its version, when a release
moves or reshapes one of the internals compat/ relies on.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import signal
from importlib.metadata import version
from typing import Any

import pytest

from tests.support.library_internals import defined_names, modules, touches


def test_no_library_internals_outside_compat() -> None:
    scanned = list(modules())
    assert len(scanned) > 100, "the scanner found too few modules to be looking in the tree"
    ours = defined_names([tree for _, tree in scanned])
    found = {(path, touch) for path, tree in scanned for touch in touches(tree, ours)}
    unexpected = sorted(found)
    assert not unexpected, (
        "library internals used outside compat/ (wrap each in compat/<library>.py with a "
        "shape test here):\n" + "\n".join(f"{path}: {touch}" for path, touch in unexpected)
    )


@pytest.mark.parametrize(
    "source",
    [
        "from broadcaster._base import Unsubscribed",
        "import broadcaster._base",
        "from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import Operation",
        "from uvicorn.protocols.websockets.wsproto_impl import WSProtocol",
        "from strawberry.extensions.parser_cache import _get_parse_cache",
        "schema._schema",
        "query._make_query()",
        "self._should_upgrade()",
        'getattr(resolve, "_is_default", False)',
        "loader.cache_map.get(key)",
        "class E(Base):\n    def execute_fields(self): ...",
        'getattr(signal.getsignal(signum), "__self__", None)',
    ],
)
def test_the_scanner_sees_each_kind_of_touch(source: str) -> None:
    assert touches(ast.parse(source), {"_mine"}), source


@pytest.mark.parametrize(
    "source",
    [
        "self._mine = 1\nself._mine",
        "from schema.limits import _private_helper",
        "from ._sibling import thing",
        "row._replace(a=1)",
        'getattr(f, "_mine", False)',
    ],
)
def test_the_scanner_leaves_our_own_privates_alone(source: str) -> None:
    assert not touches(ast.parse(source), {"_mine"}), source


# Shape tests: one per internal compat/ relies on.


def expect(condition: object, library: str, what: str) -> None:
    assert condition, f"{library} {version(library)} changed: {what} (compat/ relies on it)"


def _parameters(function: Any) -> list[str]:
    return list(inspect.signature(function).parameters)


def _tiny_schema() -> Any:
    import strawberry

    from compat.strawberry import raw_info

    @strawberry.type
    class Query:
        plain: str = "plain"

        @strawberry.field
        def operation(self, info: strawberry.Info) -> str:
            raw = raw_info(info)
            return f"{raw.operation.operation.value}:{raw.field_name}"

    return strawberry.Schema(query=Query)


def test_strawberry_core_schema_raw_info_and_default_resolvers() -> None:
    from graphql import GraphQLSchema

    from compat.strawberry import core_schema, is_default_resolver

    schema = _tiny_schema()
    core = core_schema(schema)
    expect(isinstance(core, GraphQLSchema), "strawberry-graphql", "Schema._schema")
    result = schema.execute_sync("{ operation }")
    expect(
        result.errors is None and result.data == {"operation": "query:operation"},
        "strawberry-graphql",
        f"Info._raw_info ({result.errors})",
    )
    assert core.query_type is not None
    fields = core.query_type.fields
    expect(
        is_default_resolver(fields["plain"].resolve)
        and not is_default_resolver(fields["operation"].resolve),
        "strawberry-graphql",
        "the `_is_default` mark on basic fields' resolvers",
    )


@pytest.mark.asyncio
async def test_strawberry_dataloader_cache_map() -> None:
    from strawberry.dataloader import DataLoader

    from compat.strawberry import cached_future

    async def load(keys: list[int]) -> list[int]:
        return [key * 2 for key in keys]

    loader = DataLoader(load_fn=load)
    expect(cached_future(loader, 1) is None, "strawberry-graphql", "DataLoader.cache_map")
    assert await loader.load(1) == 2
    future = cached_future(loader, 1)
    expect(
        future is not None and future.done() and future.result() == 2,
        "strawberry-graphql",
        "DataLoader.cache_map holds each key's future",
    )


def test_strawberry_parse_and_validate_caches_are_the_extensions() -> None:
    from strawberry.extensions import ParserCache, ValidationCache

    from compat.strawberry import cached_parser, parse_cache, validate_cache

    parser = ParserCache(maxsize=1000)
    expect(
        cached_parser(parser) is parse_cache(1000),
        "strawberry-graphql",
        "ParserCache's parser is _get_parse_cache(maxsize)",
    )
    validator = ValidationCache(maxsize=1000)
    expect(
        validator.cached_validate_document is validate_cache(1000),
        "strawberry-graphql",
        "ValidationCache's validator is _get_validate_cache(maxsize)",
    )


def test_strawberry_transport_ws_handler() -> None:
    from strawberry.subscriptions.protocols.graphql_transport_ws import handlers

    from compat.strawberry import Operation, OperationStreamClosed, TransportWSHandler

    send = getattr(handlers.BaseGraphQLTransportWSHandler, "_send_result_stream", None)
    expect(
        send is not None and _parameters(send) == ["self", "operation", "result_source"],
        "strawberry-graphql",
        "BaseGraphQLTransportWSHandler._send_result_stream(operation, result_source)",
    )
    expect(
        issubclass(OperationStreamClosed, Exception)
        and "raise _OperationStreamClosed" in inspect.getsource(handlers),
        "strawberry-graphql",
        "_send_result_stream raises _OperationStreamClosed",
    )
    source = inspect.getsource(handlers)
    for state in ("self.operations:", "self.connection_init_timeout_task:", "self.task:"):
        expect(state in source, "strawberry-graphql", f"the handler keeps {state[:-1]}")
    for method in ("send_next", "send_operation_message"):
        expect(hasattr(Operation, method), "strawberry-graphql", f"Operation.{method}")
    for hook in (
        "run_operation",
        "cleanup_operation",
        "handle_connection_init",
        "handle_task_exception",
        "shutdown",
    ):
        expect(
            _parameters(getattr(TransportWSHandler, hook))[0] == "self",
            "strawberry-graphql",
            f"BaseGraphQLTransportWSHandler.{hook}",
        )


def test_graphql_core_executor_methods() -> None:
    from compat.graphql_core import ShortcutExecutionContext

    expected = {
        "execute_fields": [
            "self",
            "parent_type",
            "source_value",
            "path",
            "grouped_field_set",
            "position_context",
        ],
        "execute_field": [
            "self",
            "parent_type",
            "source",
            "field_details_list",
            "path",
            "position_context",
        ],
        "complete_value": [
            "self",
            "return_type",
            "field_details_list",
            "info",
            "path",
            "result",
            "position_context",
        ],
        "handle_field_error": ["self", "raw_error", "return_type", "field_details_list", "path"],
        "settle_in_background": ["self", "awaitables"],
    }
    base = ShortcutExecutionContext.__mro__[1]
    for name, parameters in expected.items():
        method = getattr(base, name, None)
        expect(
            method is not None and _parameters(method) == parameters,
            "graphql-core",
            f"ExecutionContext.{name}({', '.join(parameters[1:])})",
        )
    expect(
        callable(getattr(base, "is_awaitable", None))
        and any(
            "self.middleware_manager = " in inspect.getsource(cls)
            for cls in base.__mro__
            if cls.__module__.startswith("graphql.")
        ),
        "graphql-core",
        "ExecutionContext.is_awaitable and .middleware_manager",
    )


async def _no_app(scope: Any, receive: Any, send: Any) -> None:
    """An ASGI app for servers and protocols that are built, never served."""


@pytest.mark.asyncio
async def test_uvicorn_running_server_is_found_through_its_signal_handler() -> None:
    import uvicorn

    from compat.uvicorn import running_server

    signals = (signal.SIGINT, signal.SIGTERM)
    server = uvicorn.Server(uvicorn.Config(app=_no_app))
    assert running_server(signals) is None
    with server.capture_signals():
        expect(
            running_server(signals) is server,
            "uvicorn",
            "Server.capture_signals installs Server.handle_exit",
        )
    assert running_server(signals) is None


def test_uvicorn_http_protocol_state() -> None:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    source = inspect.getsource(HttpToolsProtocol)
    expect(
        _parameters(HttpToolsProtocol._should_upgrade) == ["self"],
        "uvicorn",
        "HttpToolsProtocol._should_upgrade()",
    )
    attributes = ("parser", "flow", "cycle", "client", "config", "loop", "transport")
    for used in (f"self.{name}" for name in attributes):
        expect(f"{used} =" in source, "uvicorn", f"HttpToolsProtocol keeps {used}")
    for hook in ("on_message_begin", "on_headers_complete", "on_body", "on_message_complete"):
        expect(hasattr(HttpToolsProtocol, hook), "uvicorn", f"HttpToolsProtocol.{hook}")


@pytest.mark.asyncio
async def test_uvicorn_ws_protocol_buffers() -> None:
    from uvicorn.config import Config
    from uvicorn.protocols.websockets.wsproto_impl import WSProtocol
    from uvicorn.server import ServerState

    protocol = WSProtocol(config=Config(app=_no_app), server_state=ServerState(), app_state={})
    buffers: tuple[object, object] = (protocol.queue, protocol.writable)
    expect(
        isinstance(buffers[0], asyncio.Queue) and isinstance(buffers[1], asyncio.Event),
        "uvicorn",
        "WSProtocol.queue (asyncio.Queue) and .writable (asyncio.Event)",
    )
    source = inspect.getsource(WSProtocol)
    queue_uses = {"self.queue.put_nowait", "self.queue.get()"}
    writable_uses = {"self.writable.set()", "self.writable.clear()", "self.writable.wait()"}
    for used in queue_uses | writable_uses:
        expect(
            used in source, "uvicorn", f"WSProtocol uses only what the lean buffers have: {used}"
        )


@pytest.mark.asyncio
async def test_starlette_multipart_parser_wraps_each_file() -> None:
    from starlette.datastructures import Headers, UploadFile

    from compat.starlette import FileWrappingMultiPartParser

    wrapped: list[str | None] = []

    class Recording(FileWrappingMultiPartParser):
        def wrap_file(self, file: UploadFile) -> UploadFile:
            wrapped.append(file.filename)
            return file

    body = (
        b"--x\r\ncontent-disposition: form-data; name=a\r\n\r\n1\r\n"
        b'--x\r\ncontent-disposition: form-data; name=f; filename="p.jpg"\r\n\r\nbytes\r\n'
        b"--x--\r\n"
    )

    async def stream() -> Any:
        yield body

    headers = Headers({"content-type": "multipart/form-data; boundary=x"})
    form = await Recording(headers, stream()).parse()
    upload = form["f"]
    expect(
        wrapped == ["p.jpg"] and isinstance(upload, UploadFile) and await upload.read() == b"bytes",
        "starlette",
        "MultiPartParser._current_part.file set in on_headers_finished",
    )
    await form.close()


def test_cross_web_request_adapter_keeps_the_request() -> None:
    from cross_web import StarletteRequestAdapter
    from starlette.requests import Request

    from compat.cross_web import starlette_request

    request = Request({"type": "http", "method": "POST", "headers": []})
    expect(
        starlette_request(StarletteRequestAdapter(request)) is request,
        "cross-web",
        "StarletteRequestAdapter._request",
    )


def test_broadcaster_names() -> None:
    from compat.broadcaster import BroadcastBackend, Unsubscribed

    expect(issubclass(Unsubscribed, Exception), "broadcaster", "broadcaster._base.Unsubscribed")
    for method in ("connect", "disconnect", "subscribe", "unsubscribe", "publish"):
        expect(hasattr(BroadcastBackend, method), "broadcaster", f"BroadcastBackend.{method}")
    expect(
        hasattr(BroadcastBackend, "next_published"),
        "broadcaster",
        "BroadcastBackend.next_published",
    )


def test_tortoise_query_building_and_db_urls() -> None:
    from tortoise.queryset import ValuesQuery

    from compat.tortoise import expand_db_url, model_meta
    from models import Order

    expect(
        _parameters(ValuesQuery._make_query) == ["self"]
        and _parameters(ValuesQuery._choose_db_if_not_chosen) == ["self", "for_write"],
        "tortoise-orm",
        "ValuesQuery._make_query() and ._choose_db_if_not_chosen(for_write)",
    )
    meta = model_meta(Order)
    expect(
        meta.db_table == "order" and "deadline" in meta.fields_map,
        "tortoise-orm",
        "Model._meta.db_table and .fields_map",
    )
    expanded = expand_db_url("postgres://user@db.example:5432/desk")
    credentials: Any = expanded.get("credentials", {})
    expect(
        credentials.get("database") == "desk" and credentials.get("port") == 5432,
        "tortoise-orm",
        f"expand_db_url gives a config with its credentials: {expanded}",
    )


def test_tortoise_skips_the_comment_scan_our_models_turn_off() -> None:
    """compat.tortoise_models sets `_no_comments` on every model; Tortoise must still read it
    (else every process start parses each models module again, ~0.2 CPU-s)."""
    from tortoise import fields
    from tortoise.models import Model as TortoiseModel

    from compat.tortoise_models import Model
    from models import Order

    class Scanned(TortoiseModel):
        #: read from the source
        name = fields.CharField(max_length=10)

    class Quiet(Model):
        #: read from the source
        name = fields.CharField(max_length=10)

    scanned = Scanned._meta.fields_map["name"].docstring
    expect(
        scanned == "read from the source" and Quiet._meta.fields_map["name"].docstring is None,
        "tortoise-orm",
        f"ModelMeta reads #: comments unless the class body sets _no_comments ({scanned!r})",
    )
    assert vars(Order).get("_no_comments") is True


def test_aerich_sqlite_comment_change_is_a_no_op_only_while_asked() -> None:
    """compat.aerich: aerich's SQLite DDL still refuses a comment change (else the patch is
    needless), writes nothing inside the context, and refuses again after it."""
    from aerich.ddl.sqlite import SqliteDDL
    from aerich.exceptions import NotSupportError

    from compat.aerich import sqlite_comments_unchanged
    from models import Notification

    ddl = SqliteDDL.__new__(SqliteDDL)
    with pytest.raises(NotSupportError):
        SqliteDDL.set_comment(ddl, Notification, {})
    with sqlite_comments_unchanged():
        assert SqliteDDL.set_comment(ddl, Notification, {}) == ""
    with pytest.raises(NotSupportError):
        SqliteDDL.set_comment(ddl, Notification, {})


def test_tortoise_names_a_cached_lookup_reads() -> None:
    """compat.tortoise.cached_values walks a Q tree and reads a values() query's columns."""
    from tortoise.expressions import Q
    from tortoise.queryset import ValuesQuery
    from tortoise.router import router

    q = Q(Q(id=1), Q(path="/1/"), join_type="OR")
    expect(
        q.join_type == "OR"
        and len(q.children) == 2
        and list(q.children[0].filters) == ["id"]
        and q._is_negated is False
        and (~q)._is_negated is True,
        "tortoise-orm",
        "Q.children, .filters, .join_type and ._is_negated",
    )
    expect(
        "_fields_for_select" in ValuesQuery.__slots__
        and _parameters(ValuesQuery.resolve_to_python_value) == ["self", "model", "field"]
        and callable(router.db_for_read),
        "tortoise-orm",
        "ValuesQuery._fields_for_select, .resolve_to_python_value(model, field), "
        "router.db_for_read(model)",
    )


@pytest.mark.asyncio
async def test_cached_values_read_what_tortoise_reads(api: Any) -> None:
    """Each shape twice (built, then from the cache), with what Tortoise itself reads: ids,
    lists (one empty), enums, None, OR and NOT, a join, and values Tortoise rewrites
    (`__startswith`) or a marker cannot stand for (a datetime), which Tortoise builds."""
    from datetime import UTC, datetime

    from tortoise.expressions import Q

    from compat.tortoise import cached_values
    from models import Membership, Role
    from tests.support.api import register

    owner = await register(api)
    member = await Membership.get(user__email=owner.email)
    fields = ("id", "role", "path", "contact_id", "user__email", "company__timezone")
    cases = [
        Q(id=member.id),
        Q(id__in=[member.id, 0], role__in=[Role.OWNER, Role.STAFF], contact_id=None),
        Q(Q(company_id=member.company_id), Q(id=0) | ~Q(path="/0/"), active=True),
        Q(id__in=[]),
        Q(id=member.id, path__startswith=member.path),
        Q(id=member.id, created_at__lt=datetime.now(UTC)),
    ]
    for case in cases:
        expected = await Membership.filter(case).values(*fields)
        assert expected == await cached_values(Membership, case, fields)
        assert expected == await cached_values(Membership, case, fields)
    none = Q(id=0)
    assert await cached_values(Membership, none, fields, limit=1) == []
    [one] = await cached_values(Membership, Q(id=member.id), fields, limit=1)
    assert one["role"] is Role.OWNER
    assert one["user__email"] == owner.email


@pytest.mark.asyncio
async def test_cached_update_changes_what_tortoise_changes(api: Any) -> None:
    """Each shape twice (built, then from the cache): a str, a datetime and NULL set, ids
    matched or not, and an enum constant; the rows are read back through Tortoise."""
    from datetime import UTC, datetime, timedelta

    from tortoise.expressions import Q

    from compat.tortoise import cached_update
    from models import Membership, Role
    from tests.support.api import register

    owner = await register(api)
    member = await Membership.get(user__email=owner.email)
    at = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)
    for step in range(2):
        when = at + timedelta(days=step)
        assert await cached_update(Membership, Q(id=member.id), title="Boss", last_login_at=when)
        row = await Membership.get(id=member.id)
        assert (row.title, row.last_login_at) == ("Boss", when)
        assert await cached_update(Membership, Q(id__in=[member.id, 0]), title=None) == 1
        assert (await Membership.get(id=member.id)).title is None
        assert await cached_update(Membership, Q(id=0), title="Nobody") == 0
        assert await cached_update(Membership, Q(id=member.id), role=Role.OWNER) == 1


@pytest.mark.asyncio
async def test_cached_instances_are_the_instances_tortoise_makes(api: Any) -> None:
    """compat.tortoise.cached_instances: for each shape twice (built, then from the cache),
    the same instances as `Model.filter` (every field, datetimes, enums and null foreign keys
    included) in the same order, for an `id__in` of several lengths and a missing id."""
    from tortoise.expressions import Q

    from compat.tortoise import cached_instances, model_meta
    from models import Company, Membership
    from tests.support.api import invite_and_accept, register

    owner = await register(api)
    staff = await invite_and_accept(api, owner, "Staff")
    ids = [m.id for m in await Membership.filter(user__email__in=[owner.email, staff.email])]
    assert len(ids) == 2

    def fields(row: Any) -> dict[str, Any]:
        return {name: getattr(row, name) for name in model_meta(row).fields_db_projection}

    for wanted in ([ids[0]], ids, [*ids, 0], [0]):
        for _ in range(2):
            found = await cached_instances(Membership, Q(id__in=wanted))
            expected = await Membership.filter(id__in=wanted)
            assert [fields(m) for m in found] == [fields(m) for m in expected]
            assert all(type(m) is Membership and m._saved_in_db for m in found)
    member = await Membership.get(id=ids[0])
    [company] = await cached_instances(Company, Q(id=member.company_id) | Q(id=0))
    assert fields(company) == fields(await Company.get(id=member.company_id))
    for order in (("name", "id"), ("-id",)):
        for _ in range(2):
            found = await cached_instances(Membership, Q(company_id=member.company_id), order)
            expected = await Membership.filter(company_id=member.company_id).order_by(*order)
            assert [fields(m) for m in found] == [fields(m) for m in expected]
    assert [m.id for m in found] == sorted(ids, reverse=True)
    # ...and from statements of its own, not by falling back to Tortoise's query building.
    from compat import tortoise as compat_tortoise

    kept = compat_tortoise._statements
    built = [kept[k] for k in kept if k[1] is Membership and k[2] == "instances"]
    assert len(built) >= 5  # ids of three lengths, two orders
    assert None not in built


@pytest.mark.asyncio
async def test_cached_like_patterns_escape_as_tortoise_does(api: Any) -> None:
    """A slot Tortoise puts in a LIKE pattern (`__startswith`, `__endswith`, `__contains`,
    and their case-insensitive forms) is bound escaped as Tortoise escapes it: %, _ and \\ in
    the value match only themselves. Each lookup twice (built, then cached), against
    Tortoise's own answer, and from a cached statement, not a fallback."""
    from tortoise import connections
    from tortoise.expressions import Q

    from compat import tortoise as compat_tortoise
    from compat.tortoise import cached_instances
    from models import Membership
    from tests.support.api import invite_and_accept, register

    owner = await register(api)
    company = (await Membership.get(user__email=owner.email)).company_id
    names = ["50%_off\\ sale", "50%_off\\ SALE", "50X_offY sale", "5000 offsale"]
    for _ in names[1:]:
        await invite_and_accept(api, owner, "Staff")
    members = await Membership.filter(company_id=company).order_by("id")
    for member, name in zip(members, names, strict=True):
        await Membership.filter(id=member.id).update(name=name)
    lookups = {
        "name__startswith": "50%_off\\",
        "name__istartswith": "50%_OFF\\",
        "name__endswith": "\\ sale",
        "name__iendswith": "\\ SALE",
        "name__contains": "%_off\\",
        "name__icontains": "%_OFF\\ s",
    }
    for lookup, value in lookups.items():
        condition = Q(company_id=company) & Q(**{lookup: value})
        expected = [m.name for m in await Membership.filter(condition).order_by("id")]
        assert expected, lookup
        assert "50X_offY sale" not in expected, lookup
        for _ in range(2):
            found = await cached_instances(Membership, condition, ("id",))
            assert [m.name for m in found] == expected, lookup
    kept, dialect = compat_tortoise._statements, connections.get("default").capabilities.dialect
    built = [
        kept[k]
        for k in kept
        if k[:3] == (dialect, Membership, "instances") and "name__" in repr(k[-1])
    ]
    assert len(built) == len(lookups)
    assert None not in built


@pytest.mark.asyncio
async def test_insert_returning_rows_stores_what_bulk_create_stores(api: Any) -> None:
    """compat.tortoise.insert_returning_rows builds Tortoise's INSERT with the connection's
    query builder and placeholders: the same rows as bulk_create, each new row's columns
    returned in the order given (twice: built, then from the cache; and one row alone)."""
    from datetime import UTC, datetime

    from compat.tortoise_inserts import insert_returning_rows
    from models import Membership, Notification, NotificationKind
    from tests.support.api import register

    owner = await register(api)
    member = await Membership.get(user__email=owner.email)
    read = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)

    def notes(tag: str) -> list[Notification]:
        return [
            Notification(
                company_id=member.company_id,
                member_id=member.id,
                kind=NotificationKind.ORDER_ASSIGNED,
                text=f"{tag} {n} — «ünïcode» 'quoted'",
                # Ids no order has: other tests look up notifications by their orders' ids.
                order_id=-n if n else None,
                read_at=read if n == 1 else None,
            )
            for n in range(3)
        ]

    def stored(row: Notification) -> tuple[Any, ...]:
        return (row.kind, row.text.split(" ", 1)[1], row.order_id, row.read_at, row.member_id)

    await Notification.bulk_create(notes("bulk"))
    expected = [stored(row) for row in await Notification.filter(text__startswith="bulk ")]
    for tag in ("first", "cached"):
        rows = await insert_returning_rows(notes(tag), ("id", "text"))
        assert [row["text"] for row in rows] == [note.text for note in notes(tag)]
        ids = [row["id"] for row in rows]
        assert ids == sorted(ids)
        found = await Notification.filter(id__in=ids).order_by("id")
        assert [stored(row) for row in found] == expected
        assert all(row.created_at is not None for row in found)
    [one] = await insert_returning_rows(notes("one")[:1], ("member_id",))
    assert one == {"member_id": member.id}
    assert await insert_returning_rows([], ("id",)) == []


def test_pytest_node_ids_are_set_where_xdist_groups_need_them(
    request: pytest.FixtureRequest,
) -> None:
    """tests/compat/xdist_groups.py: a node's id is its `_id` (a NodeId), which `nodeid`
    reads; setting it is how a grouped test reaches one worker under `--dist loadgroup`."""
    from _pytest.nodeid import NodeId

    item = request.node
    expect(hasattr(NodeId, "parse"), "pytest", "_pytest.nodeid.NodeId.parse")
    expect(isinstance(item._id, NodeId), "pytest", "Item._id holds the node's NodeId")
    expect(str(item._id) == item.nodeid, "pytest", "Item.nodeid reads Item._id")
