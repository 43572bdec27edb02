"""Keep the tier-aware lesson index in step with what is published."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import search
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
