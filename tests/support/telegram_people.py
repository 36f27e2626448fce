"""The local Bot API of tests/support/telegram.py, with what reaching people needs besides:
answerCallbackQuery and editMessageReplyMarkup, chats that blocked the bot (403), and the
webhook's updates as Telegram sends them (a /start message, a button pressed)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.support.processes import free_port
from tests.support.telegram import TOKEN, BotApi

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
CONFIGURE = """mutation($t: String!) { configureTelegram(input: {botToken: $t}) {
  settings { telegramBotName } errors { field code message } } }"""
LINK = """mutation($c: ID) { createTelegramLink(contactId: $c) {
  url errors { field code message } } }"""


@dataclass
class PeopleBotApi(BotApi):
    blocked: set[int] = field(default_factory=set)

    def answers(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    def to_chat(self, chat: int) -> list[dict[str, Any]]:
        return [params for params in self.sent() if int(params["chat_id"]) == chat]

    async def method(self, request: Request) -> Response:
        name = request.path_params["method"]
        if request.path_params["token"] == TOKEN and name in (
            "answerCallbackQuery",
            "editMessageReplyMarkup",
        ):
            self.calls.append((name, await request.json()))
            return self.ok(True)
        if request.path_params["token"] == TOKEN and name == "sendMessage":
            params = await request.json()
            if int(params["chat_id"]) in self.blocked:
                self.calls.append(("sendMessage:blocked", params))
                return JSONResponse(
                    {
                        "ok": False,
                        "error_code": 403,
                        "description": "Forbidden: bot was blocked by the user",
                    },
                    403,
                )
        return await super().method(request)


@contextmanager
def people_bot_api() -> Iterator[PeopleBotApi]:
    api = PeopleBotApi()
    app = Starlette(routes=[Route("/bot{token}/{method}", api.method, methods=["POST"])])
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, name="bot-api-people", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise TimeoutError("the local Bot API did not start")
        time.sleep(0.02)
    api.url = f"http://127.0.0.1:{port}"
    try:
        yield api
    finally:
        server.should_exit = True
        thread.join(10)


_update_ids = iter(range(900_000, 10**9))


def start(chat: int, text: str, language: str = "en") -> dict[str, Any]:
    """A message from a person in a private chat (a deep link's Start sends "/start <token>")."""
    update_id = next(_update_ids)
    sender = {"id": chat, "is_bot": False, "first_name": "Pat", "language_code": language}
    message = {
        "message_id": update_id,
        "date": 1_700_000_000,
        "chat": {"id": chat, "type": "private"},
        "from": sender,
        "text": text,
    }
    return {"update_id": update_id, "message": message}


def pressed(chat: int, data: str, message_id: int = 1, language: str = "en") -> dict[str, Any]:
    """A button of the bot's message `message_id` in `chat` pressed."""
    update_id = next(_update_ids)
    sender = {"id": chat, "is_bot": False, "first_name": "Pat", "language_code": language}
    callback = {
        "id": f"cb{update_id}",
        "from": sender,
        "chat_instance": "1",
        "data": data,
        "message": {"message_id": message_id, "date": 1, "chat": {"id": chat, "type": "private"}},
    }
    return {"update_id": update_id, "callback_query": callback}
