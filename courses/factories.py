"""Factories for the course tree; `course_tree` builds a whole small course in one call."""

import factory
import wagtail_factories
from wagtail.models import Page, Site

from home.models import HomePage

from .models import Category, CourseIndexPage, CoursePage, LessonPage, ModulePage


class CategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")

    class Meta:
        model = Category


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "learning-home"

    class Meta:
        model = HomePage


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Courses"
    slug = "courses"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Course {n}")
    short_description = "A course for testing."

    class Meta:
        model = CoursePage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Module {n}")

    class Meta:
        model = ModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    summary = "A public summary of the lesson."

    class Meta:
        model = LessonPage


def site_root():
    """The site's HomePage with its catalog, created once per test database."""
    home = HomePage.objects.first()
    if home is None:
        home = HomePageFactory(parent=Page.get_first_root_node())
        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
    catalog = CourseIndexPage.objects.first() or CourseIndexPageFactory(parent=home)
    return home, catalog


def publish(page):
    page.save_revision().publish()
    return page


def course_tree(lessons=(), modules=1, **course_fields):
    """A published course with `modules` modules; `lessons` is a list of LessonPage field dicts
    (put in the first module) and each becomes a published lesson."""
    _home, catalog = site_root()
    course = publish(CoursePageFactory(parent=catalog, **course_fields))
    module_pages = [publish(ModulePageFactory(parent=course)) for _ in range(modules)]
    created = [publish(LessonPageFactory(parent=module_pages[0], **fields)) for fields in lessons]
    return course, module_pages, created
