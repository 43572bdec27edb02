"""The school's identity (Settings > School in the admin) on every page and email: its name in the
header, titles and footer, its footer links and colours, shown at once after an edit, and read from
the cache without a query."""

import re

import pytest
import wagtail_factories
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import querydict_from_html

from access.factories import UserFactory
from courses.factories import course_tree
from home.factories import SchoolFooterLinkFactory, SchoolSettingsFactory
from home.models import SchoolSettings
from home.school import school_settings
from quizzes.factories import certify

pytestmark = pytest.mark.django_db

NAME = "Northbridge School of Software Testing"


@pytest.fixture
def course():
    course, _modules, _lessons = course_tree(title="Exploratory Testing")
    return course


@pytest.fixture
def admin_browser():
    browser = Client()
    browser.force_login(UserFactory(is_superuser=True))
    return browser


def header_brand(html):
    return re.search(r'<a class="brand" href="/">(.*?)</a>', html, re.S).group(1).strip()


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def footer(html):
    return re.search(r'<footer class="site-footer">(.*?)</footer>', html, re.S).group(1)


def settings_form(browser, **changes):
    """The admin's School settings form as the browser shows it, with `changes` made."""
    url = reverse("wagtailsettings:edit", args=["home", "schoolsettings", Site.objects.get(is_default_site=True).pk])
    response = browser.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form").copy()
    for field, value in changes.items():
        data[field] = value
    return url, data


def test_the_school_s_name_is_in_the_header_the_title_and_the_footer(client, course):
    SchoolSettingsFactory(name=NAME)

    html = client.get(course.url).content.decode()

    assert header_brand(html) == NAME
    assert title(html) == f"Exploratory Testing · {NAME}"
    assert NAME in footer(html)


def test_a_site_that_never_saved_its_settings_is_called_learning_site(client, course):
    html = client.get(course.url).content.decode()
    assert header_brand(html) == "Learning Site"
    assert not SchoolSettings.objects.exists()  # reading never writes a row on a visitor's GET


def test_renaming_the_school_shows_at_once_on_a_guest_page_cached_before(client, admin_browser, course):
    assert client.get(course.url).context is not None
    assert client.get(course.url).context is None  # now served from the guest page cache

    url, data = settings_form(admin_browser, name="Harbour Lane Academy")
    assert admin_browser.post(url, data).status_code == 302

    html = client.get(course.url).content.decode()
    assert header_brand(html) == "Harbour Lane Academy"
    assert title(html).endswith("· Harbour Lane Academy")


def test_a_logo_takes_the_name_s_place_in_the_header_with_the_name_as_its_text(client, course):
    SchoolSettingsFactory(name=NAME, logo=wagtail_factories.ImageFactory(file__width=400, file__height=160))

    brand = header_brand(client.get(course.url).content.decode())

    logo = rf'<img src="/media/images/[^"]+\.height-80\.[a-z]+" alt="{NAME}" width="200" height="80">'
    assert re.fullmatch(logo, brand)


def test_footer_links_are_in_every_page_s_footer_in_order(client, course):
    school = SchoolSettingsFactory()
    SchoolFooterLinkFactory(school=school, label="Privacy", url="/privacy/", sort_order=2)
    SchoolFooterLinkFactory(school=school, label="Contact", url="mailto:hello@northbridge.example", sort_order=1)

    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer(client.get(course.url).content.decode()))

    assert links == [("mailto:hello@northbridge.example", "Contact"), ("/privacy/", "Privacy")]


def test_a_new_footer_link_shows_at_once_on_a_cached_guest_page(client, course):
    school = SchoolSettingsFactory()
    client.get(course.url)
    SchoolFooterLinkFactory(school=school, label="About us", url="/about/")
    assert "About us" in footer(client.get(course.url).content.decode())


def test_the_school_s_colours_are_set_in_a_style_the_csp_nonce_allows(client, course):
    SchoolSettingsFactory(primary_colour="#006d5b", accent_colour="#004d40")

    response = client.get(course.url)

    style = re.search(r'<style nonce="([^"]+)">(.*?)</style>', response.content.decode(), re.S)
    assert "--brand: #006d5b;" in style.group(2) and "--brand-dark: #004d40;" in style.group(2)
    assert f"'nonce-{style.group(1)}'" in response["Content-Security-Policy"]


def test_a_guest_page_from_the_cache_carries_the_nonce_of_its_own_csp(client, course):
    first = client.get(course.url)
    again = client.get(course.url)

    assert again.context is None  # from the guest page cache
    nonce = re.search(r'<style nonce="([^"]+)">', again.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in again["Content-Security-Policy"]
    assert again["Content-Security-Policy"] != first["Content-Security-Policy"]


def test_a_colour_that_is_not_hex_is_refused_with_a_clear_message(admin_browser):
    url, data = settings_form(admin_browser, primary_colour="blue")

    response = admin_browser.post(url, data)

    assert response.status_code == 200
    assert "Enter the colour as # and six hexadecimal digits, for example #1f4fd1." in response.content.decode()
    assert not SchoolSettings.objects.filter(primary_colour="blue").exists()


def test_a_colour_too_light_for_white_text_is_refused_with_its_contrast(admin_browser):
    url, data = settings_form(admin_browser, accent_colour="#f5a623")

    html = admin_browser.post(url, data).content.decode()

    assert "#f5a623 is too light to read on white or under white text (contrast 2.0:1" in html


def test_a_footer_link_to_a_script_is_refused(admin_browser):
    url, data = settings_form(admin_browser)
    data.update({"footer_links-TOTAL_FORMS": "1", "footer_links-0-label": "Oops", "footer_links-0-url": "javascript:x"})
    data.update({"footer_links-0-ORDER": "1", "footer_links-0-id": "", "footer_links-0-DELETE": ""})

    response = admin_browser.post(url, data)

    assert response.status_code == 200
    assert "Enter an address on this site (/about/), a web address" in response.content.decode()


def test_emails_carry_the_school_s_name_in_their_html_and_text(client, django_capture_on_commit_callbacks):
    SchoolSettingsFactory(name=NAME)
    signup = {"username": "nia", "email": "nia@example.com", "first_name": "Nia", "last_name": "Okafor"}
    signup |= {"password1": "correct-horse-battery", "password2": "correct-horse-battery"}

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/register/", signup)

    (message,) = mail.outbox
    html, _mimetype = message.alternatives[0]
    assert message.subject == f"Welcome to {NAME}"
    assert f"Welcome to {NAME}." in message.body and f"\n--\n{NAME} · " in message.body
    assert html.count(NAME) >= 3  # the header, the welcome and the footer
    assert "Learning Site" not in message.body + html


def test_reading_the_school_on_a_warm_cache_costs_no_query(django_assert_num_queries):
    school = SchoolSettingsFactory(name=NAME)
    SchoolFooterLinkFactory(school=school)
    school_settings()  # warms the cache

    with django_assert_num_queries(0):
        read = school_settings()

    assert read.name == NAME and len(read.footer_links) == 1


def test_error_pages_still_render_when_the_school_cannot_be_read(monkeypatch, course):
    def unreadable(site):
        raise RuntimeError("settings unreadable")

    monkeypatch.setattr("home.school.read_school", unreadable)

    response = Client(raise_request_exception=False).get(course.url)

    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html and header_brand(html) == "Learning Site"


def test_the_printable_certificate_names_the_school(client, course):
    SchoolSettingsFactory(name=NAME)
    student = UserFactory()
    certificate = certify(user=student, course=course)
    client.force_login(student)

    html = client.get(reverse("certificate_print", args=[certificate.number])).content.decode()

    assert f'<p class="site">{NAME}</p>' in html
