"""Benchmarks (`python -m benchmark.run`): the production settings, served over plain HTTP on 127.0.0.1.

Everything production does stays on (DEBUG off, the same middleware, sessions in the database, the
Redis cache); only what needs HTTPS is off. The runner passes SECRET_KEY (one for the server and
the sessions it makes), DATABASE_URL and REDIS_URL in the environment. The `benchmark` app's URLs add a
baseline view at /bench/baseline/ and the X-Bench-Queries header; neither exists in other settings.
"""

from .production import *  # noqa: F403
from .production import DATABASES, MIDDLEWARE

ALLOWED_HOSTS = ["127.0.0.1"]
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Persistent connections, as a production server keeps them, so connecting is not what is measured.
DATABASES["default"]["CONN_MAX_AGE"] = 60

ROOT_URLCONF = "benchmark.urls"
# Outermost, so it counts every query of a request, the session's and the user's included.
MIDDLEWARE = ["benchmark.middleware.QueryCountMiddleware", *MIDDLEWARE]
