"""Squatting and spoofing: an address a company configures is routed to it
and used as the From of its replies only after the company enters the code mailed to that
address (through the service's own mail path, SMTP_URL); configuring an address another
company holds answers exactly like any unconfirmed address, and the first to confirm wins."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import aiosmtplib
import pytest
from starlette.applications import Starlette

from channels import delivery
from config.settings import Settings
from models import Channel, Conversation, OutboxEmail
from servicedesk.workers.mail_sender import send_pending
from tests.support.api import Api, register, unique
from tests.support.email_channel import CONFIGURE, CONFIRM, code_in, settings_changed
from tests.support.inbox import NODE, REPLY, arrive, conversations, gid
from tests.test_email_channel import inbound_listener, mail, send
from tests.test_mail_sender import Recorder, company_pk, smtp_server, with_smtp

pytestmark = pytest.mark.asyncio


async def mailed_code(settings: Settings, relay: str, company: int, mailbox: Recorder) -> str:
    """Send the company's outbox over the service's SMTP_URL; the code in the newest mail."""
    assert await send_pending(with_smtp(settings, f"smtp://{relay}"), companies=[company]) >= 1
    message = mailbox.messages[-1]
    assert message["Subject"].startswith("Confirm ")
    return code_in(message.get_content())


async def test_an_address_is_routed_and_used_as_from_only_once_confirmed(
    api: Api, app: Starlette
) -> None:
    settings: Settings = app.state.settings
    owner = await register(api, company=unique("Desk Co "))
    company = company_pk(owner)
    desk = f"{unique('desk')}@company.test"
    relay = Recorder()  # the service's SMTP_URL: confirmation mails and replies go through it
    async with smtp_server(relay) as server, inbound_listener(settings) as port:
        with settings_changed(smtp_url=f"smtp://{server}"):
            data = await api.ok(CONFIGURE, {"input": {"address": desk}}, owner.access)
            shown = data["configureEmail"]
            assert shown["errors"] == []
            assert shown["settings"]["emailAddress"] == desk
            assert shown["settings"]["emailAddressVerified"] is False
            assert shown["settings"]["confirmedEmailAddress"] is None
            assert shown["settings"]["emailVerificationSentAt"] is not None

            # Not routed yet: refused at RCPT exactly like an address nobody has.
            with pytest.raises(aiosmtplib.SMTPRecipientsRefused) as refused:
                await send(port, mail("ann@client.test", desk, "Hi", "Hello"))
            with pytest.raises(aiosmtplib.SMTPRecipientsRefused) as unknown:
                await send(port, mail("ann@client.test", "nobody@company.test", "Hi", "Hello"))
            assert [r.code for r in refused.value.recipients] == [
                r.code for r in unknown.value.recipients
            ]
            assert await conversations(api, owner) == []

            # Nor used as From: a reply waits, nothing leaves through the relay.
            recorded = await arrive(company, "Hello", key="ann@client.test", channel=Channel.EMAIL)
            conversation = gid("Conversation", recorded.conversation.id)
            reply = await api.ok(REPLY, {"c": conversation, "b": "Hi Ann"}, owner.access)
            assert reply["replyToConversation"]["errors"] == []
            assert await delivery.deliver_pending(companies=[company]) == 0
            assert relay.messages == []
            node = (await api.ok(NODE, {"id": conversation}, owner.access))["node"]
            waiting = node["messages"]["edges"][-1]["node"]
            assert waiting["deliveryStatus"] == "PENDING"
            assert "not confirmed" in waiting["deliveryError"]

            # The confirmation mail goes to the address itself, from the service.
            code = await mailed_code(settings, server, company, relay)
            [confirmation] = relay.messages
            assert confirmation["To"] == desk
            assert confirmation["From"] == "Service Desk <desk@example.test>"
            wrong = await api.ok(CONFIRM, {"code": "AAAA-AAAA"}, owner.access)
            assert wrong["confirmEmailAddress"]["errors"][0]["code"] == "INVALID"
            done = await api.ok(CONFIRM, {"code": code.lower()}, owner.access)
            assert done["confirmEmailAddress"]["errors"] == []
            assert done["confirmEmailAddress"]["settings"]["emailAddressVerified"] is True
            assert done["confirmEmailAddress"]["settings"]["confirmedEmailAddress"] == desk

            await send(port, mail("bo@client.test", desk, "Leak", "The sink leaks"))
            assert {c["subject"] for c in await conversations(api, owner)} == {"Leak", None}
            later = datetime.now(UTC) + timedelta(hours=1)
            assert await delivery.deliver_pending(later, companies=[company]) == 1
            sent = relay.messages[-1]
            assert desk in sent["From"]
            assert sent["To"] == "ann@client.test"


async def test_a_taken_address_answers_like_any_other_and_the_first_to_confirm_wins(
    api: Api, app: Starlette
) -> None:
    settings: Settings = app.state.settings
    first, second, third = [await register(api) for _ in range(3)]
    desk = f"{unique('desk')}@company.test"
    mailbox = Recorder()  # the address's real mailbox
    async with smtp_server(mailbox) as server, inbound_listener(settings) as port:
        answers = []
        for owner in (first, second):
            data = await api.ok(CONFIGURE, {"input": {"address": desk}}, owner.access)
            answers.append(data["configureEmail"])
        for answer in answers:
            assert answer["errors"] == []
            assert (
                answer["settings"]["emailAddress"],
                answer["settings"]["emailAddressVerified"],
            ) == (desk, False)
        first_code = await mailed_code(settings, server, company_pk(first), mailbox)
        second_code = await mailed_code(settings, server, company_pk(second), mailbox)
        assert first_code != second_code

        won = await api.ok(CONFIRM, {"code": second_code}, second.access)
        assert won["confirmEmailAddress"]["errors"] == []
        lost = await api.ok(CONFIRM, {"code": first_code}, first.access)
        assert lost["confirmEmailAddress"]["errors"][0]["code"] == "CONFLICT"

        # A squatter now: the same answer as for a free address, no CONFLICT.
        squat = await api.ok(CONFIGURE, {"input": {"address": desk}}, third.access)
        assert squat["configureEmail"]["errors"] == []
        assert squat["configureEmail"]["settings"]["emailAddressVerified"] is False
        assert squat["configureEmail"].keys() == answers[0].keys()

        await send(port, mail("cy@client.test", desk, "Door", "The door is stuck"))
        assert len(await conversations(api, second)) == 1
        assert await conversations(api, first) == []
        assert await conversations(api, third) == []
        assert not await Conversation.filter(company_id=company_pk(third)).exists()


async def test_wrong_codes_use_up_the_code(api: Api) -> None:
    owner = await register(api)
    desk = f"{unique('desk')}@company.test"
    data = await api.ok(CONFIGURE, {"input": {"address": desk}}, owner.access)
    assert data["configureEmail"]["errors"] == []
    from tests.support.email_channel import code_from_outbox

    code = await code_from_outbox(desk)
    for _ in range(5):
        wrong = await api.ok(CONFIRM, {"code": "ZZZZ-ZZZZ"}, owner.access)
        assert wrong["confirmEmailAddress"]["errors"][0]["code"] == "INVALID"
    late = await api.ok(CONFIRM, {"code": code}, owner.access)
    [error] = late["confirmEmailAddress"]["errors"]
    assert error["code"] == "INVALID"
    assert "new code" in error["message"]
    assert late["confirmEmailAddress"]["settings"] is None


async def test_concurrent_requests_mail_one_code_a_minute(api: Api) -> None:
    """configureEmail mails a code to any address: at most one a minute per company, even
    when the requests come at once (no mail cannon)."""
    owner = await register(api)
    addresses = [f"{unique('target')}@elsewhere.test" for _ in range(10)]
    answers = await asyncio.gather(
        *(api.ok(CONFIGURE, {"input": {"address": a}}, owner.access) for a in addresses)
    )
    codes = [[e["code"] for e in answer["configureEmail"]["errors"]] for answer in answers]
    assert sorted(codes) == [[]] + [["RATE_LIMITED"]] * 9
    mailed = await OutboxEmail.filter(to__in=addresses).count()
    assert mailed == 1
