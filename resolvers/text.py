"""Normalising text from users, in two kinds (resolvers/validation.py applies them).

A name or title (people, companies, contacts, orders, tasks, templates, address labels) is
shown on one line next to others and must not pretend to be something else: `\\u202egnp.exe`
reads as `exe.png`, a name of zero-width spaces looks empty, and an invisible character makes
two names look alike. Names are NFC-normalised, lose every control and format character
(zero-width, bidi marks, embeddings, overrides and isolates, BOM, soft hyphen, …), private-use
and unassigned code points, and the few letters that render blank (Hangul fillers), and have
each run of whitespace made one space.

Free text (descriptions, comments, notes, messages) keeps its newlines and tabs and its
direction marks (LRM, RLM, needed by right-to-left text), and loses every other control
character and the bidi embeddings, overrides and isolates. Both lose NUL and lone surrogates,
which PostgreSQL and UTF-8 refuse.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that render as nothing (Hangul fillers, the Braille blank) count as invisible.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Bidi embeddings, overrides and isolates: LRE RLE PDF LRO RLO, LRI RLI FSI PDI.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_KEPT_IN_FREE_TEXT = frozenset("\n\t")
_WHITESPACE = re.compile(r"\s+")


# Control, format (zero-width, bidi, BOM, soft hyphen), surrogate, private use, unassigned.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def _invisible(char: str) -> bool:
    """A character a name loses: hidden by its category, or a blank letter."""
    return unicodedata.category(char) in _HIDDEN_CATEGORIES or char in _BLANK_LETTERS


def clean_name(value: str) -> str:
    """One line of visible text: NFC, no invisible characters, single spaces, trimmed."""
    text = _WHITESPACE.sub(" ", value)  # before the controls go: a tab or newline is a space
    text = "".join(char for char in text if not _invisible(char))
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def clean_free_text(value: str) -> str:
    """NFC, line breaks as `\\n`, tabs kept, other controls and bidi overrides removed."""
    text = "".join(
        char
        for char in value.replace("\r\n", "\n").replace("\r", "\n")
        if char in _KEPT_IN_FREE_TEXT
        or not (unicodedata.category(char) in ("Cc", "Cs") or char in _BIDI_CONTROLS)
    )
    return unicodedata.normalize("NFC", text).strip()


def has_invisible(value: str) -> bool:
    """Whether `value` holds a character a name would lose (for values kept verbatim)."""
    return any(_invisible(char) for char in value)


def storable(value: str) -> str:
    """`value` without what no database stores (NUL, lone surrogates), otherwise verbatim:
    for keys and addresses that must match what the other side sent."""
    if value.isprintable():
        return value
    return "".join(char for char in value if char != "\x00" and unicodedata.category(char) != "Cs")
