"""Mutations of the contact book."""

from __future__ import annotations

import strawberry

from resolvers import contacts
from schema.contacts import (
    Address,
    AddressInput,
    AddressPayload,
    Contact,
    ContactPayload,
    CreateContactInput,
    UpdateContactInput,
    contact_data,
)
from schema.context import Info
from schema.errors import payload_of
from schema.ids import decode_id, decode_optional_id


def _given(source: object) -> set[str]:
    """The camelCase names of the input fields the client actually sent."""
    names = {name for name, value in vars(source).items() if value is not strawberry.UNSET}
    return {name.split("_")[0] + "".join(p.title() for p in name.split("_")[1:]) for name in names}


@strawberry.type
class ContactMutations:
    @strawberry.mutation
    async def create_contact(self, info: Info, input: CreateContactInput) -> ContactPayload:
        async def act() -> ContactPayload:
            manager = decode_optional_id(input.manager_id, "Member")
            row = await contacts.create_contact(
                info.context.require_actor(),
                input.kind,
                input.legal_form,
                contact_data(input, manager),
                _given(input),
                [a.data() for a in input.addresses or []],
            )
            return ContactPayload(contact=Contact.of(row))

        return await payload_of(ContactPayload, act)

    @strawberry.mutation
    async def update_contact(
        self, info: Info, id: strawberry.ID, input: UpdateContactInput
    ) -> ContactPayload:
        async def act() -> ContactPayload:
            manager = decode_optional_id(
                None if input.manager_id is strawberry.UNSET else input.manager_id, "Member"
            )
            row = await contacts.update_contact(
                info.context.require_actor(),
                decode_id(id, "Contact"),
                contact_data(input, manager),
                _given(input),
            )
            return ContactPayload(contact=Contact.of(row))

        return await payload_of(ContactPayload, act)

    @strawberry.mutation
    async def add_address(
        self, info: Info, contact_id: strawberry.ID, input: AddressInput
    ) -> AddressPayload:
        async def act() -> AddressPayload:
            row = await contacts.add_address(
                info.context.require_actor(), decode_id(contact_id, "Contact"), input.data()
            )
            return AddressPayload(address=Address.of(row))

        return await payload_of(AddressPayload, act)
