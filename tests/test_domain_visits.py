"""The visit window's rules and the half-open overlap predicate (pure, no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import DomainError, ErrorCode
from domain.visits import Interval, check_visit_window, overlaps

T0 = datetime(2026, 3, 10, 10, 0, tzinfo=UTC)
MOSCOW = timezone(timedelta(hours=3))

# Visits are never empty (check_visit_window refuses end <= start).
instants = st.integers(min_value=0, max_value=600).map(lambda m: T0 + timedelta(minutes=m))
lengths = st.integers(min_value=1, max_value=600).map(lambda m: timedelta(minutes=m))


def _refusal(start: datetime | None, end: datetime | None) -> DomainError:
    with pytest.raises(DomainError) as caught:
        check_visit_window(start, end)
    assert caught.value.code == ErrorCode.INVALID
    return caught.value


def test_neither_end_is_no_visit() -> None:
    assert check_visit_window(None, None) is None


def test_a_window_comes_back_in_utc() -> None:
    start = datetime(2026, 3, 10, 13, 0, tzinfo=MOSCOW)
    window = check_visit_window(start, start + timedelta(hours=2))
    assert window == Interval(T0, T0 + timedelta(hours=2))
    assert window is not None
    assert window.start.utcoffset() == timedelta(0)
    assert window.length == timedelta(hours=2)


def test_exactly_24_hours_is_allowed() -> None:
    assert check_visit_window(T0, T0 + timedelta(hours=24)) == Interval(T0, T0 + timedelta(days=1))


@pytest.mark.parametrize(
    ("start", "end", "field", "words"),
    [
        (T0, None, "visitEnd", "end as well"),
        (None, T0, "visitStart", "start as well"),
        (T0, T0, "visitEnd", "end after"),
        (T0, T0 - timedelta(minutes=1), "visitEnd", "end after"),
        (T0, T0 + timedelta(hours=24, seconds=1), "visitEnd", "at most 24 hours"),
        (T0.replace(tzinfo=None), T0 + timedelta(hours=1), "visitStart", "offset"),
        (T0, (T0 + timedelta(hours=1)).replace(tzinfo=None), "visitEnd", "offset"),
    ],
)
def test_bad_windows_name_their_field(
    start: datetime | None, end: datetime | None, field: str, words: str
) -> None:
    error = _refusal(start, end)
    assert error.field == ["input", field]
    assert words in error.message


def test_the_caller_chooses_the_input_path() -> None:
    with pytest.raises(DomainError) as caught:
        check_visit_window(T0, None, ("input", "patch"))
    assert caught.value.field == ["input", "patch", "visitEnd"]


def test_back_to_back_visits_do_not_overlap() -> None:
    ten, noon, one = T0, T0 + timedelta(hours=2), T0 + timedelta(hours=3)
    assert not overlaps(ten, noon, noon, one)
    assert not overlaps(noon, one, ten, noon)
    assert overlaps(ten, noon + timedelta(seconds=1), noon, one)


@given(instants, lengths, instants, lengths)
def test_overlap_is_symmetric_and_means_a_shared_instant(
    a_start: datetime, a_length: timedelta, c_start: datetime, c_length: timedelta
) -> None:
    a_end, c_end = a_start + a_length, c_start + c_length
    result = overlaps(a_start, a_end, c_start, c_end)
    assert result == overlaps(c_start, c_end, a_start, a_end)
    # Instants are whole minutes, so a shared instant means a shared minute [m, m + 1).
    minutes = (T0 + timedelta(minutes=m) for m in range(1201))
    assert result == any(a_start <= m < a_end and c_start <= m < c_end for m in minutes)
