"""Outgoing connections to hosts that users configure (a company's SMTP and IMAP servers, the
Telegram Bot API): public addresses only, checked at every connection.

Otherwise anyone who registers a company could make the service knock on its own loopback,
the private network behind it or a cloud metadata service (169.254.169.254, fd00:ec2::254),
and learn from the answers which ports are open. A host is resolved once per connection;
every address it resolves to must be global unicast: not loopback, private, link-local,
shared (CGNAT 100.64/10), unique-local, site-local, multicast, reserved or unspecified, nor an
IPv6 form that embeds such an IPv4 address (mapped, 6to4, NAT64). Else `HostRefused`.

The caller connects to the address checked here, never to the name again, so a DNS answer
that changes between the check and the connection (rebinding) cannot redirect it; TLS still
verifies the certificate against the name. ALLOW_PRIVATE_HOSTS=1 (the operator's choice: a
mail server on the same network, the tests' local servers) lets any address through.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
from dataclasses import dataclass

from config.settings import current

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

METADATA = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


class HostRefused(Exception):
    """The host resolves to an address outgoing connections may not reach."""


@dataclass(frozen=True, slots=True)
class Target:
    """One checked address of a host: connect here; `host` is the name, for TLS."""

    host: str
    address: str
    port: int
    family: socket.AddressFamily


def _embedded(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def public(ip: IPAddress) -> bool:
    """Whether `ip` is a global unicast address (see the module's docstring)."""
    if ip in METADATA or not ip.is_global or ip.is_multicast or ip.is_reserved:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.is_site_local or ip in _NAT64_LOCAL:
            return False
        inner = _embedded(ip)
        if inner is not None:
            return public(inner)
    return True


async def resolve(host: str, port: int, *, allow_private: bool | None = None) -> list[Target]:
    """The addresses of `host`, each checked; `HostRefused` when any of them is not public,
    `OSError` (socket.gaierror) when the name does not resolve."""
    allow = current().allow_private_hosts if allow_private is None else allow_private
    name = host.strip().strip("[]")
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(name, port, type=socket.SOCK_STREAM)
    targets: list[Target] = []
    for family, _, _, _, sockaddr in infos:
        address = str(sockaddr[0]).split("%", 1)[0]  # an IPv6 zone id is no part of the check
        ip = ipaddress.ip_address(address)
        if not allow and not public(ip):
            raise HostRefused(f"{host} resolves to {ip}, which is not a public address")
        target = Target(name, str(sockaddr[0]), port, socket.AddressFamily(family))
        if target not in targets:
            targets.append(target)
    if not targets:
        raise socket.gaierror(f"{host} has no address")
    return targets


async def open_socket(host: str, port: int, timeout: float) -> socket.socket:  # noqa: ASYNC109 (per address)
    """A non-blocking socket connected to a checked address of `host` (for asyncio clients
    that take a connected socket). Raises `HostRefused` or `OSError`."""
    loop = asyncio.get_running_loop()
    failure: OSError = OSError(f"cannot connect to {host}:{port}")
    for target in await resolve(host, port):
        sock = socket.socket(target.family, socket.SOCK_STREAM)
        sock.setblocking(False)
        try:
            async with asyncio.timeout(timeout):
                await loop.sock_connect(sock, (target.address, port))
        except OSError as error:  # TimeoutError among them
            sock.close()
            failure = error
            continue
        except BaseException:
            sock.close()
            raise
        return sock
    raise failure


def connect_blocking(targets: list[Target], timeout: float) -> socket.socket:
    """A blocking socket connected to the first checked address that answers (for clients
    run in a worker thread, such as imaplib)."""
    failure: OSError = OSError("no address to connect to")
    for target in targets:
        with contextlib.suppress(OSError):
            return socket.create_connection((target.address, target.port), timeout)
        failure = OSError(f"cannot connect to {target.host}:{target.port}")
    raise failure
