"""Times of day and weekly working hours: what is taken, and where a refusal points."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import DomainError, ErrorCode
from domain.working_hours import (
    WorkingInterval,
    check_working_hours,
    format_time,
    from_json,
    parse_time,
    to_json,
)

FIELD = ("input", "workingHours")


@dataclass(frozen=True)
class Hours:
    weekday: int
    start: time | str
    end: time | str


def _refusal(entries: list[Hours]) -> DomainError:
    with pytest.raises(DomainError) as caught:
        check_working_hours(entries, *FIELD)
    assert caught.value.code == ErrorCode.INVALID
    return caught.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:30", time(9, 30)),
        ("00:00", time(0)),
        ("23:59:59", time(23, 59, 59)),
        (" 17:05 ", time(17, 5)),
    ],
)
def test_times_are_read(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("25:00", "hour must be 00 to 23"),
        ("24:00", "hour must be 00 to 23"),
        ("09:61", "minutes must be 00 to 59"),
        ("09:30:60", "seconds must be 00 to 59"),
        ("9:61", "use HH:MM or HH:MM:SS"),
        ("9am", "use HH:MM or HH:MM:SS"),
        ("", "use HH:MM or HH:MM:SS"),
        ("09:30:00.5", "use HH:MM or HH:MM:SS"),
    ],
)
def test_bad_times_say_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_time(text, "input", "visitTime")
    assert words in caught.value.message
    assert caught.value.field == ["input", "visitTime"]


@given(st.times())
def test_a_formatted_time_reads_back_to_the_second(value: time) -> None:
    assert parse_time(format_time(value)) == value.replace(microsecond=0)


def test_hours_are_sorted_and_read_back_from_their_stored_form() -> None:
    hours = check_working_hours(
        [Hours(2, "13:00", "17:00"), Hours(1, time(9), time(17)), Hours(2, "09:00", "13:00")]
    )
    assert hours == [
        WorkingInterval(1, time(9), time(17)),
        WorkingInterval(2, time(9), time(13)),
        WorkingInterval(2, time(13), time(17)),
    ]
    stored = to_json(hours)
    assert stored[0] == {"weekday": 1, "start": "09:00:00", "end": "17:00:00"}
    assert from_json(stored) == hours


def test_no_hours_is_allowed() -> None:
    assert check_working_hours([]) == []


@pytest.mark.parametrize(
    ("entries", "path", "words"),
    [
        ([Hours(0, "09:00", "17:00")], ("0", "weekday"), "1 (Monday) to 7 (Sunday)"),
        ([Hours(1, "09:00", "17:00"), Hours(8, "09:00", "17:00")], ("1", "weekday"), "1 (Monday)"),
        ([Hours(1, "25:00", "26:00")], ("0", "start"), "hour must be"),
        ([Hours(1, "09:00", "9:61")], ("0", "end"), "HH:MM"),
        ([Hours(1, "17:00", "09:00")], ("0", "end"), "end after they start"),
        ([Hours(1, "09:00", "09:00")], ("0", "end"), "end after they start"),
        ([Hours(1, time(9, tzinfo=UTC), time(17))], ("0", "start"), "without an offset"),
        (
            [Hours(3, "09:00", "13:00"), Hours(1, "08:00", "09:00"), Hours(3, "12:00", "18:00")],
            ("2", "start"),
            "overlap on weekday 3: 09:00:00-13:00:00 and 12:00:00-18:00:00",
        ),
        (
            [Hours(5, "10:00", "11:00"), Hours(5, "08:00", "18:00")],
            ("0", "start"),
            "overlap on weekday 5",
        ),
    ],
)
def test_bad_hours_point_at_the_entry(
    entries: list[Hours], path: tuple[str, ...], words: str
) -> None:
    error = _refusal(entries)
    assert error.field == [*FIELD, *path]
    assert words in error.message


def test_too_many_intervals_are_refused() -> None:
    entries = [Hours(1 + i % 7, f"{i // 7:02d}:00", f"{i // 7:02d}:30") for i in range(51)]
    assert _refusal(entries).field == list(FIELD)


def _minute_hours(weekday: int, start: int, length: int) -> Hours:
    end = min(start + length, 24 * 60 - 1)
    return Hours(weekday, time(start // 60, start % 60), time(end // 60, end % 60))


intervals = st.builds(
    _minute_hours, st.integers(1, 7), st.integers(0, 24 * 60 - 1), st.integers(1, 120)
)


@given(st.lists(intervals, max_size=8))
def test_accepted_hours_never_overlap_and_refused_ones_do(entries: list[Hours]) -> None:
    def minutes(entry: Hours) -> set[tuple[int, int]]:
        start, end = entry.start, entry.end
        assert isinstance(start, time)
        assert isinstance(end, time)
        return {
            (entry.weekday, m)
            for m in range(start.hour * 60 + start.minute, end.hour * 60 + end.minute)
        }

    try:
        check_working_hours(entries)
    except DomainError:
        refused = True
    else:
        refused = False
    sets = [minutes(e) for e in entries]
    shared = any(sets[i] & sets[j] for i in range(len(sets)) for j in range(i))
    empty = any(not s for s in sets)
    assert refused == (shared or empty)
