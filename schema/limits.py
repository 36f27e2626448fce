"""One linear analysis of a GraphQL document: depth, aliases, estimated result size, the
number of fields once fragments are expanded, and the root fields.

Every limit on a document (depth, aliases, size, fields, root fields) is decided from this one pass,
before validation (schema/extensions.py). Each fragment is analysed once and memoised: a
document of n tokens costs O(n) however often its fragments are spread (20 levels
of `fragment Fi on Query { ...Fi+1 ...Fi+1 }` walked 2^20 paths in every limiter). Counts
saturate at `SATURATED`, so a spread multiplied 2^1000 times is still a small integer.

The estimate counts every list: a field that takes `first` returns that
many items (the default page without it), a connection's `edges` list is that same page, and
every other list counts as `LIST_BOUNDS` items. Only some of those bounds are the data
model's (photos per order); the others are what a list holds in practice, and a list that holds
more is answered whole, never cut without a word: the answer's bytes are capped as well
(servicedesk/transport/response_size.py), which bounds what an estimate that fell short can cost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
    value_from_ast_untyped,
)

from resolvers.pagination import DEFAULT_PAGE, MAX_PAGE
from schema.overlap import overlap_work

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000
MAX_RESULT_NODES = 10_000
# Field selections once every fragment spread is expanded: what validation and execution
# walk. A 2,000-token document without fragments has at most about 1,000.
MAX_EXPANDED_FIELDS = 5_000
# Comparisons of same-named fields that validation may make (schema/overlap.py).
MAX_OVERLAP_WORK = 2_000
SATURATED = 10**9
# The largest document kept by any cache keyed by its text (parser, validation, persisted
# queries): comments are free of tokens, so a 1 MiB body may hold a tiny query.
MAX_CACHED_DOCUMENT_BYTES = 8 * 1024
LIST_ARGUMENT = "first"
TOO_LARGE = "QUERY_TOO_LARGE"

# The items each list that is not a page of a connection counts for in the estimate. The data
# model holds some (photos per order); the others are practical sizes, not cuts. Chosen so that a page of 100 orders with every list an order has
# (photos, history, its client's addresses and portal members, 5 comments) stays within
# MAX_RESULT_NODES: 100 x (1 + 30 + 30 + 20 + 10 + 5) = 9,600.
LIST_BOUNDS: dict[str, int] = {
    "Order.photos": 30,  # PHOTOS_PER_ORDER, refused past it (resolvers/photos.py)
    "Order.history": 30,
    "Contact.addresses": 20,
    "Contact.portalMembers": 10,
    "Contact.skills": 30,  # MAX_SKILLS, refused past it (domain/skills.py)
    # Two shifts a day; up to 50 intervals are taken (domain/working_hours.py).
    "Contact.workingHours": 14,
    "Contact.notifyBy": 3,  # EMAIL, TELEGRAM, SMS, each once (resolvers/contacts.py)
    "Company.workingHours": 14,
    "Member.subordinates": 50,
    "Message.attachments": 20,
    "Template.sharedWith": 50,
    "ChannelSettings.webchatAllowedOrigins": 20,
    "AnnouncePayload.tasks": 1_000,
    "Query.myMemberships": 50,
    "Query.invitations": 100,
    "Query.templates": 100,
    "Query.orderReport": 1_000,
    "Query.apiTokens": 100,
    "Query.webhooks": 20,  # WEBHOOKS_PER_COMPANY, refused past it (resolvers/webhooks.py)
    "Webhook.events": 7,  # the kinds of OrderEventKind, each once
    "UserError.field": 10,
    "Recurrence.weekdays": 7,
    # 62 days (domain/free_slots.py) of a few working intervals a day, cut by visits.
    "Query.freeSlots": 500,
    "ImportPayload.rowErrors": 1_000,  # MAX_ROW_ERRORS (resolvers/contact_import.py)
    "Order.outbound": 50,  # OUTBOUND_PER_ORDER, the newest (resolvers/order_loaders.py)
    "Member.notificationPreferences": 20,  # one per NotificationKind (resolvers/preferences.py)
    "NotificationPreference.channels": 4,  # each DeliveryChannel once
}
PAYLOAD_ERRORS = 20  # `errors` of every mutation payload: one per invalid input field at most


def list_bound(type_name: str, field_name: str) -> int | None:
    """The most items `type_name.field_name` returns; None for a connection's `edges` (its
    page) or a field that is no bounded list."""
    bound = LIST_BOUNDS.get(f"{type_name}.{field_name}")
    if bound is None and field_name == "errors" and type_name.endswith("Payload"):
        return PAYLOAD_ERRORS
    return bound


def unbounded_lists(schema: GraphQLSchema) -> list[str]:
    """Lists of the schema with no bound and no `first`: each must get one (build_schema
    refuses to start otherwise)."""
    missing = []
    for named in schema.type_map.values():
        if named.name.startswith("__") or not isinstance(
            named, GraphQLObjectType | GraphQLInterfaceType
        ):
            continue
        for name, field in named.fields.items():
            if not is_list_type(get_nullable_type(field.type)) or LIST_ARGUMENT in field.args:
                continue
            if _is_edges(named, name) or list_bound(named.name, name) is not None:
                continue
            missing.append(f"{named.name}.{name}")
    return missing


def _is_edges(parent: GraphQLNamedType, field_name: str) -> bool:
    return field_name == "edges" and parent.name.endswith("Connection")


@dataclass(frozen=True, slots=True)
class Shape:
    """What a selection set costs at factor 1 (one parent object)."""

    depth: int = 0  # levels of fields with a selection set (introspection fields not counted)
    aliases: int = 0
    nodes: int = 0  # estimated objects
    fields: int = 0  # field selections, fragments expanded


EMPTY = Shape()
_LEAF = Shape(fields=1)
_WITH_FIELDS = (GraphQLObjectType, GraphQLInterfaceType)


def _sat(value: int) -> int:
    return min(value, SATURATED)


@dataclass(frozen=True, slots=True)
class Analysis:
    document: DocumentNode
    operation: OperationDefinitionNode
    shape: Shape
    root_fields: frozenset[str]
    weights: dict[int, int]  # id(FieldNode) -> field selections under it, itself included

    @property
    def name(self) -> str:
        return self.operation.name.value if self.operation.name else "anonymous"


class _Analyser:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.shapes: dict[str, Shape] = {}
        self.roots: dict[str, frozenset[str]] = {}
        self.busy: set[str] = set()  # fragments being analysed: a cycle counts nothing
        self.weights: dict[int, int] = {}  # id(FieldNode) -> fields under it, itself included
        self.read: set[str] = set()  # the variables whose values the analysis depends on

    def selection_set(
        self, node: SelectionSetNode | None, parent: GraphQLNamedType | None
    ) -> Shape:
        depth = aliases = nodes = fields = 0
        for selection in node.selections if node else ():
            if isinstance(selection, FieldNode):
                shape = self.field(selection, parent)
            elif isinstance(selection, FragmentSpreadNode):
                shape = self.fragment(selection.name.value)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                shape = self.selection_set(selection.selection_set, inner)
            else:  # pragma: no cover - graphql-core has no other selection
                continue
            if shape.depth > depth:
                depth = shape.depth
            aliases += shape.aliases
            nodes += shape.nodes
            fields += shape.fields
        return Shape(depth, _sat(aliases), _sat(nodes), _sat(fields))

    def fragment(self, name: str) -> Shape:
        known = self.shapes.get(name)
        if known is not None:
            return known
        definition = self.fragments.get(name)
        if definition is None or name in self.busy:
            return EMPTY  # unknown or cyclic: validation refuses the document
        self.busy.add(name)
        shape = self.selection_set(
            definition.selection_set, self.schema.get_type(definition.type_condition.name.value)
        )
        self.busy.discard(name)
        self.shapes[name] = shape
        return shape

    def field(self, node: FieldNode, parent: GraphQLNamedType | None) -> Shape:
        alias = 1 if node.alias else 0
        name = node.name.value
        definition: GraphQLField | None = None
        if isinstance(parent, _WITH_FIELDS):
            definition = parent.fields.get(name)
        if node.selection_set is None:  # a leaf: most fields, kept cheap
            self.weights[id(node)] = 1
            items = None if name.startswith("__") else self.items(node, parent, definition)
            return Shape(0, alias, items or 0, 1) if alias or items else _LEAF
        child = get_named_type(definition.type) if definition else None
        inner = self.selection_set(node.selection_set, child)
        weight = self.weights[id(node)] = _sat(1 + inner.fields)
        if name.startswith("__"):  # introspection: off in production, no depth
            return Shape(0, alias + inner.aliases, 0, weight)
        items = self.items(node, parent, definition)
        nodes = inner.nodes if items is None else _sat(items * (1 + inner.nodes))
        return Shape(1 + inner.depth, alias + inner.aliases, nodes, weight)

    def items(
        self, node: FieldNode, parent: GraphQLNamedType | None, definition: GraphQLField | None
    ) -> int | None:
        """How many items the field returns at most; None if it is no list."""
        if definition is None or parent is None:
            return None  # unknown: validation refuses it
        if LIST_ARGUMENT in definition.args:
            return self.first(node)
        if not is_list_type(get_nullable_type(definition.type)):
            return None
        if _is_edges(parent, node.name.value):
            return None  # the connection's page, counted on the connection's field
        return list_bound(parent.name, node.name.value) or MAX_PAGE

    def first(self, node: FieldNode) -> int:
        for argument in node.arguments or ():
            if argument.name.value != LIST_ARGUMENT:
                continue
            if isinstance(argument.value, VariableNode):
                self.read.add(argument.value.name.value)
                raw = self.variables.get(argument.value.name.value)
            else:
                raw = value_from_ast_untyped(argument.value, self.variables)
            return min(raw, MAX_PAGE) if isinstance(raw, int) and raw >= 0 else DEFAULT_PAGE
        return DEFAULT_PAGE

    def root_fields(self, node: SelectionSetNode) -> frozenset[str]:
        found: set[str] = set()
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                found.add(selection.name.value)
            elif isinstance(selection, InlineFragmentNode):
                found |= self.root_fields(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                found |= self.fragment_roots(selection.name.value)
        return frozenset(found)

    def fragment_roots(self, name: str) -> frozenset[str]:
        known = self.roots.get(name)
        if known is not None:
            return known
        definition = self.fragments.get(name)
        if definition is None or name in self.busy:
            return frozenset()
        self.busy.add(name)
        roots = self.root_fields(definition.selection_set)
        self.busy.discard(name)
        self.roots[name] = roots
        return roots


class OneOperationOnly(Exception):
    """The document holds more than one operation."""


ROOT_TYPES = {"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}


# Analyses by document (the parser cache's object, so the same text is the same key; only
# documents small enough for it) and operation name, with the values of the variables they
# read (page sizes): order-detail spent 12% of its request analysing the same document again
# (py-spy, wrk, 100 companies).
_analyses: dict[tuple[int, str | None], tuple[Analysis, tuple[tuple[str, Any], ...]]] = {}
_MAX_ANALYSES = 512


def analyse(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> Analysis | None:
    """The analysis of the operation to run; None when the document names no such operation
    (Strawberry answers that). Raises `OneOperationOnly`."""
    key = (id(document), operation_name)
    known = _analyses.get(key)
    if known is not None and known[0].document is document:
        analysis, read = known
        values = _values(analysis.operation, variables)
        if all(values.get(name) == value for name, value in read):
            return analysis
    found = _analyse(schema, document, operation_name, variables)
    if found is not None:
        analysis, read_names = found
        if document.loc is None or document.loc.end > MAX_CACHED_DOCUMENT_BYTES:
            return analysis  # not one the parser keeps either: not kept alive here
        if len(_analyses) >= _MAX_ANALYSES:
            _analyses.clear()
        values = _values(analysis.operation, variables)
        _analyses[key] = (analysis, tuple((n, values.get(n)) for n in sorted(read_names)))
        return analysis
    return None


def _values(
    operation: OperationDefinitionNode, variables: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The variables' values, defaults applied: `query($n: Int = 100)` pages by 100."""
    values = dict(variables or {})
    for variable in operation.variable_definitions or ():
        if variable.variable.name.value not in values and variable.default_value is not None:
            values[variable.variable.name.value] = value_from_ast_untyped(variable.default_value)
    return values


def _analyse(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> tuple[Analysis, set[str]] | None:
    fragments: dict[str, FragmentDefinitionNode] = {}
    operations: list[OperationDefinitionNode] = []
    for definition in document.definitions:
        if isinstance(definition, FragmentDefinitionNode):
            fragments[definition.name.value] = definition
        elif isinstance(definition, OperationDefinitionNode):
            operations.append(definition)
    if len(operations) > 1:
        raise OneOperationOnly
    operation = next(
        (
            o
            for o in operations
            if operation_name is None or (o.name and o.name.value == operation_name)
        ),
        None,
    )
    if operation is None:
        return None
    values = _values(operation, variables)
    analyser = _Analyser(schema, fragments, values)
    root = schema.get_type(ROOT_TYPES[operation.operation.value])
    shape = analyser.selection_set(operation.selection_set, root)
    for name in fragments:  # validation walks unused ones too
        analyser.fragment(name)
    roots = analyser.root_fields(operation.selection_set)
    return Analysis(document, operation, shape, roots, analyser.weights), analyser.read


def limit_error(analysis: Analysis) -> GraphQLError | None:
    """The first size limit the operation breaks, if any."""
    shape = analysis.shape
    if shape.depth > MAX_DEPTH:
        message = f"'{analysis.name}' exceeds maximum operation depth of {MAX_DEPTH}"
    elif shape.aliases > MAX_ALIASES:
        message = f"{shape.aliases} aliases found. Allowed: {MAX_ALIASES}"
    elif shape.fields > MAX_EXPANDED_FIELDS:
        message = (
            f"The query selects {shape.fields} fields once its fragments are expanded;"
            f" at most {MAX_EXPANDED_FIELDS} are allowed"
        )
    elif shape.nodes > MAX_RESULT_NODES:
        message = (
            f"The query could return about {shape.nodes} objects;"
            f" at most {MAX_RESULT_NODES} are allowed"
        )
    elif (work := overlap_work(analysis.document, analysis.weights)) > MAX_OVERLAP_WORK:
        message = (
            f"The query repeats fields under the same name too often ({work} comparisons"
            f" to check them; at most {MAX_OVERLAP_WORK})"
        )
    else:
        return None
    return GraphQLError(message, extensions={"code": TOO_LARGE})
