"""Every rule about who may read what: "may this viewer see this?" (tiers, access, drip, visibility,
prerequisites, in prerequisites.py) and the reads that pages showing access need (the catalog's
groups per viewer).
Nothing else re-implements these rules; changes to access live in services.py.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from functools import reduce
from operator import or_

from django.db.models import BooleanField, Exists, OuterRef, Q, Value
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import Audience, CourseAccess
from .prerequisites import check_course_prerequisites, missing_prerequisites

EDIT_ACTIONS = {"change", "publish"}
MANAGE_ACCESS_PERMISSION = "access.manage_course_access"


def can_edit_course(user, course):
    """Editors with edit rights on the course see everything in it, as an enrolled student would."""
    if not user.is_authenticated:
        return False
    return PagePermissionPolicy().user_has_any_permission_for_instance(user, EDIT_ACTIONS, course)


def can_manage_access(user):
    return user.is_authenticated and user.is_active and user.has_perm(MANAGE_ACCESS_PERMISSION)


def can_view_access(user):
    """Who may look at students' access in the admin: access managers and holders of the view permission."""
    return can_manage_access(user) or (user.is_authenticated and user.has_perm("access.view_courseaccess"))


def active_access(user, course, *, at=None):
    """The record that gives `user` access to `course` now, or None."""
    if not user.is_authenticated:
        return None
    return CourseAccess.objects.filter(user=user, course=course).active(at).order_by("granted_at").first()


def has_course_access(user, course, *, at=None):
    """(has access, the record that grants it or best explains why not, a reason for people)."""
    if not user.is_authenticated:
        return False, None, "Log in to use your course access."
    at = at or timezone.now()
    records = list(CourseAccess.objects.filter(user=user, course=course).order_by("-granted_at"))
    for record in records:
        if record.is_active(at):
            return True, record, f"Access through {record.get_access_type_display().lower()}."
    if not records:
        return False, None, "No access to this course."
    latest = records[0]
    if latest.revoked_at or latest.status == CourseAccess.Status.REVOKED:
        return False, latest, "Access was revoked."
    if latest.expires_at and latest.expires_at <= at:
        return False, latest, f"Access expired on {latest.expires_at:%Y-%m-%d %H:%M} UTC."
    return False, latest, f"Access is {latest.get_status_display().lower()}."


def viewer_tier(user, course):
    """The widest audience whose content `user` may see in `course`."""
    if not user.is_authenticated:
        return Audience.GUEST
    return Audience.ENROLLED if course_viewer(user, course).in_course else Audience.REGISTERED


@dataclass(frozen=True)
class LessonView:
    """What a viewer may see of one lesson, and when more unlocks."""

    tier: Audience
    unlocks_at: object = None  # a datetime while the lesson's module is still dripping
    in_course: bool = False  # an editor of the course, or a student with access (dripping or not)


def module_unlocks_at(module, course, access_record):
    """When a dripped module opens for the holder of `access_record`; None if it is open."""
    if course.access_duration_type != course.AccessDuration.DRIP or module is None or not module.drip_days:
        return None
    opens = access_record.granted_at + timedelta(days=module.drip_days)
    return opens if opens > timezone.now() else None


class CourseViewer:
    """What a request knows about its viewer in one course, asked once and passed to whatever decides
    what they see: the lesson, the outline's drip dates, the course page, the progress API. The access
    record is one query for a logged-in viewer; edit rights one more, asked only when they could change
    the answer (no access record, or a drip module still closed). A guest costs nothing."""

    def __init__(self, user, course):
        self.user = user
        self.course = course
        self.authenticated = user.is_authenticated

    @cached_property
    def access(self):
        """The CourseAccess that gives access now, or None."""
        return active_access(self.user, self.course) if self.authenticated and self.course is not None else None

    @cached_property
    def is_editor(self):
        return self.course is not None and can_edit_course(self.user, self.course)

    @property
    def in_course(self):
        return self.access is not None or self.is_editor

    def module_unlocks_at(self, module):
        """When `module` opens for this viewer; None if it is open (editors never wait)."""
        if self.course is None or self.course.access_duration_type != self.course.AccessDuration.DRIP:
            return None
        if self.access is None or module is None or not module.drip_days:
            return None
        opens = module_unlocks_at(module, self.course, self.access)
        return None if opens is None or self.is_editor else opens

    def unlock_dates(self, modules):
        """{module id: when it opens} for the modules still closed to this viewer."""
        dates = {module.pk: self.module_unlocks_at(module) for module in modules}
        return {module_id: opens for module_id, opens in dates.items() if opens}

    def lesson_view(self, lesson, module=None):
        """The viewer's tier for one lesson of the course, with drip applied: a locked module withholds
        what enrolment gives (registered and guest content stay as they are for everyone). `module`
        is the lesson's module when the caller has it (from the outline), saving a query."""
        if not self.authenticated:
            return LessonView(Audience.GUEST)
        if self.access is None:
            if self.is_editor:
                return LessonView(Audience.ENROLLED, in_course=True)
            return LessonView(Audience.REGISTERED)
        unlocks_at = None
        if self.course.access_duration_type == self.course.AccessDuration.DRIP:
            unlocks_at = self.module_unlocks_at(module or lesson.module)
        if unlocks_at:
            return LessonView(Audience.REGISTERED, unlocks_at, in_course=True)
        return LessonView(Audience.ENROLLED, in_course=True)


def course_viewer(user, course):
    """Everything access decides about `user` in `course` for one request (see CourseViewer)."""
    return CourseViewer(user, course)


def module_unlock_dates(user, course, modules):
    """{module id: when it opens} for the modules of a drip course that are still closed to `user`."""
    if course.access_duration_type != course.AccessDuration.DRIP or not user.is_authenticated:
        return {}
    return course_viewer(user, course).unlock_dates(modules)


def lesson_view(user, lesson):
    """The viewer's tier for one lesson, with drip applied (see CourseViewer.lesson_view)."""
    return course_viewer(user, lesson.course).lesson_view(lesson)


def can_open_lesson(user, lesson, viewer=None):
    """A logged-in viewer whose tier (drip applied) opens the lesson: who may have progress on it,
    notes, quiz attempts and the lesson assistant. `viewer` passes on what the request already asked."""
    viewer = viewer or course_viewer(user, lesson.course)
    return user.is_authenticated and lesson.is_open_to(viewer.lesson_view(lesson).tier)


def accessible_courses(user):
    """The ids of the courses `user` may read as an enrolled student, as a query to nest in another
    (no query of its own)."""
    if not user.is_authenticated:
        return CourseAccess.objects.none().values("course_id")
    return CourseAccess.objects.filter(user=user).active().values("course_id")


def accessible_course_ids(user):
    """Ids of the courses `user` may read as an enrolled student, in one query (none for a guest)."""
    return set(accessible_courses(user).values_list("course_id", flat=True))


def with_access_flags(user, courses):
    """`courses` (a queryset) with is_owned on each: whether `user` may read it as an enrolled
    student now. Part of the same query."""
    if not user.is_authenticated:
        return courses.annotate(is_owned=Value(False, output_field=BooleanField()))
    return courses.annotate(is_owned=Exists(accessible_courses(user).filter(course=OuterRef("pk"))))


def editable_course_ids(user):
    from courses.models import CoursePage

    if not user.is_authenticated:
        return set()
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, EDIT_ACTIONS)
    return set(CoursePage.objects.filter(pk__in=editable.values("pk")).values_list("pk", flat=True))


def enrolled_tier_course_ids(user):
    """Courses whose enrolled-only content `user` may see: by access or by edit rights."""
    return accessible_course_ids(user) | editable_course_ids(user)


def drip_locked_lesson_ids(user):
    """Lessons in modules that have not yet dripped open for `user`, across all their courses."""
    from courses.models import CoursePage, LessonPage, ModulePage

    if not user.is_authenticated:
        return set()
    # Ordered newest first, so the dict keeps each course's earliest active start: the kindest clock.
    started = dict(
        CourseAccess.objects.filter(user=user, course__access_duration_type=CoursePage.AccessDuration.DRIP)
        .active()
        .order_by("-granted_at")
        .values_list("course_id", "granted_at")
    )
    for course_id in editable_course_ids(user) if started else ():
        started.pop(course_id, None)
    if not started:
        return set()
    courses = {course.path: course.pk for course in CoursePage.objects.filter(pk__in=started).only("path")}
    under_courses = Q()
    for path in courses:
        under_courses |= Q(path__startswith=path)
    now = timezone.now()
    locked = Q()
    for module in ModulePage.objects.filter(under_courses, drip_days__gt=0).only("path", "drip_days"):
        course_id = courses[module.path[: -Page.steplen]]
        if started[course_id] + timedelta(days=module.drip_days) > now:
            locked |= Q(path__startswith=module.path)
    if not locked:
        return set()
    return set(LessonPage.objects.filter(locked).values_list("pk", flat=True))


def course_is_visible_to(user, course, *, viewer=None):
    """Private courses exist only for students with access and editors; the rest are reachable.
    `viewer` passes on what the request already asked (a CourseViewer of this course)."""
    if course.visibility != course.Visibility.PRIVATE:
        return True
    return (viewer or course_viewer(user, course)).in_course


def visible_courses(user, courses):
    """The courses of a queryset that the catalog lists for `user`: listed for their kind of viewer,
    or theirs to read as an enrolled student (by access, a condition of the same query, or by edit
    rights)."""
    from courses.models import CoursePage

    visibility = CoursePage.Visibility
    listed = [visibility.PUBLIC] + ([visibility.MEMBERS_ONLY] if user.is_authenticated else [])
    own = Q(pk__in=accessible_courses(user)) | Q(pk__in=editable_course_ids(user))
    return courses.live().filter(outside_view_restrictions()).filter(Q(visibility__in=listed) | own)


def outside_view_restrictions():
    """Wagtail's PageQuerySet.public() (no view restriction on the page or above it) as plain path
    conditions, which search backends apply too. public() reads every restriction of the site on each
    call; their paths are the same for every viewer, so they are cached under the page cache's
    content generation, which saving or deleting a restriction and moving or deleting a page move on."""
    from courses.page_cache import site_view_restrictions

    paths = [path for _id, path in site_view_restrictions()["restrictions"]]
    return ~reduce(or_, (Q(path__startswith=path) for path in paths)) if paths else Q()


def without_hidden_courses(user, pages):
    """`pages` without the private courses `user` may not see, and everything under them: for any
    channel that lists pages (the pages API), so a private course does not exist for outsiders."""
    from courses.models import CoursePage

    private = dict(CoursePage.objects.filter(visibility=CoursePage.Visibility.PRIVATE).values_list("pk", "path"))
    if not private:  # most sites: one query, and nothing about the viewer to ask
        return pages
    seen = enrolled_tier_course_ids(user)
    under_hidden = Q()
    for course_id, path in private.items():
        if course_id not in seen:
            under_hidden |= Q(path__startswith=path)
    return pages.exclude(under_hidden) if under_hidden else pages


NOT_BY_METHOD = {
    "open": "This course is not open for self-enrollment.",
    "purchase": "This course is not for sale.",
}


def enrollment_block_reason(user, course, *, method="open"):
    """Why `user` cannot get into `course` by `method` right now (one click for open courses,
    buying it for paid ones), or None if they can."""
    if not user.is_authenticated:
        return "Log in to enroll." if method == "open" else "Log in to buy this course."
    if course.enrollment_method != method:
        return NOT_BY_METHOD[method]
    if course.status != course.Status.ACTIVE:
        return f"This course is {course.get_status_display().lower()}."
    if course.enrollment_opens_at and course.enrollment_opens_at > timezone.now():
        return f"Enrollment opens on {course.enrollment_opens_at:%Y-%m-%d}."
    met, missing = check_course_prerequisites(user, course)
    if not met:
        return " ".join(missing)
    return None


# The catalog ------------------------------------------------------------------------------------


@dataclass
class CatalogEntry:
    course: object
    reason: str = ""  # why it is locked, or what unlocks it
    action: str = ""  # "enroll", "login", "buy", "cohort", "subscribe", or "" when nothing can be done now


@dataclass
class CatalogGroups:
    mine: list = field(default_factory=list)
    available: list = field(default_factory=list)
    unavailable: list = field(default_factory=list)


def catalog_groups(user, courses, *, owned=None, progress=None):
    """Sort the courses a viewer may see into: mine, available to unlock (and how), not available.
    `owned` (`accessible_course_ids(user)`) and `progress` (the user's course progress) pass on what
    the caller already read."""
    groups = CatalogGroups()
    owned = accessible_course_ids(user) if owned is None else owned
    missing = missing_prerequisites(user, [course for course in courses if course.pk not in owned], progress=progress)
    now = timezone.now()
    for course in courses:
        if course.pk in owned:
            groups.mine.append(CatalogEntry(course))
            continue
        method = course.EnrollmentMethod
        if course.status != course.Status.ACTIVE:
            groups.unavailable.append(CatalogEntry(course, course.get_status_display()))
        elif course.enrollment_method == method.INVITE_ONLY:
            groups.unavailable.append(CatalogEntry(course, "By invitation only."))
        elif course.enrollment_opens_at and course.enrollment_opens_at > now:
            groups.available.append(CatalogEntry(course, f"Unlocks on {course.enrollment_opens_at:%-d %B %Y}."))
        elif missing.get(course.pk):
            groups.available.append(CatalogEntry(course, " ".join(missing[course.pk])))
        elif course.enrollment_method == method.OPEN:
            if user.is_authenticated:
                groups.available.append(CatalogEntry(course, "Free to enroll.", "enroll"))
            else:
                groups.available.append(CatalogEntry(course, "Log in to enroll.", "login"))
        elif course.enrollment_method == method.PURCHASE:
            groups.available.append(CatalogEntry(course, f"Buy for ${course.price_now}.", "buy"))
        elif course.enrollment_method == method.COHORT_ONLY:
            groups.available.append(CatalogEntry(course, "Join a cohort to get access.", "cohort"))
        else:
            groups.available.append(CatalogEntry(course, "Included with a subscription.", "subscribe"))
    return groups
