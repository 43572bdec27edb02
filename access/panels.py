"""Read-only admin panels: membership changes go through access.services, so each one is audited."""

from django.urls import reverse
from wagtail.admin.panels import Panel

MEMBERS_SHOWN = 200


class CohortMembersPanel(Panel):
    """A cohort's members with links to their student pages, and how to add more."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "access/admin/panels/cohort_members.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            cohort = self.instance
            members = cohort.members.select_related("user").order_by("user__username") if cohort.pk else None
            context["members"] = members[:MEMBERS_SHOWN] if members is not None else []
            context["member_total"] = members.count() if members is not None else 0
            context["members_shown"] = MEMBERS_SHOWN
            context["bulk_grant_url"] = f"{reverse('access_bulk_grant')}?cohort={cohort.pk}" if cohort.pk else ""
            return context
