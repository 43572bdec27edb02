"""The way into the admin (the nav's Admin link, Wagtail's userbar) for the people who may use it,
without asking every student's permissions (two queries) on every page."""

from django import template
from django.core.cache import cache
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

register = template.Library()

ADMIN_ACCESS_SECONDS = 5 * 60


def admin_access_key(user_id):
    return f"userbar:admin-access:{user_id}"


def may_use_admin(user):
    """Whether `user` may open the admin, remembered per user for a few minutes and forgotten at once
    when their groups change. Only links depend on it: the admin checks permissions itself."""
    if user is None or not user.is_authenticated:
        return False
    if hasattr(user, "_may_use_admin"):  # the nav and the userbar both ask, in one request
        return user._may_use_admin
    key = admin_access_key(user.pk)
    allowed = cache.get(key)
    if allowed is None:
        allowed = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, allowed, ADMIN_ACCESS_SECONDS)
    user._may_use_admin = allowed
    return allowed


@register.simple_tag(takes_context=True)
def shows_admin_link(context):
    return may_use_admin(getattr(context.get("request"), "user", None))


@register.simple_tag(takes_context=True)
def userbar(context, position="bottom-right"):
    if not may_use_admin(getattr(context.get("request"), "user", None)):
        return ""
    return wagtailuserbar(context, position)
