"""Keep the tier-aware lesson index in step with what is published, and remember every file a
lesson holds in any revision (see lesson_files.py)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Revision
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import search
from .lesson_files import remember_lesson_files
from .models import CoursePage, LessonPage


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    if isinstance(instance, LessonPage):
        search.index_lesson(instance)
    elif isinstance(instance, CoursePage):
        # Visibility decides which tier keys the course's lessons are indexed under.
        search.index_lessons_under(instance)


@receiver(page_unpublished)
def drop_unpublished_page(sender, instance, **kwargs):
    search.index_lessons_under(instance)


@receiver(post_page_move)
def reindex_moved_page(sender, instance, **kwargs):
    search.index_lessons_under(instance)


@receiver(post_save, sender=LessonPage)
def remember_files_of_saved_lesson(sender, instance, raw=False, **kwargs):
    if not raw:
        remember_lesson_files(instance.pk, instance.body)


@receiver(post_save, sender=Revision)
def remember_files_of_lesson_revision(sender, instance, created, raw=False, **kwargs):
    # Drafts never touch the lesson's row: their files are only seen here.
    if created and not raw and instance.content_type_id == ContentType.objects.get_for_model(LessonPage).pk:
        remember_lesson_files(int(instance.object_id), instance.content.get("body"))
