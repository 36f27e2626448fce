"""cross-web's private names: the Starlette request behind its request adapter."""

from __future__ import annotations

from cross_web import StarletteRequestAdapter
from starlette.requests import Request


def starlette_request(adapter: StarletteRequestAdapter) -> Request:
    """The request the adapter wraps (it keeps it private)."""
    request: Request = adapter._request
    return request


__all__ = ["starlette_request"]
