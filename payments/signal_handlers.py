"""A members-only course published after someone joined is theirs at once, not at their next renewal."""

from wagtail.signals import page_published

from courses.models import CoursePage

from .models import Membership
from .webhooks import apply_membership


def grant_new_members_only_course(sender, instance, **kwargs):
    if instance.enrollment_method != CoursePage.EnrollmentMethod.SUBSCRIPTION_ONLY:
        return
    for membership in Membership.objects.live().select_related("user"):
        apply_membership(membership)


page_published.connect(grant_new_members_only_course, sender=CoursePage)
