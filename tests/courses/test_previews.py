"""Editors preview lessons as students would see them: also before the first save, and without the
preview touching the editor's own learner records."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.factories import course_tree
from courses.models import LessonNote, UserProgress
from quizzes.factories import QuizFactory

pytestmark = pytest.mark.django_db


def new_lesson_form(**fields):
    return nested_form_data(
        {
            "title": "A lesson being written",
            "slug": "a-lesson-being-written",
            "lesson_type": "text",
            "access_level": "guest",
            "duration_minutes": 10,
            "summary": "",
            "learning_objectives": "",
            "transcript": "",
            "body": streamfield([("text", {"audience": "enrolled", "text": rich_text("<p>Fresh words.</p>")})]),
            **fields,
        }
    )


@pytest.mark.parametrize(("mode", "shows_text"), [("enrolled", True), ("guest", False)])
def test_a_new_lesson_can_be_previewed_before_its_first_save(client, editor, mode, shows_text):
    _course, modules, _lessons = course_tree()
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=["courses", "lessonpage", modules[0].pk])
    posted = client.post(f"{preview_url}?mode={mode}", data=new_lesson_form())
    assert posted.json() == {"is_valid": True, "is_available": True}
    response = client.get(preview_url, {"mode": mode})
    assert response.status_code == 200
    assert ("Fresh words." in response.content.decode()) is shows_text


def test_a_new_lesson_with_a_quiz_can_be_previewed(client, editor):
    _course, modules, _lessons = course_tree()
    quiz = QuizFactory(title="Check yourself")
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=["courses", "lessonpage", modules[0].pk])
    client.post(f"{preview_url}?mode=enrolled", data=new_lesson_form(quiz=quiz.pk))
    response = client.get(preview_url, {"mode": "enrolled"})
    assert response.status_code == 200 and "Check yourself" in response.content.decode()


def test_a_preview_shows_no_progress_reporting_nor_the_editor_s_notes(client, editor):
    _course, _modules, (lesson,) = course_tree(lessons=[{"title": "Live lesson"}])
    LessonNote.objects.create(user=editor, lesson=lesson, text="My private editor note")
    UserProgress.objects.create(user=editor, lesson=lesson, completed=True, status="completed")
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
    client.post(f"{preview_url}?mode=enrolled", data=new_lesson_form(title="Live lesson", slug=lesson.slug))
    html = client.get(preview_url, {"mode": "enrolled"}).content.decode()
    assert "My private editor note" not in html and "You completed this lesson" not in html
    assert "data-progress-url" not in html and "js/player.js" not in html
