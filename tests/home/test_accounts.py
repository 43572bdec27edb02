"""Sign-up, log-in with a safe `next`, and log-out."""

import pytest
from django.contrib.auth import get_user_model

from access.factories import UserFactory

pytestmark = pytest.mark.django_db


def register(client, **overrides):
    data = {
        "username": "newstudent",
        "email": "new@example.com",
        "first_name": "Nia",
        "last_name": "Okafor",
        "password1": "correct-horse-battery",
        "password2": "correct-horse-battery",
        **overrides,
    }
    return client.post("/register/", data)


def test_sign_up_creates_a_logged_in_registered_user(client):
    response = register(client)
    assert response.status_code == 302
    user = get_user_model().objects.get(username="newstudent")
    assert not user.is_staff and not user.course_accesses.exists()
    assert client.get("/").context["request"].user == user


def test_sign_up_keeps_the_name_certificates_will_print(client):
    register(client, first_name="  Nia ", last_name="Okafor  Adeyemi")
    user = get_user_model().objects.get(username="newstudent")
    assert (user.first_name, user.last_name) == ("Nia", "Okafor Adeyemi")


def test_sign_up_without_a_last_name_is_refused(client):
    response = register(client, last_name="")
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not get_user_model().objects.filter(username="newstudent").exists()


def test_the_sign_up_form_says_the_name_is_printed_on_certificates(client):
    assert "printed on your certificates" in client.get("/register/").content.decode()


def test_sign_up_returns_to_a_local_next_page(client):
    response = register(client, next="/courses/")
    assert response.url == "/courses/"


def test_sign_up_ignores_a_next_page_on_another_site(client):
    response = register(client, next="https://evil.example.com/steal")
    assert response.url == "/"


@pytest.mark.parametrize(
    ("password", "message"),
    [("short1", "too short"), ("password123", "too common"), ("83749201937", "entirely numeric")],
)
def test_sign_up_rejects_weak_passwords_with_the_validator_message(client, password, message):
    response = register(client, password1=password, password2=password)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(username="newstudent").exists()


def test_sign_up_rejects_an_email_that_already_has_an_account(client):
    UserFactory(email="new@example.com")
    response = register(client, email="NEW@example.com")
    assert "already exists" in response.content.decode()
    assert not get_user_model().objects.filter(username="newstudent").exists()


def test_sign_up_keeps_what_was_typed_when_it_fails(client):
    response = register(client, password2="something-else-entirely")
    html = response.content.decode()
    assert 'value="newstudent"' in html
    assert 'value="new@example.com"' in html


def login(client, next_url):
    UserFactory(username="sam", password="a-strong-test-password")
    return client.post("/login/", {"username": "sam", "password": "a-strong-test-password", "next": next_url})


def test_login_follows_a_local_next(client):
    assert login(client, "/courses/some-course/").url == "/courses/some-course/"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example.com/",
        "//evil.example.com/",
        "/\\evil.example.com",
        "javascript:alert(1)",
        "http://testserver@evil.example.com/",
    ],
)
def test_login_never_redirects_off_site(client, next_url):
    response = login(client, next_url)
    assert response.status_code == 302
    assert response.url == "/"


def test_login_with_a_wrong_password_says_so(client):
    UserFactory(username="sam")
    response = client.post("/login/", {"username": "sam", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_logout_needs_a_post(client):
    client.force_login(UserFactory())
    assert client.get("/logout/").status_code == 405
    client.post("/logout/")
    assert not client.get("/").context["request"].user.is_authenticated
