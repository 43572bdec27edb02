"""Access administration in the Wagtail admin: who may change access, and what each screen does."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from access.factories import CohortFactory, UserFactory
from access.models import AccessEvent, CourseAccess
from access.services import grant_course_access, join_cohort
from courses.factories import course_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return course_tree(title="Testing 101")[0]


@pytest.fixture
def manager(client):
    user = UserFactory(username="manager")
    user.groups.add(Group.objects.get(name="Access managers"))
    client.force_login(user)
    return user


def test_access_manager_grants_access_with_an_expiry_and_notes(client, manager, course, learner):
    response = client.post(
        "/admin/access/grant/",
        {
            "student": "learner@example.com",
            "course": course.pk,
            "access_type": "manual",
            "notes": "Scholarship",
            "expires_at": "2099-01-01 10:00",
        },
    )
    assert response.status_code == 302
    record = CourseAccess.objects.get(user=learner)
    assert (record.granted_by, record.notes, record.expires_at.year) == (manager, "Scholarship", 2099)
    assert AccessEvent.objects.get(access=record).actor == manager


def test_grant_to_an_unknown_student_says_so_and_writes_nothing(client, manager, course):
    response = client.post("/admin/access/grant/", {"student": "nobody", "course": course.pk, "access_type": "manual"})
    assert "No user with the username or email “nobody”." in response.content.decode()
    assert not CourseAccess.objects.exists()


@pytest.mark.parametrize(
    "url", ["/admin/access/grant/", "/admin/access/bulk-grant/", "/admin/access/1/revoke/", "/admin/access/1/expiry/"]
)
def test_editors_without_the_permission_cannot_change_access(client, editor, course, learner, url):
    record = grant_course_access(user=learner, course=course)
    url = url.replace("/1/", f"/{record.pk}/")
    client.force_login(editor)
    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message.
    assert client.get(url).url == "/admin/"
    assert client.post(url, {"reason": "x", "emails": "learner@example.com", "confirm": "1"}).url == "/admin/"
    record.refresh_from_db()
    assert record.status == "unlocked"
    assert CourseAccess.objects.count() == 1


def test_editor_cannot_post_actions_on_the_student_page(client, editor, course, learner):
    client.force_login(editor)
    response = client.post(
        f"/admin/students/{learner.pk}/", {"action": "grant", "grant-course": course.pk, "grant-access_type": "manual"}
    )
    assert response.url == "/admin/"
    assert not CourseAccess.objects.exists()


def test_revoke_needs_a_reason_and_keeps_the_row(client, manager, course, learner):
    record = grant_course_access(user=learner, course=course)
    response = client.post(f"/admin/access/{record.pk}/revoke/", {"reason": ""})
    assert "This field is required." in response.content.decode()
    record.refresh_from_db()
    assert record.status == "unlocked"

    client.post(f"/admin/access/{record.pk}/revoke/", {"reason": "Chargeback"})
    record.refresh_from_db()
    assert (record.status, record.revocation_reason, record.revoked_by) == ("revoked", "Chargeback", manager)


def test_expiry_change_is_recorded(client, manager, course, learner):
    record = grant_course_access(user=learner, course=course)
    client.post(f"/admin/access/{record.pk}/expiry/", {"expires_at": "2099-06-01 00:00", "reason": "Extension"})
    event = AccessEvent.objects.get(action="expiry_change")
    assert (event.reason, event.details["previous_expiry"]) == ("Extension", None)


def test_student_page_shows_access_sources_and_the_audit_trail(client, manager, course, learner):
    cohort = CohortFactory(name="Spring class", courses=[course])
    client.post(
        f"/admin/students/{learner.pk}/",
        {"action": "join", "join-cohort": cohort.pk, "join-remove_access_on_leave": "on"},
    )
    html = client.get(f"/admin/students/{learner.pk}/").content.decode()
    assert "Cohort: Spring class" in html
    assert "Joined cohort" in html
    assert "Testing 101" in html


def test_student_page_reports_a_refused_action_without_losing_anything(client, manager, course, learner):
    cohort = CohortFactory(name="Spring class", courses=[course])
    client.post(f"/admin/students/{learner.pk}/", {"action": "leave", "leave-cohort": cohort.pk}, follow=True)
    response = client.post(f"/admin/students/{learner.pk}/", {"action": "leave", "leave-cohort": cohort.pk})
    assert "is not in the cohort “Spring class”" in response.content.decode()


def test_bulk_grant_preview_lists_creates_skips_and_rejections_and_writes_nothing(client, manager, course):
    UserFactory(email="ana@example.com")
    owner = UserFactory(email="bo@example.com")
    grant_course_access(user=owner, course=course)
    response = client.post(
        "/admin/access/bulk-grant/",
        {"emails": "email\nana@example.com\nBO@example.com\nnot-an-email\nghost@example.com", "courses": [course.pk]},
    )
    html = response.content.decode()
    assert "1 to create, 1 to skip, 2 rejected." in html
    assert "Line 4: “not-an-email”. Not an email address." in html
    assert "Line 5: “ghost@example.com”. No account with this email address." in html
    assert CourseAccess.objects.count() == 1


def test_bulk_grant_confirm_applies_the_plan(client, manager, course):
    ana = UserFactory(email="ana@example.com")
    client.post("/admin/access/bulk-grant/", {"emails": "ana@example.com", "courses": [course.pk], "confirm": "1"})
    assert CourseAccess.objects.get(user=ana).granted_by == manager
    assert AccessEvent.objects.get(user=ana).action == "bulk_grant"


def test_bulk_grant_reads_a_csv_file(client, manager, course):
    ana = UserFactory(email="ana@example.com")
    upload = SimpleUploadedFile("students.csv", b"email,name\nana@example.com,Ana\n", content_type="text/csv")
    client.post("/admin/access/bulk-grant/", {"csv_file": upload, "courses": [course.pk], "confirm": "1"})
    assert CourseAccess.objects.filter(user=ana).exists()


def test_bulk_grant_refuses_a_file_that_is_not_utf8(client, manager, course):
    upload = SimpleUploadedFile("students.csv", b"\xff\xfe\x00a\x00", content_type="text/csv")
    response = client.post("/admin/access/bulk-grant/", {"csv_file": upload, "courses": [course.pk]})
    assert "not UTF-8" in response.content.decode()


def test_bulk_grant_without_a_target_explains(client, manager):
    response = client.post("/admin/access/bulk-grant/", {"emails": "ana@example.com"})
    assert "Choose at least one course, a bundle or a cohort." in response.content.decode()


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_audit_trail_cannot_be_edited_or_deleted_in_the_admin(client, course, learner, action):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    grant_course_access(user=learner, course=course)
    event = AccessEvent.objects.get()
    response = client.post(f"/admin/access_events/{action}/{event.pk}/", {"reason": "rewritten"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.reason == ""


def test_access_records_list_searches_by_student_email(client, manager, course, learner):
    grant_course_access(user=learner, course=course)
    grant_course_access(user=UserFactory(email="other@example.com"), course=course)
    html = client.get("/admin/course_access/", {"q": "learner@example"}).content.decode()
    assert "learner" in html and "other@example.com" not in html


def test_nobody_grants_access_from_the_page_editor(client, course):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    html = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert 'name="access_type"' not in html and 'name="accesses' not in html
    assert client.get("/admin/course_access/new/").url == "/admin/"


def test_access_record_page_shows_its_audit_trail_and_actions(client, manager, course, learner):
    record = grant_course_access(user=learner, course=course, granted_by=manager, notes="Scholarship")
    html = client.get(f"/admin/course_access/inspect/{record.pk}/").content.decode()
    assert "Audit trail" in html and "Granted" in html and "Scholarship" in html
    assert f"/admin/access/{record.pk}/revoke/" in html
    assert f"/admin/students/{learner.pk}/" in html


def test_access_record_page_offers_no_revoke_once_revoked(client, manager, course, learner):
    record = grant_course_access(user=learner, course=course)
    client.post(f"/admin/access/{record.pk}/revoke/", {"reason": "Refund"})
    html = client.get(f"/admin/course_access/inspect/{record.pk}/").content.decode()
    assert f"/admin/access/{record.pk}/revoke/" not in html
    assert "Revoked" in html and "Refund" in html


def test_users_list_links_each_user_to_their_student_page(client, learner):
    client.force_login(UserFactory(is_superuser=True))
    html = client.get("/admin/users/").content.decode()
    assert f"/admin/students/{learner.pk}/" in html


def test_cohort_editor_lists_members_and_links_to_a_bulk_grant(client, manager, course, learner):
    cohort = CohortFactory(courses=[course])
    join_cohort(user=learner, cohort=cohort)
    html = client.get(f"/admin/snippets/access/cohort/edit/{cohort.pk}/").content.decode()
    assert f"/admin/students/{learner.pk}/" in html
    assert f"/admin/access/bulk-grant/?cohort={cohort.pk}" in html


def test_cohort_list_counts_members(client, manager, course, learner):
    cohort = CohortFactory(name="Autumn class", courses=[course])
    join_cohort(user=learner, cohort=cohort)
    join_cohort(user=UserFactory(), cohort=cohort)
    response = client.get("/admin/snippets/access/cohort/")
    [row] = [row for row in response.context["object_list"] if row.pk == cohort.pk]
    assert row.member_count == 2


def test_bulk_grant_link_preselects_the_cohort(client, manager, course):
    cohort = CohortFactory(courses=[course])
    response = client.get(f"/admin/access/bulk-grant/?cohort={cohort.pk}")
    assert response.context["form"]["cohort"].value() == str(cohort.pk)


def test_student_page_queries_do_not_grow_with_the_student_s_records(client, manager, learner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/admin/students/{learner.pk}/").status_code == 200
        return len(captured)

    first = course_tree(title="First")[0]
    grant_course_access(user=learner, course=first, granted_by=manager)
    few = queries()
    for number in range(3):
        course = course_tree(title=f"More {number}")[0]
        join_cohort(user=learner, cohort=CohortFactory(courses=[course]), added_by=manager)
        grant_course_access(user=learner, course=course, granted_by=manager)
    assert queries() <= few


@pytest.mark.parametrize("url", ["/admin/access/grant/", "/admin/access/bulk-grant/", "student"])
def test_access_forms_load_their_widgets_scripts(client, manager, learner, url):
    client.force_login(manager)
    url = reverse("access_student", args=[learner.pk]) if url == "student" else url
    html = client.get(url).content.decode()
    assert "date-time-chooser" in html  # the "Expires at" picker works only with its script


def test_bulk_grant_refuses_a_list_longer_than_the_cap_and_writes_nothing(client, manager, course):
    from access.bulk_grants import MAX_BULK_GRANT_ROWS

    emails = "\n".join(f"student{number}@example.com" for number in range(MAX_BULK_GRANT_ROWS + 1))
    response = client.post("/admin/access/bulk-grant/", {"emails": emails, "courses": [course.pk], "confirm": "1"})
    assert response.status_code == 200
    expected = f"at most {MAX_BULK_GRANT_ROWS} addresses; this one has {MAX_BULK_GRANT_ROWS + 1}"
    assert expected in response.content.decode()
    assert not CourseAccess.objects.exists()


def test_bulk_grant_file_with_a_nul_character_rejects_that_line(client, manager, course):
    ana = UserFactory(email="ana@example.com")
    upload = SimpleUploadedFile("students.csv", b"ana@example.com\nbob\x00@example.com\n", content_type="text/csv")
    response = client.post("/admin/access/bulk-grant/", {"csv_file": upload, "courses": [course.pk]})
    assert response.status_code == 200
    assert "Line 2" in response.content.decode() and "Not an email address." in response.content.decode()
    assert not CourseAccess.objects.filter(user=ana).exists()  # a preview writes nothing
