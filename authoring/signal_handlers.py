"""Publishing a lesson approves the AI drafts in what was published."""

from wagtail.signals import page_published

from courses.models import LessonPage

from .drafting import approve_drafts_published_in


def approve_published_drafts(sender, instance, revision=None, **kwargs):
    approve_drafts_published_in(instance, revision)


page_published.connect(approve_published_drafts, sender=LessonPage)
