"""The base of our models: Tortoise's `Model` without its source scan for field comments.

Tortoise reads each model class's source (`inspect.getsource`, which parses the whole module)
to find `#:` comments for column descriptions. Our models have none, and the scan was 0.27 of
the 0.59 CPU-s that importing `models` takes (cProfile), in every process that starts: each
`servicedesk serve`, worker and CLI command. The class attribute `_no_comments` is Tortoise's
own switch for it (read from the class body only, so the metaclass sets it on every model);
`tests/test_compat.py` checks that Tortoise still honours it.
"""

from __future__ import annotations

from typing import Any

from tortoise.models import Model as TortoiseModel
from tortoise.models import ModelMeta


class _NoCommentsMeta(ModelMeta):
    def __new__(mcs, name: str, bases: tuple[type, ...], attrs: dict[str, Any]) -> Any:
        attrs.setdefault("_no_comments", True)
        return super().__new__(mcs, name, bases, attrs)


class Model(TortoiseModel, metaclass=_NoCommentsMeta):
    class Meta:
        abstract = True
