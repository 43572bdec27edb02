"""The document library never serves a lesson's file around the lesson's own audience rules,
whichever revision (published or draft) holds the file."""

import importlib

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from access.factories import UserFactory
from courses.factories import course_tree
from courses.models import LessonFile

pytestmark = pytest.mark.django_db

SECRET = b"The answers mention capybaras."


def new_document(title="Answer key", content=SECRET):
    document = get_document_model()(title=title)
    document.file.save(f"{title.lower().replace(' ', '-')}.txt", ContentFile(content))
    return document


def resource(document, audience="enrolled"):
    value = {"audience": audience, "title": document.title, "resource_type": "template", "document": document.pk}
    return {"type": "resource", "value": value}


def downloaded(response):
    if response.status_code != 200:
        return b""
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def lesson():
    _course, _modules, (lesson,) = course_tree(lessons=[{"title": "Files", "access_level": "guest"}])
    return lesson


def save_draft(lesson, body):
    draft = lesson.get_latest_revision_as_object()
    draft.body = body
    draft.save_revision()


def test_a_file_only_in_a_draft_is_not_downloadable_by_a_guest(client, lesson):
    document = new_document()
    save_draft(lesson, [resource(document, audience="guest")])
    response = client.get(document.url, follow=True)
    assert SECRET not in downloaded(response)
    assert response.status_code in (403, 404) or response.redirect_chain[-1][0].startswith("/login/")


def test_a_file_only_in_a_draft_is_not_downloadable_by_a_registered_user(client, learner, lesson):
    document = new_document()
    save_draft(lesson, [resource(document, audience="guest")])
    client.force_login(learner)
    response = client.get(document.url, follow=True)
    assert response.status_code in (403, 404) and SECRET not in downloaded(response)


def test_a_published_file_is_sent_to_the_lesson_s_own_download(client, make_student, lesson):
    document = new_document()
    lesson.body = [resource(document)]
    lesson.save_revision().publish()
    client.force_login(make_student(lesson.course))
    response = client.get(document.url)
    assert response.status_code == 302
    assert response.url == reverse("lesson_resource", args=[lesson.pk, document.pk])
    assert downloaded(client.get(response.url)) == SECRET


def test_a_file_removed_in_a_later_draft_stays_protected(client, learner, lesson):
    document = new_document()
    lesson.body = [resource(document)]
    lesson.save_revision().publish()
    save_draft(lesson, [])
    client.force_login(learner)
    response = client.get(document.url, follow=True)
    assert response.status_code == 403 and SECRET not in downloaded(response)


def test_a_file_of_a_deleted_lesson_is_not_downloadable(client, learner, lesson):
    document = new_document()
    lesson.body = [resource(document)]
    lesson.save_revision().publish()
    lesson.delete()
    client.force_login(learner)
    response = client.get(document.url)
    assert response.status_code == 404 and SECRET not in downloaded(response)


def test_a_library_file_no_lesson_uses_is_served_as_usual(client, lesson):
    document = new_document(title="Brochure", content=b"Our school")
    assert downloaded(client.get(document.url)) == b"Our school"


def test_admin_users_get_lesson_files_from_the_library(client, lesson):
    document = new_document()
    save_draft(lesson, [resource(document)])
    client.force_login(UserFactory(is_superuser=True))
    assert downloaded(client.get(document.url)) == SECRET


def test_the_migration_remembers_files_of_existing_rows_and_drafts(lesson):
    published, drafted = new_document(title="Published"), new_document(title="Drafted")
    lesson.body = [resource(published)]
    lesson.save_revision().publish()
    save_draft(lesson, [resource(drafted)])
    LessonFile.objects.all().delete()
    migration = importlib.import_module("courses.migrations.0008_lesson_files")
    migration.remember_files_already_used(apps, None)
    assert set(LessonFile.objects.values_list("document_id", "lesson_id")) == {
        (published.pk, lesson.pk),
        (drafted.pk, lesson.pk),
    }
