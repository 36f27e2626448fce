"""One TLS context per process for the channels' HTTP clients (SMS providers, webhooks).

An httpx client that builds its own reads the CA bundle each time: 60-100 ms of CPU, more than
the request it sends (it held the webhook sender to ~18 deliveries a second).
"""

from __future__ import annotations

import functools
import ssl

import httpx


@functools.cache
def shared_tls() -> ssl.SSLContext:
    return httpx.create_ssl_context()
