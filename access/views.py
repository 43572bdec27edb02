"""Admin screens for access: the student page, revoke and expiry changes, refunds and bulk grants."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from courses.models import CoursePage
from courses.progress import progress_by_course
from payments.selectors import purchase_history

from . import bulk_grants, selectors, services
from .forms import (
    BulkGrantForm,
    BundleGrantForm,
    CohortJoinForm,
    CohortLeaveForm,
    ExpiryForm,
    GrantAccessForm,
    ReasonForm,
    StudentGrantForm,
)
from .models import AccessEvent, BundlePurchase, CourseAccess


def require_view(user):
    if not selectors.can_view_access(user):
        raise PermissionDenied


def require_manage(user):
    if not selectors.can_manage_access(user):
        raise PermissionDenied("Only access managers can change course access.")


def run(request, action, success_message):
    """Call a service; show its AccessError as a message instead of a crash."""
    try:
        result = action()
    except services.AccessError as error:
        messages.error(request, str(error))
        return False, None
    messages.success(request, success_message)
    return True, result


def student_index(request):
    require_view(request.user)
    query = request.GET.get("q", "").strip()
    users = get_user_model().objects.filter(deleted_account__isnull=True).order_by("username")
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(email__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
    page = Paginator(users, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "access/admin/student_index.html",
        {"page_title": "Students", "header_icon": "group", "students": page, "query": query},
    )


def progress_summary(student):
    """Per course the student has access records for: (course, lessons completed, live lessons), as
    courses/progress.py counts them. Three queries, reading only those courses' lessons."""
    courses = list(CoursePage.objects.filter(accesses__user=student).distinct().order_by("title"))
    progress = progress_by_course(student, courses)
    return [(course, progress[course.pk].done, progress[course.pk].total) for course in courses]


@require_http_methods(["GET", "POST"])
def student_detail(request, user_id):
    require_view(request.user)
    student = get_object_or_404(get_user_model(), pk=user_id)
    forms = {
        "grant": StudentGrantForm(prefix="grant"),
        "bundle": BundleGrantForm(prefix="bundle"),
        "join": CohortJoinForm(prefix="join"),
        "leave": CohortLeaveForm(prefix="leave"),
    }
    if request.method == "POST":
        require_manage(request.user)
        action = request.POST.get("action")
        if action not in forms:
            raise PermissionDenied("Unknown action.")
        form = forms[action] = type(forms[action])(request.POST, prefix=action)
        if form.is_valid() and handle_student_action(request, student, action, form.cleaned_data):
            return redirect("access_student", user_id=student.pk)
    accesses = student.course_accesses.select_related(
        "course", "granted_by", "revoked_by", "bundle_purchase__bundle", "cohort"
    )
    return TemplateResponse(
        request,
        "access/admin/student_detail.html",
        {
            "page_title": student.get_full_name() or student.username,
            "page_subtitle": student.email,
            "header_icon": "user",
            "student": student,
            "accesses": accesses,
            "events": AccessEvent.objects.filter(user=student).select_related("actor", "course")[:100],
            "purchases": student.bundle_purchases.select_related("bundle", "tier", "stripe_purchase"),
            "payments": purchase_history(student),
            "memberships": student.cohort_memberships.select_related("cohort"),
            "progress": progress_summary(student),
            "forms": forms,
            "media": sum((form.media for form in forms.values()), start=forms["grant"].media),
            "can_manage": selectors.can_manage_access(request.user),
        },
    )


def handle_student_action(request, student, action, data):
    actor = request.user
    if action == "grant":
        ok, _ = run(
            request,
            lambda: services.grant_course_access(
                user=student,
                course=data["course"],
                access_type=data["access_type"],
                granted_by=actor,
                expires_at=data["expires_at"] or services.COURSE_DEFAULT,
                purchase_id=data["purchase_id"],
                notes=data["notes"],
            ),
            f"Access to “{data['course']}” granted.",
        )
    elif action == "bundle":
        ok, _ = run(
            request,
            lambda: services.purchase_bundle(
                user=student,
                bundle=data["bundle"],
                tier=data["tier"],
                selected_courses=data["selected_courses"],
                purchase_id=data["purchase_id"],
                granted_by=actor,
            ),
            f"Bundle “{data['bundle']}” granted.",
        )
    elif action == "join":
        ok, _ = run(
            request,
            lambda: services.join_cohort(
                user=student,
                cohort=data["cohort"],
                added_by=actor,
                remove_access_on_leave=data["remove_access_on_leave"],
            ),
            f"Added to the cohort “{data['cohort']}”.",
        )
    else:
        ok, _ = run(
            request,
            lambda: services.leave_cohort(user=student, cohort=data["cohort"], removed_by=actor, reason=data["reason"]),
            f"Removed from the cohort “{data['cohort']}”.",
        )
    return ok


@require_http_methods(["GET", "POST"])
def grant_access(request):
    require_manage(request.user)
    form = GrantAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, _ = run(
            request,
            lambda: services.grant_course_access(
                user=data["student"],
                course=data["course"],
                access_type=data["access_type"],
                granted_by=request.user,
                expires_at=data["expires_at"] or services.COURSE_DEFAULT,
                purchase_id=data["purchase_id"],
                notes=data["notes"],
            ),
            f"Access to “{data['course']}” granted to {data['student']}.",
        )
        if ok:
            return redirect("access_student", user_id=data["student"].pk)
    return TemplateResponse(
        request,
        "access/admin/form.html",
        {"page_title": "Grant course access", "header_icon": "key", "form": form, "submit_label": "Grant access"},
    )


@require_http_methods(["GET", "POST"])
def revoke_access(request, access_id):
    require_manage(request.user)
    access = get_object_or_404(CourseAccess.objects.select_related("user", "course"), pk=access_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _ = run(
            request,
            lambda: services.revoke_access_record(
                access=access, revoked_by=request.user, reason=form.cleaned_data["reason"]
            ),
            f"Access of {access.user} to “{access.course}” revoked.",
        )
        if ok:
            return redirect("access_student", user_id=access.user_id)
    return TemplateResponse(
        request,
        "access/admin/form.html",
        {
            "page_title": f"Revoke access to “{access.course}”",
            "page_subtitle": f"{access.user} · {access.get_source_display()}",
            "header_icon": "lock",
            "form": form,
            "submit_label": "Revoke access",
            "danger": True,
        },
    )


@require_http_methods(["GET", "POST"])
def change_expiry(request, access_id):
    require_manage(request.user)
    access = get_object_or_404(CourseAccess.objects.select_related("user", "course"), pk=access_id)
    form = ExpiryForm(request.POST or None, initial={"expires_at": access.expires_at})
    if request.method == "POST" and form.is_valid():
        ok, _ = run(
            request,
            lambda: services.change_access_expiry(
                access=access,
                expires_at=form.cleaned_data["expires_at"],
                changed_by=request.user,
                reason=form.cleaned_data["reason"],
            ),
            "Expiry changed.",
        )
        if ok:
            return redirect("access_student", user_id=access.user_id)
    return TemplateResponse(
        request,
        "access/admin/form.html",
        {
            "page_title": f"Change expiry of “{access.course}”",
            "page_subtitle": str(access.user),
            "header_icon": "date",
            "form": form,
            "submit_label": "Save expiry",
        },
    )


@require_http_methods(["GET", "POST"])
def refund_purchase(request, purchase_id):
    require_manage(request.user)
    purchase = get_object_or_404(BundlePurchase.objects.select_related("user", "bundle"), pk=purchase_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _ = run(
            request,
            lambda: services.refund_bundle_purchase(
                purchase=purchase, refunded_by=request.user, reason=form.cleaned_data["reason"]
            ),
            f"Purchase of “{purchase.bundle}” refunded; its access is revoked.",
        )
        if ok:
            return redirect("access_student", user_id=purchase.user_id)
    return TemplateResponse(
        request,
        "access/admin/form.html",
        {
            "page_title": f"Refund “{purchase.bundle}”",
            "page_subtitle": str(purchase.user),
            "header_icon": "undo",
            "form": form,
            "submit_label": "Refund and revoke",
            "danger": True,
        },
    )


@require_http_methods(["GET", "POST"])
def bulk_grant(request):
    """Paste or upload emails, preview what would happen, then confirm it in one transaction."""
    require_manage(request.user)
    # Links such as a cohort's "Add members" preselect what to grant.
    initial = {
        "cohort": request.GET.get("cohort"),
        "bundle": request.GET.get("bundle"),
        "courses": request.GET.getlist("course"),
    }
    form = BulkGrantForm(request.POST or None, request.FILES or None, initial=initial)
    plan = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        target = {"courses": list(data["courses"]), "bundle": data["bundle"], "cohort": data["cohort"]}
        if request.POST.get("confirm"):
            ok, plan = run(
                request,
                lambda: bulk_grants.apply_bulk_grant(
                    email_text=form.email_text(),
                    granted_by=request.user,
                    expires_at=data["expires_at"],
                    notes=data["notes"],
                    **target,
                ),
                "Bulk grant applied.",
            )
            if ok:
                messages.success(
                    request, f"{len(plan.create)} created, {len(plan.skip)} skipped, {len(plan.reject)} rejected."
                )
                return redirect(reverse("access_bulk_grant"))
        else:
            try:
                plan = bulk_grants.plan_bulk_grant(email_text=form.email_text(), **target)
            except services.AccessError as error:
                form.add_error(None, str(error))
            else:
                # The confirmation carries the addresses as text, so an uploaded file needs no second upload.
                form = BulkGrantForm(initial={**data, "emails": form.email_text(), "csv_file": None})
    return TemplateResponse(
        request,
        "access/admin/bulk_grant.html",
        {"page_title": "Bulk grant", "header_icon": "group", "form": form, "plan": plan},
    )
