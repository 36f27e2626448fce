"""Reading an inbound e-mail with the standard library's `email` package.

- Text: the text/plain part preferred, else the HTML part turned to text; the quoted history
  below "On ... wrote:", "-----Original Message-----" or a run of "> " lines is trimmed (the
  conversation already holds it). A message that is nothing but a quote keeps its text.
- Threading: Message-ID, In-Reply-To and References (resolvers.inbound looks them up).
- Files: every attachment (and inline image) kept with its declared name and type.
- Loops (RFC 3834): `automatic` says why a message must neither open a conversation nor be
  answered: Auto-Submitted other than "no", a null envelope sender or a MAILER-DAEMON /
  postmaster sender (bounces), a delivery or read report (multipart/report), Precedence
  bulk/junk/list, or auto-reply markers (X-Autoreply, X-Autorespond, X-Auto-Response-Suppress
  All/OOF).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser

from media.attachments import InboundFile

MAX_TEXT = 100_000
_IDS = re.compile(r"<[^<>\s]+>")
_QUOTE_HEADERS = (
    re.compile(r"^\s*On\b.{0,300}\bwrote:\s*$", re.IGNORECASE),
    re.compile(r"^\s*-{2,}\s*Original Message\s*-{2,}", re.IGNORECASE),
    re.compile(r"^\s*-{2,}\s*Исходное сообщение\s*-{2,}", re.IGNORECASE),
    re.compile(r"^\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}.{0,200}(пишет|wrote):\s*$", re.IGNORECASE),
)
_BOUNCE_SENDERS = ("mailer-daemon@", "postmaster@")


@dataclass(frozen=True, slots=True)
class ParsedMail:
    sender: str  # the From address, lower case
    sender_name: str | None
    recipients: tuple[str, ...]  # To, Cc, Delivered-To, X-Original-To, lower case
    subject: str | None
    message_id: str | None
    references: tuple[str, ...]
    text: str
    files: tuple[InboundFile, ...] = field(default_factory=tuple)
    automatic: str | None = None  # why this is no mail to answer


class _Text(HTMLParser):
    """HTML to plain text: block elements become line breaks, scripts and styles vanish."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def trim_quoted(text: str) -> str:
    """The new part of a reply: everything above the quoted history."""
    lines = text.replace("\r\n", "\n").split("\n")
    kept: list[str] = []
    for line in lines:
        if any(pattern.match(line) for pattern in _QUOTE_HEADERS):
            break
        kept.append(line)
    while kept and (kept[-1].startswith(">") or not kept[-1].strip()):
        kept.pop()
    result = "\n".join(line for line in kept if not line.startswith(">")).strip()
    return result or text.strip()


def _ids(value: str | None) -> list[str]:
    return _IDS.findall(value or "")


def _text_of(message: EmailMessage) -> str:
    plain = message.get_body(preferencelist=("plain",))
    if plain is not None:
        return str(plain.get_content())
    html = message.get_body(preferencelist=("html",))
    if html is not None:
        return html_to_text(str(html.get_content()))
    return ""


def _files(message: EmailMessage) -> tuple[InboundFile, ...]:
    files: list[InboundFile] = []
    for part in message.iter_attachments():
        if part.is_multipart():
            continue
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            continue
        files.append(
            InboundFile(part.get_filename() or "attachment", part.get_content_type(), data)
        )
    return tuple(files)


def automatic(message: EmailMessage, envelope_sender: str | None, sender: str) -> str | None:
    auto = str(message.get("Auto-Submitted", "")).strip().lower()
    if auto and not auto.startswith("no"):
        return f"Auto-Submitted: {auto}"
    if envelope_sender is not None and envelope_sender.strip("<> ") == "":
        return "null envelope sender (a bounce)"
    if sender.startswith(_BOUNCE_SENDERS) or not sender:
        return "sent by a mail system (a bounce)"
    if message.get_content_type() == "multipart/report":
        return "a delivery or read report"
    precedence = str(message.get("Precedence", "")).strip().lower()
    if precedence in ("bulk", "junk", "list", "auto_reply"):
        return f"Precedence: {precedence}"
    for header in ("X-Autoreply", "X-Autorespond", "X-Autoresponder"):
        if message.get(header) is not None:
            return header
    suppress = str(message.get("X-Auto-Response-Suppress", "")).lower()
    if "all" in suppress or "oof" in suppress:
        return f"X-Auto-Response-Suppress: {suppress}"
    return None


def parse_mail(raw: bytes, envelope_sender: str | None = None) -> ParsedMail:
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    name, address = parseaddr(str(message.get("From", "")))
    sender = address.strip().lower()
    headers = [
        str(value)
        for key in ("To", "Cc", "Delivered-To", "X-Original-To")
        for value in message.get_all(key, [])
    ]
    recipients = tuple(dict.fromkeys(a.strip().lower() for _, a in getaddresses(headers) if a))
    references = [
        *_ids(str(message.get("References", ""))),
        *_ids(str(message.get("In-Reply-To", ""))),
    ]
    message_ids = _ids(str(message.get("Message-ID", "")))
    subject = " ".join(str(message.get("Subject", "")).split()) or None
    try:
        text = _text_of(message)
    except (LookupError, ValueError):  # an unknown charset or a broken part
        text = ""
    return ParsedMail(
        sender=sender,
        sender_name=name.strip() or None,
        recipients=recipients,
        subject=subject,
        message_id=message_ids[0] if message_ids else None,
        references=tuple(dict.fromkeys(references)),
        text=trim_quoted(text)[:MAX_TEXT],
        files=_files(message),
        automatic=automatic(message, envelope_sender, sender),
    )
