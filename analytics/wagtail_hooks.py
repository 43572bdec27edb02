"""The "Analytics" admin menu item, and two panels on the admin home (the headline numbers and the
live activity feed), for whoever has an analytics scope: analysts, superusers, instructors."""

import datetime

from django.forms import Script
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .activity import activity_page
from .permissions import request_scope
from .queries import recent_summary


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request_scope(request) is not None


@hooks.register("register_admin_menu_item")
def register_analytics_menu_item():
    return AnalyticsMenuItem("Analytics", reverse("analytics"), icon_name="table", order=220)


class QuickStatsPanel(Component):
    """A few of the school's numbers (or an instructor's courses'), with the way to the rest."""

    name = "analytics_quick_stats"
    template_name = "analytics/panels/quick_stats.html"
    order = 100

    def __init__(self, scope):
        self.scope = scope

    def get_context_data(self, parent_context):
        numbers = recent_summary(self.scope)  # at most two minutes old; the analytics page is live
        return {
            "heading": "The school in numbers" if self.scope.is_whole_school else "Your courses in numbers",
            "stats": [
                (f"{numbers['students_total']:,}", "students"),
                (f"{numbers['students_active_30d']:,}", "active in the last 30 days"),
                (f"{numbers['students_new_7d']:,}", "new in the last 7 days"),
                (f"{numbers['enrollments_total']:,}", "enrollments"),
                (f"{numbers['completion_rate']:.0%}", "of enrollments completed"),
                (f"{numbers['certificates_total']:,}", "certificates"),
            ],
            "analytics_url": reverse("analytics"),
        }


class ActivityFeedPanel(Component):
    """The newest things students did; activity-feed.js refreshes it and pages back through it."""

    name = "analytics_activity"
    template_name = "analytics/panels/activity_feed.html"
    order = 110

    class Media:
        # Wagtail puts panels' scripts before the page's content: deferred, it finds the panel.
        js = [Script("js/activity-feed.js", defer=True)]

    def __init__(self, scope):
        self.scope = scope

    def get_context_data(self, parent_context):
        page = activity_page(self.scope)
        now = timezone.now()
        items = []
        for item in page["items"]:
            at = datetime.datetime.fromisoformat(item["at"])
            items.append({**item, "ago": time_ago(at, now)})
        return {"items": items, "next": page["next"], "feed_url": reverse("analytics_activity")}


def time_ago(at, now):
    """How long ago, as activity-feed.js words it too (its `ago`), so a refresh changes no wording."""
    seconds = (now - at).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    days = int(seconds // 86400)
    if days < 7:
        return "1 day ago" if days == 1 else f"{days} days ago"
    at = at.astimezone(datetime.UTC)
    return f"{at.day} {at:%b %Y}"


@hooks.register("construct_homepage_panels")
def add_analytics_panels(request, panels):
    scope = request_scope(request)
    if scope is not None:
        panels += [QuickStatsPanel(scope), ActivityFeedPanel(scope)]
