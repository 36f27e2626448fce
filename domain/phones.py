"""Phone numbers as the service stores them: E.164 (`+79161234567`), checked by phonenumbers.

One rule for every way a number is stored (createContact, updateContact, importContacts), so
an SMS goes to the number a person wrote and an import matches a contact by it.
"""

from __future__ import annotations

import functools

import phonenumbers

from domain.errors import invalid

# A number without a leading + is read as Russian: a company has no country of its own to
# take the region from, and the service's companies are in Russia (8 916 … and 916 … work).
DEFAULT_REGION = "RU"
# Longer than any number written with spaces and dashes; a longer text is not parsed.
MAX_LENGTH = 50


@functools.lru_cache(maxsize=65_536)  # an import reads each stored phone twice, ~50 µs a parse
def e164(text: str | None) -> str | None:
    """The number in E.164, or None when `text` is empty or no valid number."""
    if not text or len(text) > MAX_LENGTH:
        return None
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def checked_phone(text: str | None, *field: str) -> str | None:
    """`text` as E.164; None for an empty one; INVALID on `field` when it is no number."""
    if text is None or not text.strip():
        return None
    number = e164(text.strip())
    if number is None:
        raise invalid(
            "Not a valid phone number: write it with its country code (+7 916 123-45-67)",
            *field,
        )
    return number
