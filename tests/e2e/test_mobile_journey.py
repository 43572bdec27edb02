"""The lesson page and the dashboard on a 390 px wide phone: nothing scrolls sideways, the header is
one row with a menu button, and the site menu's links can be seen and tapped once it is open."""

import pytest
from playwright.sync_api import expect

from home.factories import SchoolSettingsFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}

WIDTH = PHONE["viewport"]["width"]

# The document's width, and the first few elements that stick out past `limit` or spill their
# content over their own edge (named in the failure message). A phone widens its layout viewport to
# fit a page that overflows, so the limit is the screen's width, not window.innerWidth.
MEASURE_OVERFLOW = """(limit) => {
  const offenders = [];
  for (const element of document.querySelectorAll("body *")) {
    const right = element.getBoundingClientRect().right;
    const spills = getComputedStyle(element).overflowX === "visible" && element.scrollWidth > element.clientWidth + 1;
    if (right > limit + 0.5 || (spills && right + element.scrollWidth - element.clientWidth > limit + 0.5)) {
      offenders.push(element.tagName.toLowerCase() + (element.className ? "." + element.className : ""));
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 5) };
}"""


def assert_no_sideways_scroll(page):
    page.wait_for_load_state("load")
    measured = page.evaluate(MEASURE_OVERFLOW, WIDTH)
    assert measured["scrollWidth"] <= WIDTH, f"{page.url} is wider than the {WIDTH} px screen: {measured}"


def open_menu(page):
    """On a phone the nav list folds behind the header's menu button: open it."""
    button = page.get_by_role("navigation", name="Main").get_by_role("button", name="Menu")
    if button.get_attribute("aria-expanded") != "true":
        button.click()
    expect(button).to_have_attribute("aria-expanded", "true")


def assert_menu_usable(page, names):
    open_menu(page)
    menu = page.get_by_role("navigation", name="Main")
    for name in names:
        item = menu.get_by_role("link", name=name).or_(menu.get_by_role("button", name=name))
        expect(item).to_be_visible()
        box = item.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, f"{name!r} sticks out of the screen: {box}"
        item.click(trial=True)  # visible, enabled, not covered: a tap would reach it


def test_lesson_and_dashboard_fit_a_phone_and_the_menu_works(journey, video_course):
    page = journey.open(**PHONE)
    journey.log_in(page, "sam")

    page.goto(video_course.lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("The test pyramid")
    expect(page.locator("video[data-video-provider='mp4']")).to_be_visible()
    assert_no_sideways_scroll(page)
    assert_menu_usable(page, ["Courses", "My dashboard", "Certificates", "Log out"])

    menu = page.get_by_role("navigation", name="Main")
    menu.get_by_role("link", name="Courses").tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Courses")
    assert_no_sideways_scroll(page)

    open_menu(page)
    menu.get_by_role("link", name="My dashboard").tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("My dashboard")
    expect(page.locator(".course-card", has_text="Testing in Practice")).to_be_visible()
    assert_no_sideways_scroll(page)
    assert_menu_usable(page, ["Courses", "My dashboard", "Certificates", "Log out"])
    journey.finish()


# A long school name is the worst case for a one-row header.
LONG_NAME = "Northbridge School of Software Testing"
LOGGED_IN_MENU = ["Courses", "My dashboard", "Certificates", "Hi, Sam", "Log out"]


def test_the_phone_header_is_one_row_and_its_menu_button_shows_the_links(journey, video_course):
    SchoolSettingsFactory(name=LONG_NAME)
    page = journey.open(**PHONE)
    journey.log_in(page, "sam")  # a student's menu is the longest
    page.goto("/courses/")

    nav = page.get_by_role("navigation", name="Main")
    button = nav.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(nav.get_by_role("link", name=LONG_NAME)).to_be_visible()
    for name in LOGGED_IN_MENU:
        expect(nav.get_by_role("link", name=name).or_(nav.get_by_role("button", name=name))).to_be_hidden()
    header = page.locator(".site-header").bounding_box()
    brand, menu_button = nav.locator(".brand").bounding_box(), button.bounding_box()
    assert header["height"] < 80, f"the header is {header['height']} px tall"
    assert menu_button["y"] < brand["y"] + brand["height"] and brand["y"] < menu_button["y"] + menu_button["height"]
    assert menu_button["x"] + menu_button["width"] <= WIDTH

    button.click()

    expect(button).to_have_attribute("aria-expanded", "true")
    assert_menu_usable(page, LOGGED_IN_MENU)
    expect(nav.get_by_role("searchbox", name="Search lessons and courses")).to_be_visible()
    assert_no_sideways_scroll(page)
    journey.finish()
