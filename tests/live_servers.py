"""The production stack's app servers started for real on 127.0.0.1, and a client that keeps its cookies
across them, as one browser behind a load balancer would."""

import http.client
import json
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
import redis

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
START_SECONDS = 60


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def redis_answers(url):
    try:
        return redis.Redis.from_url(url, socket_timeout=1).ping()
    except redis.RedisError:
        return False


def forget_cache_keys(url, prefix):
    """Delete this prefix's keys only, never the whole Redis, which others may share."""
    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


def collect_static_files(environment):
    """`collectstatic` as deploy/serve.sh runs it: production's templates need WhiteNoise's manifest.

    It writes to the project's STATIC_ROOT (static_collected/, ignored by git), which no setting lets
    a test move elsewhere; files that did not change are left alone.
    """
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=REPO,
        env=environment,
        check=True,
        timeout=300,
    )


class AppServer:
    """`gunicorn -c gunicorn.conf.py` with one worker on a free port, its log in `log_dir`."""

    def __init__(self, name, environment, log_dir):
        self.name = name
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.environment = {
            **environment,
            "WEB_CONCURRENCY": "1",
            "GUNICORN_BIND": f"{HOST}:{self.port}",
            "GUNICORN_ACCESS_LOG": "",
        }
        self.log_path = Path(log_dir) / f"gunicorn-{name}.log"
        self.process = None

    def start(self):
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
                cwd=REPO,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def wait_until_ready(self, path="/login/"):
        """Until `path` answers 200; fails with the server's log when it exits or never does."""
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn {self.name} exited ({self.process.returncode}):\n{self.log_tail()}")
            connection = http.client.HTTPConnection(HOST, self.port, timeout=5)
            try:
                connection.request("GET", path)
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            finally:
                connection.close()
            time.sleep(0.2)
        pytest.fail(f"gunicorn {self.name} did not answer {path} within {START_SECONDS} s:\n{self.log_tail()}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()  # gunicorn's graceful shutdown: the worker closes its database connection
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def log_tail(self, lines=30):
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


@dataclass
class Answer:
    """One HTTP answer, and the server that gave it (whose log explains a surprise)."""

    server: AppServer
    status: int
    headers: http.client.HTTPMessage
    text: str

    def json(self):
        return json.loads(self.text)

    def explain(self):
        """The status, the page's main content (where a form shows its errors) and the server's log."""
        main = self.text[max(self.text.find("<main"), 0) :][:2000]
        return f"{self.status} from gunicorn {self.server.name}:\n{main}\n--- its log:\n{self.server.log_tail()}"


class Browser:
    """Sends each request to the server it is given, with the cookies every earlier answer set: a
    browser keeps cookies per host, not per port, so both servers on 127.0.0.1 get the same ones."""

    def __init__(self):
        self.cookies = {}

    def get(self, server, path):
        return self.request(server, "GET", path)

    def post_form(self, server, path, fields):
        """`fields` is a dict or a QueryDict (a form read with wagtail's querydict_from_html)."""
        body = fields.urlencode() if hasattr(fields, "urlencode") else urlencode(fields)
        return self.request(server, "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_json(self, server, path, data):
        """As the site's scripts post to the API: JSON, with the CSRF cookie's token in X-CSRFToken."""
        headers = {"Content-Type": "application/json", "X-CSRFToken": self.cookies.get("csrftoken", "")}
        return self.request(server, "POST", path, json.dumps(data), headers)

    def request(self, server, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if method == "POST":
            headers["Origin"] = server.url  # every browser sends it with a POST; Django's CSRF check reads it
        connection = http.client.HTTPConnection(HOST, server.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            answer = Answer(server, response.status, response.headers, response.read().decode("utf-8", "replace"))
        finally:
            connection.close()
        for header in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":  # how Django deletes a cookie
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return answer


def csrf_token(html):
    """The CSRF token a page's form carries."""
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)
