"""Corrections of the contact book: addresses updated or archived, contacts archived."""

from __future__ import annotations

import strawberry

from resolvers import address_corrections, contact_archive
from schema.contacts import Address, AddressInput, AddressPayload, Contact, ContactPayload
from schema.context import Info
from schema.errors import payload_of
from schema.ids import decode_id


@strawberry.type
class CorrectionMutations:
    # Open orders and series follow the new text; DONE and CANCELLED orders keep the old one.
    @strawberry.mutation
    async def update_address(
        self, info: Info, id: strawberry.ID, input: AddressInput
    ) -> AddressPayload:
        async def act() -> AddressPayload:
            row = await address_corrections.update_address(
                info.context.require_actor(), decode_id(id, "Address"), input.data()
            )
            return AddressPayload(address=Address.of(row))

        return await payload_of(AddressPayload, act)

    @strawberry.mutation
    async def archive_address(self, info: Info, id: strawberry.ID) -> AddressPayload:
        async def act() -> AddressPayload:
            row = await address_corrections.archive_address(
                info.context.require_actor(), decode_id(id, "Address")
            )
            return AddressPayload(address=Address.of(row))

        return await payload_of(AddressPayload, act)

    @strawberry.mutation
    async def archive_contact(self, info: Info, id: strawberry.ID) -> ContactPayload:
        return await _set_archived(info, id, True)

    @strawberry.mutation
    async def restore_contact(self, info: Info, id: strawberry.ID) -> ContactPayload:
        return await _set_archived(info, id, False)


async def _set_archived(info: Info, id: strawberry.ID, archived: bool) -> ContactPayload:
    async def act() -> ContactPayload:
        row = await contact_archive.set_archived(
            info.context.require_actor(), decode_id(id, "Contact"), archived
        )
        return ContactPayload(contact=Contact.of(row))

    return await payload_of(ContactPayload, act)
