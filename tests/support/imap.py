"""A small IMAP4rev1 server for tests (asyncio, loopback): enough of the protocol for the
service's poller and the standard library's imaplib client: CAPABILITY, LOGIN, SELECT and
EXAMINE (with UIDVALIDITY and UIDNEXT), UID SEARCH, UID FETCH (BODY.PEEK[]), NOOP, LOGOUT.
It keeps the commands it was sent, so a test can check the mailbox was only read."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class Mailbox:
    username: str
    password: str
    uid_validity: int = 77
    messages: dict[int, bytes] = field(default_factory=dict)
    commands: list[str] = field(default_factory=list)

    def add(self, raw: bytes) -> int:
        uid = max(self.messages, default=0) + 1
        self.messages[uid] = raw
        return uid


def _unquote(text: str) -> str:
    if text.startswith('"') and text.endswith('"'):
        return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return text


async def _session(
    box: Mailbox, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    def say(line: str) -> None:
        writer.write(line.encode() + b"\r\n")

    say("* OK IMAP4rev1 test server ready")
    logged_in = False
    while line := (await reader.readline()).decode().rstrip("\r\n"):
        tag, _, rest = line.partition(" ")
        command, _, args = rest.partition(" ")
        verb = command.upper()
        box.commands.append(f"{verb} {args}" if verb != "LOGIN" else "LOGIN")
        if verb == "CAPABILITY":
            say("* CAPABILITY IMAP4rev1")
            say(f"{tag} OK CAPABILITY completed")
        elif verb == "LOGIN":
            match = re.match(r'^(\S+) (".*"|\S+)$', args)
            user, password = (match.group(1), _unquote(match.group(2))) if match else ("", "")
            if _unquote(user) == box.username and password == box.password:
                logged_in = True
                say(f"{tag} OK LOGIN completed")
            else:
                say(f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials")
        elif verb in ("SELECT", "EXAMINE") and logged_in:
            say(f"* {len(box.messages)} EXISTS")
            say(f"* OK [UIDVALIDITY {box.uid_validity}] UIDs valid")
            say(f"* OK [UIDNEXT {max(box.messages, default=0) + 1}] next UID")
            mode = "READ-ONLY" if verb == "EXAMINE" else "READ-WRITE"
            say(f"{tag} OK [{mode}] {verb} completed")
        elif verb == "UID" and logged_in:
            sub, _, spec = args.partition(" ")
            uids = sorted(box.messages)
            if sub.upper() == "SEARCH":
                low = int(re.findall(r"UID (\d+):", spec)[0]) if "UID" in spec else 1
                found = [u for u in uids if u >= low] or uids[-1:]  # "n:*" always has the last
                say("* SEARCH " + " ".join(str(u) for u in found))
            elif sub.upper() == "FETCH":
                uid = int(spec.split(" ", 1)[0])
                if uid in box.messages:
                    raw = box.messages[uid]
                    number = uids.index(uid) + 1
                    writer.write(f"* {number} FETCH (UID {uid} BODY[] {{{len(raw)}}}\r\n".encode())
                    writer.write(raw + b")\r\n")
            say(f"{tag} OK UID {sub} completed")
        elif verb == "NOOP":
            say(f"{tag} OK NOOP completed")
        elif verb == "LOGOUT":
            say("* BYE logging out")
            say(f"{tag} OK LOGOUT completed")
            await writer.drain()
            break
        else:
            say(f"{tag} BAD unknown or not allowed")
        await writer.drain()
    writer.close()


@asynccontextmanager
async def imap_server(box: Mailbox) -> AsyncIterator[int]:
    """The server on a free loopback port; yields the port."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _session(box, reader, writer)

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    try:
        yield int(server.sockets[0].getsockname()[1])
    finally:
        server.close()
        await server.wait_closed()
