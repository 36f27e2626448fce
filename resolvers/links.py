"""The links the service mails: to its own pages at PUBLIC_URL, or to APP_URL when the
company runs its own web app there (the same paths: /invite/<token>, /reset/<token>)."""

from __future__ import annotations

from typing import Literal

from config.settings import current

LinkKind = Literal["invite", "reset", "rate"]


def mailed_link(kind: LinkKind, token: str) -> str:
    settings = current()
    return f"{settings.app_url or settings.public_url}/{kind}/{token}"
