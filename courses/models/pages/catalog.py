"""CourseIndexPage: the catalog at /courses/, which the viewer filters and sorts."""

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from courses.page_cache import CachedViewRestrictionsMixin, prefetch_course_cards
from learning_site.rich_text import SanitisedRichTextField

from .base import Category
from .course import CoursePage


class CourseIndexPage(CachedViewRestrictionsMixin, Page):
    """The catalog at /courses/: every course the viewer may see."""

    intro = SanitisedRichTextField(blank=True, help_text="Shown above the list of courses.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from access.selectors import catalog_groups
        from courses.progress import progress_by_course
        from courses.selectors import CATALOG_SORTS, catalog_courses, continue_learning, sort_labels

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        filters = self.filters_from(request)
        context["courses"] = catalog_courses(user, self, filters)
        # The student's own courses: "continue learning", and prerequisites they have done. Other
        # prerequisites are read by catalog_groups (a query, not every listed course's lessons).
        mine = [course for course in context["courses"] if course.is_owned]
        owned = {course.pk for course in mine}
        progress = progress_by_course(user, mine) if user.is_authenticated else {}
        context["groups"] = catalog_groups(user, context["courses"], owned=owned, progress=progress)
        prefetch_course_cards(context["courses"], request)
        context["filters"] = filters
        context["filtering"] = any(value for key, value in filters.items() if key != "sort")
        context["sorts"] = sort_labels(CATALOG_SORTS)
        context["categories"] = Category.objects.filter(is_active=True)
        context["levels"] = CoursePage.Level.choices
        context["tags"] = self.course_tags()
        if user.is_authenticated and not context["filtering"]:
            mine = [entry.course for entry in context["groups"].mine]
            context["continue_learning"] = continue_learning(mine, progress, request)
        return context

    def filters_from(self, request):
        """The catalog's query parameters, checked: what `catalog_courses` narrows and sorts by."""
        from courses.selectors import CATALOG_SORTS

        query = request.GET
        return {
            "q": query.get("q", "").strip()[:200],
            "category": query.get("category", ""),
            "level": query.get("level", ""),
            "tag": query.get("tag", ""),
            "price": query.get("price", ""),
            "sort": query.get("sort", "") if query.get("sort", "") in CATALOG_SORTS else "",
            "favorites": query.get("favorites") == "1" and request.user.is_authenticated,
        }

    def course_tags(self):
        from taggit.models import Tag

        return Tag.objects.filter(courses_coursetag_items__isnull=False).distinct().order_by("name")
