"""Who sees which analytics: superusers and the Analysts group see the whole school; an instructor
sees the courses they teach; everybody else gets 403 (pages, JSON and CSV alike)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

ANALYSTS = "Analysts"


@dataclass(frozen=True)
class Scope:
    """The courses a viewer's analytics cover: `course_ids` None means every course."""

    course_ids: frozenset | None = None

    @property
    def is_whole_school(self):
        return self.course_ids is None

    def allows(self, course_id):
        return self.course_ids is None or course_id in self.course_ids

    def courses(self, queryset):
        """`queryset` (of CoursePage) narrowed to the scope."""
        return queryset if self.course_ids is None else queryset.filter(pk__in=self.course_ids)


def analytics_scope(user):
    """The viewer's Scope, or None when they may see no analytics at all."""
    from courses.models import CourseInstructor

    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser or user.groups.filter(name=ANALYSTS).exists():
        return Scope()
    taught = frozenset(CourseInstructor.objects.filter(user=user).values_list("course_id", flat=True))
    return Scope(taught) if taught else None


MISSING = object()


def request_scope(request):
    """The viewer's scope, asked once per request: the admin menu is drawn on every admin page, and
    the analytics views and the home page's panels want it too."""
    scope = getattr(request, "_analytics_scope", MISSING)
    if scope is MISSING:
        scope = request._analytics_scope = analytics_scope(request.user)
    return scope


def require_scope(request):
    scope = request_scope(request)
    if scope is None:
        raise PermissionDenied("Only analysts, superusers and a course's instructors may see its analytics.")
    return scope
