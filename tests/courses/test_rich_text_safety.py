"""Rich text is stored as its editor's features allow, whichever road it came by, and every stored
lesson and course opens in the editor."""

import importlib
import json

import pytest
import yaml
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from access.factories import UserFactory
from courses.factories import course_tree, site_root
from courses.models import CourseIndexPage, CoursePage, LessonPage
from home.models import HomePage
from learning_site.rich_text import sanitise_rich_text

pytestmark = pytest.mark.django_db

LESSON_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "code", "blockquote"]

# Markup that made /admin/pages/<id>/edit/ answer 500 when it was stored as it came.
CRASH_SAMPLES = {
    "image with a non-numeric id": '<p>before</p><embed embedtype="image" id="abc" format="left"/><p>after</p>',
    "page link with a non-numeric id": '<p><a linktype="page" id="abc">linked words</a></p>',
    "list item outside a list": "<ul><p>bad</p></ul><li>loose</li>",
    "paragraph inside bold text": "<p><b><p>bold words</p></b></p>",
}
# Markup that was stored and rendered as it came.
DANGEROUS = (
    "<p>greeting<script>alert(1)</script></p><img src=x onerror=alert(1)>"
    '<p><a href="javascript:alert(1)">plain</a> <a href="jav&#x09;ascript:alert(1)">tabbed</a></p>'
    '<iframe src="https://evil.example/"></iframe><svg onload=alert(1)><circle/></svg>'
    '<p style="color:red" class="attacker">styled</p><p>nul\x00char</p>'
)
DANGEROUS_WORDS = ["greeting", "plain", "tabbed", "styled", "nulchar"]
# NUL characters cannot be stored to begin with where the text is not sanitised first: PostgreSQL
# refuses them in text and JSON, and import_course refuses them as every Django form field does.
DANGEROUS_WITHOUT_NUL = DANGEROUS.replace("\x00", "")
DANGER_SIGNS = ["<script", "alert(1)", "javascript:", "ascript:", "onerror", "onload", "evil.example", "color:red"]
DANGER_SIGNS += ["attacker", "<iframe", "<svg", "\x00"]


def text_block(html, audience="guest"):
    return {"type": "text", "value": {"audience": audience, "text": html}}


def callout_block(html):
    return {"type": "callout", "value": {"audience": "guest", "style": "tip", "title": "Tip", "body": html}}


def a_lesson(**course_fields):
    course, _modules, (lesson,) = course_tree(
        lessons=[{"title": "Lesson", "slug": "lesson", "access_level": "guest", "body": [text_block("<p>Hi</p>")]}],
        **course_fields,
    )
    return course, lesson


def stored_row(model, page):
    """The page's row as the database holds it."""
    return model.objects.get(pk=page.pk)


def stored_body_texts(lesson):
    return [child.value.get("text", child.value.get("body")).source for child in stored_row(LessonPage, lesson).body]


def revision_texts(revision):
    body = json.loads(revision.content["body"])
    return [item["value"].get("text", item["value"].get("body")) for item in body]


def assert_no_danger(html, signs=DANGER_SIGNS):
    found = [sign for sign in signs if sign in html]
    assert not found, f"{found} in {html!r}"


def assert_page_shows_no_danger(html):
    """As assert_no_danger, for a whole page, whose template loads its own scripts (with `src`)."""
    assert_no_danger(html, ["<script>", *(sign for sign in DANGER_SIGNS if sign != "<script")])


def edit_page_status(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code


# Scripts and importers assigning a StreamField, then publishing -------------------------------


def test_published_lesson_stores_no_dangerous_markup():
    _course, lesson = a_lesson()
    lesson.body = [text_block(DANGEROUS), callout_block(DANGEROUS)]
    lesson.save_revision().publish()

    for text in stored_body_texts(lesson) + revision_texts(lesson.get_latest_revision()):
        assert_no_danger(text)


def test_published_lesson_renders_no_dangerous_markup_and_keeps_the_words(client):
    _course, lesson = a_lesson()
    lesson.body = [text_block(DANGEROUS), callout_block(DANGEROUS)]
    lesson.save_revision().publish()

    html = client.get(lesson.url).content.decode()

    assert_page_shows_no_danger(html)
    assert all(word in html for word in DANGEROUS_WORDS)


def test_published_course_description_stores_and_renders_no_dangerous_markup(client):
    course, _lesson = a_lesson()
    course.description = DANGEROUS
    course.save_revision().publish()

    assert_no_danger(stored_row(CoursePage, course).description)
    assert_no_danger(course.get_latest_revision().content["description"])
    assert_page_shows_no_danger(client.get(course.url).content.decode())


@pytest.mark.parametrize("markup", CRASH_SAMPLES.values(), ids=CRASH_SAMPLES.keys())
def test_published_lesson_with_crash_markup_opens_in_the_editor(client, editor, markup):
    _course, lesson = a_lesson()
    lesson.body = [text_block(markup), callout_block(markup)]
    lesson.save_revision().publish()
    client.force_login(editor)

    assert edit_page_status(client, lesson) == 200


@pytest.mark.parametrize("markup", CRASH_SAMPLES.values(), ids=CRASH_SAMPLES.keys())
def test_published_course_with_crash_markup_in_its_description_opens_in_the_editor(client, editor, markup):
    course, _lesson = a_lesson()
    course.description = markup
    course.save_revision().publish()
    client.force_login(editor)

    assert edit_page_status(client, course) == 200


def test_words_of_markup_the_editor_cannot_represent_are_kept():
    _course, lesson = a_lesson()
    lesson.body = [text_block(CRASH_SAMPLES["list item outside a list"])]
    lesson.save_revision().publish()

    assert stored_body_texts(lesson) == ["<p>bad</p><p>loose</p>"]


# Drafts ---------------------------------------------------------------------------------------


def test_draft_revision_stores_no_dangerous_markup():
    course, lesson = a_lesson()
    lesson.body = [text_block(DANGEROUS)]
    course.description = DANGEROUS

    for text in revision_texts(lesson.save_revision()):
        assert_no_danger(text)
    assert_no_danger(course.save_revision().content["description"])


@pytest.mark.parametrize("markup", CRASH_SAMPLES.values(), ids=CRASH_SAMPLES.keys())
def test_draft_with_crash_markup_opens_in_the_editor(client, editor, markup):
    course, lesson = a_lesson()
    lesson.body = [text_block(markup)]
    lesson.save_revision()
    course.description = markup
    course.save_revision()
    client.force_login(editor)

    assert [edit_page_status(client, lesson), edit_page_status(client, course)] == [200, 200]


# The page editor ------------------------------------------------------------------------------


def link_contentstate(words, entity_data):
    """What the Draftail editor posts for one paragraph that is all one link."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "k1a2b",
                    "type": "unstyled",
                    "depth": 0,
                    "text": words,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": len(words), "key": 0}],
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": entity_data}},
        }
    )


def image_contentstate(image_id):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "k3c4d",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "",
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                },
                {
                    "key": "k5e6f",
                    "type": "atomic",
                    "depth": 0,
                    "text": " ",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 1, "key": 0}],
                },
            ],
            "entityMap": {
                "0": {"type": "IMAGE", "mutability": "IMMUTABLE", "data": {"id": image_id, "format": "left"}}
            },
        }
    )


@pytest.fixture
def publisher():
    """Someone who may publish in the page editor (Wagtail's Editors group may only save drafts)."""
    return UserFactory(is_superuser=True)


def publish_in_editor(client, user, page, fields):
    """Open the page in the editor, change `fields` (form field name: posted value) and publish."""
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form_data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form").copy()
    form_data.update(fields)
    form_data["action-publish"] = "action-publish"
    assert client.post(url, data=form_data).status_code == 302
    assert not type(page).objects.get(pk=page.pk).has_unpublished_changes


def lesson_text_fields(contentstate):
    return nested_form_data({"body": streamfield([("text", {"audience": "guest", "text": contentstate})])})


def test_page_editor_cannot_publish_a_javascript_link(client, publisher):
    _course, lesson = a_lesson()

    publish_in_editor(
        client, publisher, lesson, lesson_text_fields(link_contentstate("j", {"url": "javascript:alert(1)"}))
    )

    assert stored_body_texts(lesson) == ['<p data-block-key="k1a2b">j</p>']
    client.logout()  # the Wagtail user bar shown to editors brings its own icons and scripts
    assert_page_shows_no_danger(client.get(lesson.url).content.decode())


def test_page_editor_publishing_a_forged_page_link_leaves_the_lesson_editable(client, publisher):
    _course, lesson = a_lesson()

    publish_in_editor(client, publisher, lesson, lesson_text_fields(link_contentstate("linked", {"id": "abc"})))

    assert stored_body_texts(lesson) == ['<p data-block-key="k1a2b">linked</p>']
    assert edit_page_status(client, lesson) == 200


def test_page_editor_publishing_a_forged_image_leaves_the_course_editable(client, publisher):
    course, _lesson = a_lesson()

    publish_in_editor(client, publisher, course, {"description": image_contentstate("abc")})

    assert "abc" not in stored_row(CoursePage, course).description
    assert edit_page_status(client, course) == 200


# import_course --------------------------------------------------------------------------------


def import_course_file(tmp_path, description, lesson_text):
    site_root()
    data = {
        "title": "Imported",
        "slug": "imported",
        "description": description,
        "modules": [
            {
                "title": "Module",
                "lessons": [
                    {
                        "title": "Lesson",
                        "slug": "lesson",
                        "access_level": "guest",
                        "body": [
                            {"type": "text", "text": lesson_text},
                            {"type": "callout", "style": "tip", "body": lesson_text},
                        ],
                    }
                ],
            }
        ],
    }
    path = tmp_path / "course.yaml"
    path.write_text(yaml.safe_dump(data))
    call_command("import_course", str(path))
    return CoursePage.objects.get(slug="imported"), LessonPage.objects.get(slug="lesson")


def test_imported_course_stores_no_dangerous_markup(tmp_path):
    course, lesson = import_course_file(tmp_path, DANGEROUS_WITHOUT_NUL, DANGEROUS_WITHOUT_NUL)

    for text in [stored_row(CoursePage, course).description, *stored_body_texts(lesson)]:
        assert_no_danger(text)


def test_imported_course_renders_no_dangerous_markup(client, tmp_path):
    course, lesson = import_course_file(tmp_path, DANGEROUS_WITHOUT_NUL, DANGEROUS_WITHOUT_NUL)

    for page in (course, lesson):
        html = client.get(page.url).content.decode()
        assert_page_shows_no_danger(html)
        assert "styled" in html


@pytest.mark.parametrize("markup", CRASH_SAMPLES.values(), ids=CRASH_SAMPLES.keys())
def test_imported_crash_markup_opens_in_the_editor(client, editor, tmp_path, markup):
    course, lesson = import_course_file(tmp_path, markup, markup)
    client.force_login(editor)

    assert [edit_page_status(client, lesson), edit_page_status(client, course)] == [200, 200]


# What the features allow survives ------------------------------------------------------------


def allowed_lesson_text(page_id):
    """Everything the lesson text block allows, as the editor stores it."""
    return (
        '<h2 data-block-key="a0001">Heading two</h2>'
        '<h3 data-block-key="a0002">Heading three</h3>'
        '<h4 data-block-key="a0003">Heading four</h4>'
        '<p data-block-key="a0004"><b>bold</b> <i>italic</i> <code>x = 1</code> '
        '<a href="https://example.com/a?b=1&amp;c=2">secure</a> <a href="http://example.com/">plain</a> '
        f'<a href="mailto:team@example.com">mail</a> <a linktype="page" id="{page_id}">course</a><br/>next line</p>'
        '<ul><li data-block-key="a0005">bullet<ul><li data-block-key="a0006">nested</li></ul></li></ul>'
        '<ol><li data-block-key="a0007">numbered</li></ol>'
        '<blockquote data-block-key="a0008">quoted</blockquote>'
    )


def test_formatting_the_lesson_text_allows_is_stored_unchanged():
    course, lesson = a_lesson()
    lesson.body = [text_block(allowed_lesson_text(course.pk))]
    lesson.save_revision().publish()

    assert stored_body_texts(lesson) == [allowed_lesson_text(course.pk)]


def test_internal_page_link_renders_as_the_pages_address(client):
    course, lesson = a_lesson()
    lesson.body = [text_block(f'<p>See <a linktype="page" id="{course.pk}">the course</a>.</p>')]
    lesson.save_revision().publish()

    assert f'<a href="{course.url}">the course</a>' in client.get(lesson.url).content.decode()


def test_headings_a_callout_does_not_allow_become_paragraphs():
    _course, lesson = a_lesson()
    lesson.body = [callout_block("<h2>Careful</h2><p><b>now</b></p>")]
    lesson.save_revision().publish()

    assert stored_body_texts(lesson) == ["<p>Careful</p><p><b>now</b></p>"]


def test_text_written_without_block_keys_is_stored_without_them(tmp_path):
    _course, lesson = import_course_file(tmp_path, "<p>About</p>", "<p>For <b>everyone</b></p>")

    assert stored_body_texts(lesson) == ["<p>For <b>everyone</b></p>"] * 2


# Idempotence ----------------------------------------------------------------------------------

IDEMPOTENCE_SAMPLES = {
    **CRASH_SAMPLES,
    "dangerous": DANGEROUS,
    "allowed formatting": allowed_lesson_text(3),
    "keyed text with a new paragraph": '<p data-block-key="x1">kept key</p><p>new</p>',
    "line break inside a link": '<p><a href="https://example.com/">one<br>two</a></p>',
    "bold around only a space": "<h2>a<code>\n<b> </b></code>b</h2>",
    "deep nesting": "<b>" * 500 + "deep" + "<ul><li>" * 50 + "list",
}


@pytest.mark.parametrize("features", [LESSON_TEXT_FEATURES, None], ids=["lesson text", "default features"])
@pytest.mark.parametrize("markup", IDEMPOTENCE_SAMPLES.values(), ids=IDEMPOTENCE_SAMPLES.keys())
def test_sanitising_sanitised_text_changes_nothing(markup, features):
    once = sanitise_rich_text(markup, features)

    assert sanitise_rich_text(once, features) == once


def test_saving_a_lesson_again_stores_the_same_text():
    _course, lesson = a_lesson()
    lesson.body = [
        text_block('<p data-block-key="x1">kept</p><p>new <a href="https://example.com/">one<br>two</a></p>')
    ]
    first = revision_texts(lesson.save_revision())

    again = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    second = revision_texts(again.save_revision())

    assert second == first


def test_sanitising_references_looks_nothing_up(django_assert_num_queries):
    course, _lesson = a_lesson()
    markup = (
        f'<p><a linktype="page" id="{course.pk}">page</a> <a linktype="document" id="1">file</a></p>'
        '<embed embedtype="image" id="1" format="left" alt="photo"/>'
        '<embed embedtype="media" url="https://www.youtube.com/watch?v=M7lc1UVf-VE"/>'
    )

    with django_assert_num_queries(0):
        cleaned = sanitise_rich_text(markup)

    assert f'id="{course.pk}"' in cleaned and 'url="https://www.youtube.com/watch?v=M7lc1UVf-VE"' in cleaned


# The data migration ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def migration_apps():
    """The models as the rich text migrations of courses and home see them."""
    state = MigrationLoader(None, ignore_no_migrations=True).project_state(
        [("courses", "0006_sanitise_rich_text"), ("home", "0002_sanitise_rich_text")]
    )
    return state.apps


def run_migration(module, apps):
    importlib.import_module(module).sanitise_rich_text(apps, None)


def store_as_it_came(model, page, **values):
    """Write values to the row and the latest revision the way data was stored before sanitising."""
    model.objects.filter(pk=page.pk).update(**values)
    revision = Revision.objects.get(pk=page.latest_revision_id)
    revision.content.update(
        {name: json.dumps(value) if isinstance(value, list) else value for name, value in values.items()}
    )
    Revision.objects.filter(pk=revision.pk).update(content=revision.content)


@pytest.mark.parametrize("markup", CRASH_SAMPLES.values(), ids=CRASH_SAMPLES.keys())
def test_migration_makes_stored_lessons_and_courses_editable_again(client, editor, migration_apps, markup):
    course, lesson = a_lesson()
    store_as_it_came(LessonPage, lesson, body=[text_block(markup), callout_block(markup)])
    store_as_it_came(CoursePage, course, description=markup)

    run_migration("courses.migrations.0006_sanitise_rich_text", migration_apps)
    client.force_login(editor)

    assert [edit_page_status(client, lesson), edit_page_status(client, course)] == [200, 200]


def test_migration_cleans_rows_and_revisions(migration_apps):
    course, lesson = a_lesson()
    store_as_it_came(LessonPage, lesson, body=[text_block(DANGEROUS_WITHOUT_NUL)])
    store_as_it_came(CoursePage, course, description=DANGEROUS_WITHOUT_NUL)
    catalog = CourseIndexPage.objects.get()
    catalog.save_revision().publish()
    store_as_it_came(CourseIndexPage, catalog, intro=DANGEROUS_WITHOUT_NUL)

    run_migration("courses.migrations.0006_sanitise_rich_text", migration_apps)

    lesson_revision = Revision.objects.get(pk=lesson.latest_revision_id)
    for text in [
        *stored_body_texts(lesson),
        *revision_texts(lesson_revision),
        stored_row(CoursePage, course).description,
        Revision.objects.get(pk=course.latest_revision_id).content["description"],
        stored_row(CourseIndexPage, catalog).intro,
    ]:
        assert_no_danger(text)
        assert "styled" in text


def test_migration_leaves_sanitised_text_as_it_is(migration_apps):
    course, lesson = a_lesson()
    lesson.body = [text_block('<p data-block-key="x1">kept <b>as is</b></p>')]
    lesson.save_revision().publish()
    before = stored_body_texts(lesson) + revision_texts(Revision.objects.get(pk=lesson.latest_revision_id))

    run_migration("courses.migrations.0006_sanitise_rich_text", migration_apps)

    after = stored_body_texts(lesson) + revision_texts(Revision.objects.get(pk=lesson.latest_revision_id))
    assert after == before == ['<p data-block-key="x1">kept <b>as is</b></p>'] * 2


def test_migration_makes_the_stored_home_page_editable_again(client, editor, migration_apps):
    home, _catalog = site_root()
    home.body = [{"type": "about", "value": {"heading": "About", "text": "<p>Welcome</p>"}}]
    home.save_revision().publish()
    about = {"type": "about", "value": {"heading": "About", "text": CRASH_SAMPLES["page link with a non-numeric id"]}}
    store_as_it_came(HomePage, home, body=[about])

    run_migration("home.migrations.0002_sanitise_rich_text", migration_apps)
    client.force_login(editor)

    assert edit_page_status(client, home) == 200
