# ruff: noqa: RUF001 (Russian text)
"""SMS to a contact through the outbound queue and a local fake provider run as a real HTTP
server (tests/support/sms_provider.py), in both dialects: sms.ru's and Twilio's. A contact
created through the API with SMS as its channel gets its message at its E.164 number; a
provider's 429 waits its Retry-After, a 5xx is retried with backoff, a refusal is FAILED with
the provider's words; with SMS_URL unset it is FAILED saying so; sending is paced per
process; the key reaches no log, no error and no repr."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from channels import sms
from channels.outbound_delivery import deliver_outbound
from config.settings import Settings, SettingsError, load
from models import Contact, DeliveryStatus, NotificationKind, OutboundMessage
from resolvers.outbound import queue_for_contact
from tests.support.api import Api, register
from tests.support.passwords import settings_with
from tests.support.sms_provider import (
    ACCOUNT,
    FROM,
    KEY,
    TOKEN,
    Provider,
    Reply,
    sms_provider,
    smsru_refused,
)
from tests.support.tasks import pk

pytestmark = pytest.mark.asyncio

CREATE = """
mutation($input: CreateContactInput!) {
  createContact(input: $input) { contact { id phone notifyBy } errors { field code message } }
}
"""
COMPANY = """
mutation($input: CompanySettingsInput!) { updateCompany(input: $input) { errors { message } } }
"""
TEXT = "Мастер придёт завтра с 10:00 до 12:00"


@pytest.fixture
def provider() -> Iterator[Provider]:
    with sms_provider() as running:
        yield running


async def sms_contact(
    api: Api, phone: str = "8 (916) 123-45-67", company_locale: str = "en"
) -> Contact:
    owner = await register(api)
    company = await api.ok(COMPANY, {"input": {"locale": company_locale}}, owner.access)
    assert company["updateCompany"]["errors"] == []
    data = await api.ok(
        CREATE,
        {
            "input": {
                "kind": "CLIENT",
                "legalForm": "PERSON",
                "name": "Анна",
                "phone": phone,
                "notifyBy": ["SMS"],
            }
        },
        owner.access,
    )
    made = data["createContact"]
    assert made["errors"] == []
    assert made["contact"]["phone"] == "+79161234567"
    assert made["contact"]["notifyBy"] == ["SMS"]
    return await Contact.get(id=pk(made["contact"]["id"], "Contact"))


async def queued(contact: Contact) -> OutboundMessage:
    [row] = await queue_for_contact(
        contact.id, NotificationKind.VISIT_REMINDER, None, lambda locale: (None, TEXT)
    )
    assert (row.channel.value, row.to, row.status) == ("SMS", "+79161234567", "PENDING")
    return row


async def round_at(contact: Contact, at: datetime | None = None) -> OutboundMessage:
    _ = await deliver_outbound(at, companies=[contact.company_id])
    return await OutboundMessage.get(contact_id=contact.id)


@pytest.mark.parametrize("dialect", ["smsru", "twilio"])
async def test_a_contact_on_sms_gets_its_message_at_its_e164_number(
    api: Api, settings: Settings, provider: Provider, dialect: str
) -> None:
    contact = await sms_contact(api)
    _ = await queued(contact)
    url = provider.smsru_url() if dialect == "smsru" else provider.twilio_url()
    with settings_with(settings, sms_url=url):
        row = await round_at(contact)
    assert (row.status, row.error, row.attempts) == (DeliveryStatus.SENT, None, 1)
    [request] = provider.requests
    if dialect == "smsru":
        assert request.path == "/sms/send"
        assert request.form == {"api_id": KEY, "to": "79161234567", "msg": TEXT, "json": "1"}
        assert request.authorization is None
    else:
        assert request.path == f"/2010-04-01/Accounts/{ACCOUNT}/Messages.json"
        assert request.form == {"To": "+79161234567", "From": FROM, "Body": TEXT}
        assert request.basic_auth == (ACCOUNT, TOKEN)


@pytest.mark.parametrize("dialect", ["smsru", "twilio"])
async def test_429_waits_its_retry_after_and_5xx_is_retried_with_backoff(
    api: Api, settings: Settings, provider: Provider, dialect: str
) -> None:
    contact = await sms_contact(api)
    _ = await queued(contact)
    url = provider.smsru_url() if dialect == "smsru" else provider.twilio_url()
    provider.answer(Reply(429, retry_after="7"), Reply(503, body={"message": "down"}))
    start = datetime.now(UTC)
    with settings_with(settings, sms_url=url):
        row = await round_at(contact, start)
        assert (row.status, row.attempts) == (DeliveryStatus.PENDING, 0)  # not its fault
        assert row.error == "the SMS provider asked to slow down (429)"
        assert row.next_attempt_at is not None
        assert timedelta(seconds=6) < row.next_attempt_at - start <= timedelta(seconds=8)
        row = await round_at(contact, start + timedelta(seconds=3))
        assert len(provider.requests) == 1  # not before its Retry-After
        row = await round_at(contact, start + timedelta(seconds=8))
        assert (row.status, row.attempts) == (DeliveryStatus.PENDING, 1)
        assert row.error == "the SMS provider is unavailable (503)"
        assert row.next_attempt_at is not None
        row = await round_at(contact, row.next_attempt_at + timedelta(seconds=1))
    assert (row.status, row.error, row.attempts) == (DeliveryStatus.SENT, None, 2)
    assert len(provider.requests) == 3


async def test_smsru_busy_codes_are_retried_and_its_refusals_failed_in_staff_language(
    api: Api, settings: Settings, provider: Provider
) -> None:
    """sms.ru's own words, framed in the company's language (staff read it, in Russian here)."""
    contact = await sms_contact(api, company_locale="ru")
    _ = await queued(contact)
    busy = {"status": "ERROR", "status_code": 220, "status_text": "Сервис временно недоступен"}
    refused = smsru_refused("79161234567", 207, "На этот номер нельзя отправлять сообщения")
    provider.answer(Reply(200, body=busy), Reply(200, body=refused))
    start = datetime.now(UTC)
    with settings_with(settings, sms_url=provider.smsru_url()):
        row = await round_at(contact, start)
        assert row.status == DeliveryStatus.PENDING
        assert row.error == "SMS-провайдер занят: Сервис временно недоступен (код 220)"
        assert row.next_attempt_at is not None
        row = await round_at(contact, row.next_attempt_at + timedelta(seconds=1))
    assert row.status == DeliveryStatus.FAILED
    assert row.error == "SMS-провайдер отказал: На этот номер нельзя отправлять сообщения (код 207)"
    assert len(provider.requests) == 2


async def test_a_twilio_400_is_failed_at_once_with_the_reason_and_the_key_nowhere(
    api: Api, settings: Settings, provider: Provider, caplog: pytest.LogCaptureFixture
) -> None:
    contact = await sms_contact(api)
    _ = await queued(contact)
    said = "The 'To' number +79161234567 is not a valid phone number."
    provider.answer(Reply(400, body={"code": 21211, "message": said, "status": 400}))
    caplog.set_level(logging.DEBUG)
    with settings_with(settings, sms_url=provider.twilio_url()) as changed:
        row = await round_at(contact)
        shown = repr(changed)
    assert (row.status, row.attempts) == (DeliveryStatus.FAILED, 1)
    assert row.error == f"the SMS provider refused it: {said} (code 21211)"
    assert len(provider.requests) == 1  # not retried
    for text in (caplog.text, shown, row.error):
        assert TOKEN not in text
        assert KEY not in text


async def test_a_provider_too_slow_to_answer_is_retried(
    api: Api, settings: Settings, provider: Provider, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact = await sms_contact(api)
    _ = await queued(contact)
    monkeypatch.setattr(sms, "TIMEOUT", 0.3)
    provider.answer(Reply(sleep=1.0))
    with settings_with(settings, sms_url=provider.twilio_url()):
        row = await round_at(contact)
        assert (row.status, row.attempts) == (DeliveryStatus.PENDING, 1)
        assert row.error == "the SMS provider did not answer in time"
        assert row.next_attempt_at is not None
        row = await round_at(contact, row.next_attempt_at + timedelta(seconds=1))
    assert (row.status, row.error) == (DeliveryStatus.SENT, None)


async def test_unreachable_provider_is_retried_and_unset_sms_url_is_failed_saying_so(
    api: Api, settings: Settings, provider: Provider
) -> None:
    contact = await sms_contact(api)
    row = await queued(contact)
    closed = provider.smsru_url().rsplit(":", 1)[0] + ":9"  # discard port: nobody listens
    with settings_with(settings, sms_url=closed):
        row = await round_at(contact)
    assert (row.status, row.error) == (
        DeliveryStatus.PENDING,
        "could not connect to the SMS provider",
    )
    assert row.next_attempt_at is not None
    with settings_with(settings, sms_url=None):
        row = await round_at(contact, row.next_attempt_at + timedelta(seconds=1))
    assert (row.status, row.error) == (DeliveryStatus.FAILED, "SMS is not configured (SMS_URL)")
    assert provider.requests == []


async def test_sending_is_paced_per_process(settings: Settings, provider: Provider) -> None:
    """SMS_PER_SECOND=20: 21 messages at once take a second at least (the first goes at once),
    one request after another 50 ms apart."""
    with settings_with(settings, sms_url=provider.smsru_url(), sms_per_second=20):
        started = time.monotonic()
        ids = await asyncio.gather(*(sms.send("+79161234567", f"m{i}") for i in range(21)))
        took = time.monotonic() - started
    assert len(ids) == 21
    assert all(ids)
    assert 1.0 <= took < 1.5, took
    assert sorted(r.form["msg"] for r in provider.requests) == sorted(f"m{i}" for i in range(21))


async def test_sms_url_forms_and_refusals_never_show_the_key(tmp_path: Path) -> None:
    base = {"DATA_DIR": str(tmp_path), "SECRET_KEY": "k" * 40}
    assert load({**base, "SMS_URL": f"smsru://{KEY}@sms.ru"}).sms_url == f"smsru://{KEY}@sms.ru"
    assert KEY not in repr(load({**base, "SMS_URL": f"smsru://{KEY}@sms.ru"}))
    for bad, problem in (
        (f"smsru+http://{KEY}@127.0.0.1:1", "needs ALLOW_PRIVATE_HOSTS=1"),
        (f"twilio://{ACCOUNT}:{TOKEN}@api.twilio.com", "give the number to send from"),
        (f"smtp://{KEY}@sms.ru", "is not an smsru:// or twilio:// URL"),
        (f"smsru://{KEY}:{TOKEN}@sms.ru", "write the API key before the @"),
    ):
        with pytest.raises(SettingsError) as refused:
            load({**base, "SMS_URL": bad})
        assert refused.value.name == "SMS_URL"
        assert problem in str(refused.value)
        assert KEY not in str(refused.value)
        assert TOKEN not in str(refused.value)
