"""Data loaders, built fresh for every request, and shared by every subscriber of one live
event (schema/live.py). Sharing is safe only because no loader's result depends on who asks
beyond what its key says: every member of `Loaders` is declared either `@actor_free` (the
batch function reads nothing of the actor) or `@actor_keyed` (every key holds the Actor whose
rules it applies), the loader classes refuse a key of the other kind, and an undeclared
member stops the import.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from functools import cached_property
from typing import TypeVar

from strawberry.dataloader import DataLoader

from models import (
    Address,
    Comment,
    Company,
    Contact,
    ContactKind,
    Conversation,
    Membership,
    Message,
    MessageAttachment,
    Order,
    OrderSeries,
    OrderStatusChange,
    OutboundMessage,
    Photo,
    Task,
)
from permissions.actor import Actor
from resolvers import conversation_loaders, loaders, order_loaders, series_loaders
from resolvers.conversation_loaders import MessagePageKey
from resolvers.order_loaders import CommentCountKey, CommentPageKey, ContactOrdersKey
from resolvers.pagination import ParentPage
from resolvers.series_loaders import Schedule, SeriesOrdersKey

K = TypeVar("K")
V = TypeVar("V")


def holds_actor(key: object) -> bool:
    return isinstance(key, Actor) or (
        isinstance(key, tuple) and any(isinstance(part, Actor) for part in key)
    )


class ActorFreeLoader(DataLoader[K, V]):
    """A loader whose result depends on its key alone (the same for whoever asks)."""

    def load(self, key: K) -> Awaitable[V]:
        if holds_actor(key):
            raise TypeError(f"{self.load_fn.__name__}: an actor-free loader got an Actor")
        return super().load(key)


class ActorKeyedLoader(DataLoader[K, V]):
    """A loader that applies the asking actor's rules: each key carries that Actor, so two
    actors sharing one `Loaders` never get each other's view."""

    def load(self, key: K) -> Awaitable[V]:
        if not holds_actor(key):
            raise TypeError(f"{self.load_fn.__name__}: an actor-keyed loader needs the Actor")
        return super().load(key)


# Names of the members of `Loaders`, by declaration.
ACTOR_FREE: set[str] = set()
ACTOR_KEYED: set[str] = set()


def actor_free(
    make: Callable[[Loaders], ActorFreeLoader[K, V]],
) -> cached_property[ActorFreeLoader[K, V]]:
    ACTOR_FREE.add(make.__name__)
    return cached_property(make)


def actor_keyed(
    make: Callable[[Loaders], ActorKeyedLoader[K, V]],
) -> cached_property[ActorKeyedLoader[K, V]]:
    ACTOR_KEYED.add(make.__name__)
    return cached_property(make)


class Loaders:
    """Each loader is made on first use: a socket or an event that never needs one costs
    nothing (thousands of idle subscriptions each hold a context)."""

    @actor_free
    def company(self) -> ActorFreeLoader[int, Company | None]:
        return ActorFreeLoader(loaders.companies)

    @actor_free
    def member(self) -> ActorFreeLoader[int, Membership | None]:
        return ActorFreeLoader(loaders.members)

    @actor_free
    def contact(self) -> ActorFreeLoader[int, Contact | None]:
        return ActorFreeLoader(loaders.contacts)

    @actor_free
    def user_email(self) -> ActorFreeLoader[int, str | None]:
        return ActorFreeLoader(loaders.user_emails)

    @actor_free
    def subordinates(self) -> ActorFreeLoader[int, list[Membership]]:
        return ActorFreeLoader(loaders.subordinates)

    @actor_free
    def addresses(self) -> ActorFreeLoader[int, list[Address]]:
        return ActorFreeLoader(loaders.addresses)

    @actor_free
    def portal_members(self) -> ActorFreeLoader[int, list[Membership]]:
        return ActorFreeLoader(loaders.portal_members)

    @actor_free
    def skills(self) -> ActorFreeLoader[int, list[str]]:
        return ActorFreeLoader(loaders.skills)

    # The rating is the same whoever asks; who may read it is the field's rule.
    @actor_free
    def average_rating(self) -> ActorFreeLoader[int, float | None]:
        return ActorFreeLoader(loaders.average_ratings)

    @actor_free
    def address(self) -> ActorFreeLoader[int, Address | None]:
        return ActorFreeLoader(order_loaders.addresses_by_id)

    @actor_keyed
    def visible_order(self) -> ActorKeyedLoader[tuple[int, Actor], Order | None]:
        return ActorKeyedLoader(order_loaders.visible_orders_by_id)

    @actor_keyed
    def visible_task(self) -> ActorKeyedLoader[tuple[int, Actor], Task | None]:
        return ActorKeyedLoader(loaders.visible_tasks_by_id)

    @actor_free
    def history(self) -> ActorFreeLoader[int, list[OrderStatusChange]]:
        return ActorFreeLoader(order_loaders.history)

    @actor_free
    def photos(self) -> ActorFreeLoader[int, list[Photo]]:
        return ActorFreeLoader(order_loaders.photos)

    # Order.outbound's field rule is applied before the load: the rows are the same for all.
    @actor_free
    def outbound(self) -> ActorFreeLoader[int, list[OutboundMessage]]:
        return ActorFreeLoader(order_loaders.outbound_messages)

    # The comment kinds the asker reads are in the key (not the asker): the page is the same
    # for every actor with those kinds, so it is shared between them.
    @actor_free
    def comment_page(self) -> ActorFreeLoader[CommentPageKey, ParentPage[Comment]]:
        return ActorFreeLoader(order_loaders.comment_pages)

    @actor_free
    def comment_count(self) -> ActorFreeLoader[CommentCountKey, int]:
        return ActorFreeLoader(order_loaders.comment_counts)

    @actor_keyed
    def contact_orders(self) -> ActorKeyedLoader[ContactOrdersKey, ParentPage[Order]]:
        return ActorKeyedLoader(order_loaders.contact_order_pages)

    @actor_keyed
    def contact_order_count(self) -> ActorKeyedLoader[tuple[int, ContactKind, Actor], int]:
        return ActorKeyedLoader(order_loaders.contact_order_counts)

    @actor_free
    def template_shared_with(self) -> ActorFreeLoader[int, list[Membership]]:
        return ActorFreeLoader(loaders.template_shares)

    @actor_free
    def message_page(self) -> ActorFreeLoader[MessagePageKey, ParentPage[Message]]:
        return ActorFreeLoader(conversation_loaders.message_pages)

    @actor_free
    def message_count(self) -> ActorFreeLoader[int, int]:
        return ActorFreeLoader(conversation_loaders.message_counts)

    @actor_free
    def last_message(self) -> ActorFreeLoader[int, Message | None]:
        return ActorFreeLoader(conversation_loaders.last_messages)

    @actor_keyed
    def visible_conversation(self) -> ActorKeyedLoader[tuple[int, Actor], Conversation | None]:
        return ActorKeyedLoader(conversation_loaders.visible_conversations_by_id)

    @actor_keyed
    def order_conversation(self) -> ActorKeyedLoader[tuple[int, Actor], Conversation | None]:
        return ActorKeyedLoader(conversation_loaders.order_conversations)

    @actor_free
    def attachments(self) -> ActorFreeLoader[int, list[MessageAttachment]]:
        return ActorFreeLoader(conversation_loaders.attachments)

    @actor_keyed
    def visible_series(self) -> ActorKeyedLoader[tuple[int, Actor], OrderSeries | None]:
        return ActorKeyedLoader(series_loaders.visible_series_by_id)

    # Keyed by the moment too: what is "upcoming" depends on when it is asked.
    @actor_free
    def series_schedule(self) -> ActorFreeLoader[tuple[int, datetime], Schedule]:
        return ActorFreeLoader(series_loaders.schedules_at)

    @actor_keyed
    def series_orders(self) -> ActorKeyedLoader[SeriesOrdersKey, ParentPage[Order]]:
        return ActorKeyedLoader(series_loaders.series_order_pages)

    @actor_keyed
    def series_order_count(self) -> ActorKeyedLoader[tuple[int, Actor], int]:
        return ActorKeyedLoader(series_loaders.series_order_counts)


def loader_names() -> list[str]:
    """Every loader `Loaders` offers."""
    return [name for name, attr in vars(Loaders).items() if isinstance(attr, cached_property)]


def check_declared(cls: type[Loaders]) -> None:
    """A loader declared neither way (or both) is refused when the module loads."""
    for name, attr in vars(cls).items():
        if isinstance(attr, cached_property) and (name in ACTOR_FREE) == (name in ACTOR_KEYED):
            raise TypeError(f"Loaders.{name}: declare it @actor_free or @actor_keyed")


check_declared(Loaders)
