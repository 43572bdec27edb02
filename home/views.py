"""Sign-up, log-in, log-out and password reset for students."""

import hashlib

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.views import LoginView, PasswordResetView
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from learning_site.rate_limits import client_ip, rate_limited, take, too_many_requests
from notifications import emails

from .forms import QueuedPasswordResetForm, RegistrationForm


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links to: send them to the static file."""
    return redirect(static("favicon.ico"), permanent=True)


def safe_next_url(request, default=None):
    """The `next` address if it stays on this site, else the default."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default or settings.LOGIN_REDIRECT_URL


def login_locked_out(request, response, credentials):
    """django-axes' answer to a locked-out login (on /login/ and /admin/login/): 429, and how long."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    # Rendered here: axes returns it from its middleware, where a TemplateResponse is never rendered.
    response = render(
        request,
        "registration/locked_out.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": max(1, seconds // 60)},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


class StudentLoginView(LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class StudentPasswordResetView(PasswordResetView):
    """Asks for an address and always answers the same way, whether or not it has an account.

    Limited per client and per address (in the shared cache), so nobody can flood an inbox or
    probe addresses; the limit's answer does not depend on whether the account exists either.
    """

    form_class = QueuedPasswordResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def post(self, request, *args, **kwargs):
        address = request.POST.get("email", "").strip().lower()
        address_key = hashlib.sha256(address.encode()).hexdigest()
        for name, key in (("password_reset", client_ip(request)), ("password_reset_address", address_key)):
            refusal = take(name, key)
            if refusal:
                return too_many_requests(request, refusal)
        return super().post(request, *args, **kwargs)


@require_http_methods(["GET", "POST"])
@rate_limited("register")
def register(request):
    if request.user.is_authenticated:
        return redirect(safe_next_url(request))
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        transaction.on_commit(lambda: emails.welcome(user))
        return redirect(safe_next_url(request))
    return TemplateResponse(
        request, "registration/register.html", {"form": form, "next": safe_next_url(request, default="")}
    )
