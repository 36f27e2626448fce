"""Time zone names and locales: only what the service can compute and write in."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.errors import DomainError, ErrorCode
from domain.time_zones import check_locale, check_time_zone, zone


@pytest.mark.parametrize("name", ["Europe/Berlin", "Europe/Moscow", "UTC", "America/New_York"])
def test_iana_zones_are_taken(name: str) -> None:
    assert check_time_zone(f" {name} ", "input", "timezone") == name


@pytest.mark.parametrize(
    "name",
    ["Mars/Olympus", "", "europe/berlin", "../../etc/passwd", "/usr/share/zoneinfo/UTC", "x" * 500],
)
def test_unknown_zones_are_refused(name: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_time_zone(name, "input", "timezone")
    assert caught.value.code == ErrorCode.INVALID
    assert caught.value.field == ["input", "timezone"]
    assert "not a known time zone" in caught.value.message
    assert len(caught.value.message) < 200


def test_a_checked_zone_computes_local_time() -> None:
    noon = datetime(2026, 7, 1, 12, tzinfo=UTC)
    assert noon.astimezone(zone("Europe/Berlin")).hour == 14
    assert noon.astimezone(zone("Europe/Moscow")).hour == 15


@pytest.mark.parametrize(("value", "expected"), [("ru", "ru"), ("en", "en"), (" RU ", "ru")])
def test_locales_are_taken(value: str, expected: str) -> None:
    assert check_locale(value) == expected


@pytest.mark.parametrize("value", ["de", "", "en-US", "russian"])
def test_other_locales_are_refused(value: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_locale(value, "input", "locale")
    assert caught.value.field == ["input", "locale"]
    assert "en, ru" in caught.value.message
