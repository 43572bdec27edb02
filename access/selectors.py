"""Read models for pages that show access: the catalog's groups per viewer."""

from dataclasses import dataclass, field

from django.utils import timezone

from .services import accessible_course_ids, missing_prerequisites


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


def catalog_groups(user, courses):
    """Sort the courses a viewer may see into: mine, available to unlock (and how), not available."""
    groups = CatalogGroups()
    owned = accessible_course_ids(user)
    missing = missing_prerequisites(user, [course for course in courses if course.pk not in owned])
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
            groups.available.append(CatalogEntry(course, f"Buy for ${course.price}.", "buy"))
        elif course.enrollment_method == method.COHORT_ONLY:
            groups.available.append(CatalogEntry(course, "Join a cohort to get access.", "cohort"))
        else:
            groups.available.append(CatalogEntry(course, "Included with a subscription.", "subscribe"))
    return groups
