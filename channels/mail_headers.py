"""Header values of outgoing e-mail built from user text (an order title in a Subject, a
company's name in From, a client's subject in a reply), cleaned onto one line.

The `email` package refuses a header value with CR or LF ("Header values may not contain
linefeed..."), which used to fail every e-mail of an order whose title had a line break; a
value it accepted could still carry other control characters. Here such characters become
spaces and runs of white space one space: the text is kept, never refused, and can add no
header. Long values are folded by the `email` package itself when the message is written.
"""

from __future__ import annotations

import re
from email.utils import formataddr

# C0 and C1 controls (CR and LF among them), DEL, and Unicode's line and paragraph separators.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
MAX_LENGTH = 900


def header_text(value: str | None) -> str:
    """`value` as one line of header text (at most MAX_LENGTH characters)."""
    return " ".join(_BREAKS.sub(" ", value or "").split())[:MAX_LENGTH]


def mailbox(name: str | None, address: str) -> str:
    """A From or To value: the display name cleaned and quoted as needed, then the address."""
    return formataddr((header_text(name), header_text(address).replace(" ", "")))
