"""Gated text never reaches a viewer below its audience: page HTML, previews, search, API, downloads."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from access.models import CourseAccess
from access.services import revoke_course_access
from courses.factories import course_tree

GUEST_TEXT = "Every tester starts with curiosity about aardvarks."
REGISTERED_TEXT = "Registered readers learn boundary analysis with zebrafish."
ENROLLED_TEXT = "Enrolled students practise mutation testing with okapis."
GATED_PAGE_TEXT = "The whole page is about pangolins and pairwise testing."

pytestmark = pytest.mark.django_db


def tiered_body():
    return [
        {"type": "text", "value": {"audience": "guest", "text": f"<p>{GUEST_TEXT}</p>"}},
        {"type": "text", "value": {"audience": "registered", "text": f"<p>{REGISTERED_TEXT}</p>"}},
        {"type": "text", "value": {"audience": "enrolled", "text": f"<p>{ENROLLED_TEXT}</p>"}},
    ]


@pytest.fixture
def course_with_lessons():
    course, _modules, lessons = course_tree(
        lessons=[
            {"title": "Open lesson", "slug": "open", "access_level": "guest", "body": tiered_body()},
            {
                "title": "Members lesson",
                "slug": "members",
                "access_level": "registered",
                "summary": "Public teaser for members.",
                "body": [{"type": "text", "value": {"audience": "guest", "text": f"<p>{GATED_PAGE_TEXT}</p>"}}],
                "transcript": "Transcript mentions pangolins too.",
            },
            {
                "title": "Enrolled lesson",
                "slug": "enrolled",
                "access_level": "enrolled",
                "summary": "Public teaser for students.",
                "body": [{"type": "text", "value": {"audience": "guest", "text": f"<p>{GATED_PAGE_TEXT}</p>"}}],
            },
        ]
    )
    return course, {lesson.slug: lesson for lesson in lessons}


@pytest.fixture
def viewers(client, learner, editor, make_student, course_with_lessons):
    """A function that logs the client in as a named viewer and returns it."""
    course, _ = course_with_lessons
    users = {"guest": None, "registered": learner, "enrolled": make_student(course), "editor": editor}

    def as_viewer(name):
        client.logout()
        if users[name]:
            client.force_login(users[name])
        return client

    return as_viewer


def page_text(client, lesson):
    response = client.get(lesson.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("viewer", "visible", "hidden"),
    [
        ("guest", [GUEST_TEXT], [REGISTERED_TEXT, ENROLLED_TEXT]),
        ("registered", [GUEST_TEXT, REGISTERED_TEXT], [ENROLLED_TEXT]),
        ("enrolled", [GUEST_TEXT, REGISTERED_TEXT, ENROLLED_TEXT], []),
        ("editor", [GUEST_TEXT, REGISTERED_TEXT, ENROLLED_TEXT], []),
    ],
)
def test_each_block_shows_only_to_its_audience(viewers, course_with_lessons, viewer, visible, hidden):
    _course, lessons = course_with_lessons
    html = page_text(viewers(viewer), lessons["open"])
    for text in visible:
        assert text in html
    for text in hidden:
        assert text not in html
        assert "zebrafish" not in html if text == REGISTERED_TEXT else "okapis" not in html


def test_locked_block_tells_a_guest_how_to_get_in(viewers, course_with_lessons):
    _course, lessons = course_with_lessons
    html = page_text(viewers("guest"), lessons["open"])
    assert "for registered users" in html
    assert f"/login/?next={lessons['open'].url}" in html


@pytest.mark.parametrize("viewer", ["guest"])
def test_guest_gets_a_teaser_of_a_registered_lesson(viewers, course_with_lessons, viewer):
    _course, lessons = course_with_lessons
    html = page_text(viewers(viewer), lessons["members"])
    assert "Members lesson" in html
    assert "Public teaser for members." in html
    assert "Register for free" in html
    assert "pangolins" not in html


@pytest.mark.parametrize("viewer", ["guest", "registered"])
def test_viewer_below_enrolled_gets_a_teaser_of_an_enrolled_lesson(viewers, course_with_lessons, viewer):
    _course, lessons = course_with_lessons
    html = page_text(viewers(viewer), lessons["enrolled"])
    assert "Public teaser for students." in html
    assert "pangolins" not in html
    assert ("Get access" in html) if viewer == "registered" else ("Log in" in html)


@pytest.mark.parametrize(
    ("viewer", "lesson"), [("registered", "members"), ("enrolled", "enrolled"), ("editor", "enrolled")]
)
def test_entitled_viewer_reads_the_gated_lesson(viewers, course_with_lessons, viewer, lesson):
    _course, lessons = course_with_lessons
    assert GATED_PAGE_TEXT in page_text(viewers(viewer), lessons[lesson])


def test_meta_description_uses_the_public_summary_never_the_body(viewers, course_with_lessons):
    _course, lessons = course_with_lessons
    html = page_text(viewers("guest"), lessons["members"])
    assert '<meta name="description" content="Public teaser for members.">' in html


def test_access_stops_the_moment_it_expires(client, course_with_lessons, make_student):
    course, lessons = course_with_lessons
    student = make_student(course, expires_at=timezone.now() + timedelta(days=1))
    client.force_login(student)
    assert ENROLLED_TEXT in page_text(client, lessons["open"])

    CourseAccess.objects.filter(user=student).update(expires_at=timezone.now() - timedelta(seconds=1))

    html = page_text(client, lessons["open"])
    assert ENROLLED_TEXT not in html
    assert REGISTERED_TEXT in html


def test_revoked_access_stops_on_the_next_request(client, course_with_lessons, make_student, editor):
    course, lessons = course_with_lessons
    student = make_student(course)
    client.force_login(student)
    assert ENROLLED_TEXT in page_text(client, lessons["open"])

    revoke_course_access(user=student, course=course, revoked_by=editor, reason="Refunded")

    assert ENROLLED_TEXT not in page_text(client, lessons["open"])


def test_access_to_another_course_does_not_open_this_one(client, course_with_lessons, make_student):
    other_course, _modules, _lessons = course_tree()
    _course, lessons = course_with_lessons
    client.force_login(make_student(other_course))
    assert ENROLLED_TEXT not in page_text(client, lessons["open"])


# Search ---------------------------------------------------------------------------------------


def search_results(client, query):
    response = client.get(reverse("search"), {"query": query})
    assert response.status_code == 200
    return response.context["results"].lessons, response.content.decode()


@pytest.mark.parametrize(
    ("viewer", "word", "found"),
    [
        ("guest", "aardvarks", True),
        ("guest", "zebrafish", False),
        ("guest", "okapis", False),
        ("guest", "pangolins", False),
        ("registered", "zebrafish", True),
        ("registered", "okapis", False),
        ("registered", "pangolins", True),
        ("enrolled", "okapis", True),
        ("editor", "okapis", True),
    ],
)
def test_search_matches_only_text_the_viewer_may_read(viewers, viewer, word, found):
    results, _html = search_results(viewers(viewer), word)
    assert bool(results) is found


def test_search_results_quote_the_summary_never_the_body(viewers):
    results, html = search_results(viewers("guest"), "aardvarks")
    assert [lesson.slug for lesson in results] == ["open"]
    assert "A public summary of the lesson." in html
    assert GUEST_TEXT not in html


def test_gated_lesson_is_found_by_its_public_title(viewers):
    results, html = search_results(viewers("guest"), "Enrolled lesson")
    assert "enrolled" in [lesson.slug for lesson in results]
    assert "pangolins" not in html


def test_search_forgets_text_removed_by_a_new_publication(viewers, course_with_lessons):
    _course, lessons = course_with_lessons
    lesson = lessons["open"]
    lesson.body = [{"type": "text", "value": {"audience": "guest", "text": "<p>Only narwhals now.</p>"}}]
    lesson.save_revision().publish()
    assert search_results(viewers("guest"), "aardvarks")[0] == []
    assert search_results(viewers("guest"), "narwhals")[0] != []


def test_unpublished_lesson_leaves_search(viewers, course_with_lessons):
    _course, lessons = course_with_lessons
    lessons["open"].unpublish()
    assert search_results(viewers("guest"), "aardvarks")[0] == []


def test_draft_text_is_not_searchable_before_it_is_published(viewers, course_with_lessons):
    _course, lessons = course_with_lessons
    lesson = lessons["open"]
    lesson.body = [{"type": "text", "value": {"audience": "guest", "text": "<p>Draft about wombats.</p>"}}]
    lesson.save_revision()
    assert search_results(viewers("guest"), "wombats")[0] == []


def test_private_course_lessons_are_not_searchable_without_access(viewers, course_with_lessons):
    course, _lessons = course_with_lessons
    course.visibility = course.Visibility.PRIVATE
    course.save_revision().publish()
    assert search_results(viewers("registered"), "aardvarks")[0] == []
    assert search_results(viewers("enrolled"), "aardvarks")[0] != []


# Pages API ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fields", ["*", "_,title,summary,access_level"])
def test_pages_api_never_serves_lesson_bodies(client, course_with_lessons, fields):
    response = client.get("/api/v2/pages/", {"type": "courses.LessonPage", "fields": fields})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Public teaser for members." in body
    for word in ("aardvarks", "zebrafish", "okapis", "pangolins"):
        assert word not in body


def test_pages_api_refuses_to_search(client, course_with_lessons):
    response = client.get("/api/v2/pages/", {"search": "okapis"})
    assert response.status_code == 400


def test_pages_api_rejects_asking_for_the_body(client, course_with_lessons):
    response = client.get("/api/v2/pages/", {"type": "courses.LessonPage", "fields": "body"})
    assert response.status_code == 400
    assert "okapis" not in response.content.decode()


# Previews -------------------------------------------------------------------------------------


def preview(client, editor, lesson, mode):
    """Open the lesson's editor preview in `mode`, as Wagtail's preview panel does."""
    client.force_login(editor)
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.id])).content.decode()
    form_data = querydict_from_html(edit_html, form_id="page-edit-form").copy()
    # The body's form fields are built by JavaScript in the editor, so the test spells them out.
    form_data.update(
        nested_form_data(
            {
                "body": streamfield(
                    [
                        ("text", {"audience": child.value["audience"], "text": rich_text(child.value["text"].source)})
                        for child in lesson.body
                    ]
                )
            }
        )
    )
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.id])
    posted = client.post(f"{preview_url}?mode={mode}", data=form_data)
    assert posted.json() == {"is_valid": True, "is_available": True}
    return client.get(preview_url, {"mode": mode}).content.decode()


@pytest.mark.parametrize(
    ("mode", "visible", "hidden"),
    [
        ("guest", [GUEST_TEXT], [REGISTERED_TEXT, ENROLLED_TEXT]),
        ("registered", [REGISTERED_TEXT], [ENROLLED_TEXT]),
        ("enrolled", [ENROLLED_TEXT], []),
    ],
)
def test_preview_shows_what_the_chosen_audience_would_see(client, editor, course_with_lessons, mode, visible, hidden):
    _course, lessons = course_with_lessons
    lesson = lessons["open"]
    html = preview(client, editor, lesson, mode)

    for text in visible:
        assert text in html
    for text in hidden:
        assert text not in html


def test_guest_preview_of_an_enrolled_lesson_is_the_teaser(client, editor, course_with_lessons):
    _course, lessons = course_with_lessons
    lesson = lessons["enrolled"]
    html = preview(client, editor, lesson, "guest")
    assert "Public teaser for students." in html
    assert "pangolins" not in html


# Downloads ------------------------------------------------------------------------------------


@pytest.fixture
def enrolled_resource(course_with_lessons):
    _course, lessons = course_with_lessons
    document = get_document_model()(title="Answer key")
    document.file.save("answer-key.txt", ContentFile(b"The answers mention capybaras."))
    lesson = lessons["open"]
    lesson.body = [
        *tiered_body(),
        {
            "type": "resource",
            "value": {
                "audience": "enrolled",
                "title": "Answer key",
                "resource_type": "template",
                "document": document.pk,
            },
        },
    ]
    lesson.save_revision().publish()
    return lesson, document


def test_guest_is_sent_to_log_in_for_a_gated_download(client, enrolled_resource):
    lesson, document = enrolled_resource
    response = client.get(reverse("lesson_resource", args=[lesson.pk, document.pk]))
    assert response.status_code == 302
    assert response.url.startswith("/login/")


def test_registered_user_cannot_download_an_enrolled_resource(viewers, enrolled_resource):
    lesson, document = enrolled_resource
    response = viewers("registered").get(reverse("lesson_resource", args=[lesson.pk, document.pk]))
    assert response.status_code == 403


def test_enrolled_student_downloads_the_resource(viewers, enrolled_resource):
    lesson, document = enrolled_resource
    response = viewers("enrolled").get(reverse("lesson_resource", args=[lesson.pk, document.pk]))
    assert response.status_code == 200
    assert b"capybaras" in b"".join(response.streaming_content)


def test_gated_resource_link_is_not_in_the_page_for_a_registered_user(viewers, enrolled_resource):
    lesson, document = enrolled_resource
    html = page_text(viewers("registered"), lesson)
    assert reverse("lesson_resource", args=[lesson.pk, document.pk]) not in html
    assert "Answer key" not in html


def test_lesson_files_cannot_be_fetched_from_the_document_library_directly(viewers, enrolled_resource):
    _lesson, document = enrolled_resource
    response = viewers("registered").get(document.url, follow=True)
    assert response.status_code == 403  # sent to the lesson's download, which refuses them
    assert b"capybaras" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_download_of_a_document_the_lesson_does_not_use_is_refused(viewers, enrolled_resource):
    lesson, _document = enrolled_resource
    other = get_document_model()(title="Unrelated")
    other.file.save("unrelated.txt", ContentFile(b"unrelated"))
    response = viewers("enrolled").get(reverse("lesson_resource", args=[lesson.pk, other.pk]))
    assert response.status_code == 403


@pytest.mark.parametrize("query", ['"unbalanced', '"', "''", "foo*", "NEAR(", "()", "%", "-", "AND", "x" * 500])
def test_search_survives_queries_with_search_syntax_in_them(client, course_with_lessons, query):
    response = client.get(reverse("search"), {"query": query})
    assert response.status_code == 200


def test_quoted_phrase_searches_for_the_phrase(viewers):
    assert search_results(viewers("guest"), '"curiosity about aardvarks"')[0] != []
    assert search_results(viewers("guest"), '"aardvarks about curiosity"')[0] == []


def test_lesson_pages_are_never_stored_in_shared_caches(viewers, course_with_lessons):
    _course, lessons = course_with_lessons
    response = viewers("enrolled").get(lessons["open"].url)
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_each_download_is_counted(viewers, enrolled_resource):
    from courses.models import ResourceDownload

    lesson, document = enrolled_resource
    client = viewers("enrolled")
    for _ in range(2):
        b"".join(client.get(reverse("lesson_resource", args=[lesson.pk, document.pk])).streaming_content)
    assert ResourceDownload.objects.filter(lesson=lesson, document=document).count() == 2
