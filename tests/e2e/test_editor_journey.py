"""An editor writes a lesson in the Wagtail admin, previews it per audience, publishes it, and a
student with access reads it on the site."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from access.factories import UserFactory
from access.services import grant_course_access
from courses.factories import course_tree
from courses.models import LessonPage

from .conftest import LESSON_VIDEO_URL

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ENROLLED_TEXT = "Consumer-driven contracts catch breaking API changes before deployment."


def add_block(page, block_label):
    """Open the body's last "Insert a block" menu and pick a block type; return the new block."""
    body = page.locator("#body-root")
    before = body.locator("[data-contentpath]").count()
    body.get_by_title("Insert a block").last.click()
    page.get_by_role("listbox").get_by_role("option", name=block_label, exact=True).click()
    expect(body.locator("[data-contentpath]")).not_to_have_count(before)
    return body.locator("[data-streamfield-child]").last


def test_editor_previews_per_audience_publishes_and_a_student_reads_it(journey):
    course, (module,), _lessons = course_tree(title="Testing in Practice", lessons=[{"title": "Unit tests"}])
    editor = UserFactory(username="eddie", first_name="Eddie")
    editor.groups.add(Group.objects.get(name="Editors"))
    student = UserFactory(username="stella", first_name="Stella")
    grant_course_access(user=student, course=course)

    page = journey.open()
    journey.log_in(page, "eddie", path="/admin/login/")
    expect(page).to_have_url(journey.base_url + "/admin/")
    page.goto(f"/admin/pages/{module.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    expect(page.get_by_placeholder("Page title*")).to_be_visible()
    page.get_by_placeholder("Page title*").fill("Contract testing")
    page.get_by_label("Lesson type").select_option(label="Video")
    page.get_by_label("Access level").select_option(label="Everyone, including guests")
    page.get_by_role("textbox", name="Summary").fill("How two services agree on an API.")

    text = add_block(page, "Text")
    text.get_by_label("Audience").select_option(label="Students enrolled in the course")
    rich_text = text.locator("[contenteditable='true']")
    rich_text.click()
    expect(rich_text).to_be_focused()
    rich_text.press_sequentially(ENROLLED_TEXT)
    expect(rich_text).to_have_text(ENROLLED_TEXT)
    # Draftail writes its hidden input a moment after the last keystroke; a person pauses too.
    expect(text.locator("input[name$='-value-text']")).to_have_value(re.compile("Consumer-driven contracts"))
    video = add_block(page, "Video")
    video.get_by_label("Audience").select_option(label="Everyone, including guests")
    video.get_by_label("Url").fill(LESSON_VIDEO_URL)
    video.get_by_label("Title").fill("A contract in three seconds")

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    mode = page.get_by_label("Preview mode")
    expect(mode).to_have_value("enrolled")  # the first of LessonPage.preview_modes
    expect(preview.get_by_role("heading", level=1)).to_have_text("Contract testing")
    expect(preview.locator(".lesson-body")).to_contain_text(ENROLLED_TEXT)
    expect(preview.locator(".lesson-body .locked")).to_have_count(0)
    expect(preview.locator("video[data-video-provider='mp4']")).to_have_attribute("src", LESSON_VIDEO_URL)
    # Wagtail 8 autosaves the draft and may redraw the preview panel, putting the mode back to its
    # first choice just after it was changed: choose again until the guest's view shows, as a person would.
    for _attempt in range(3):
        mode.select_option(label="As a guest")
        try:
            expect(preview.locator(".lesson-body .locked")).to_contain_text("Text for enrolled students.", timeout=5000)
            break
        except AssertionError:
            continue
    expect(preview.locator(".lesson-body .locked")).to_contain_text("Text for enrolled students.")
    expect(preview.locator(".lesson-body")).not_to_contain_text(ENROLLED_TEXT)
    expect(preview.locator("video[data-video-provider='mp4']")).to_have_attribute("src", LESSON_VIDEO_URL)

    page.get_by_role("button", name="More actions").click()
    publish = page.get_by_role("button", name="Publish", exact=True)
    expect(publish, "an editor may publish the lesson they wrote").to_be_visible()
    publish.click()
    # "created and published", or "has been published" once Wagtail's autosave has made the draft.
    published = re.compile(r"Page 'Contract testing' (created and published|has been published)\.")
    expect(page.get_by_text(published)).to_be_visible()
    lesson = LessonPage.objects.get(slug="contract-testing")
    assert lesson.live and lesson.get_parent().specific == module

    reader = journey.open()
    journey.log_in(reader, "stella")
    reader.goto(course.url)
    reader.get_by_role("link", name="Contract testing").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Contract testing")
    expect(reader.locator(".lesson-body")).to_contain_text(ENROLLED_TEXT)
    expect(reader.locator(".lesson-body .locked")).to_have_count(0)
    expect(reader.locator("video[data-video-provider='mp4']")).to_have_js_property("duration", 3)
    journey.finish()
