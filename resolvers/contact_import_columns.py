"""The columns an import file may have and the words that name them, in one table.

A header cell is read trimmed, in any case, with runs of spaces as one and `ё` as `\u0435`, so
"  Почта  менеджера" and "MANAGER_EMAIL" both name `manager_email`. README.md's table of
import columns is written from COLUMNS and LEGAL_FORMS.
"""

from __future__ import annotations

from models import LegalForm

# The canonical name of each column, then the other words that name it.
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("имя", "название", "наименование"),
    "legal_form": ("форма", "правовая форма"),
    "email": ("почта", "e-mail"),
    "phone": ("телефон",),
    "telegram": ("телеграм",),
    "tax_id": ("инн",),
    "address": ("адрес",),
    "address_details": ("подъезд", "детали адреса"),
    "skills": ("навыки",),
    "manager_email": ("менеджер", "почта менеджера"),
}
CONTRACTOR_ONLY = frozenset({"skills"})

LEGAL_FORMS: dict[LegalForm, tuple[str, ...]] = {
    LegalForm.PERSON: ("person", "физлицо", "физ. лицо", "физическое лицо", "частное лицо"),
    LegalForm.ORGANIZATION: (
        "organization",
        "organisation",
        "организация",
        "юрлицо",
        "юр. лицо",
        "юридическое лицо",
    ),
}


def spelling(text: str) -> str:
    """The one spelling a header or a legal form is looked up in."""
    return " ".join(text.split()).casefold().replace("ё", "\u0435")  # the letter yo as ie


_COLUMN_OF = {spelling(word): name for name, words in COLUMNS.items() for word in (name, *words)}
_FORM_OF = {spelling(word): form for form, words in LEGAL_FORMS.items() for word in words}


def column_of(header: str) -> str | None:
    """The canonical column a header cell names, or None for one that names none."""
    return _COLUMN_OF.get(spelling(header))


def legal_form_of(text: str) -> LegalForm | None:
    """The legal form a cell names (`PERSON` and `ORGANIZATION` too), or None."""
    return _FORM_OF.get(spelling(text))
