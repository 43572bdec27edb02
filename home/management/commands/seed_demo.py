"""Build the demo site from the files in demo_content/: the school, pages, two courses, four users."""

from datetime import timedelta
from pathlib import Path

import yaml
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from access.models import Bundle, Cohort, CourseAccess, LearningPath, LearningPathCourse
from access.selectors import has_course_access
from access.services import grant_course_access, join_cohort
from courses.course_files import CourseFileError, import_course, read_course_file
from courses.models import (
    CourseIndexPage,
    CoursePage,
    CourseReview,
    FavoriteCourse,
    LessonNote,
    LessonPage,
    UserProgress,
)
from home.models import HomePage, SchoolFooterLink, SchoolSettings
from quizzes.importers import parse_gift
from quizzes.models import Quiz

DEMO_DIR = Path(settings.BASE_DIR) / "demo_content"


class Command(BaseCommand):
    help = "Load the demo site (home page, catalog, courses, demo users). Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if the site already has courses.")
        parser.add_argument("--force", action="store_true", help="Create demo users even with DEBUG off.")

    def handle(self, *args, **options):
        site_data = yaml.safe_load((DEMO_DIR / "site.yaml").read_text(encoding="utf-8"))
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "Refusing to create demo users with well-known passwords while DEBUG is off. "
                "Use --force if this really is a demo server."
            )
        if options["if_empty"] and CoursePage.objects.exists():
            self.stdout.write("The site already has courses; demo content not loaded.")
        else:
            try:
                self.load(site_data)
            except CourseFileError as error:
                raise CommandError(str(error)) from error
        self.print_logins(site_data["users"])

    @transaction.atomic
    def load(self, site_data):
        home = self.home_page(site_data["home"])
        self.school(site_data["school"])
        catalog = self.catalog_page(home, site_data["catalog"])
        for course_file in site_data["courses"]:
            slug = read_course_file(DEMO_DIR / course_file)["slug"]
            if CoursePage.objects.child_of(catalog).filter(slug=slug).exists():
                continue
            course = import_course(DEMO_DIR / course_file, parent=catalog)
            self.stdout.write(f"Imported course “{course.title}”")
        users = {user["username"]: self.user(user) for user in site_data["users"]}
        self.access_sources(site_data, users)
        self.quizzes(site_data.get("quizzes", []))
        self.activity(site_data.get("activity", []), users)
        for grant in site_data["access"]:
            student = users[grant["user"]]
            course = CoursePage.objects.get(slug=grant["course"])
            if not has_course_access(student, course)[0]:
                grant_course_access(
                    user=student,
                    course=course,
                    access_type=CourseAccess.AccessType.MANUAL,
                    granted_by=users.get(grant.get("granted_by")),
                    notes="Demo access from seed_demo.",
                )

    def access_sources(self, site_data, users):
        """The demo bundle, cohort (with members) and learning path; only what is missing is made."""
        courses = {course.slug: course for course in CoursePage.objects.all()}
        for data in site_data.get("bundles", []):
            bundle, created = Bundle.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "description": data["description"],
                    "bundle_type": data["bundle_type"],
                    "price": data["price"],
                },
            )
            if created:
                bundle.courses.set([courses[slug] for slug in data["courses"]])
                bundle.save()
        for data in site_data.get("cohorts", []):
            cohort, created = Cohort.objects.get_or_create(
                name=data["name"], defaults={"description": data["description"]}
            )
            if created:
                cohort.courses.set([courses[slug] for slug in data["courses"]])
                cohort.save()
            for username in data["members"]:
                if not cohort.members.filter(user=users[username]).exists():
                    join_cohort(user=users[username], cohort=cohort, added_by=users.get("admin"))
        for data in site_data.get("learning_paths", []):
            learning_path, created = LearningPath.objects.get_or_create(
                slug=data["slug"], defaults={"name": data["name"], "description": data["description"]}
            )
            if created:
                for order, step in enumerate(data["steps"]):
                    LearningPathCourse.objects.create(
                        learning_path=learning_path,
                        course=courses[step["course"]],
                        is_required=step["required"],
                        sort_order=order,
                    )

    def quizzes(self, quizzes):
        """The demo quizzes (GIFT, as editors import them), published and attached to lessons or as exams."""
        rules = [
            "description",
            "passing_score",
            "is_required",
            "max_attempts",
            "time_limit_minutes",
            "questions_per_attempt",
            "randomize_questions",
            "randomize_options",
            "show_results",
        ]
        for data in quizzes:
            course = CoursePage.objects.get(slug=data["course"])
            quiz = Quiz.objects.filter(title=data["title"]).first()
            if quiz is None:
                parsed = parse_gift(data["gift"])
                if not parsed.ok:
                    raise CommandError(f"Demo quiz “{data['title']}”: {parsed.problems}")
                quiz = Quiz(
                    title=data["title"],
                    questions=[question.stream_item() for question in parsed.questions],
                    **{rule: data[rule] for rule in rules if rule in data},
                )
                quiz.save()
                quiz.save_revision().publish()
            if data.get("exam"):
                target, field = course, "final_exam"
            else:
                target, field = LessonPage.objects.descendant_of(course).get(slug=data["lesson"]), "quiz"
            if getattr(target, f"{field}_id") != quiz.pk:
                setattr(target, field, quiz)
                target.save_revision().publish()

    def activity(self, activities, users):
        """The demo student's progress, favourites, notes and reviews; only what is missing is made."""
        now = timezone.now()
        for data in activities:
            user, course = users[data["user"]], CoursePage.objects.get(slug=data["course"])
            lessons = {lesson.slug: lesson for lesson in LessonPage.objects.live().descendant_of(course)}
            for position, slug in enumerate(data.get("completed", [])):
                lesson = lessons[slug]
                UserProgress.objects.get_or_create(
                    user=user,
                    lesson=lesson,
                    defaults={
                        "status": UserProgress.Status.COMPLETED,
                        "completed": True,
                        "completed_at": now - timedelta(days=7 - position),
                        "completed_revision_id": lesson.live_revision_id,
                        "video_watch_percentage": 100,
                        "started_at": now - timedelta(days=8 - position),
                    },
                )
            for slug, percent in data.get("in_progress", {}).items():
                UserProgress.objects.get_or_create(
                    user=user,
                    lesson=lessons[slug],
                    defaults={
                        "status": UserProgress.Status.IN_PROGRESS,
                        "video_watch_percentage": percent,
                        "last_position_seconds": percent * 6,
                        "started_at": now - timedelta(days=1),
                    },
                )
            if data.get("favorite"):
                FavoriteCourse.objects.get_or_create(user=user, course=course)
            for slug, text in data.get("notes", {}).items():
                LessonNote.objects.get_or_create(user=user, lesson=lessons[slug], defaults={"text": text})
            if data.get("review"):
                CourseReview.objects.get_or_create(user=user, course=course, defaults=data["review"])

    def home_page(self, data):
        home = HomePage.objects.first()
        if home:
            return home
        site = Site.objects.filter(is_default_site=True).first()
        # Wagtail's placeholder "Welcome" page has no content of ours; it makes way for the home page.
        placeholder = site.root_page if site else None
        if placeholder and placeholder.specific_class is Page and not placeholder.get_children().exists():
            placeholder.slug = "welcome-placeholder"
            placeholder.save(update_fields=["slug"])
        else:
            placeholder = None
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title=data["title"], slug="home", body=data["body"]))
        home.save_revision().publish()
        if site:
            site.root_page = home
            site.save()
        else:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        if placeholder:
            placeholder.delete()
        return home

    def school(self, data):
        """The demo school's name, contact details and footer links, unless someone has made the
        default site's settings their own already."""
        site = Site.objects.get(is_default_site=True)
        school = SchoolSettings.objects.filter(site=site).first() or SchoolSettings(site=site)
        default_name = SchoolSettings._meta.get_field("name").default
        if school.pk and (school.name != default_name or school.footer_links.exists()):
            return
        school.name = data["name"]
        school.contact_line = data["contact_line"]
        school.contact_email = data["contact_email"]
        links = [SchoolFooterLink(label=link["label"], url=link["url"]) for link in data["footer_links"]]
        for link in links:
            link.full_clean(exclude=["school"])
        school.footer_links = links
        school.full_clean()
        school.save()
        self.stdout.write(f"Named the school “{school.name}”")

    def catalog_page(self, home, data):
        catalog = CourseIndexPage.objects.child_of(home).first()
        if catalog:
            return catalog
        catalog = home.add_child(instance=CourseIndexPage(title=data["title"], slug="courses", intro=data["intro"]))
        catalog.save_revision().publish()
        return catalog

    def user(self, data):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=data["username"],
            defaults={
                "email": data["email"],
                "first_name": data.get("first_name", ""),
                "is_staff": data["role"] == "admin",
                "is_superuser": data["role"] == "admin",
            },
        )
        if created:
            user.set_password(data["password"])
            user.save()
            if data["role"] == "editor":
                user.groups.add(Group.objects.get(name="Editors"))
        return user

    def print_logins(self, users):
        self.stdout.write(self.style.SUCCESS("\nDemo logins (user / password / what they see):"))
        for user in users:
            self.stdout.write(f"  {user['username']:<8} / {user['password']:<22} {user['description']}")
