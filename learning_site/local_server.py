"""A threaded HTTP server on 127.0.0.1, started and stopped with `with`: the base of the fake outside
services (tests/fake_servers.py for the tests, payments/fake_stripe.py for the tests and the demo)."""

import threading
from http.server import ThreadingHTTPServer


class LocalServer:
    def __init__(self, handler_class, port=0):
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler_class)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
