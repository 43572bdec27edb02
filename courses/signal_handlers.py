"""Keep the tier-aware lesson index and the shared page caches (page_cache.py) in step with what is
published, and remember every file a lesson holds in any revision (see lesson_files.py)."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from access.models import LearningPath, LearningPathCourse

from . import search
from .lesson_files import remember_lesson_files
from .models import Category, CoursePage, CourseReview, LessonPage, UserProgress
from .page_cache import forget_course_pages
from .progress import forget_student_rows

logger = logging.getLogger(__name__)


@receiver(post_migrate)
def forget_pages_of_the_last_release(sender, **kwargs):
    """A deploy runs `migrate`: pages shared in the cache were drawn by the previous release's
    templates, so a new generation starts (once, for this app's signal)."""
    if sender.name != "courses":
        return
    try:
        forget_course_pages()
    except Exception:  # no cache at migrate time (Redis not up yet): its entries expire on their own
        logger.warning("Could not start a new page cache generation after migrating.", exc_info=True)


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


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def forget_cached_pages(sender, **kwargs):
    forget_course_pages()


@receiver(post_delete)
def forget_cached_pages_on_delete(sender, instance, **kwargs):
    # Deleting a page sends post_delete for its own class and each parent class: Page is enough.
    if sender is Page:
        forget_course_pages()


# What saving a draft or locking a page writes to its row: nothing a visitor is shown.
DRAFT_BOOKKEEPING_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "wagtail_admin_comments",
    "locked",
    "locked_by",
    "locked_at",
}


@receiver(post_save)
def forget_cached_pages_on_page_save(sender, instance, update_fields=None, raw=False, **kwargs):
    """Any other write to a page's row (a script's save(), a new alias, publishing) may change what
    it shows or where it answers, so cached pages and routes are forgotten. Drafts and locks are not."""
    if raw or not issubclass(sender, Page):
        return
    if update_fields is not None and set(update_fields) <= DRAFT_BOOKKEEPING_FIELDS:
        return
    forget_course_pages()


# What the cached pages show also depends on these: who may see a subtree, the sites' addresses, the
# images and documents lessons hold, the categories and ratings course cards show, and the learning
# paths whose steps unlock courses (access/prerequisites.py).
SHOWN_WITH_PAGES = (
    PageViewRestriction,
    Site,
    get_image_model(),
    get_document_model(),
    Category,
    CourseReview,
    LearningPath,
    LearningPathCourse,
)
for model in SHOWN_WITH_PAGES:
    post_save.connect(forget_cached_pages, sender=model, dispatch_uid=f"forget-course-pages-saved-{model._meta.label}")
    post_delete.connect(
        forget_cached_pages, sender=model, dispatch_uid=f"forget-course-pages-deleted-{model._meta.label}"
    )


@receiver(post_save, sender=UserProgress)
@receiver(post_delete, sender=UserProgress)
def forget_read_progress(sender, **kwargs):
    forget_student_rows()


@receiver(post_save, sender="courses.CourseInstructor")
@receiver(post_delete, sender="courses.CourseInstructor")
def keep_instructor_rights_in_step(sender, instance, raw=False, **kwargs):
    """A course's instructor rows are saved when its page is created or published (and deleted with
    the page or the user): its instructor group follows them (instructors.py), and the course page,
    which lists them, is drawn afresh."""
    from .instructors import sync_instructor_group

    if raw:
        return
    sync_instructor_group(course_id=instance.course_id)
    forget_course_pages()
