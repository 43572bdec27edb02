from django.core.management.base import BaseCommand, CommandError

from access.models import Audience
from courses.models import CoursePage


class Command(BaseCommand):
    help = "Modules, lessons, minutes and the guest/registered/enrolled split of a course."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, *args, **options):
        course = CoursePage.objects.filter(slug=options["slug"]).first()
        if course is None:
            raise CommandError(f"No course with the slug {options['slug']!r}.")
        modules = course.outline()
        levels = [level.value for level in Audience]
        header = f"{'#':>3}  {'Module':<52} {'Lessons':>7} {'Minutes':>8} " + " ".join(f"{lvl:>10}" for lvl in levels)
        self.stdout.write(f"{course.title}\n{header}\n{'-' * len(header)}")
        totals = dict.fromkeys(levels, 0)
        all_lessons = all_minutes = 0
        for module in modules:
            counts = {level: sum(1 for lesson in module.lessons if lesson.access_level == level) for level in levels}
            minutes = sum(lesson.duration_minutes for lesson in module.lessons)
            for level in levels:
                totals[level] += counts[level]
            all_lessons += len(module.lessons)
            all_minutes += minutes
            self.stdout.write(
                f"{module.number:>3}  {module.title[:52]:<52} {len(module.lessons):>7} {minutes:>8} "
                + " ".join(f"{counts[level]:>10}" for level in levels)
            )
        self.stdout.write("-" * len(header))
        self.stdout.write(
            f"{'':>3}  {'Total':<52} {all_lessons:>7} {all_minutes:>8} "
            + " ".join(f"{totals[level]:>10}" for level in levels)
        )
        if all_lessons:
            split = ", ".join(f"{level} {100 * totals[level] / all_lessons:.0f}%" for level in levels)
            self.stdout.write(f"Access split: {split}")
