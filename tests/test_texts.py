# ruff: noqa: RUF001 (Russian text, en dashes)
"""domain/texts.py: the language picked, catalogue texts, local dates and money."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from domain.texts import money, pick_locale, t, when, window


def test_the_first_known_language_wins() -> None:
    assert pick_locale(None, "RU", "en") == "ru"
    assert pick_locale("de", None, "en") == "en"
    assert pick_locale("", " ru ") == "ru"
    assert pick_locale(None, "fr") == "en"
    assert pick_locale() == "en"


def test_catalogue_texts_in_both_languages() -> None:
    assert t("en", "core.greeting", name="Ann") == "Hello, Ann,"
    assert t("ru", "core.greeting", name="Анна") == "Здравствуйте, Анна!"
    # An unknown language reads English.
    assert t("de", "core.greeting_anonymous") == "Hello,"


def test_a_missing_key_raises() -> None:
    with pytest.raises(KeyError):
        t("en", "core.no_such_key")
    with pytest.raises(KeyError):
        t("ru", "core.no_such_key")


def test_a_missing_value_raises() -> None:
    with pytest.raises(KeyError):
        t("en", "core.greeting")  # {name} not given: never a half-filled sentence


def test_dates_read_in_the_company_zone() -> None:
    moment = datetime(2026, 12, 3, 7, 0, tzinfo=UTC)
    assert when(moment, "en", "Europe/Moscow") == "3 December 2026, 10:00"
    assert when(moment, "ru", "Europe/Moscow") == "3 декабря 2026 г., 10:00"
    # Past midnight locally: the local day, not the UTC one.
    assert when(datetime(2026, 12, 3, 23, 30, tzinfo=UTC), "en", "Asia/Tokyo") == (
        "4 December 2026, 08:30"
    )


def test_dst_crossing_zone() -> None:
    # Berlin: UTC+1 in winter, UTC+2 in summer; the same UTC hour reads differently.
    assert when(datetime(2026, 3, 28, 9, 0, tzinfo=UTC), "en", "Europe/Berlin") == (
        "28 March 2026, 10:00"
    )
    assert when(datetime(2026, 3, 29, 9, 0, tzinfo=UTC), "en", "Europe/Berlin") == (
        "29 March 2026, 11:00"
    )
    # A window over the switch night (02:00 -> 03:00 on 29 March) keeps local ends.
    start = datetime(2026, 3, 28, 23, 0, tzinfo=UTC)  # 00:00 local, UTC+1
    end = datetime(2026, 3, 29, 3, 0, tzinfo=UTC)  # 05:00 local, UTC+2
    assert window(start, end, "ru", "Europe/Berlin") == "29 марта 2026 г., 00:00–05:00"


def test_windows() -> None:
    start = datetime(2026, 12, 3, 7, 0, tzinfo=UTC)
    assert window(start, datetime(2026, 12, 3, 9, 0, tzinfo=UTC), "en", "Europe/Moscow") == (
        "3 December 2026, 10:00–12:00"
    )
    assert window(start, datetime(2026, 12, 3, 22, 0, tzinfo=UTC), "en", "Europe/Moscow") == (
        "3 December 2026, 10:00 – 4 December 2026, 01:00"
    )


def test_money() -> None:
    assert money(Decimal("1250"), "ru") == "1\xa0250,00\xa0₽"
    assert money(Decimal("1250.5"), "en") == "RUB1,250.50"
