"""Background work for analytics (django-tasks)."""

from django_tasks import task

from . import rollups


@task()
def recount_course_days():
    """Recount every course's students, starters and completers into today's CourseDay rows."""
    return len(rollups.recount())
