"""Small HTTP servers on 127.0.0.1 that stand in for outside services in tests (no network)."""

import json
import threading
from http.server import BaseHTTPRequestHandler

from learning_site.local_server import LocalServer


class FakeServer(LocalServer):
    """Answers every POST with what `respond(path, headers, body)` returns: (status, dict or text[, delay]).

    Records each request as (path, headers with lower-case names, parsed JSON body) in `requests`.
    """

    def __init__(self, respond):
        self.respond = respond
        self.requests = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = raw
                fake.requests.append((self.path, {key.lower(): value for key, value in self.headers.items()}, body))
                status, payload, *delay = fake.respond(self.path, self.headers, body)
                if delay:
                    threading.Event().wait(delay[0])
                data = payload.encode("utf-8") if isinstance(payload, str) else json.dumps(payload).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args):
                pass

        super().__init__(Handler)


def chat_completion(content):
    """An OpenAI chat completion as the API returns it, with `content` as the assistant's message."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
    }
