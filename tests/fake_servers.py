"""Small HTTP servers on 127.0.0.1 that stand in for outside services in tests (no network)."""

import contextlib
import json
import threading
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler
from typing import NamedTuple

from learning_site.local_server import LocalServer


class FakeServer(LocalServer):
    """Answers every POST with what `respond(path, headers, body)` returns: (status, dict or text[, delay]).

    Records each request as (path, headers with lower-case names, body) in `requests`. A JSON body is
    parsed (text that is not JSON stays text); any other body, such as a multipart upload, stays bytes:
    read its fields with `multipart_fields`.
    """

    def __init__(self, respond):
        self.respond = respond
        self.requests = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                headers = {key.lower(): value for key, value in self.headers.items()}
                body = raw if is_binary(headers.get("content-type", "")) else parsed_text(raw)
                fake.requests.append((self.path, headers, body))
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


class FakeMediaHost(LocalServer):
    """Serves `files` ({path: bytes}) to GET requests, like a CDN's delivery host; 404 for anything else.

    `redirects` ({path: location}) answers those paths with a 302. Requested paths go in `requests`.
    """

    def __init__(self, files, redirects=None):
        self.files, self.redirects = files, redirects or {}
        self.requests = []
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                host.requests.append(self.path)
                if self.path in host.redirects:
                    self.send_response(302)
                    self.send_header("Location", host.redirects[self.path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                data = host.files.get(self.path)
                self.send_response(200 if data is not None else 404)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(data or b"")))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client stopped reading
                    self.wfile.write(data or b"")

            def log_message(self, *args):
                pass

        super().__init__(Handler)


def is_binary(content_type):
    return not content_type.startswith(("application/json", "text/")) and content_type != ""


def parsed_text(raw):
    text = raw.decode("utf-8")
    try:
        return json.loads(text) if text else None
    except ValueError:
        return text


class Field(NamedTuple):
    """One field of a multipart/form-data body: a file's name and content type, or neither for a value."""

    filename: str | None
    content_type: str
    data: bytes


def multipart_fields(headers, body):
    """The fields of a multipart/form-data request as {name: Field}, from its headers and raw body."""
    head = f"Content-Type: {headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    return {
        part.get_param("name", header="content-disposition"): Field(
            part.get_filename(), part.get_content_type(), part.get_payload(decode=True)
        )
        for part in message.iter_parts()
    }


def chat_completion(content):
    """An OpenAI chat completion as the API returns it, with `content` as the assistant's message."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
    }


def transcription(text):
    """An OpenAI transcription as the API returns it (response_format "json")."""
    return {"text": text}
