"""Names people outside the company give themselves: a website visitor's, a Telegram
sender's. The inbox shows them beside the staff's, so one that reads as a member's name
(compatibility forms such as full-width letters and case aside) is shown with a mark saying
where it came from: nobody outside passes for someone of the company.
"""

from __future__ import annotations

import unicodedata

from models import Channel, Membership
from resolvers.text import clean_name

MARKS = {Channel.WEBCHAT: "website visitor", Channel.TELEGRAM: "Telegram", Channel.EMAIL: "e-mail"}


def _look(name: str) -> str:
    """How a name reads: compatibility forms folded, case folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", clean_name(name)).casefold().split())


async def shown_outside_name(company_id: int, name: str, channel: Channel) -> str:
    """`name` (already cleaned), with its channel's mark when it reads as a member's."""
    names = await Membership.filter(company_id=company_id).values_list("name", flat=True)
    if _look(name) not in {_look(str(member)) for member in names}:
        return name
    return f"{name} ({MARKS.get(channel, 'outside')})"
