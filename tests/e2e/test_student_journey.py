"""An enrolled student watches a lesson's video, fails and then passes its quiz, completes the lesson
and sees it count on the dashboard."""

import pytest
from playwright.sync_api import expect

from courses.models import UserProgress

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_student_watches_fails_retries_passes_and_completes_the_lesson(journey, video_course):
    lesson, next_lesson, student = video_course.lesson, video_course.next_lesson, video_course.student
    page = journey.open()
    journey.log_in(page, "sam")

    page.goto(lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("The test pyramid")
    player = page.locator("video[data-video-provider='mp4']")
    expect(player).to_have_js_property("duration", 3)  # the clip's metadata arrived through the live server
    # The real player script reports on pause and at the end; the click is a user gesture, as in life.
    with page.expect_response(lambda r: r.url.endswith(f"/api/lessons/{lesson.pk}/progress/")) as report:
        player.click()
        expect(player).to_have_js_property("ended", True, timeout=10_000)
    assert report.value.status == 200, report.value.text()
    progress = UserProgress.objects.get(user=student, lesson=lesson)
    assert progress.video_watch_percentage >= 90
    assert progress.last_position_seconds == pytest.approx(3, abs=0.5)
    assert not progress.completed  # the required quiz is not passed yet

    page.get_by_role("link", name="Take the quiz").click()
    expect(page).to_have_url(journey.base_url + lesson.url + "quiz/")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("Attempt 1")).to_be_visible()
    page.get_by_label("UI tests").check()
    page.get_by_label("True", exact=True).check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_role("heading", name="Not passed this time")).to_be_visible()

    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_text("Attempt 2")).to_be_visible()
    page.get_by_label("Unit tests").check()
    page.get_by_label("False", exact=True).check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_role("heading", name="You passed!")).to_be_visible()
    expect(page.locator(".quiz-score .score")).to_contain_text("100")

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="The test pyramid").click()
    expect(page.get_by_text("You passed this quiz.")).to_be_visible()
    # The video was watched: passing the required quiz completed the lesson, no button to press.
    expect(page.get_by_text("You completed this lesson on")).to_be_visible()
    expect(page.get_by_role("button", name="Mark complete")).to_have_count(0)
    assert UserProgress.objects.get(user=student, lesson=lesson).completed

    page.get_by_role("link", name="Mocks and stubs →").click()
    expect(page).to_have_url(journey.base_url + next_lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mocks and stubs")

    page.get_by_role("link", name="My dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My dashboard")
    card = page.locator(".course-card", has_text="Testing in Practice")
    expect(card.get_by_role("progressbar")).to_have_attribute("value", "50")
    expect(card).to_contain_text("1 of 2 lessons · 50%")
    expect(page.locator(".stats")).to_contain_text("1/2")
    journey.finish()
