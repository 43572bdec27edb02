"""The "Payments" admin menu: every checkout with its state, the memberships, and the refund screen."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from access.selectors import can_view_access
from learning_site.permissions import ReadOnlyPolicy

from . import admin_views
from .models import Membership, Purchase


class PurchaseViewSet(ModelViewSet):
    model = Purchase
    icon = "tag"
    menu_label = "Payments"
    add_to_admin_menu = False
    inspect_view_enabled = True
    search_backend_name = None
    list_display = ["created_at", "user", "description", "amount", "status", "amount_refunded"]
    list_filter = ["status", "kind"]
    search_fields = ["user__username", "user__email", "description", "stripe_session_id", "payment_intent"]
    list_export = ["created_at", "paid_at", "user", "kind", "description", "amount", "currency", "status"]
    form_fields = ["refund_reason"]  # required by ModelViewSet; the add/edit views are never allowed


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "group"
    menu_label = "Memberships"
    add_to_admin_menu = False
    inspect_view_enabled = True
    search_backend_name = None
    list_display = ["user", "status", "current_period_end", "cancel_at_period_end", "started_at"]
    list_filter = ["status"]
    search_fields = ["user__username", "user__email", "subscription_id"]
    form_fields = ["status"]


for read_only_model in (Purchase, Membership):
    register_permission_policy(read_only_model, ReadOnlyPolicy(read_only_model, may_view=can_view_access))

purchase_viewset = PurchaseViewSet("payments")
membership_viewset = MembershipViewSet("memberships")


@hooks.register("register_admin_viewset")
def register_payment_viewsets():
    return [purchase_viewset, membership_viewset]


@hooks.register("register_admin_urls")
def register_payment_urls():
    return [path("payments/<int:purchase_id>/refund/", admin_views.refund_payment, name="payments_refund")]


class AccessViewerMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_access(request.user)


@hooks.register("register_admin_menu_item")
def register_payments_menu():
    items = [
        AccessViewerMenuItem("Checkouts", purchase_viewset.menu_url, icon_name="tag", order=100),
        AccessViewerMenuItem("Memberships", membership_viewset.menu_url, icon_name="group", order=200),
    ]
    return SubmenuMenuItem("Payments", Menu(items=items), icon_name="tag", order=215)
