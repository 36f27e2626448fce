"""One-click unsubscribe (RFC 8058) from the e-mails to contacts: the List-Unsubscribe URL of
a real outbound mail, POSTed `List-Unsubscribe=One-Click`, turns that channel off for that
contact (the default list written out first) and answers 200; a GET only shows a page whose
button does the same POST; an altered link is a 404 with its reason and changes nothing; a
POST without the one-click body changes nothing.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import pytest

from models import Contact, DeliveryChannel, NotificationKind, OutboundMessage
from resolvers.unsubscribe import unsubscribe_token, unsubscribe_url
from schema.ids import decode_id
from servicedesk.workers.outbound_sender import build_email
from tests.support.api import Api, Session, count_statements, register
from tests.support.world import CREATE_CONTACT

pytestmark = pytest.mark.asyncio

ONE_CLICK = {"List-Unsubscribe": "One-Click"}
READ = "query($id: ID!) { node(id: $id) { ... on Contact { notifyBy } } }"


async def new_contact(api: Api, owner: Session, **fields: Any) -> tuple[str, int]:
    data = await api.ok(
        CREATE_CONTACT,
        {"input": {"kind": "CLIENT", "legalForm": "PERSON", "name": "Anna Petrova", **fields}},
        owner.access,
    )
    assert data["createContact"]["errors"] == [], data["createContact"]["errors"]
    contact_id: str = data["createContact"]["contact"]["id"]
    return contact_id, decode_id(contact_id, "Contact")


async def channels(api: Api, owner: Session, contact_id: str) -> list[str]:
    data = await api.ok(READ, {"id": contact_id}, owner.access)
    found: list[str] = data["node"]["notifyBy"]
    return found


async def test_the_mails_one_click_link_turns_email_off(api: Api) -> None:
    owner = await register(api)
    gid, pk = await new_contact(api, owner, email="anna@example.test")
    assert await channels(api, owner, gid) == ["EMAIL"]  # the default
    contact = await Contact.get(id=pk)
    row = await OutboundMessage.create(
        company_id=contact.company_id,
        contact_id=pk,
        kind=NotificationKind.ORDER_STATUS_CHANGED,
        channel=DeliveryChannel.EMAIL,
        to="anna@example.test",
        subject="Order 1",
        text="Accepted",
        locale="en",
    )
    mail = build_email(row, "desk@example.test", datetime.now(UTC))
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    [url] = re.findall(r"<(https?://[^>]+)>", mail["List-Unsubscribe"])
    assert url == unsubscribe_url(pk, DeliveryChannel.EMAIL)
    path = urlsplit(url).path

    page = await api.http.get(path)  # a mail scanner or a person: nothing changes
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "form-action 'self'" in page.headers["content-security-policy"]
    assert "Stop e-mail messages from" in page.text
    assert '<input type="hidden" name="List-Unsubscribe" value="One-Click">' in page.text
    assert "<script" not in page.text
    assert (await Contact.get(id=pk)).notify_by is None

    with count_statements() as counter:
        done = await api.http.post(path, data=ONE_CLICK)
    assert len(counter.statements) <= 6
    assert done.status_code == 200
    assert "will send you no more e-mail messages" in done.text
    assert (await Contact.get(id=pk)).notify_by == []  # written out, not null (= e-mail again)
    assert await channels(api, owner, gid) == []
    again = await api.http.post(path, data=ONE_CLICK)  # a client retrying: harmless
    assert again.status_code == 200
    assert (await Contact.get(id=pk)).notify_by == []


async def test_only_that_channel_goes_and_multipart_counts(api: Api) -> None:
    owner = await register(api)
    gid, pk = await new_contact(
        api, owner, email="b@example.test", phone="+7 916 123-45-67", notifyBy=["SMS", "EMAIL"]
    )
    path = urlsplit(unsubscribe_url(pk, DeliveryChannel.SMS)).path
    done = await api.http.post(path, files={"List-Unsubscribe": (None, "One-Click")})
    assert done.status_code == 200
    assert await channels(api, owner, gid) == ["EMAIL"]


async def test_altered_links_are_404_and_change_nothing(api: Api) -> None:
    owner = await register(api)
    _, pk = await new_contact(api, owner, email="c@example.test")
    _, other = await new_contact(api, owner, email="d@example.test")
    token = unsubscribe_token(pk, DeliveryChannel.EMAIL)
    number, channel, signature = token.split(".")
    forged = [
        f"{other}.{channel}.{signature}",  # another contact
        f"{number}.SMS.{signature}",  # another channel
        f"{number}.{channel}.{signature[:-1]}0" if signature[-1] != "0" else token[:-1] + "1",
        f"{number}.{channel}",
        "x" * 500,
        f"99999999.{channel}.{unsubscribe_token(99999999, DeliveryChannel.EMAIL).split('.')[2]}",
    ]
    for bad in forged:
        for answer in (
            await api.http.get(f"/unsubscribe/{bad}"),
            await api.http.post(f"/unsubscribe/{bad}", data=ONE_CLICK),
        ):
            assert answer.status_code == 404, bad
            assert "not one the service mailed" in answer.text
    assert await Contact.filter(id__in=[pk, other], notify_by__isnull=False).count() == 0


async def test_a_post_without_the_one_click_body_changes_nothing(api: Api) -> None:
    owner = await register(api)
    gid, pk = await new_contact(api, owner, email="e@example.test")
    path = urlsplit(unsubscribe_url(pk, DeliveryChannel.EMAIL)).path
    for body in ({}, {"List-Unsubscribe": "Yes"}, {"Other": "One-Click"}):
        answer = await api.http.post(path, data=body)
        assert answer.status_code == 400
        assert "List-Unsubscribe=One-Click" in answer.text
    assert await channels(api, owner, gid) == ["EMAIL"]
    assert (await Contact.get(id=pk)).notify_by is None


async def test_the_page_speaks_the_contacts_language(api: Api) -> None:
    owner = await register(api, company="Ромашка")
    _, pk = await new_contact(api, owner, email="f@example.test", locale="ru")
    path = urlsplit(unsubscribe_url(pk, DeliveryChannel.EMAIL)).path
    page = await api.http.get(path)
    assert '<html lang="ru">' in page.text
    assert "Больше не получать сообщения по электронной почте от «Ромашка»?" in page.text
    done = await api.http.post(path, data=ONE_CLICK)
    assert "«Ромашка» больше не будет присылать вам сообщения по электронной почте." in done.text
