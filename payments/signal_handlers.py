"""A members-only course published after someone joined is theirs at once, not at their next renewal:
granted by a task after the publish commits, so that publishing costs the editor nothing however
many members there are."""

from django.db import transaction
from wagtail.signals import page_published

from courses.models import CoursePage

from .tasks import grant_members_only_courses


def grant_new_members_only_course(sender, instance, **kwargs):
    if instance.enrollment_method == CoursePage.EnrollmentMethod.SUBSCRIPTION_ONLY:
        transaction.on_commit(grant_members_only_courses.enqueue)


page_published.connect(grant_new_members_only_course, sender=CoursePage)
