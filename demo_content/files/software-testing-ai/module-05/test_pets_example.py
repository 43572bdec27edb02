"""Example tests for the Module 5 project (save as tests/test_pets.py next to conftest.py).

Needs: pip install requests pytest jsonschema pytest-html
Data:  tests/data/pets-test-data.csv
Run:   pytest -v                      all tests
       pytest -m smoke                the quick checks only
       pytest --html=reports/report.html --self-contained-html
"""

import pytest
from jsonschema import Draft202012Validator

from conftest import TIMEOUT, load_rows, new_id

# The Pet schema from the Petstore's OpenAPI document (components/schemas/Pet), as JSON Schema.
PET_SCHEMA = {
    "type": "object",
    "required": ["name", "photoUrls"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "category": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
        },
        "photoUrls": {"type": "array", "items": {"type": "string"}},
        "tags": {
            "type": "array",
            "items": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}},
        },
        "status": {"enum": ["available", "pending", "sold"]},
    },
}
PET = Draft202012Validator(PET_SCHEMA)


def schema_problems(document):
    return [f"{error.json_path}: {error.message}" for error in PET.iter_errors(document)]


# Smoke ----------------------------------------------------------------------------------------


@pytest.mark.smoke
def test_find_by_status_returns_only_that_status(api, base_url):
    response = api.get(f"{base_url}/pet/findByStatus", params={"status": "available"}, timeout=TIMEOUT)

    assert response.status_code == 200
    pets = response.json()
    assert isinstance(pets, list)
    assert all(pet.get("status") == "available" for pet in pets), "a pet with another status came back"


# Life cycle -----------------------------------------------------------------------------------


def test_a_created_pet_can_be_read_back_and_matches_the_schema(api, base_url, make_pet):
    pet = make_pet(name="Rex", status="pending")

    response = api.get(f"{base_url}/pet/{pet['id']}", timeout=TIMEOUT)

    assert response.status_code == 200
    body = response.json()
    assert (body["name"], body["status"]) == ("Rex", "pending")
    assert not schema_problems(body), schema_problems(body)


def test_put_replaces_the_pet(api, base_url, make_pet):
    pet = make_pet(name="Rex")

    response = api.put(f"{base_url}/pet", json={**pet, "status": "sold"}, timeout=TIMEOUT)

    assert response.status_code == 200
    assert api.get(f"{base_url}/pet/{pet['id']}", timeout=TIMEOUT).json()["status"] == "sold"


def test_a_deleted_pet_is_gone(api, base_url, make_pet):
    pet = make_pet()

    assert api.delete(f"{base_url}/pet/{pet['id']}", timeout=TIMEOUT).status_code == 200
    assert api.get(f"{base_url}/pet/{pet['id']}", timeout=TIMEOUT).status_code == 404


# Data-driven: one test per row of tests/data/pets-test-data.csv ----------------------------------

MISSING = "<missing>"


def body_from(row):
    """A pet body built from one CSV row; '<missing>' leaves the field out entirely."""
    body = {"id": new_id(), "category": {"id": 1, "name": row["category"]}}
    if row["name"] != MISSING:
        body["name"] = row["name"]
    if row["status"] != MISSING:
        body["status"] = row["status"]
    if row["photo_urls"] != MISSING:
        body["photoUrls"] = [url for url in row["photo_urls"].split("|") if url]
    body["tags"] = [{"id": index, "name": name} for index, name in enumerate(row["tags"].split("|"), 1) if name]
    return body


ROWS = load_rows("pets-test-data.csv")


@pytest.mark.parametrize("row", ROWS, ids=[row["case_id"] for row in ROWS])
def test_create_pet_from_data(api, base_url, row):
    body = body_from(row)

    response = api.post(f"{base_url}/pet", json=body, timeout=TIMEOUT)
    try:
        assert response.status_code == int(row["expected_status"]), (
            f"{row['note']}: expected {row['expected_status']}, got {response.status_code} {response.text[:200]}"
        )
        if response.status_code == 200:
            stored = api.get(f"{base_url}/pet/{body['id']}", timeout=TIMEOUT).json()
            for field in ("name", "status", "photoUrls"):
                assert stored.get(field) == body.get(field), f"{field} changed on the way: {stored.get(field)!r}"
    finally:
        api.delete(f"{base_url}/pet/{body['id']}", timeout=TIMEOUT)  # clean up, whatever happened
