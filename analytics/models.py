from django.db import models


class CourseDay(models.Model):
    """A course's students, starters and completers as counted on one day: counting completions
    reads every progress row, so a task does it (rollups.py) and the analytics page reads these rows.
    The row of today is recounted while the day lasts; earlier days stay as history."""

    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="analytics_days")
    day = models.DateField()
    students = models.PositiveIntegerField(default=0)
    started = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    counted_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["course", "day"], name="one_analytics_row_per_course_day")]
        ordering = ["course", "-day"]

    def __str__(self):
        return f"{self.course_id} on {self.day}: {self.completed}/{self.students} completed"
