#!/usr/bin/env bash
# The production stack on one machine: migrations, collectstatic, one task worker, the scheduled
# emails every five minutes, the analytics roll-ups every hour and gunicorn, with production
# settings, against DATABASE_URL and REDIS_URL. `make prod` runs it; Ctrl-C stops them all.
# On plain HTTP (a laptop) it switches the HTTPS redirect, secure cookies and HSTS off unless told
# otherwise; behind a TLS proxy set SECURE_SSL_REDIRECT, SECURE_COOKIES and HSTS_SECONDS yourself.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}

export DJANGO_SETTINGS_MODULE=learning_site.settings.production
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/learning_site}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-false}
export SECURE_COOKIES=${SECURE_COOKIES:-false}
export HSTS_SECONDS=${HSTS_SECONDS:-0}
if [ -z "${SECRET_KEY:-}" ]; then
    echo "SECRET_KEY is not set: using a random one (every restart signs everyone out)." >&2
    SECRET_KEY=$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))')
    export SECRET_KEY
fi

"$BIN/python" manage.py migrate --noinput
"$BIN/python" manage.py collectstatic --noinput --verbosity 0

"$BIN/python" manage.py db_worker --no-reload &
WORKER_PID=$!
# The clock's emails (expiry warnings, drip unlocks, retries), every five minutes.
(while true; do "$BIN/python" manage.py send_scheduled_emails || true; sleep 300; done) &
CLOCK_PID=$!
# The analytics roll-ups, every hour, so each day has its row even when nobody opens the page.
(while true; do "$BIN/python" manage.py recount_analytics || true; sleep 3600; done) &
ROLLUP_PID=$!
trap 'kill "$WORKER_PID" "$CLOCK_PID" "$ROLLUP_PID" 2>/dev/null || true' EXIT INT TERM

"$BIN/gunicorn" -c gunicorn.conf.py
