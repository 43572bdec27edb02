"""With ACCREDIBLE_API_KEY set, a new certificate is also issued on Accredible (a fake one on loopback)."""

import pytest

from access.factories import UserFactory
from courses.factories import course_tree
from quizzes.factories import certify
from tests.fake_servers import FakeServer

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder():
    return UserFactory(first_name="Ada", last_name="Lovelace", email="ada@example.com")


def issue_with(settings, server, holder, capture):
    settings.ACCREDIBLE_API_KEY = "test-key"
    settings.ACCREDIBLE_API_URL = server.url + "/v1"
    with capture(execute=True):
        certificate = certify(user=holder, course=course_tree(title="Testing 101")[0])
    certificate.refresh_from_db()
    return certificate


def test_certificate_is_issued_on_accredible(settings, holder, django_capture_on_commit_callbacks):
    credential = {"credential": {"id": 4242, "url": "https://www.credential.net/4242"}}
    with FakeServer(lambda path, headers, body: (200, credential)) as server:
        certificate = issue_with(settings, server, holder, django_capture_on_commit_callbacks)
    [(path, headers, body)] = server.requests
    assert path == "/v1/credentials" and headers["authorization"] == "Token token=test-key"
    assert body["credential"]["recipient"] == {"name": "Ada Lovelace", "email": "ada@example.com"}
    assert body["credential"]["name"] == "Testing 101"
    assert (certificate.accredible_credential_id, certificate.accredible_url) == (
        "4242",
        "https://www.credential.net/4242",
    )


def test_an_accredible_failure_is_recorded_and_the_certificate_stands(
    settings, holder, django_capture_on_commit_callbacks
):
    with FakeServer(lambda path, headers, body: (500, {"error": "down"})) as server:
        certificate = issue_with(settings, server, holder, django_capture_on_commit_callbacks)
    assert certificate.is_valid
    assert certificate.accredible_error == "Accredible refused the credential (HTTP 500)."


def test_an_answer_without_a_credential_is_an_error(settings, holder, django_capture_on_commit_callbacks):
    with FakeServer(lambda path, headers, body: (200, {"unexpected": True})) as server:
        certificate = issue_with(settings, server, holder, django_capture_on_commit_callbacks)
    assert certificate.accredible_error == "Accredible's answer has no credential in it."


def test_without_a_key_accredible_is_never_called(settings, holder, django_capture_on_commit_callbacks):
    settings.ACCREDIBLE_API_KEY = ""
    with FakeServer(lambda path, headers, body: (200, {})) as server:
        settings.ACCREDIBLE_API_URL = server.url + "/v1"
        with django_capture_on_commit_callbacks(execute=True):
            certify(user=holder, course=course_tree()[0])
    assert server.requests == []
