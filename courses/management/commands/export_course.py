from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.course_files import dump_course, export_course
from courses.models import CoursePage


class Command(BaseCommand):
    help = "Write a course in the import_course format, to stdout or to a file (with its files beside it)."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The course's slug.")
        parser.add_argument(
            "--output", help="Write here instead of stdout; documents and images go to files/ next to it."
        )
        parser.add_argument("--format", choices=["yaml", "json"], help="Defaults to the output's extension, else yaml.")

    def handle(self, *args, **options):
        course = CoursePage.objects.filter(slug=options["slug"]).first()
        if course is None:
            raise CommandError(f"No course with the slug {options['slug']!r}.")
        output = Path(options["output"]) if options["output"] else None
        fmt = options["format"] or ("json" if output and output.suffix.lower() == ".json" else "yaml")
        data = export_course(course, files_dir=output.parent if output else None)
        text = dump_course(data, fmt)
        if output:
            output.write_text(text, encoding="utf-8")
            self.stderr.write(self.style.SUCCESS(f"Wrote {output}"))
        else:
            self.stdout.write(text, ending="")
