"""Production: DEBUG off unless asked for, a SECRET_KEY from the environment, HTTPS everywhere.

A proxy that terminates TLS and redirects itself can switch Django's own redirect off with
SECURE_SSL_REDIRECT=false; HSTS_SECONDS=0 turns HSTS off (for a first deployment, say).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, tasks_setting

DEBUG = env_bool("DEBUG", False)
if not DEBUG and not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment when DEBUG is off.")

# Persistent connections: opening a PostgreSQL connection costs more than most pages' queries.
for database in DATABASES.values():
    database["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))

# Background work waits in the database for `manage.py db_worker`, never inside a request.
TASKS = tasks_setting("database")

# WhiteNoise serves collectstatic's output, compressed, with hashed names cached for a year, straight
# after the security middleware: static files need no session, user or CSRF work.
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "whitenoise.middleware.WhiteNoiseMiddleware"
)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
# SAMEORIGIN, not DENY: Wagtail's preview panel shows the site's own pages in a frame.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    "security.W019",  # X_FRAME_OPTIONS is SAMEORIGIN on purpose, for Wagtail's preview panel (see above)
    *(["security.W021"] if not SECURE_HSTS_PRELOAD else []),  # preloading is a per-domain decision: HSTS_PRELOAD
]
