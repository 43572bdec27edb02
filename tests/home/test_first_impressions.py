"""What a new visitor notices first: labels said once, one error per mistake, a title without the
school's name twice, and an icon in the browser tab."""

import re

import pytest
from django.contrib.staticfiles import finders

from access.factories import UserFactory
from access.services import grant_course_access
from courses.factories import ModulePageFactory, course_tree, publish
from courses.models import UserProgress
from home.models import HomePage
from quizzes.factories import QuizFactory

pytestmark = pytest.mark.django_db


def breadcrumb(html):
    return re.search(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', html, re.S).group(1)


def test_a_module_titled_with_its_number_is_not_numbered_twice(client):
    course, [first], _lessons = course_tree(title="Numbered")
    first.title = "Module 1: Foundations"
    publish(first)
    publish(ModulePageFactory(parent=course, title="Practice"))

    html = client.get(course.url).content.decode()

    assert "Module 1: Foundations" in html and "Module 1: Module 1" not in html
    assert "Module 2: Practice" in html


def test_an_exam_titled_final_exam_is_not_labelled_twice(client):
    course, _modules, _lessons = course_tree(title="Examined")
    course.final_exam = QuizFactory(title="Final exam: Examined")
    publish(course)

    html = client.get(course.url).content.decode()

    assert "Final exam: Examined" in html and "Final exam: Final exam" not in html


def test_the_exam_breadcrumb_names_the_course_once(client):
    course, _modules, [lesson] = course_tree(title="Examined", lessons=[{"title": "Only lesson"}])
    course.final_exam = QuizFactory(title="Final exam: Examined")
    publish(course)
    student = UserFactory()
    grant_course_access(user=student, course=course)
    UserProgress.objects.create(user=student, lesson=lesson, completed=True, status="completed")
    client.force_login(student)

    trail = breadcrumb(client.get(course.url + "exam/").content.decode())

    assert trail.count("Examined") == 1


def test_a_wrong_password_is_said_once(client):
    UserFactory(username="sam")
    html = client.post("/login/", {"username": "sam", "password": "not-the-password"}).content.decode()
    assert html.count("Please enter a correct username and password") == 1


def test_the_home_page_title_names_the_school_once(client):
    home = HomePage.objects.first() or course_tree()[0].get_parent().get_parent().specific
    home.title = "Learning Site"
    publish(home)
    title = re.search(r"<title>(.*?)</title>", client.get("/").content.decode(), re.S).group(1)
    assert title.strip() == "Learning Site"


def test_the_browser_finds_an_icon_at_favicon_ico(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response.url.endswith("favicon.ico")
    assert finders.find("favicon.ico")
