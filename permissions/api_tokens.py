"""Who may issue, see and revoke API tokens.

- Issue: the rule of every credential, `permissions.credentials`: an OWNER or STAFF member for
  itself; the OWNER also for a CLIENT or CONTRACTOR member of the company (a partner's dispatch
  system reading a contractor firm's orders). Never for another colleague, and a STAFF member
  never for a portal member, whose orders reach beyond any staff subtree.
- See and revoke: the OWNER every token of the company; a STAFF member the tokens issued by
  itself or by members below it (a manager can cut off what its team handed out); a CLIENT or
  CONTRACTOR member the tokens acting as it (it may always stop what speaks in its name).
- An API token never issues or revokes tokens and a read-only one runs no mutation:
  `permissions.operations.refusal` decides that for the whole operation.
"""

from __future__ import annotations

from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet

from domain.errors import not_found
from models import ApiToken, Membership
from permissions.actor import Actor
from permissions.credentials import check_may_mint, check_may_mint_for, member_grant
from permissions.members import visible_members, visible_team_members


def visible_api_tokens(actor: Actor) -> QuerySet[ApiToken]:
    tokens = ApiToken.filter(company_id=actor.company_id)
    if actor.is_owner:
        return tokens
    if actor.is_staff:
        team = visible_team_members(actor).values("id")
        return tokens.filter(created_by_id__in=Subquery(team))
    return tokens.filter(member_id=actor.membership_id)


async def access_api_token_by_id(
    actor: Actor, token_id: int | None, field: list[str] | None = None
) -> ApiToken:
    token = None if token_id is None else await visible_api_tokens(actor).get_or_none(id=token_id)
    if token is None:
        raise not_found("API token", field)
    return token


async def access_token_holder_by_id(
    actor: Actor, member_id: int | None, field: list[str]
) -> Membership:
    """The member a new token will act for: the caller, or a member it may mint for."""
    check_may_mint(actor)
    if member_id is None or member_id == actor.membership_id:
        return await Membership.get(id=actor.membership_id)
    member = await visible_members(actor).get_or_none(id=member_id)
    if member is None:
        raise not_found("Member", field)
    check_may_mint_for(actor, member_grant(member), field)
    return member
