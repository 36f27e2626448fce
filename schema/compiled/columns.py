"""The columns the compiled reads write, by GraphQL field: the column's name and how
PostgreSQL writes its value the executor's way (sql.py's `column_value`)."""

from __future__ import annotations

from tortoise.models import Model

from models import Address, Contact, Membership

# GraphQL name -> (column, how PostgreSQL writes it the executor's way).
TEXT, INT, BOOL, DATETIME, DECIMAL = "text", "int", "bool", "datetime", "decimal"
DATE, TIME, JSON = "date", "time", "json"
ORDER_COLUMNS: dict[str, tuple[str, str]] = {
    "number": ("number", INT),
    "title": ("title", TEXT),
    "description": ("description", TEXT),
    "status": ("status", TEXT),  # enum values are their names
    "deadline": ("deadline", DATETIME),
    "source": ("source", TEXT),
    "createdAt": ("created_at", DATETIME),
    "updatedAt": ("updated_at", DATETIME),
    "completedAt": ("completed_at", DATETIME),
    "visitStart": ("visit_start", DATETIME),
    "visitEnd": ("visit_end", DATETIME),
    "rating": ("rating", INT),
    "price": ("price", DECIMAL),
    "contractorFee": ("contractor_fee", DECIMAL),
    "internalNote": ("internal_note", TEXT),
    "feedback": ("feedback", TEXT),
}
CONTACT_COLUMNS = {
    "name": ("name", TEXT),
    "email": ("email", TEXT),
    "phone": ("phone", TEXT),
    "telegram": ("telegram", TEXT),
    "taxId": ("tax_id", TEXT),
    "notes": ("notes", TEXT),
    "kind": ("kind", TEXT),
    "legalForm": ("legal_form", TEXT),
    "createdAt": ("created_at", DATETIME),
    "archived": ("archived", BOOL),
}
ADDRESS_COLUMNS = {
    "label": ("label", TEXT),
    "text": ("text", TEXT),
    "details": ("details", TEXT),
    "archived": ("archived", BOOL),
}
MEMBER_COLUMNS = {
    "name": ("name", TEXT),
    "role": ("role", TEXT),
    "title": ("title", TEXT),
    "active": ("active", BOOL),
}
TASK_COLUMNS = {
    "title": ("title", TEXT),
    "description": ("description", TEXT),
    "status": ("status", TEXT),
    "deadline": ("deadline", DATETIME),
    "requiresAcknowledgement": ("requires_acknowledgement", BOOL),
    "acknowledgedAt": ("acknowledged_at", DATETIME),
    "createdAt": ("created_at", DATETIME),
    "completedAt": ("completed_at", DATETIME),
}
CONVERSATION_COLUMNS = {
    "channel": ("channel", TEXT),
    "subject": ("subject", TEXT),
    "status": ("status", TEXT),
    "lastMessageAt": ("last_message_at", DATETIME),
    "createdAt": ("created_at", DATETIME),
}
SERIES_COLUMNS = {
    "title": ("title", TEXT),
    "description": ("description", TEXT),
    "startDate": ("start_date", DATE),
    "visitTime": ("visit_time", TIME),
    "durationMinutes": ("duration_minutes", INT),
    "active": ("active", BOOL),
    "createdAt": ("created_at", DATETIME),
    "price": ("price", DECIMAL),
    "contractorFee": ("contractor_fee", DECIMAL),
    "internalNote": ("internal_note", TEXT),
}
# A series' recurrence: an object of the series' own row.
RECURRENCE_COLUMNS = {
    "frequency": ("frequency", TEXT),
    "interval": ("interval", INT),
    "weekdays": ("weekdays", JSON),
    "monthDay": ("month_day", INT),
    "until": ("until", DATE),
    "count": ("count", INT),
}
# A listed type's related objects, by field: (GraphQL type, model, that type's columns, the
# listed row's foreign key). The plan reads which fields may be asked for from them, the
# statement how to write each (sql.related).
Party = tuple[str, type[Model], dict[str, tuple[str, str]], str]
TASK_PARTIES: dict[str, Party] = {
    "assignee": ("Member", Membership, MEMBER_COLUMNS, "assignee_id"),
    "creator": ("Member", Membership, MEMBER_COLUMNS, "creator_id"),
}
CONVERSATION_PARTIES: dict[str, Party] = {
    "contact": ("Contact", Contact, CONTACT_COLUMNS, "contact_id"),
    "assignee": ("Member", Membership, MEMBER_COLUMNS, "assignee_id"),
}
SERIES_PARTIES: dict[str, Party] = {
    "client": ("Contact", Contact, CONTACT_COLUMNS, "client_id"),
    "contractor": ("Contact", Contact, CONTACT_COLUMNS, "contractor_id"),
    "address": ("Address", Address, ADDRESS_COLUMNS, "address_id"),
    "responsible": ("Member", Membership, MEMBER_COLUMNS, "responsible_id"),
}
# Order field -> (GraphQL type, the order's foreign key column, that type's columns).
RELATIONS: dict[str, tuple[str, str, dict[str, tuple[str, str]]]] = {
    "client": ("Contact", "client_id", CONTACT_COLUMNS),
    "contractor": ("Contact", "contractor_id", CONTACT_COLUMNS),
    "address": ("Address", "address_id", ADDRESS_COLUMNS),
    "responsible": ("Member", "responsible_id", MEMBER_COLUMNS),
}
COMMENT_COLUMNS = {
    "body": ("body", TEXT),
    "visibility": ("visibility", TEXT),
    "createdAt": ("created_at", DATETIME),
}
PHOTO_COLUMNS = {
    "kind": ("kind", TEXT),
    "caption": ("caption", TEXT),
    "contentType": ("content_type", TEXT),
    "width": ("width", INT),
    "height": ("height", INT),
    "size": ("size", INT),
    "createdAt": ("created_at", DATETIME),
}
HISTORY_COLUMNS = {
    "from": ("from_status", TEXT),
    "to": ("to_status", TEXT),
    "at": ("at", DATETIME),
    "comment": ("comment", TEXT),
}
# An order's list field -> (GraphQL type, its columns, its Member fields and their foreign
# keys). Their rows in the executor's order: comments by id (a page of them), photos by
# (created_at, id), history by id (resolvers/order_loaders.py).
ORDER_LISTS: dict[str, tuple[str, dict[str, tuple[str, str]], dict[str, str]]] = {
    "comments": ("Comment", COMMENT_COLUMNS, {"author": "author_id"}),
    "photos": ("Photo", PHOTO_COLUMNS, {"uploadedBy": "uploaded_by_id"}),
    "history": ("OrderStatusChange", HISTORY_COLUMNS, {"by": "by_id"}),
}
