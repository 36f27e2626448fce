"""What arrives by e-mail, Telegram or the website
chat is user text like any input (names cleaned, free text without controls, no NUL for the
database), and the Telegram webhook's JSON is bounded like the API's."""

from __future__ import annotations

import json

import pytest

from media.attachments import InboundFile
from models import MessageAttachment
from tests.support.api import Api
from tests.support.inbox import arrive, build_inbox, conversations
from tests.support.telegram import PHOTO, BotApi
from tests.test_telegram_channel import SECRET_HEADER, connect, telegram, update

__all__ = ["telegram"]  # the local Bot API fixture, shared with tests/test_telegram_channel.py

pytestmark = pytest.mark.asyncio


async def test_inbound_messages_are_cleaned_like_any_input(api: Api) -> None:
    inbox = await build_inbox(api)
    _ = await arrive(
        inbox.company,
        "Hello\u202e\x00 there,\r\n\tthe vase\x1b is broken\u2066",
        key="thread\x00-1",
        sender_name="\u202eDina\u200b K\x07",
        subject="Re:\u200b broken\x00 vase\u202e",
        external_id="<id\x00@mail.test>",
        references=("<ref\x00@mail.test>",),
        files=(InboundFile("\u202egnp.exe", "image/png", PHOTO),),
    )
    [conversation] = await conversations(api, inbox.owner)
    assert conversation["externalName"] == "Dina K"
    assert conversation["subject"] == "Re: broken vase"
    assert conversation["lastMessage"]["body"] == "Hello there,\n\tthe vase is broken"
    names = [a.file_name for a in await MessageAttachment.filter(company_id=inbox.company)]
    assert names in ([], ["gnp.exe"])  # stored only when it is a picture


async def test_telegram_webhook_json_is_bounded(api: Api, telegram: BotApi) -> None:
    inbox = await build_inbox(api)
    secret = await connect(api, inbox, telegram)
    headers = {SECRET_HEADER: secret, "Content-Type": "application/json"}
    deep = '{"update_id": 1, "message": ' + "[" * 10_000 + "]" * 10_000 + "}"
    for body in (
        deep,
        json.dumps(update(2**70, chat=1, text="hi")),
        json.dumps(update(-1, chat=1, text="hi")),
        json.dumps({**update(1, chat=1, text="hi"), "update_id": "١٢"}),
        json.dumps({**update(1, chat=1, text="hi"), "update_id": 5.5}),
    ):
        response = await api.http.post("/telegram/webhook", content=body, headers=headers)
        assert response.status_code == 400, (body[:60], response.text)
    response = await api.http.post(
        "/telegram/webhook",
        content=json.dumps(update(6001, chat=777002, text="Win\x00dow\u202e broken")),
        headers=headers,
    )
    assert response.status_code == 200
    [conversation] = await conversations(api, inbox.owner, {"channel": "TELEGRAM"})
    assert conversation["lastMessage"]["body"] == "Window broken"
