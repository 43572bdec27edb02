"""/account/: the student's name, address, password and data, and deleting the account."""

import json

from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from courses.views import render_private
from notifications.models import EmailPreference
from payments.selectors import purchase_history
from quizzes.models import Certificate

from . import services
from .forms import DeleteAccountForm, EmailChangeForm, EmailPreferenceForm, NameForm
from .models import DeletedAccount

# The account page's forms, by the name each one posts in its `form` field.
FORMS = {
    "name": lambda user, data: NameForm(data, instance=user),
    "email": lambda user, data: EmailChangeForm(user, data),
    "password": lambda user, data: PasswordChangeForm(user, data),
    "emails": lambda user, data: EmailPreferenceForm(data, instance=email_preference(user)),
}


def email_preference(user):
    """The student's email choices; until they save some, the defaults (everything on)."""
    return EmailPreference.objects.filter(user=user).first() or EmailPreference(user=user)


SAVED = {
    "name": "Your name is saved. New certificates will carry it.",
    "email": "Your email address is changed.",
    "password": "Your password is changed.",
    "emails": "Your email choices are saved.",
}


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    user = request.user
    forms = {name: build(user, None) for name, build in FORMS.items()}
    chosen = request.POST.get("form")
    if request.method == "POST":
        if chosen not in FORMS:
            messages.error(request, "That form is not on this page any more. Please try again.")
            return redirect("account")
        form = forms[chosen] = FORMS[chosen](user, request.POST)
        if form.is_valid():
            save(chosen, form, user)
            if chosen == "password":
                update_session_auth_hash(request, user)  # changing the password keeps this session
            messages.success(request, SAVED[chosen])
            return redirect("account")
    return render_private(
        request,
        "accounts/account.html",
        {
            "forms": forms,
            "certificates": Certificate.objects.filter(user=user).select_related("course"),
            "purchases": purchase_history(user),
        },
    )


def save(chosen, form, user):
    if chosen == "email":
        user.email = form.cleaned_data["email"]
        user.save(update_fields=["email"])
    else:
        form.save()


@login_required
def account_data(request):
    """/account/data.json: everything the site holds about the student, as a download."""
    return data_download(request.user, filename="my-data")


def data_download(user, filename=None):
    body = json.dumps(services.account_data(user), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="{filename or user.username}-{stamp}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_account(request.user, deleted_by=DeletedAccount.DeletedBy.OWNER)
        except services.AccountError as error:
            form.add_error(None, str(error))
        else:
            logout(request)
            messages.success(request, "Your account is deleted. Thank you for learning with us.")
            return redirect("/")
    return render_private(request, "accounts/delete.html", {"form": form})
