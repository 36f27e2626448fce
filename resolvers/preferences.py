"""A member's own choice of channels per kind of notification (setNotificationPreferences).

The choice replaces the whole list: a kind left out goes back to the default (in the app;
for a portal member also its contact's channels outside it), a kind with no channels is
not sent at all. Each kind once, each channel once per kind, and only kinds the member's
role is ever told of (a client hears of no task; staff are asked to rate nothing): a choice
that could never apply is a mistake worth saying, not storing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.errors import invalid
from models import DeliveryChannel, Membership, NotificationKind
from permissions.actor import Actor

# What a CLIENT or CONTRACTOR portal member is told of (resolvers/notifications.py and
# resolvers/outbound_events.py); staff may choose for every kind but the rating request.
PORTAL_KINDS = frozenset(
    {
        NotificationKind.ORDER_ASSIGNED,
        NotificationKind.ORDER_STATUS_CHANGED,
        NotificationKind.ORDER_COMMENTED,
        NotificationKind.ORDER_DEADLINE_SOON,
        NotificationKind.ORDER_OVERDUE,
        NotificationKind.VISIT_REMINDER,
        NotificationKind.RATING_REQUESTED,
    }
)
STAFF_KINDS = frozenset(NotificationKind) - {NotificationKind.RATING_REQUESTED}


@dataclass(frozen=True, slots=True)
class Preference:
    kind: NotificationKind
    channels: Sequence[DeliveryChannel]


def _checked(actor: Actor, preferences: Sequence[Preference]) -> list[dict[str, object]]:
    allowed = STAFF_KINDS if actor.is_staff else PORTAL_KINDS
    stored: list[dict[str, object]] = []
    seen: set[NotificationKind] = set()
    for index, preference in enumerate(preferences):
        at = ("preferences", str(index))
        if preference.kind not in allowed:
            raise invalid(
                f"A {actor.role.value} member is never told of {preference.kind.value}", *at, "kind"
            )
        if preference.kind in seen:
            raise invalid(f"{preference.kind.value} is given twice", *at, "kind")
        seen.add(preference.kind)
        channels: list[str] = []
        for position, channel in enumerate(preference.channels):
            if channel.value in channels:
                raise invalid(f"{channel.value} is given twice", *at, "channels", str(position))
            channels.append(channel.value)
        stored.append({"kind": preference.kind.value, "channels": channels})
    return stored


async def set_notification_preferences(
    actor: Actor, preferences: Sequence[Preference]
) -> Membership:
    """The caller's own choice, replacing the one before; nothing stored when any is wrong."""
    stored = _checked(actor, preferences)
    member = await Membership.get(id=actor.membership_id)
    member.notification_preferences = stored or None
    await member.save(update_fields=["notification_preferences"])
    return member
