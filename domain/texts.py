"""Every sentence the service sends to a person, in that person's language and zone.

Sentences live in gettext catalogues (domain/locales/<lang>/<domain>.po, one file pair per
area, all merged), keyed by stable ids ("order_booked.contractor.subject"); code passes
values only, so a translator changes a sentence without touching code. Dates are read in
the company's time zone, because a UTC time in a mail is a time nobody on site lives in.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

from babel.dates import format_datetime, format_time
from babel.messages.pofile import read_po
from babel.numbers import format_currency

from domain.time_zones import LOCALES, zone

DEFAULT_LOCALE = "en"
LOCALES_DIR = Path(__file__).with_name("locales")
# No company keeps a currency: prices are entered in roubles (the product's market).
CURRENCY = "RUB"

# "3 December 2026, 10:00" (and the Russian "3 dekabrya 2026 g."): Babel's own "long" date reads
# "December 3, 2026" in plain "en", so the patterns are spelled out per language.
_DATE_TIME = {"en": "d MMMM y, HH:mm", "ru": "d MMMM y '\u0433'., HH:mm"}
_TIME = "HH:mm"
_DASH = "\u2013"  # en dash, between the ends of a window


def pick_locale(*candidates: str | None) -> str:
    """The first language the service writes in among `candidates` (member's, contact's,
    company's, in that order), else English."""
    for candidate in candidates:
        value = (candidate or "").strip().lower()
        if value in LOCALES:
            return value
    return DEFAULT_LOCALE


@cache
def catalogue(locale: str) -> dict[str, str]:
    """msgid -> text of every .po file of `locale`; read once per process."""
    texts: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.po")):
        with path.open("rb") as file:
            for message in read_po(file, locale=locale):
                if message.id and isinstance(message.id, str) and message.string:
                    texts[message.id] = str(message.string)
    return texts


def t(locale: str, key: str, **values: object) -> str:
    """The text for `key` in `locale` (English where the translation is missing), with its
    {name} placeholders filled; a key no catalogue has raises KeyError (the catalogue test
    finds every key the code uses, so this never reaches a user)."""
    texts = catalogue(pick_locale(locale))
    text = texts.get(key)
    if text is None:
        text = catalogue(DEFAULT_LOCALE)[key]
    return text.format(**values)


def _local(moment: datetime, zone_name: str) -> datetime:
    return moment.astimezone(zone(zone_name))


def when(moment: datetime, locale: str, zone_name: str) -> str:
    """Date and time in the zone: "3 December 2026, 10:00"."""
    lang = pick_locale(locale)
    return format_datetime(_local(moment, zone_name), _DATE_TIME[lang], locale=lang)


def window(start: datetime, end: datetime, locale: str, zone_name: str) -> str:
    """A visit's window: "3 December 2026, 10:00-12:00" (en dash) within one local day, else both
    ends in full."""
    lang = pick_locale(locale)
    local_start, local_end = _local(start, zone_name), _local(end, zone_name)
    if local_start.date() == local_end.date():
        return f"{when(start, lang, zone_name)}{_DASH}{format_time(local_end, _TIME, locale=lang)}"
    return f"{when(start, lang, zone_name)} {_DASH} {when(end, lang, zone_name)}"


def money(amount: Decimal, locale: str) -> str:
    """An amount in roubles as the language writes it: "RUB1,250.00" / "1 250,00 ₽"."""
    lang = pick_locale(locale)
    return format_currency(amount, CURRENCY, locale=lang)
