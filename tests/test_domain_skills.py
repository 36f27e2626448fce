"""Skill tags: one spelling per skill, bounded in length and number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import DomainError, ErrorCode
from domain.skills import normalise_skill, normalise_skills

FIELD = ("input", "skills")


def test_tags_are_trimmed_lowered_and_merged_in_first_order() -> None:
    assert normalise_skills([" Windows ", "carpets", "WINDOWS", "After  Renovation"]) == [
        "windows",
        "carpets",
        "after renovation",
    ]


def test_no_skills_is_allowed() -> None:
    assert normalise_skills([]) == []


@pytest.mark.parametrize(
    ("skills", "path", "words"),
    [
        (["windows", "   "], ("1",), "cannot be empty"),
        (["x" * 200], ("0",), "at most 50 characters"),
        ([f"skill {i}" for i in range(31)], (), "At most 30 skills"),
    ],
)
def test_bad_skills_are_refused_with_their_place(
    skills: list[str], path: tuple[str, ...], words: str
) -> None:
    with pytest.raises(DomainError) as caught:
        normalise_skills(skills, *FIELD)
    assert caught.value.code == ErrorCode.INVALID
    assert caught.value.field == [*FIELD, *path]
    assert words in caught.value.message


def test_fifty_characters_and_thirty_repeated_skills_are_fine() -> None:
    assert normalise_skill("y" * 50) == "y" * 50
    assert len(normalise_skills([f"s{i % 30}" for i in range(60)])) == 30


@given(st.lists(st.text(alphabet="aAbB -", min_size=1, max_size=8), max_size=12))
def test_normalising_twice_changes_nothing(skills: list[str]) -> None:
    try:
        once = normalise_skills(skills)
    except DomainError:
        return
    assert normalise_skills(once) == once
    assert len(set(once)) == len(once)
    assert all(s == s.strip().lower() and "  " not in s for s in once)
