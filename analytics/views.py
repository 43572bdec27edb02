"""The analytics pages: /admin/analytics/ (with ?format=csv&table=...), its summary.json, and a
course's funnel. Who may see what is analytics.permissions; the counting is queries.py and funnel.py."""

import csv
import datetime
import io

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone

from courses.models import CoursePage
from quizzes.importers.export import spreadsheet_safe

from . import queries
from .charts import bar_chart
from .funnel import course_funnel as build_funnel
from .permissions import require_scope

RANGES = {"7": 7, "30": 30, "90": 90}
LONGEST_CUSTOM_RANGE = 366


class BadRange(ValueError):
    pass


def date_range(query, today):
    """(start, end, label) from ?days=7|30|90 or ?start=YYYY-MM-DD&end=YYYY-MM-DD; 30 days by default."""
    if query.get("start") or query.get("end"):
        try:
            start = datetime.date.fromisoformat(query.get("start", ""))
            end = datetime.date.fromisoformat(query.get("end", ""))
        except ValueError as error:
            raise BadRange("Give both dates as YYYY-MM-DD.") from error
        if start > end:
            raise BadRange("The start date must not be after the end date.")
        if (end - start).days >= LONGEST_CUSTOM_RANGE:
            raise BadRange(f"A custom range can cover at most {LONGEST_CUSTOM_RANGE} days.")
        return start, end, f"{start:%-d %b %Y} to {end:%-d %b %Y}"
    days = query.get("days", "30")
    if days not in RANGES:
        raise BadRange("Choose 7, 30 or 90 days, or a custom range.")
    return today - datetime.timedelta(days=RANGES[days] - 1), today, f"the last {days} days"


def overview(request):
    scope = require_scope(request)
    now = timezone.now()
    try:
        start, end, label = date_range(request.GET, timezone.localdate(now))
    except BadRange as error:
        return TemplateResponse(
            request, "analytics/bad_range.html", {"error": str(error), "page_title": "Analytics"}, status=400
        )
    table = queries.course_table(scope)
    summary = queries.summary(scope, now, table)
    enrollments = queries.daily_enrollments(scope, start, end)
    certificates = queries.daily_certificates(scope, start, end)
    since = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    active = queries.most_active_students(scope, since)
    tables = {
        "courses": (
            [
                "Course",
                "Students",
                "Started",
                "Completed",
                "Completion rate",
                "Average quiz score",
                "Average rating",
                "Revenue",
            ],
            [
                [
                    row.title,
                    row.students,
                    row.started,
                    row.completed,
                    row.completion_rate,
                    row.average_quiz_score,
                    row.average_rating,
                    row.revenue,
                ]
                for row in table
            ],
        ),
        "enrollments": (["Date", "Enrollments"], [[day.isoformat(), n] for day, n in enrollments]),
        "certificates": (["Date", "Certificates"], [[day.isoformat(), n] for day, n in certificates]),
        "active": (
            ["Student", "Email", "Progress updates", "Quiz attempts"],
            [
                [person.get_full_name() or person.username, person.email, person.updates, person.attempts]
                for person in active
            ],
        ),
    }
    if request.GET.get("format") == "csv":
        return csv_download(tables, request.GET.get("table", "courses"), "analytics")
    context = {
        "page_title": "Analytics",
        "page_subtitle": "The whole school" if scope.is_whole_school else "Your courses",
        "header_icon": "table",
        "summary": summary,
        "range_label": label,
        "days": request.GET.get("days", "" if request.GET.get("start") else "30"),
        "start": start,
        "end": end,
        "courses": table,
        "counted_at": queries.oldest_count(table),
        "top_courses": sorted(table, key=lambda row: (-row.students, row.title))[:5],
        "enrollment_chart": bar_chart(enrollments, "Enrollments per day"),
        "certificate_chart": bar_chart(certificates, "Certificates per day"),
        "active_students": active,
        "query": request.GET.urlencode(),
    }
    return TemplateResponse(request, "analytics/overview.html", context)


def summary_json(request):
    scope = require_scope(request)
    return JsonResponse(queries.summary(scope))


def course_funnel(request, page_id):
    scope = require_scope(request)
    course = get_object_or_404(CoursePage, pk=page_id)
    if not scope.allows(course.pk):
        raise PermissionDenied("You may see the analytics of the courses you teach only.")
    funnel = build_funnel(course)
    tables = {
        "lessons": (
            ["#", "Module", "Lesson", "Started", "Completed", "Fell away before it", "Quiz attempted", "Quiz passed"],
            [
                [
                    step.number,
                    step.module_title,
                    step.lesson.title,
                    step.started,
                    step.completed,
                    step.fall,
                    step.quiz_attempted,
                    step.quiz_passed,
                ]
                for step in funnel.steps
            ],
        ),
        "questions": (
            ["Quiz", "Question", "Answered", "Fully right", "Correct rate"],
            [[q.quiz, q.text, q.answered, q.correct, q.correct_rate] for q in funnel.hardest],
        ),
    }
    if request.GET.get("format") == "csv":
        return csv_download(tables, request.GET.get("table", "lessons"), f"funnel-{course.slug}")
    context = {
        "page_title": f"Funnel: {course.title}",
        "page_subtitle": f"{funnel.completions} completed the course",
        "header_icon": "table",
        "course": course,
        "funnel": funnel,
    }
    return TemplateResponse(request, "analytics/funnel.html", context)


def csv_download(tables, name, filename):
    if name not in tables:
        return HttpResponse(
            f"Unknown table “{name}”: choose one of {', '.join(tables)}.", status=400, content_type="text/plain"
        )
    header, rows = tables[name]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else spreadsheet_safe(cell) for cell in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{name}.csv"'
    return response
