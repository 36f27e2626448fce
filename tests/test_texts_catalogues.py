"""The rule "no English sentence assembled in code", as far as a test can guard it: every
catalogue key the code passes to `t` exists in English and Russian, every Russian entry is
translated, and both languages fill the same {placeholders}."""

from __future__ import annotations

import ast
from pathlib import Path
from string import Formatter

import pytest
from babel.messages.pofile import read_po

from domain.texts import LOCALES_DIR
from models import Channel, OrderStatus

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "config",
    "compat",
    "models",
    "domain",
    "permissions",
    "realtime",
    "media",
    "resolvers",
    "channels",
    "schema",
    "servicedesk",
)
LANGUAGES = ("en", "ru")


def entries(lang: str) -> dict[str, str]:
    """msgid -> msgstr of every .po file of `lang`; a key in two files is an error."""
    found: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.po")):
        with path.open("rb") as file:
            for message in read_po(file, locale=lang):
                if not message.id:
                    continue
                key = str(message.id)
                assert key not in found, f"{key} is in two {lang} catalogues ({path.name})"
                found[key] = str(message.string or "")
    return found


def used_keys() -> tuple[set[str], set[str]]:
    """Literal keys of `t(locale, "key", ...)` calls in the service's code, and the fixed
    prefixes of keys built with an f-string (`t(lang, f"order_status.{status}")`)."""
    keys: set[str] = set()
    prefixes: set[str] = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or len(node.args) < 2:
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name != "t":
                    continue
                key = node.args[1]
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    keys.add(key.value)
                elif isinstance(key, ast.JoinedStr):
                    head = key.values[0] if key.values else None
                    if isinstance(head, ast.Constant) and isinstance(head.value, str):
                        prefixes.add(head.value)
    return keys, prefixes


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_every_key_the_code_uses_is_in_both_languages() -> None:
    keys, prefixes = used_keys()
    assert len(keys) >= 20, keys  # the scan finds the calls (notifications, mails)
    assert "mail.invitation.subject" in keys
    for lang in LANGUAGES:
        catalogue = entries(lang)
        missing = sorted(keys - catalogue.keys())
        assert not missing, f"{lang} lacks {missing}"
        for prefix in prefixes:
            assert any(key.startswith(prefix) for key in catalogue), f"{lang}: no {prefix}*"


def test_keys_built_from_enums_are_all_there() -> None:
    for lang in LANGUAGES:
        catalogue = entries(lang)
        for status in OrderStatus:
            assert f"order_status.{status.value}" in catalogue, (lang, status)
        for channel in Channel:
            assert f"channel.{channel.value}" in catalogue, (lang, channel)
        for kind in ("order_created", "order_assigned"):
            for variant in ("due", "visit"):
                assert f"notification.{kind}.{variant}" in catalogue, (lang, kind, variant)


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    english, russian = entries("en"), entries("ru")
    assert sorted(english.keys() - russian.keys()) == []
    assert sorted(russian.keys() - english.keys()) == []
    for key, text in english.items():
        assert text, f"en {key} is empty"
        assert placeholders(text) == placeholders(russian[key]), key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_is_translated(lang: str) -> None:
    untranslated = sorted(key for key, text in entries(lang).items() if not text.strip())
    assert untranslated == []
    if lang == "ru":  # a Russian entry is not the English one copied over (sentences, not names)
        english = entries("en")
        copied = [
            key
            for key, text in entries("ru").items()
            if text == english.get(key) and " " in text.strip()
        ]
        assert copied == []
