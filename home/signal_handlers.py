"""Forget a user's remembered admin access (templatetags/site_userbar.py) when their groups change."""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from .templatetags.site_userbar import admin_access_key

User = get_user_model()


@receiver(m2m_changed, sender=User.groups.through)
def forget_admin_access(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    user_ids = pk_set or () if reverse else [instance.pk]
    cache.delete_many([admin_access_key(user_id) for user_id in user_ids])
