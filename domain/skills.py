"""A contractor's skills: free-form tags, kept in one spelling so that a search finds them all.

"Windows", " windows " and "WINDOWS" are one skill, "windows"; the dispatcher's search for a
skill (ContactFilter.skill, suggestContractors) normalises its word the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from domain.errors import invalid

MAX_SKILL_LENGTH = 50
MAX_SKILLS = 30


def skill_key(text: str) -> str:
    """The one spelling of a tag or of a searched word: trimmed, inner spaces collapsed,
    lower case (a searched word is not refused for its length: it just matches nothing)."""
    return " ".join(text.split()).lower()


def normalise_skill(text: str, *field: str) -> str:
    """One tag in its one spelling (`skill_key`), 1 to 50 characters."""
    skill = skill_key(text)
    if not skill:
        raise invalid("A skill cannot be empty", *field)
    if len(skill) > MAX_SKILL_LENGTH:
        raise invalid(f"A skill has at most {MAX_SKILL_LENGTH} characters", *field)
    return skill


def normalise_skills(skills: Iterable[str], *field: str) -> list[str]:
    """The tags in their first order, duplicates merged; at most 30 different ones."""
    result: dict[str, None] = {}
    for index, text in enumerate(skills):
        result[normalise_skill(text, *field, str(index))] = None
    if len(result) > MAX_SKILLS:
        raise invalid(f"At most {MAX_SKILLS} skills", *field)
    return list(result)
