"""Data loaders, built fresh for every request (never shared between requests)."""

from __future__ import annotations

from functools import cached_property

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
    OrderStatusChange,
    Photo,
    Task,
)
from permissions.actor import Actor
from resolvers import conversation_loaders, loaders, order_loaders
from resolvers.conversation_loaders import MessagePageKey
from resolvers.order_loaders import CommentCountKey, CommentPageKey, ContactOrdersKey
from resolvers.pagination import ParentPage


class Loaders:
    """Each loader is made on first use: a socket or an event that never needs one costs
    nothing (thousands of idle subscriptions each hold a context)."""

    @cached_property
    def company(self) -> DataLoader[int, Company | None]:
        return DataLoader(loaders.companies)

    @cached_property
    def member(self) -> DataLoader[int, Membership | None]:
        return DataLoader(loaders.members)

    @cached_property
    def contact(self) -> DataLoader[int, Contact | None]:
        return DataLoader(loaders.contacts)

    @cached_property
    def user_email(self) -> DataLoader[int, str | None]:
        return DataLoader(loaders.user_emails)

    @cached_property
    def subordinates(self) -> DataLoader[int, list[Membership]]:
        return DataLoader(loaders.subordinates)

    @cached_property
    def addresses(self) -> DataLoader[int, list[Address]]:
        return DataLoader(loaders.addresses)

    @cached_property
    def portal_members(self) -> DataLoader[int, list[Membership]]:
        return DataLoader(loaders.portal_members)

    @cached_property
    def address(self) -> DataLoader[int, Address | None]:
        return DataLoader(order_loaders.addresses_by_id)

    @cached_property
    def visible_order(self) -> DataLoader[tuple[int, Actor], Order | None]:
        return DataLoader(order_loaders.visible_orders_by_id)

    @cached_property
    def visible_task(self) -> DataLoader[tuple[int, Actor], Task | None]:
        return DataLoader(loaders.visible_tasks_by_id)

    @cached_property
    def history(self) -> DataLoader[int, list[OrderStatusChange]]:
        return DataLoader(order_loaders.history)

    @cached_property
    def photos(self) -> DataLoader[int, list[Photo]]:
        return DataLoader(order_loaders.photos)

    @cached_property
    def comment_page(self) -> DataLoader[CommentPageKey, ParentPage[Comment]]:
        return DataLoader(order_loaders.comment_pages)

    @cached_property
    def comment_count(self) -> DataLoader[CommentCountKey, int]:
        return DataLoader(order_loaders.comment_counts)

    @cached_property
    def contact_orders(self) -> DataLoader[ContactOrdersKey, ParentPage[Order]]:
        return DataLoader(order_loaders.contact_order_pages)

    @cached_property
    def contact_order_count(self) -> DataLoader[tuple[int, ContactKind, Actor], int]:
        return DataLoader(order_loaders.contact_order_counts)

    @cached_property
    def template_shared_with(self) -> DataLoader[int, list[Membership]]:
        return DataLoader(loaders.template_shares)

    @cached_property
    def message_page(self) -> DataLoader[MessagePageKey, ParentPage[Message]]:
        return DataLoader(conversation_loaders.message_pages)

    @cached_property
    def message_count(self) -> DataLoader[int, int]:
        return DataLoader(conversation_loaders.message_counts)

    @cached_property
    def last_message(self) -> DataLoader[int, Message | None]:
        return DataLoader(conversation_loaders.last_messages)

    @cached_property
    def visible_conversation(self) -> DataLoader[tuple[int, Actor], Conversation | None]:
        return DataLoader(conversation_loaders.visible_conversations_by_id)

    @cached_property
    def order_conversation(self) -> DataLoader[tuple[int, Actor], Conversation | None]:
        return DataLoader(conversation_loaders.order_conversations)

    @cached_property
    def attachments(self) -> DataLoader[int, list[MessageAttachment]]:
        return DataLoader(conversation_loaders.attachments)
