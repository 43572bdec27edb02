# `make run` and `make test` are the whole set-up; both build .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test e2e lint format check seed clean prod bench bench-data

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

# `make run STRIPE_FAKE=1`: checkout goes to a fake Stripe on 127.0.0.1 (payments/fake_stripe.py),
# whose "Pay" button sends the signed webhook events back, so buying can be tried without keys.
FAKE_STRIPE_PORT ?= 12111
FAKE_STRIPE_ENV = STRIPE_SECRET_KEY=sk_test_fake STRIPE_PUBLISHABLE_KEY=pk_test_fake \
	STRIPE_API_BASE=http://127.0.0.1:$(FAKE_STRIPE_PORT) STRIPE_WEBHOOK_SECRET=whsec_demo \
	STRIPE_MEMBERSHIP_PRICE_ID=price_demo_membership

run: $(VENV)/.runtime-installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --if-empty
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
ifeq ($(STRIPE_FAKE),1)
	@echo "Checkout uses the fake Stripe on http://127.0.0.1:$(FAKE_STRIPE_PORT)/: no card is charged."
	$(BIN)/python -m payments.fake_stripe --port $(FAKE_STRIPE_PORT) --webhook-secret whsec_demo \
		--webhook-url http://127.0.0.1:$(PORT)/payments/stripe/webhook/ & fake=$$!; \
		trap "kill $$fake" EXIT INT TERM; \
		$(FAKE_STRIPE_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)
else
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)
endif

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: $(VENV)/.dev-installed
	DJANGO_SETTINGS_MODULE=learning_site.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=learning_site.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=learning_site.settings.production ALLOWED_HOSTS=learn.example.com \
		SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

test: lint check
	$(BIN)/pytest $(PYTEST_ARGS)

# Browser journeys (tests/e2e, left out of `make test`): Debian's Chromium against a live server.
# Point DATABASE_URL at PostgreSQL, as CI does. Screenshots go to test-artifacts/.
e2e: $(VENV)/.dev-installed
	$(BIN)/pytest tests/e2e -m e2e $(PYTEST_ARGS)

# The production stack on this machine (gunicorn, a task worker, WhiteNoise), against DATABASE_URL
# and REDIS_URL (local PostgreSQL and Redis by default). See docs/deploy.md.
prod: $(VENV)/.runtime-installed
	BIN=$(BIN) PORT=$(PORT) deploy/serve.sh

# The benchmark (benchmark/run.py): the production stack under load on a large data set in PostgreSQL
# (its own database) and Redis. BENCH_ARGS=--quick tries it on a small data set in a few minutes.
bench: $(VENV)/.dev-installed
	$(BIN)/python -m benchmark.run $(BENCH_ARGS)

# Only the bench data set, in the benchmark's database (make_bench_data fills any site's database).
bench-data: $(VENV)/.dev-installed
	$(BIN)/python -m benchmark.run --data-only $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media test-artifacts static_collected
