"""Forget a user's remembered admin access (templatetags/site_userbar.py) when their groups change,
and the cached school identity (school.py) and the pages that show it when the school's settings
change."""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from courses.page_cache import forget_course_pages

from .models import SchoolFooterLink, SchoolSettings
from .templatetags.site_userbar import admin_access_key

User = get_user_model()


@receiver(m2m_changed, sender=User.groups.through)
def forget_admin_access(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    user_ids = pk_set or () if reverse else [instance.pk]
    cache.delete_many([admin_access_key(user_id) for user_id in user_ids])


# Every page shows the school's name, colours and footer links: a new generation makes every cached
# guest page and shared entry, and the school's own snapshot, be made again.
@receiver(post_save, sender=SchoolSettings)
@receiver(post_delete, sender=SchoolSettings)
@receiver(post_save, sender=SchoolFooterLink)
@receiver(post_delete, sender=SchoolFooterLink)
def forget_school(sender, **kwargs):
    forget_course_pages()
