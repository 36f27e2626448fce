"""The company's own settings, changed by its OWNER."""

from __future__ import annotations

import strawberry

from resolvers import company_settings
from schema.company_settings import CompanySettingsInput
from schema.context import Info
from schema.errors import payload_of
from schema.people import Company, CompanyPayload


@strawberry.type
class CompanyMutations:
    @strawberry.mutation
    async def update_company(self, info: Info, input: CompanySettingsInput) -> CompanyPayload:
        async def act() -> CompanyPayload:
            row = await company_settings.update_company(
                info.context.require_actor(), input.settings()
            )
            return CompanyPayload(company=Company.of(row))

        return await payload_of(CompanyPayload, act)
