from django.core.management.base import BaseCommand, CommandError

from access.models import Audience
from courses.content_standard import measure_course
from courses.models import CoursePage


class Command(BaseCommand):
    help = (
        "A course measured against the content standard: per module its lessons, minutes, words, the "
        "guest/registered/enrolled split, quiz questions and resources per lesson; then every lesson "
        "below the standard."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--strict", action="store_true", help="Exit with an error when anything is flagged.")

    def handle(self, *args, **options):
        course = CoursePage.objects.filter(slug=options["slug"]).first()
        if course is None:
            raise CommandError(f"No course with the slug {options['slug']!r}.")
        modules, course_flags = measure_course(course)
        levels = [level.value for level in Audience]
        header = (
            f"{'#':>3}  {'Module':<44} {'Lessons':>7} {'Minutes':>7} {'Words':>7} "
            + " ".join(f"{level:>10}" for level in levels)
            + f" {'Qs/lesson':>9} {'Res/lesson':>10}"
        )
        self.stdout.write(f"{course.title}\n{header}\n{'-' * len(header)}")
        totals = {"lessons": 0, "minutes": 0, "words": 0, "questions": 0, "resources": 0, **dict.fromkeys(levels, 0)}
        lesson_flags = []
        for module, measures in modules:
            count = len(measures) or 1
            row = {
                "lessons": len(measures),
                "minutes": sum(m.lesson.duration_minutes for m in measures),
                "words": sum(m.words for m in measures),
                "questions": sum(m.questions for m in measures),
                "resources": sum(m.resources for m in measures),
                **{level: sum(1 for m in measures if m.lesson.access_level == level) for level in levels},
            }
            for key, value in row.items():
                totals[key] += value
            self.stdout.write(table_line(module.number, module.title, row, levels, count))
            lesson_flags += [
                f"Module {module.number}, {measure.lesson.title}: {', '.join(measure.flags)}"
                for measure in measures
                if measure.flags
            ]
        lessons = totals["lessons"] or 1
        self.stdout.write("-" * len(header))
        self.stdout.write(table_line("", "Total", totals, levels, lessons))
        if totals["lessons"]:
            split = ", ".join(f"{level} {100 * totals[level] / totals['lessons']:.0f}%" for level in levels)
            self.stdout.write(f"Access split: {split}")
            self.stdout.write(
                f"Questions: {totals['questions']}; resources: {totals['resources']}; "
                f"words per lesson: {totals['words'] / lessons:.0f}"
            )
        flags = course_flags + lesson_flags
        for flag in flags:
            self.stdout.write(f"FLAG {flag}")
        self.stdout.write(f"{len(flags)} flag(s)." if flags else "No flags: every lesson meets the standard.")
        if flags and options["strict"]:
            raise CommandError(f"{len(flags)} lesson(s) or module(s) below the content standard.")


def table_line(number, title, row, levels, lessons):
    return (
        f"{number:>3}  {title[:44]:<44} {row['lessons']:>7} {row['minutes']:>7} {row['words']:>7} "
        + " ".join(f"{row[level]:>10}" for level in levels)
        + f" {row['questions'] / lessons:>9.1f} {row['resources'] / lessons:>10.1f}"
    )
