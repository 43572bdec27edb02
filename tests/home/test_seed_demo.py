"""seed_demo builds the demo site; running it again changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

from access.models import AccessEvent, Bundle, CohortMember, CourseAccess, LearningPathCourse
from access.selectors import has_course_access
from courses.models import CoursePage, CourseReview, LessonPage, ModulePage, UserProgress
from home.models import SchoolFooterLink, SchoolSettings
from quizzes.models import Quiz

# Every test here reads the one demo site the module builds (see conftest.demo_site).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log entries": PageLogEntry.objects.count(),
        "users": get_user_model().objects.count(),
        "accesses": CourseAccess.objects.count(),
        "access events": AccessEvent.objects.count(),
        "bundles": Bundle.objects.count(),
        "cohort members": CohortMember.objects.count(),
        "learning path steps": LearningPathCourse.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "quizzes": Quiz.objects.count(),
        "progress": UserProgress.objects.count(),
        "reviews": CourseReview.objects.count(),
        "passwords": sorted(get_user_model().objects.values_list("password", flat=True)),
        "school": list(SchoolSettings.objects.values_list("name", "contact_line", "contact_email")),
        "footer links": list(SchoolFooterLink.objects.values_list("label", "url", "sort_order")),
    }


def test_seed_demo_builds_the_courses_users_and_access(client):
    software_testing = CoursePage.objects.get(slug="software-testing-ai")
    modules = ModulePage.objects.child_of(software_testing)
    assert modules.count() == 16
    assert all(LessonPage.objects.child_of(module).count() >= 8 for module in modules)
    assert LessonPage.objects.descendant_of(CoursePage.objects.get(slug="virtual-rockstar")).count() == 12
    users = {user.username: user for user in get_user_model().objects.all()}
    assert has_course_access(users["student"], software_testing)[0]
    assert not has_course_access(users["learner"], software_testing)[0]
    assert users["admin"].is_superuser and users["editor"].groups.filter(name="Editors").exists()
    assert client.get("/").status_code == 200
    assert client.get(software_testing.url).status_code == 200


def test_demo_student_is_in_a_cohort_for_the_drip_course():
    rockstar = CoursePage.objects.get(slug="virtual-rockstar")
    student = CohortMember.objects.get().user
    assert student.username == "student"
    assert has_course_access(student, rockstar)[0]
    assert rockstar.access_duration_type == "drip"


def test_seed_demo_prints_the_demo_logins(capsys):
    call_command("seed_demo", force=True)
    assert "student  / student-demo-2026" in capsys.readouterr().out


def test_running_seed_demo_again_changes_nothing():
    before = snapshot()
    call_command("seed_demo", force=True)
    assert snapshot() == before


def test_demo_has_quizzes_on_lessons_of_both_courses_and_an_exam():
    software_testing = CoursePage.objects.get(slug="software-testing-ai")
    exam = software_testing.final_exam
    assert exam.live and (exam.question_count, exam.questions_per_attempt, exam.passing_score) == (64, 30, 70)
    with_quizzes = {lesson.course.slug for lesson in LessonPage.objects.filter(quiz__isnull=False)}
    assert with_quizzes == {"software-testing-ai", "virtual-rockstar"}


def test_demo_student_has_progress_so_the_dashboard_looks_alive(client):
    client.force_login(get_user_model().objects.get(username="student"))
    response = client.get("/my-dashboard/")
    stats = response.context["stats"]
    assert stats.lessons_done == 3 and stats.enrolled == 2
    assert {summary.action for summary in response.context["summaries"]} == {"continue"}


def test_the_demo_school_has_a_name_a_contact_line_and_footer_links(client):
    html = client.get("/courses/").content.decode()
    assert '<a class="brand" href="/">Northbridge School of Software Testing</a>' in html
    school = SchoolSettings.objects.get()
    assert school.contact_line and school.contact_email == "hello@northbridge.example"
    assert [link.label for link in school.footer_links.all()] == ["About", "Courses", "Contact"]


def test_seed_demo_leaves_a_school_someone_renamed_alone():
    SchoolSettings.objects.update(name="Harbour Lane Academy")
    call_command("seed_demo", force=True)
    assert SchoolSettings.objects.get().name == "Harbour Lane Academy"
