"""A student's data and account deletion for admins, from the student page: superusers only, as the
export holds the student's private notes."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from . import services
from .forms import AdminDeleteAccountForm
from .models import DeletedAccount
from .views import data_download


def student_of(request, user_id):
    if not request.user.is_superuser:
        raise PermissionDenied("Only superusers may export or delete a student's account.")
    return get_object_or_404(get_user_model(), pk=user_id, deleted_account__isnull=True)


def student_data(request, user_id):
    return data_download(student_of(request, user_id))


@require_http_methods(["GET", "POST"])
def delete_student(request, user_id):
    student = student_of(request, user_id)
    form = AdminDeleteAccountForm(student, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_account(student, deleted_by=DeletedAccount.DeletedBy.ADMIN, actor=request.user)
        except services.AccountError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"The account “{student.username}” is deleted.")
            return redirect("access_students")
    return TemplateResponse(
        request,
        "access/admin/form.html",
        {
            "page_title": f"Delete the account of {student.get_full_name() or student.username}",
            "page_subtitle": "Progress, notes, reviews and favourites go; the school’s records stay, anonymised.",
            "header_icon": "user",
            "form": form,
            "submit_label": "Delete the account",
            "danger": True,
        },
    )
