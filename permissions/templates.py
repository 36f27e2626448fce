"""Who sees which templates and who may share them.

Templates are personal: a staff member sees its own, those shared with it and those shared
with all of the company. Portal members see none.
"""

from __future__ import annotations

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from domain.errors import forbidden, not_found
from models import Template, TemplateKind, TemplateShare
from permissions.actor import Actor
from permissions.members import NO_ROW, check_staff


def visible_templates(actor: Actor) -> QuerySet[Template]:
    templates = Template.filter(company_id=actor.company_id)
    if not actor.is_staff:
        return templates.filter(id=NO_ROW)
    shared = TemplateShare.filter(member_id=actor.membership_id).values("template_id")
    return templates.filter(
        Q(owner_id=actor.membership_id) | Q(shared_with_all=True) | Q(id__in=Subquery(shared))
    )


async def access_template_by_id(
    actor: Actor,
    template_id: int | None,
    kind: TemplateKind | None = None,
    field: list[str] | None = None,
) -> Template:
    """A visible template (of `kind`, when given); hidden, missing and another kind look alike."""
    templates = visible_templates(actor)
    if kind is not None:
        templates = templates.filter(kind=kind)
    template = None if template_id is None else await templates.get_or_none(id=template_id)
    if template is None:
        raise not_found("Template", field)
    return template


def check_share(actor: Actor, template: Template) -> None:
    """Only a template's owner decides whom it is shared with."""
    check_staff(actor)
    if template.owner_id != actor.membership_id:
        raise forbidden("Only the template's owner may share it")
