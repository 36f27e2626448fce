"""Root mutation fields, one module per domain, merged into one `Mutation` type.

Each field delegates to resolvers/; `payload_of` turns domain errors into `errors`.
"""

from __future__ import annotations

import strawberry

from schema.mutations.api_tokens import ApiTokenMutations
from schema.mutations.channels import ChannelMutations
from schema.mutations.company import CompanyMutations
from schema.mutations.contact_import import ContactImportMutations
from schema.mutations.contacts import ContactMutations
from schema.mutations.conversations import ConversationMutations
from schema.mutations.corrections import CorrectionMutations
from schema.mutations.identity import IdentityMutations
from schema.mutations.leavers import LeaverMutations
from schema.mutations.notifications import NotificationMutations
from schema.mutations.orders import OrderMutations
from schema.mutations.org_tree import OrgTreeMutations
from schema.mutations.passwords import PasswordMutations
from schema.mutations.photos import PhotoMutations
from schema.mutations.preferences import PreferenceMutations
from schema.mutations.rating_links import RatingLinkMutations
from schema.mutations.series import SeriesMutations
from schema.mutations.tasks import TaskMutations
from schema.mutations.telegram_links import TelegramLinkMutations
from schema.mutations.webhooks import WebhookMutations
from schema.webchat import WebchatMutations


@strawberry.type
class Mutation(
    IdentityMutations,
    OrgTreeMutations,
    ContactMutations,
    OrderMutations,
    PhotoMutations,
    TaskMutations,
    NotificationMutations,
    ApiTokenMutations,
    ConversationMutations,
    ChannelMutations,
    WebchatMutations,
    CompanyMutations,
    SeriesMutations,
    PasswordMutations,
    LeaverMutations,
    CorrectionMutations,
    ContactImportMutations,
    WebhookMutations,
    TelegramLinkMutations,
    RatingLinkMutations,
    PreferenceMutations,
):
    pass
