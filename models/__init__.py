"""Tortoise models, one module per area. No business rules beyond field constraints."""

from models.contacts import Address, Contact, ContactKind, LegalForm
from models.mail import OutboxEmail
from models.people import (
    Company,
    Invitation,
    LoginFailure,
    Membership,
    RefreshToken,
    Role,
    Session,
    User,
)

__all__ = [
    "Address",
    "Company",
    "Contact",
    "ContactKind",
    "Invitation",
    "LegalForm",
    "LoginFailure",
    "Membership",
    "OutboxEmail",
    "RefreshToken",
    "Role",
    "Session",
    "User",
]
