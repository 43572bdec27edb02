from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from learning_site.permissions import ReadOnlyPolicy

from .guest_page_cache import serves_guests_from_cache
from .lesson_files import library_download_for
from .models import Category, CourseReview


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "sort_order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class CourseReviewViewSet(ModelViewSet):
    """Students write reviews; admins may only hide or show them."""

    model = CourseReview
    name = "reviews"
    icon = "pick"
    menu_label = "Reviews"
    add_to_admin_menu = False
    search_backend_name = None
    list_display = ["course", "user", "rating", "text", "is_hidden", "updated_at"]
    list_filter = ["is_hidden", "rating", "course"]
    search_fields = ["text", "user__username", "user__email", "course__title"]
    form_fields = ["is_hidden"]

    def get_queryset(self, request):
        return CourseReview.objects.select_related("course", "user")


class LearningViewSetGroup(ViewSetGroup):
    menu_label = "Learning"
    menu_icon = "folder-open-1"
    menu_order = 200
    items = [CategoryViewSet, CourseReviewViewSet]


hooks.register("register_admin_viewset", LearningViewSetGroup)
register_permission_policy(CourseReview, ReadOnlyPolicy(CourseReview, writable={"change"}))


# After Wagtail's own on_serve_page hook (order 0), which checks view restrictions first.
hooks.register("on_serve_page", serves_guests_from_cache, order=1)


@hooks.register("before_serve_document")
def keep_lesson_files_behind_their_lesson(document, request):
    """A file a lesson holds (in any revision) is downloaded through the lesson, which checks the viewer."""
    return library_download_for(document, request)
