"""Data loaders, built fresh for every request (never shared between requests)."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from models import Address, Company, Contact, Membership
from resolvers import loaders


@dataclass
class Loaders:
    company: DataLoader[int, Company | None] = field(
        default_factory=lambda: DataLoader(loaders.companies)
    )
    member: DataLoader[int, Membership | None] = field(
        default_factory=lambda: DataLoader(loaders.members)
    )
    contact: DataLoader[int, Contact | None] = field(
        default_factory=lambda: DataLoader(loaders.contacts)
    )
    user_email: DataLoader[int, str | None] = field(
        default_factory=lambda: DataLoader(loaders.user_emails)
    )
    subordinates: DataLoader[int, list[Membership]] = field(
        default_factory=lambda: DataLoader(loaders.subordinates)
    )
    addresses: DataLoader[int, list[Address]] = field(
        default_factory=lambda: DataLoader(loaders.addresses)
    )
    portal_members: DataLoader[int, list[Membership]] = field(
        default_factory=lambda: DataLoader(loaders.portal_members)
    )
