"""/account/: the student's name, email address and password, and what they bought and earned."""

import pytest

from access.factories import UserFactory
from access.services import grant_course_access
from courses.factories import course_tree
from quizzes.factories import certify
from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def post(client, form, **data):
    return client.post("/account/", {"form": form, **data})


def test_the_account_page_needs_a_login(client):
    response = client.get("/account/")
    assert response.status_code == 302
    assert response.url.startswith("/login/")


def test_the_account_page_is_never_kept_by_a_shared_cache(client, student):
    response = client.get("/account/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_new_name_is_saved_for_the_next_certificates(client, student):
    response = post(client, "name", first_name=" Nia  Grace ", last_name="Okafor")
    assert response.status_code == 302
    student.refresh_from_db()
    assert (student.first_name, student.last_name) == ("Nia Grace", "Okafor")
    assert "New certificates will carry it." in client.get("/account/").content.decode()


def test_an_empty_last_name_is_refused_and_the_old_name_stays(client, student):
    response = post(client, "name", first_name="Nia", last_name="  ")
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    student.refresh_from_db()
    assert student.last_name == "Okafor"


def test_the_email_address_changes_with_the_current_password(client, student):
    response = post(client, "email", email="Nia.New@Example.com", current_password=PASSWORD)
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.email == "nia.new@example.com"


def test_a_wrong_password_leaves_the_email_address_as_it_was(client, student):
    response = post(client, "email", email="nia.new@example.com", current_password="not-my-password")
    assert "That is not your current password." in response.content.decode()
    student.refresh_from_db()
    assert student.email == "nia@example.com"


def test_an_address_another_account_uses_is_refused(client, student):
    UserFactory(email="taken@example.com")
    response = post(client, "email", email="TAKEN@example.com", current_password=PASSWORD)
    assert "Another account uses this address." in response.content.decode()
    student.refresh_from_db()
    assert student.email == "nia@example.com"


def test_a_changed_password_works_and_the_student_stays_logged_in(client, student):
    new = "another-strong-password-42"
    response = post(client, "password", old_password=PASSWORD, new_password1=new, new_password2=new)
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.check_password(new)
    assert client.get("/account/").status_code == 200  # the session survived the change


def test_a_weak_new_password_is_refused_with_the_validator_message(client, student):
    response = post(client, "password", old_password=PASSWORD, new_password1="12345678", new_password2="12345678")
    assert "too common" in response.content.decode()
    student.refresh_from_db()
    assert student.check_password(PASSWORD)


def test_a_form_the_page_does_not_have_is_a_message_not_an_error(client, student):
    response = post(client, "nonsense")
    assert response.status_code == 302
    assert "not on this page any more" in client.get("/account/").content.decode()


def test_the_account_page_lists_purchases_and_certificates(client, student):
    bought, _modules, _lessons = course_tree(title="Bought course")
    grant_course_access(user=student, course=bought, access_type="purchase", purchase_id="order-77")
    earned, _modules, _lessons = course_tree(title="Earned course")
    certificate = certify(user=student, course=earned)

    html = client.get("/account/").content.decode()

    assert "Bought course" in html and "order-77" in html
    assert certificate.get_absolute_url() in html
