"""What a course's instructors may do in the Wagtail admin, and keeping it in step with who teaches.

Each course with instructors has one managed auth group, "Instructors: <course page id>": it lets its
members into the admin and gives them add, change and publish on the course page, so on its modules
and lessons, and on nothing else. Its members are exactly the users of the course's CourseInstructor
rows: every save or delete of a row (rows are written when the course page is created or published)
re-syncs the group, and a course left without instructors loses its group. Rights given to the group
by hand are taken away again at the next sync.

Quizzes are snippets, which Wagtail's group permissions grant for every quiz or none, so instructors
get no quiz permission at all: `CourseQuizPermissionPolicy` lets them view and change the quizzes
that only their courses use (a lesson's quiz or the course's final exam). A quiz another course also
uses stays with the editors: picking someone else's quiz for one's own lesson gives no rights to it.
Analytics read the CourseInstructor rows themselves (analytics/permissions.py).
"""

from functools import reduce
from operator import or_

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies import ModelPermissionPolicy

from .models import CourseInstructor, CoursePage, LessonPage

INSTRUCTOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
INSTRUCTOR_QUIZ_ACTIONS = frozenset({"view", "change"})


def instructor_group_name(course_id: int) -> str:
    # The page id, not the title: a renamed course keeps its group.
    return f"Instructors: {course_id}"


@transaction.atomic
def sync_instructor_group(*, course_id: int) -> Group | None:
    """Make the course's instructor group hold exactly its instructors and exactly their rights;
    delete it when the course has none. Returns the group, or None."""
    # Syncs of one course take turns on its page's row, which a publish already holds; rows written
    # by a script or deleted with a user are then synced one after the other too.
    Page.objects.select_for_update().filter(pk=course_id).first()
    user_ids = set(CourseInstructor.objects.filter(course_id=course_id).values_list("user_id", flat=True))
    name = instructor_group_name(course_id)
    if not user_ids:
        Group.objects.filter(name=name).delete()  # its page permissions and memberships go with it
        return None
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.set(Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"))
    page_permissions = list(
        Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Page), codename__in=INSTRUCTOR_PAGE_PERMISSIONS
        )
    )
    GroupPagePermission.objects.filter(group=group).exclude(page_id=course_id, permission__in=page_permissions).delete()
    GroupPagePermission.objects.bulk_create(
        [GroupPagePermission(group=group, page_id=course_id, permission=permission) for permission in page_permissions],
        ignore_conflicts=True,  # the unique (group, page, permission) constraint keeps the ones already there
    )
    group.user_set.set(user_ids)
    return group


def quizzes_taught_by(user) -> frozenset[int]:
    """Ids of the quizzes that are used only by courses the user teaches, in two queries, remembered
    on the user object for the rest of the request."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    if not hasattr(user, "_quizzes_taught"):
        user._quizzes_taught = _quizzes_only_used_by(CoursePage.objects.filter(instructors__user=user))
    return user._quizzes_taught


def _quizzes_only_used_by(courses) -> frozenset[int]:
    from quizzes.models import Quiz

    taught = list(courses.values_list("pk", "path"))
    if not taught:
        return frozenset()
    course_ids = [pk for pk, _path in taught]
    in_taught_courses = reduce(or_, (Q(path__startswith=path) for _pk, path in taught))
    used_here = Q(pk__in=LessonPage.objects.filter(in_taught_courses, quiz__isnull=False).values("quiz_id")) | Q(
        pk__in=CoursePage.objects.filter(pk__in=course_ids).values("final_exam_id")
    )
    lesson_elsewhere = LessonPage.objects.filter(quiz_id=OuterRef("pk")).exclude(in_taught_courses)
    exam_elsewhere = CoursePage.objects.filter(final_exam_id=OuterRef("pk")).exclude(pk__in=course_ids)
    return frozenset(
        Quiz.objects.filter(used_here)
        .exclude(Exists(lesson_elsewhere))
        .exclude(Exists(exam_elsewhere))
        .values_list("pk", flat=True)
    )


class CourseQuizPermissionPolicy(ModelPermissionPolicy):
    """Quizzes: whoever holds the quizzes model permissions, as usual; besides, a course's
    instructors may view and change the quizzes only their courses use (`quizzes_taught_by`).

    Wagtail's snippet views check `user_has_permission` (may the user do this to some quiz?) and only
    some of them the per-instance methods, so the quiz edit view asks `user_has_permission_for_instance`
    itself (the before_edit_snippet hook in quizzes/wagtail_hooks.py)."""

    def _has_model_permission(self, user, action):
        return super().user_has_permission(user, action)

    def user_has_permission(self, user, action):
        if self._has_model_permission(user, action):
            return True
        return action in INSTRUCTOR_QUIZ_ACTIONS and bool(quizzes_taught_by(user))

    def user_has_permission_for_instance(self, user, action, instance):
        if self._has_model_permission(user, action):
            return True
        return action in INSTRUCTOR_QUIZ_ACTIONS and instance.pk in quizzes_taught_by(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if any(self._has_model_permission(user, action) for action in actions):
            return self.model._default_manager.all()
        if INSTRUCTOR_QUIZ_ACTIONS.intersection(actions):
            return self.model._default_manager.filter(pk__in=quizzes_taught_by(user))
        return self.model._default_manager.none()
