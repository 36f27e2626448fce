"""Templates: personal presets of title, description and deadline for orders and tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from domain.errors import invalid, not_found
from models import Membership, Template, TemplateKind, TemplateShare
from permissions.actor import STAFF_ROLES, Actor
from permissions.members import check_staff, visible_members
from permissions.templates import (
    access_editable_template_by_id,
    access_template_by_id,
    check_share,
    visible_templates,
)
from resolvers import validation
from resolvers.loaders import template_shares

# A deadline further out than this is a typo, and `now + hours` must stay a valid date.
MAX_DEADLINE_HOURS = 24 * 366 * 10
# `templates` is a plain list in the contract; a company's presets stay far below this.
LIST_LIMIT = 500


@dataclass(frozen=True, slots=True)
class TemplateData:
    kind: TemplateKind
    name: str
    title: str
    description: str
    deadline_in_hours: int


@dataclass(frozen=True, slots=True)
class Fill:
    """What a template gives an order or task made from it."""

    title: str
    description: str
    deadline: datetime


def template_fill(template: Template, now: datetime) -> Fill:
    """The template's title and description, and its deadline counted from `now`."""
    return Fill(
        template.title, template.description, now + timedelta(hours=template.deadline_in_hours)
    )


def _fields(data: TemplateData) -> dict[str, Any]:
    """The columns of a valid template input (createTemplate and updateTemplate alike)."""
    hours = data.deadline_in_hours
    if not 1 <= hours <= MAX_DEADLINE_HOURS:
        raise invalid(
            f"Must be between 1 and {MAX_DEADLINE_HOURS} hours", "input", "deadlineInHours"
        )
    return {
        "kind": data.kind,
        "name": validation.required_name(data.name, 200, "input", "name"),
        "title": validation.required_name(data.title, 300, "input", "title"),
        "description": validation.optional_text(data.description, 10000, "input", "description")
        or "",
        "deadline_in_hours": hours,
    }


async def create_template(actor: Actor, data: TemplateData) -> Template:
    check_staff(actor)
    return await Template.create(
        company_id=actor.company_id, owner_id=actor.membership_id, **_fields(data)
    )


async def update_template(actor: Actor, template_id: int | None, data: TemplateData) -> Template:
    """Replace a template's preset; what was already made from it keeps its own copy."""
    check_staff(actor)
    template = await access_editable_template_by_id(actor, template_id, field=["id"])
    fields = _fields(data)
    await Template.filter(id=template.id).update(**fields)
    for name, value in fields.items():
        setattr(template, name, value)
    return template


@dataclass(frozen=True, slots=True)
class Deleted:
    """A deleted template as it was, with whom it was shared."""

    template: Template
    shared_with: list[Membership]


async def delete_template(actor: Actor, template_id: int | None) -> Deleted:
    """Remove a template and its shares; orders and tasks made from it only copied it."""
    check_staff(actor)
    template = await access_editable_template_by_id(actor, template_id, field=["id"])
    [shared_with] = await template_shares([template.id])
    async with in_transaction():
        await TemplateShare.filter(template_id=template.id).delete()
        await Template.filter(id=template.id).delete()
    return Deleted(template, shared_with)


async def _share_targets(actor: Actor, member_ids: list[int], owner_id: int) -> list[int]:
    """The distinct staff members named, in order; the owner itself needs no share."""
    found = {m.id: m for m in await visible_members(actor).filter(id__in=member_ids)}
    targets: list[int] = []
    for i, member_id in enumerate(member_ids):
        member = found.get(member_id)
        if member is None:
            raise not_found("Member", ["memberIds", str(i)])
        if member.role not in STAFF_ROLES:
            raise invalid("Templates are shared with staff only", "memberIds", str(i))
        if member.id != owner_id and member.id not in targets:
            targets.append(member.id)
    return targets


async def share_template(
    actor: Actor, template_id: int | None, member_ids: list[int], with_all: bool
) -> Template:
    """Replace whom the template is shared with: these members, and everyone if `with_all`."""
    check_staff(actor)
    template = await access_template_by_id(actor, template_id, field=["id"])
    check_share(actor, template)
    targets = await _share_targets(actor, member_ids, template.owner_id)
    async with in_transaction():
        await Template.filter(id=template.id).update(shared_with_all=with_all)
        await TemplateShare.filter(template_id=template.id).delete()
        await TemplateShare.bulk_create(
            [TemplateShare(template_id=template.id, member_id=m) for m in targets]
        )
    template.shared_with_all = with_all
    return template


async def list_templates(actor: Actor, kind: TemplateKind | None) -> list[Template]:
    templates = visible_templates(actor)
    if kind is not None:
        templates = templates.filter(kind=kind)
    return list(await templates.order_by("name", "id").limit(LIST_LIMIT))
