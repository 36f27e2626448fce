"""The company's book of clients and contractors and their addresses."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from compat.tortoise_models import Model

if TYPE_CHECKING:
    from models.people import Company


class ContactKind(StrEnum):
    CLIENT = "CLIENT"
    CONTRACTOR = "CONTRACTOR"


class LegalForm(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"


class Contact(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="contacts", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(ContactKind, max_length=16)
    legal_form = fields.CharEnumField(LegalForm, max_length=16)
    name = fields.CharField(max_length=300)
    email = fields.CharField(max_length=254, null=True)
    phone = fields.CharField(max_length=50, null=True)
    telegram = fields.CharField(max_length=100, null=True)
    tax_id = fields.CharField(max_length=50, null=True)
    notes = fields.TextField(null=True)
    # The staff member who looks after the contact. A plain column, not a foreign key: the
    # membership table already references this one (portal members), and Tortoise cannot
    # create two tables that reference each other. Memberships are never deleted.
    manager_id = fields.IntField(null=True, db_index=True)
    # When a contractor takes visits, as Company.working_hours; empty = the company's.
    working_hours: list[dict[str, int | str]] = fields.JSONField(default=list)
    # Archived: keeps its orders, left out of lists unless asked for, takes no new orders.
    archived = fields.BooleanField(default=False)
    # DeliveryChannel values messages reach it on; null = the default (e-mail when it has one).
    notify_by: list[str] | None = fields.JSONField(null=True)
    # Language of its messages ("ru", "en"); null = the company's.
    locale = fields.CharField(max_length=8, null=True)
    # The Telegram chat tied to it through a createTelegramLink deep link.
    telegram_chat_id = fields.BigIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    company_id: int

    class Meta:
        table = "contact"
        indexes = (("company", "kind", "name"), ("company", "name", "id"))


class ContactSkill(Model):
    """One skill tag of a contractor ("windows"), normalised to lower case.

    A row per tag rather than a JSON list: "contractors with this skill" is then an index
    lookup on (company, skill) on both databases, where a JSON list needs a scan.
    """

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="contact_skills", on_delete=fields.CASCADE
    )
    contact: fields.ForeignKeyRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="skills", on_delete=fields.CASCADE
    )
    skill = fields.CharField(max_length=50)

    company_id: int
    contact_id: int

    class Meta:
        table = "contact_skill"
        unique_together = (("contact", "skill"),)
        indexes = (("company", "skill"),)


class Address(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="addresses", on_delete=fields.CASCADE
    )
    contact: fields.ForeignKeyRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="addresses", on_delete=fields.CASCADE
    )
    label = fields.CharField(max_length=100, null=True)
    text = fields.CharField(max_length=500)
    details = fields.TextField(null=True)
    latitude = fields.FloatField(null=True)
    longitude = fields.FloatField(null=True)
    # Archived: keeps its orders (and is the frozen copy history points at) but takes no new ones.
    archived = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    company_id: int
    contact_id: int

    class Meta:
        table = "address"
        # The company's addresses with coordinates, for suggestContractors' distances.
        indexes = (("contact", "id"), ("company", "contact"))
