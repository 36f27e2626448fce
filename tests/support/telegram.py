"""A local Telegram Bot API server for tests: a Starlette app under uvicorn in a thread of its
own, speaking the methods the service uses (getMe, setWebhook, sendMessage, getFile and the
file download), with one bot token it knows, a log of the calls, and 429s on demand."""

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

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
PHOTO = b"\xff\xd8\xff\xe0fake-jpeg-bytes"


@dataclass
class BotApi:
    url: str = ""
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    # How many sendMessage calls to answer 429 (retry_after seconds) before accepting.
    too_many: int = 0
    retry_after: int = 1
    next_message_id: int = 100

    def sent(self) -> list[dict[str, Any]]:
        return [params for method, params in self.calls if method == "sendMessage"]

    def webhook(self) -> dict[str, Any]:
        return [params for method, params in self.calls if method == "setWebhook"][-1]

    async def method(self, request: Request) -> Response:
        if request.path_params["token"] != TOKEN:
            return JSONResponse(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, 401
            )
        name = request.path_params["method"]
        params: dict[str, Any] = await request.json() if await request.body() else {}
        self.calls.append((name, params))
        if name == "getMe":
            return self.ok({"id": 42, "is_bot": True, "first_name": "Desk", "username": "desk_bot"})
        if name == "setWebhook":
            return self.ok(True)
        if name == "getFile":
            return self.ok({"file_id": params["file_id"], "file_path": "photos/file_1.jpg"})
        if name == "sendMessage":
            if self.too_many > 0:
                self.too_many -= 1
                return JSONResponse(
                    {
                        "ok": False,
                        "error_code": 429,
                        "description": f"Too Many Requests: retry after {self.retry_after}",
                        "parameters": {"retry_after": self.retry_after},
                    },
                    429,
                )
            self.next_message_id += 1
            chat = {"id": int(params["chat_id"]), "type": "private"}
            return self.ok(
                {"message_id": self.next_message_id, "chat": chat, "text": params["text"]}
            )
        return JSONResponse({"ok": False, "error_code": 404, "description": "Not Found"}, 404)

    async def file(self, request: Request) -> Response:
        if request.path_params["token"] != TOKEN:
            return Response(status_code=401)
        return Response(PHOTO, media_type="image/jpeg")

    @staticmethod
    def ok(result: Any) -> JSONResponse:
        return JSONResponse({"ok": True, "result": result})


@contextmanager
def bot_api() -> Iterator[BotApi]:
    api = BotApi()
    app = Starlette(
        routes=[
            Route("/bot{token}/{method}", api.method, methods=["POST"]),
            Route("/file/bot{token}/{path:path}", api.file, methods=["GET"]),
        ]
    )
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, name="bot-api", daemon=True)
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
