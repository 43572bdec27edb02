"""How big the bench site is: one definition for `make_bench_data` and the runner (no Django needed)."""

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Sizes:
    """How big the bench site is."""

    courses: int = 50
    modules: int = 16  # per course
    lessons: int = 8  # per module
    students: int = 10_000  # the two benchmark students included
    progress_rows: int = 1_000_000
    quiz_attempts: int = 20_000
    reviews: int = 5_000
    courses_per_student: int = 5  # each student is enrolled in 1 to this many courses

    def structure(self):
        """The sizes an existing data set must have to be reused; anything else needs a rebuild."""
        return (self.courses, self.modules, self.lessons, self.students)


QUICK_SIZES = Sizes(courses=4, modules=4, lessons=6, students=200, progress_rows=5_000, quiz_attempts=200, reviews=100)
SIZE_HELP = {
    "courses": "bench courses",
    "modules": "modules per course",
    "lessons": "lessons per module",
    "students": "students, the two benchmark students included",
    "progress_rows": "lesson progress rows in all",
    "quiz_attempts": "quiz attempts in all",
    "reviews": "course reviews in all",
    "courses_per_student": "the most courses one student is enrolled in",
}


def add_size_arguments(parser, defaults: Sizes = Sizes()):
    for field in fields(Sizes):
        parser.add_argument(
            f"--{field.name.replace('_', '-')}",
            dest=field.name,
            type=int,
            default=None,
            metavar="N",
            help=f"{SIZE_HELP[field.name]} (default {getattr(defaults, field.name):,})",
        )


def sizes_from(options: dict, defaults: Sizes = Sizes()) -> Sizes:
    chosen = {field.name: options[field.name] for field in fields(Sizes) if options.get(field.name) is not None}
    sizes = replace(defaults, **chosen)
    if min(sizes.courses, sizes.modules, sizes.lessons, sizes.courses_per_student) < 1 or sizes.students < 2:
        raise ValueError("Give at least one course, module, lesson and course per student, and two students.")
    if min(sizes.progress_rows, sizes.quiz_attempts, sizes.reviews) < 0:
        raise ValueError("Row counts cannot be negative.")
    return sizes
