"""Editors can only build valid course trees, and every page type previews."""

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from courses.factories import course_tree
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from home.models import HomePage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_catalog(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {CourseIndexPage})

    def test_catalog_holds_only_courses(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})

    def test_course_holds_only_modules(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})

    def test_module_holds_only_lessons(self):
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})

    def test_lesson_is_a_leaf(self):
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_a_lesson_cannot_be_created_directly_under_a_course(self):
        course, _modules, _lessons = course_tree()
        self.assertCanNotCreateAt(CoursePage, LessonPage)
        self.assertCanCreateAt(ModulePage, LessonPage)

    def test_only_one_catalog_may_exist(self):
        course_tree()
        catalog = CourseIndexPage.objects.get()
        self.assertFalse(CourseIndexPage.can_create_at(catalog.get_parent()))


class PreviewTest(WagtailPageTestCase):
    def lesson_form_data(self, lesson):
        # The body's form fields are built by JavaScript in the editor; an empty body is spelled out.
        self.client.force_login(self.create_superuser("previewer"))
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[lesson.id])).content.decode()
        data = querydict_from_html(html, form_id="page-edit-form").copy()
        data.update(nested_form_data({"body": streamfield([])}))
        return data

    def test_every_course_page_type_can_be_previewed(self):
        course, modules, lessons = course_tree(lessons=[{"title": "L", "access_level": "enrolled"}])
        for page in [course.get_parent().specific, course, modules[0]]:
            self.assertPageIsPreviewable(page)
        self.assertPageIsPreviewable(lessons[0], post_data=self.lesson_form_data(lessons[0]))

    def test_lesson_offers_a_preview_mode_per_audience(self):
        _course, _modules, lessons = course_tree(lessons=[{"title": "L"}])
        self.assertEqual([mode for mode, _label in lessons[0].preview_modes], ["enrolled", "registered", "guest"])
        form_data = self.lesson_form_data(lessons[0])
        for mode in ["guest", "registered", "enrolled"]:
            self.assertPageIsPreviewable(lessons[0], mode=mode, post_data=form_data)

    def test_editing_a_lesson_keeps_its_revisions(self):
        _course, _modules, lessons = course_tree(lessons=[{"title": "First title"}])
        lesson = lessons[0]
        lesson.title = "Second title"
        lesson.save_revision().publish()
        titles = [revision.as_object().title for revision in lesson.revisions.order_by("created_at")]
        self.assertEqual(titles, ["First title", "Second title"])
