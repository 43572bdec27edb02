from django.core.management.base import BaseCommand, CommandError

from courses.course_files import CourseFileError, import_course


class Command(BaseCommand):
    help = "Import a whole course (fields, modules, lessons, blocks, files) from a YAML or JSON file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .yaml, .yml or .json course file.")

    def handle(self, *args, **options):
        try:
            course = import_course(options["file"])
        except CourseFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Imported “{course.title}” at {course.url_path}"))
