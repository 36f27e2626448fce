"""A partner's webhook receiver: checks each POST's signature with `standardwebhooks` and
handles each event once (a retry repeats the same `webhook-id`).

    pip install standardwebhooks
    WEBHOOK_SECRET=whsec_... python receiver.py [port]

The README's example (tests/test_webhook_example.py runs it against the service).
"""

import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

verifier = Webhook(os.environ["WEBHOOK_SECRET"])  # the whsec_... shown once at creation
handled: set[str] = set()  # keep these in your database, with what you did


def handle(event: dict[str, Any]) -> None:
    """Your work: here, one line per event. `type` is "order." + the kind in lower case."""
    data = event["data"]  # cursor, kind, at, actor, order (as the webhook's member reads it)
    order = data["order"]
    print(data["cursor"], data["kind"], order["id"], order["status"], flush=True)


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            event = verifier.verify(body, dict(self.headers))
        except WebhookVerificationError:
            self.send_response(400)  # not from the service (or too old): refused
            self.end_headers()
            return
        if self.headers["webhook-id"] not in handled:
            handle(event)
            handled.add(self.headers["webhook-id"])
        self.send_response(204)  # any 2xx: delivered; otherwise the service retries
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: handle() prints what arrived


if __name__ == "__main__":
    # One request at a time: the service sends an order's next event after this one's 2xx.
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    HTTPServer(("127.0.0.1", port), Receiver).serve_forever()
