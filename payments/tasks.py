"""Background work for payments (django-tasks)."""

from django_tasks import task

from .models import Membership
from .webhooks import apply_membership


@task()
def grant_members_only_courses():
    """Bring every live membership's access up to date with the members-only courses published now."""
    for membership in Membership.objects.live().select_related("user"):
        apply_membership(membership)
