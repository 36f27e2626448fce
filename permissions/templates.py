"""Who sees which templates and who may share, change or delete them.

Templates are personal: a staff member sees its own, those shared with it and those shared
with all of the company. Portal members see none. A hidden template is NOT_FOUND for every
action; a visible one the actor may not manage is FORBIDDEN.
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


def check_may_edit_template(actor: Actor, template: Template) -> None:
    """Its owner changes or deletes a template; so does the company's OWNER once it is shared.

    The OWNER sees only its own and shared templates (with all, or with the OWNER among
    others), so a visible template of someone else is a shared one: the OWNER looks after
    what the company uses together, while a template still private stays its owner's alone.
    """
    check_staff(actor)
    if template.owner_id != actor.membership_id and not actor.is_owner:
        raise forbidden("Only the template's owner or the company's owner may change it")


async def access_editable_template_by_id(
    actor: Actor, template_id: int | None, field: list[str] | None = None
) -> Template:
    """A template the actor sees (else NOT_FOUND) and may change (else FORBIDDEN)."""
    template = await access_template_by_id(actor, template_id, field=field)
    check_may_edit_template(actor, template)
    return template
