"""Data loaders, built fresh for every request (never shared between requests)."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from models import (
    Address,
    Comment,
    Company,
    Contact,
    ContactKind,
    Membership,
    Order,
    OrderStatusChange,
    Photo,
    Task,
)
from permissions.actor import Actor
from resolvers import loaders, order_loaders
from resolvers.order_loaders import CommentCountKey, CommentPageKey, ContactOrdersKey
from resolvers.pagination import ParentPage


@dataclass
class Loaders:
    company: DataLoader[int, Company | None] = field(
        default_factory=lambda: DataLoader(loaders.companies)
    )
    member: DataLoader[int, Membership | None] = field(
        default_factory=lambda: DataLoader(loaders.members)
    )
    contact: DataLoader[int, Contact | None] = field(
        default_factory=lambda: DataLoader(loaders.contacts)
    )
    user_email: DataLoader[int, str | None] = field(
        default_factory=lambda: DataLoader(loaders.user_emails)
    )
    subordinates: DataLoader[int, list[Membership]] = field(
        default_factory=lambda: DataLoader(loaders.subordinates)
    )
    addresses: DataLoader[int, list[Address]] = field(
        default_factory=lambda: DataLoader(loaders.addresses)
    )
    portal_members: DataLoader[int, list[Membership]] = field(
        default_factory=lambda: DataLoader(loaders.portal_members)
    )
    address: DataLoader[int, Address | None] = field(
        default_factory=lambda: DataLoader(order_loaders.addresses_by_id)
    )
    visible_order: DataLoader[tuple[int, Actor], Order | None] = field(
        default_factory=lambda: DataLoader(order_loaders.visible_orders_by_id)
    )
    visible_task: DataLoader[tuple[int, Actor], Task | None] = field(
        default_factory=lambda: DataLoader(loaders.visible_tasks_by_id)
    )
    history: DataLoader[int, list[OrderStatusChange]] = field(
        default_factory=lambda: DataLoader(order_loaders.history)
    )
    photos: DataLoader[int, list[Photo]] = field(
        default_factory=lambda: DataLoader(order_loaders.photos)
    )
    comment_page: DataLoader[CommentPageKey, ParentPage[Comment]] = field(
        default_factory=lambda: DataLoader(order_loaders.comment_pages)
    )
    comment_count: DataLoader[CommentCountKey, int] = field(
        default_factory=lambda: DataLoader(order_loaders.comment_counts)
    )
    contact_orders: DataLoader[ContactOrdersKey, ParentPage[Order]] = field(
        default_factory=lambda: DataLoader(order_loaders.contact_order_pages)
    )
    contact_order_count: DataLoader[tuple[int, ContactKind, Actor], int] = field(
        default_factory=lambda: DataLoader(order_loaders.contact_order_counts)
    )
    template_shared_with: DataLoader[int, list[Membership]] = field(
        default_factory=lambda: DataLoader(loaders.template_shares)
    )
