"""Gunicorn, as production runs it: `gunicorn -c gunicorn.conf.py` (see `make prod` and docs/deploy.md).

Every knob comes from the environment so one file serves a laptop and a fleet of app servers.
"""

import multiprocessing
import os

wsgi_app = "learning_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")

# Sync workers, one per core plus one, as gunicorn's documentation suggests for CPU-bound Django;
# GUNICORN_THREADS > 1 switches to the threaded worker for slow clients behind a thin proxy.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# A request that takes longer than this is stuck: the worker is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak never takes a server down; the jitter keeps them
# from all restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))

# Logs go to stdout/stderr for the process manager (systemd, a container runtime) to collect.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# Behind a proxy, trust its X-Forwarded-* headers only from the addresses given.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket (runtime management) lives at one path per user, so two servers on one
# machine (the benchmark beside `make prod`, the scale-out test's pair) would take it from each other.
# Nothing here uses it: off unless GUNICORN_CONTROL_SOCKET names a path.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
