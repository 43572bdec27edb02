"""`python manage.py make_bench_data`: the benchmark's large data set, in minutes, beside the demo site."""

import time

from django.core.management.base import BaseCommand, CommandError

from benchmark import dataset
from benchmark.sizes import add_size_arguments, sizes_from
from courses.models import CourseIndexPage


class Command(BaseCommand):
    help = (
        "Fill the site with a large, realistic data set for benchmarks, with bulk inserts (a few minutes at "
        "the default size on PostgreSQL). Refuses to run where bench data already exists unless --replace."
    )

    def add_arguments(self, parser):
        add_size_arguments(parser)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the bench data already there first (the demo site and everything else stays).",
        )

    def handle(self, *args, **options):
        try:
            sizes = sizes_from(options)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if not CourseIndexPage.objects.exists():
            raise CommandError("The site has no course catalog: run `python manage.py seed_demo` first.")
        started = time.monotonic()
        existing = dataset.existing_counts()
        if existing and not options["replace"]:
            raise CommandError(
                f"The site already has bench data ({existing['courses']} courses, {existing['students']} students). "
                "Use --replace to delete it and build it again; for the benchmark's own database, "
                "`python -m benchmark.run --rebuild` (which drops and recreates it) is quicker."
            )
        if existing:
            self.stdout.write("Deleting the bench data already there...")
            dataset.remove()
        self.stdout.write(
            f"Building {sizes.courses} courses x {sizes.modules} modules x {sizes.lessons} lessons, "
            f"{sizes.students:,} students, {sizes.progress_rows:,} progress rows:"
        )
        dataset.build(sizes, self.report_step)
        self.stdout.write(self.style.SUCCESS(f"Bench data ready in {duration(time.monotonic() - started)}."))

    def report_step(self, name, count, seconds):
        self.stdout.write(f"  {name:<24} {count:>10,}  {seconds:6.1f} s")


def duration(seconds):
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
