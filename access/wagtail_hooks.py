"""The "Access" admin menu (students, access records, the audit trail, purchases, bulk grants) and the
"Offers" menu (bundles, cohorts, learning paths)."""

from django.db.models import Count
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from learning_site.permissions import ReadOnlyPolicy

from . import views
from .models import AccessEvent, Bundle, BundlePurchase, Cohort, CourseAccess, LearningPath
from .selectors import can_manage_access, can_view_access


class CourseAccessInspectView(InspectView):
    """An access record with its audit trail, and the actions an access manager may take on it."""

    @cached_property
    def header_more_buttons(self):
        access = self.object
        buttons = [
            Button("Student page", reverse("access_student", args=[access.user_id]), icon_name="user", priority=10)
        ]
        if can_manage_access(self.request.user) and access.status == CourseAccess.Status.UNLOCKED:
            buttons += [
                Button("Change expiry", reverse("access_expiry", args=[access.pk]), icon_name="date", priority=20),
                Button("Revoke", reverse("access_revoke", args=[access.pk]), icon_name="lock", priority=30),
            ]
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = self.object.events.select_related("actor").order_by("created_at", "pk")
        return context


class CourseAccessViewSet(ModelViewSet):
    model = CourseAccess
    icon = "key"
    menu_label = "Access records"
    add_to_admin_menu = False
    inspect_view_enabled = True
    inspect_view_class = CourseAccessInspectView
    inspect_template_name = "access/admin/course_access_inspect.html"
    search_backend_name = None
    list_display = [
        Column("user", label="Student", accessor="user"),
        "course",
        Column("source", label="Source", accessor="get_source_display"),
        "status",
        "granted_at",
        "expires_at",
    ]
    list_filter = ["status", "access_type", "course", "cohort"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name", "course__title"]
    list_export = [
        "user",
        "course",
        "access_type",
        "status",
        "granted_at",
        "expires_at",
        "revoked_at",
        "revocation_reason",
    ]
    form_fields = ["notes"]  # required by ModelViewSet; the add/edit views are never allowed

    def get_queryset(self, request):
        return CourseAccess.objects.select_related("user", "course", "cohort", "bundle_purchase__bundle")


class AccessEventViewSet(ModelViewSet):
    model = AccessEvent
    icon = "history"
    menu_label = "Audit trail"
    add_to_admin_menu = False
    inspect_view_enabled = True
    search_backend_name = None
    list_display = ["created_at", "action", "user", "course", "source", "actor", "reason"]
    list_filter = ["action", "course"]
    search_fields = ["user__username", "user__email", "course__title", "reason"]
    form_fields = ["reason"]


class BundlePurchaseViewSet(ModelViewSet):
    model = BundlePurchase
    icon = "tag"
    menu_label = "Bundle purchases"
    add_to_admin_menu = False
    inspect_view_enabled = True
    search_backend_name = None
    list_display = ["user", "bundle", "tier", "purchase_id", "purchase_date", "refunded_at"]
    list_filter = ["bundle"]
    search_fields = ["user__username", "user__email", "purchase_id"]
    form_fields = ["notes"]


for read_only_model in (CourseAccess, AccessEvent, BundlePurchase):
    register_permission_policy(read_only_model, ReadOnlyPolicy(read_only_model, may_view=can_view_access))

course_access_viewset = CourseAccessViewSet("course_access")
access_event_viewset = AccessEventViewSet("access_events")
bundle_purchase_viewset = BundlePurchaseViewSet("bundle_purchases")


@hooks.register("register_admin_viewset")
def register_access_viewsets():
    return [course_access_viewset, access_event_viewset, bundle_purchase_viewset]


class BundleViewSet(SnippetViewSet):
    model = Bundle
    icon = "tag"
    list_display = ["name", "bundle_type", "price", "is_active"]
    list_filter = ["bundle_type", "is_active"]
    search_fields = ["name"]


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    list_display = ["name", Column("member_count", label="Members"), "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return Cohort.objects.annotate(member_count=Count("members"))


class LearningPathViewSet(SnippetViewSet):
    model = LearningPath
    icon = "list-ol"
    list_display = ["name", "is_active"]
    search_fields = ["name"]


class OffersViewSetGroup(ViewSetGroup):
    """The ways into courses that editors set up: bundles to buy, cohorts to join, paths to follow."""

    menu_label = "Offers"
    menu_icon = "tag"
    menu_order = 205
    items = [BundleViewSet, CohortViewSet, LearningPathViewSet]


hooks.register("register_admin_viewset", OffersViewSetGroup)


@hooks.register("register_admin_urls")
def register_access_urls():
    return [
        path("students/", views.student_index, name="access_students"),
        path("students/<int:user_id>/", views.student_detail, name="access_student"),
        path("access/grant/", views.grant_access, name="access_grant"),
        path("access/<int:access_id>/revoke/", views.revoke_access, name="access_revoke"),
        path("access/<int:access_id>/expiry/", views.change_expiry, name="access_expiry"),
        path("access/purchases/<int:purchase_id>/refund/", views.refund_purchase, name="access_refund"),
        path("access/bulk-grant/", views.bulk_grant, name="access_bulk_grant"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, manage_only=False, **kwargs):
        self.manage_only = manage_only
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        if self.manage_only:
            return can_manage_access(request.user)
        return can_view_access(request.user)


@hooks.register("register_admin_menu_item")
def register_access_menu():
    items = [
        PermissionMenuItem("Students", reverse("access_students"), icon_name="group", order=100),
        PermissionMenuItem("Grant access", reverse("access_grant"), icon_name="plus", order=200, manage_only=True),
        PermissionMenuItem(
            "Bulk grant", reverse("access_bulk_grant"), icon_name="doc-full", order=300, manage_only=True
        ),
        PermissionMenuItem("Access records", course_access_viewset.menu_url, icon_name="key", order=400),
        PermissionMenuItem("Bundle purchases", bundle_purchase_viewset.menu_url, icon_name="tag", order=500),
        PermissionMenuItem("Audit trail", access_event_viewset.menu_url, icon_name="history", order=600),
    ]
    return SubmenuMenuItem("Access", Menu(items=items), icon_name="key", order=210)


@hooks.register("register_user_listing_buttons")
def student_page_button(user, request_user):
    """Wagtail's Users list links each user to their access and progress."""
    if can_view_access(request_user):
        yield Button("Access and progress", reverse("access_student", args=[user.pk]), icon_name="key", priority=15)
