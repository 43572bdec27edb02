"""A student who forgot their password gets a link by email; the form never says whether an
address has an account, and it cannot be used to flood an inbox."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from access.factories import UserFactory

# Emails leave once the request's transaction commits, so these tests let it commit.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_PASSWORD = "a-brand-new-passphrase-2026"


@pytest.fixture
def ada():
    return UserFactory(username="ada", email="ada@example.com")


def ask_for_reset(client, email, address="192.0.2.10"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_a_reset_link_by_email_lets_the_student_choose_a_new_password(client, ada):
    response = ask_for_reset(client, "ADA@example.com")
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    (message,) = mail.outbox
    assert message.to == ["ada@example.com"] and "Your username is ada." in message.body
    link = re.search(r"http://testserver(/password-reset/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done.url == reverse("password_reset_complete")
    ada.refresh_from_db()
    assert ada.check_password(NEW_PASSWORD)


def reset_link(client):
    ask_for_reset(client, "ada@example.com")
    return re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[-1].body).group(1)


def choose_password(client, link):
    form_page = client.get(link, follow=True)
    return client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})


def test_a_reset_link_works_once(client, ada):
    link = reset_link(client)
    choose_password(client, link)

    again = client.get(link, follow=True).content.decode()

    assert "This link does not work any more" in again


def test_an_expired_reset_link_changes_nothing(client, ada, settings):
    link = reset_link(client)
    settings.PASSWORD_RESET_TIMEOUT = -1  # every link is older than that

    assert "This link does not work any more" in client.get(link, follow=True).content.decode()
    client.post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True)
    ada.refresh_from_db()
    assert not ada.check_password(NEW_PASSWORD)


def test_the_reset_email_has_an_html_part_with_the_same_link(client, ada):
    link = reset_link(client)
    html, mimetype = mail.outbox[-1].alternatives[0]
    assert mimetype == "text/html" and f"http://testserver{link}" in html


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, ada):
    known = ask_for_reset(client, "ada@example.com")
    unknown = ask_for_reset(client, "nobody@example.com")
    assert (unknown.status_code, unknown.url) == (known.status_code, known.url)
    assert len(mail.outbox) == 1


def test_one_address_gets_a_few_links_an_hour_at_most(client, ada, settings):
    codes = [ask_for_reset(client, "ada@example.com", address=f"192.0.2.{n}").status_code for n in range(4)]
    assert codes == [302, 302, 302, 429]
    assert len(mail.outbox) == 3


def test_one_client_asks_a_few_times_an_hour_at_most(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "password_reset": (2, 3600)}
    codes = [ask_for_reset(client, f"someone{n}@example.com").status_code for n in range(3)]
    assert codes == [302, 302, 429]


def test_the_login_page_links_to_the_reset(client):
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()


def test_the_admin_has_no_reset_of_its_own_around_the_limits(client):
    assert client.get("/admin/password_reset/").status_code == 404
