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
from schema.inputs import given_fields


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
                given_fields(input, none_is_given=True),
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
                given_fields(input, none_is_given=True),
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
