"""A fake Cloudinary on 127.0.0.1: the Upload API, the Admin API's resource lookup and the delivery host.

It keeps what is uploaded in memory and answers the real `cloudinary` SDK as Cloudinary does, for the
calls the site makes (learning_site/cloudinary_storage.py):

- POST /v1_1/<cloud>/<resource_type>/upload, multipart, signed with the API secret; chunked uploads
  (Content-Range and X-Unique-Upload-Id headers) are put together. overwrite=0 on a taken public id
  keeps the stored asset and answers it with "existing": true;
- POST /v1_1/<cloud>/<resource_type>/destroy: {"result": "ok"} or {"result": "not found"};
- GET /v1_1/<cloud>/resources/<resource_type>/<type>/<public_id>, with HTTP Basic key:secret;
- GET and HEAD /<cloud>/<resource_type>/<type>/[s--signature--/][v<version>/]<public_id>[.<format>],
  the delivery URLs; "authenticated" assets only with the signature Cloudinary would compute.

A wrong key or signature is answered 401, an unknown asset 404, in Cloudinary's JSON error shape (or its
X-Cld-Error header on the delivery host). Set `outage = (status, message)` to have every request with a
method in `outage_methods` fail so, and `stale_lookups = True` for an Admin API that has not seen the
latest uploads yet (it answers 404 for everything).
"""

import base64
import json
import re
import threading
from http.server import BaseHTTPRequestHandler
from urllib.parse import unquote, urlsplit

import cloudinary.utils

from learning_site.local_server import LocalServer
from tests.fake_servers import multipart_fields

TYPES = r"(?P<resource_type>image|video|raw)"
API_PATH = re.compile(rf"^/v1_1/(?P<cloud>[^/]+)/{TYPES}/(?P<action>upload|destroy)$")
RESOURCE_PATH = re.compile(rf"^/v1_1/(?P<cloud>[^/]+)/resources/{TYPES}/(?P<type>\w+)/(?P<id>.+)$")
DELIVERY_PATH = re.compile(rf"^/(?P<cloud>[^/]+)/{TYPES}/(?P<type>upload|authenticated)/(?P<rest>.+)$")
SIGNATURE = re.compile(r"^s--[A-Za-z0-9_-]{8}--/")
VERSION = re.compile(r"^v\d+/")


class FakeCloudinary(LocalServer):
    def __init__(self, cloud_name="test-cloud", api_key="test-key", api_secret="test-secret"):  # noqa: S107
        self.cloud_name, self.api_key, self.api_secret = cloud_name, api_key, api_secret
        self.assets = {}  # (resource_type, type, public_id) -> {"data": bytes, "format": str}
        self.requests = []  # (method, path)
        self.outage = None  # (status, message): every request with a method in outage_methods fails so
        self.outage_methods = {"GET", "HEAD", "POST"}
        self.stale_lookups = False
        self.chunks = {}  # X-Unique-Upload-Id -> (first chunk's fields, bytes so far)
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                fake.requests.append(("POST", self.path))
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if fake.outage and "POST" in fake.outage_methods:
                    return self.answer_json(*error(*fake.outage))
                match = API_PATH.match(urlsplit(self.path).path)
                if not match or match["cloud"] != fake.cloud_name:
                    return self.answer_json(*error(404, f"No such endpoint {self.path}"))
                fields = multipart_fields({"content-type": self.headers["Content-Type"]}, body)
                upload = fields.pop("file", None)
                values = {name: field.data.decode() for name, field in fields.items()}
                refusal = fake.refusal(values)
                if refusal:
                    return self.answer_json(*refusal)
                if match["action"] == "destroy":
                    return self.answer_json(200, fake.destroy(match["resource_type"], values))
                return self.answer_json(*fake.upload(match["resource_type"], values, upload, self.headers))

            def do_GET(self):
                self.get_or_head(send_body=True)

            def do_HEAD(self):
                self.get_or_head(send_body=False)

            def get_or_head(self, send_body):
                fake.requests.append((self.command, self.path))
                path = unquote(urlsplit(self.path).path)
                if fake.outage and self.command in fake.outage_methods:
                    status, message = fake.outage
                    return self.answer_json(*error(status, message), send_body=send_body, cld_error=message)
                if match := RESOURCE_PATH.match(path):
                    return self.answer_json(*fake.resource(match, self.headers.get("Authorization", "")))
                if (match := DELIVERY_PATH.match(path)) and match["cloud"] == fake.cloud_name:
                    status, data, reason = fake.deliver(match, self.path)
                    return self.answer_bytes(status, data, send_body, reason)
                return self.answer_bytes(404, b"", send_body, "Resource not found")

            def answer_json(self, status, payload, send_body=True, cld_error=None):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                if cld_error:
                    self.send_header("X-Cld-Error", cld_error)
                self.end_headers()
                if send_body:
                    self.wfile.write(data)

            def answer_bytes(self, status, data, send_body, reason=None):
                self.send_response(status)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(data)))
                if reason:
                    self.send_header("X-Cld-Error", reason)
                self.end_headers()
                if send_body:
                    self.wfile.write(data)

            def log_message(self, *args):
                pass

        super().__init__(Handler)

    def storage_options(self):
        """OPTIONS for CloudinaryStorage that send its uploads, lookups and downloads here."""
        host, port = self.server.server_address[:2]
        return {
            "cloud_name": self.cloud_name,
            "api_key": self.api_key,
            "api_secret": self.api_secret,
            "upload_prefix": self.url,
            "secure": False,
            "cname": f"{host}:{port}",
        }

    def stored(self, resource_type, public_id, delivery_type="upload"):
        """The bytes stored under this public id, or None."""
        asset = self.assets.get((resource_type, delivery_type, public_id))
        return asset["data"] if asset else None

    def refusal(self, values):
        if values.get("api_key") != self.api_key:
            return error(401, f"Unknown API key {values.get('api_key')}")
        signed = {name: value for name, value in values.items() if name not in {"api_key", "signature"}}
        if values.get("signature") != cloudinary.utils.api_sign_request(signed, self.api_secret):
            return error(401, "Invalid Signature. String to sign - " + cloudinary.utils.api_string_to_sign(signed))
        return None

    def upload(self, resource_type, values, upload, headers):
        data = upload.data
        if headers.get("Content-Range"):
            start, end, total = map(int, re.match(r"bytes (\d+)-(\d+)/(\d+)", headers["Content-Range"]).groups())
            with self.lock:
                first, sofar = self.chunks.get(headers["X-Unique-Upload-Id"], (values, b""))
                if len(sofar) != start:
                    return error(400, f"Chunk at {start} does not follow the {len(sofar)} bytes received")
                sofar += data
                self.chunks[headers["X-Unique-Upload-Id"]] = (first, sofar)
            if end + 1 < total:
                return 200, {"done": False, "public_id": first.get("public_id")}
            values, data = first, sofar
        public_id = values["public_id"]
        delivery_type = values.get("type", "upload")
        format = "" if resource_type == "raw" else upload.filename.rpartition(".")[2].lower()
        key = (resource_type, delivery_type, public_id)
        with self.lock:
            if key in self.assets and values.get("overwrite", "1") == "0":
                return 200, {**self.description(key), "existing": True}
            self.assets[key] = {"data": data, "format": format}
            return 200, {**self.description(key), "existing": False}

    def destroy(self, resource_type, values):
        key = (resource_type, values.get("type", "upload"), values["public_id"])
        with self.lock:
            return {"result": "ok" if self.assets.pop(key, None) else "not found"}

    def resource(self, match, authorization):
        credentials = base64.b64encode(f"{self.api_key}:{self.api_secret}".encode()).decode()
        if authorization != f"Basic {credentials}":
            return error(401, "Invalid credentials")
        key = (match["resource_type"], match["type"], match["id"])
        if key not in self.assets or self.stale_lookups:
            return error(404, f"Resource not found - {match['id']}")
        return 200, self.description(key)

    def deliver(self, match, requested_path):
        rest = match["rest"]
        signed = SIGNATURE.match(rest)
        if signed:
            rest = rest[signed.end() :]
        rest = VERSION.sub("", rest)
        if match["resource_type"] == "raw":
            public_id, format = rest, ""
        else:
            public_id, _dot, format = rest.rpartition(".")
        asset = self.assets.get((match["resource_type"], match["type"], public_id))
        if match["type"] == "authenticated" and urlsplit(requested_path).path != self.signed_path(
            match, public_id, format
        ):
            return 401, b"", "Authenticated resources need a valid signature"
        if not asset or asset["format"] != format:
            return 404, b"", "Resource not found"
        return 200, asset["data"], None

    def signed_path(self, match, public_id, format):
        options = {**self.storage_options(), "resource_type": match["resource_type"], "type": match["type"]}
        url, _options = cloudinary.utils.cloudinary_url(public_id, format=format or None, sign_url=True, **options)
        return urlsplit(url).path

    def description(self, key):
        resource_type, delivery_type, public_id = key
        asset = self.assets[key]
        return {
            "public_id": public_id,
            "resource_type": resource_type,
            "type": delivery_type,
            "format": asset["format"] or None,
            "bytes": len(asset["data"]),
            "version": 1,
        }


def error(status, message):
    return status, {"error": {"message": message}}
