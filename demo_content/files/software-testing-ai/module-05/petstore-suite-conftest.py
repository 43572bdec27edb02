"""conftest.py for the Module 5 project: a pytest suite for the Swagger Petstore (OpenAPI 3 version).

Save this file as tests/conftest.py in your project. Configure the target with an environment variable:
    PETSTORE_URL=http://localhost:8080/api/v3 pytest          (default: your local Docker copy)
    PETSTORE_URL=https://petstore3.swagger.io/api/v3 pytest   (the shared public server)
"""

import csv
import os
import time
from itertools import count
from pathlib import Path

import pytest
import requests

BASE_URL = os.environ.get("PETSTORE_URL", "http://localhost:8080/api/v3").rstrip("/")
TIMEOUT = 10  # seconds; the shared server can be slow
DATA = Path(__file__).parent / "data"

# Unique ids for this run: milliseconds at start-up plus a counter, so parallel or repeated runs
# never reuse an id, and no test touches the ten pets the Petstore starts with.
_ids = count(int(time.time() * 1000))


def new_id():
    return next(_ids)


def load_rows(filename):
    """Rows of a CSV file in tests/data as dictionaries (UTF-8, header row required)."""
    with open(DATA / filename, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def base_url():
    return BASE_URL


@pytest.fixture(scope="session")
def api():
    """One HTTP session for the whole run; JSON in, JSON out."""
    with requests.Session() as session:
        session.headers.update({"Accept": "application/json", "Content-Type": "application/json"})
        yield session


@pytest.fixture(scope="session", autouse=True)
def petstore_is_up(api, base_url):
    """Fail fast with a clear message instead of fifty confusing failures."""
    try:
        response = api.get(f"{base_url}/pet/findByStatus", params={"status": "available"}, timeout=TIMEOUT)
    except requests.ConnectionError:
        pytest.exit(f"Cannot reach the Petstore at {base_url}: is it running?", returncode=3)
    if response.status_code >= 500:
        pytest.exit(f"The Petstore at {base_url} answers {response.status_code}: try later or run it locally.", returncode=3)


@pytest.fixture
def make_pet(api, base_url):
    """Factory: make_pet(name=..., status=...) creates a pet and returns its JSON; every pet it made
    is deleted after the test, passed or failed."""
    created = []

    def _make(**fields):
        pet = {
            "id": new_id(),
            "name": "qa-suite-pet",
            "category": {"id": 1, "name": "Dogs"},
            "photoUrls": ["https://example.com/photo.jpg"],
            "tags": [{"id": 1, "name": "qa-suite"}],
            "status": "available",
        }
        pet.update(fields)
        response = api.post(f"{base_url}/pet", json=pet, timeout=TIMEOUT)
        assert response.status_code == 200, f"could not create a pet: {response.status_code} {response.text}"
        created.append(pet["id"])
        return response.json()

    yield _make
    for pet_id in created:
        api.delete(f"{base_url}/pet/{pet_id}", timeout=TIMEOUT)
