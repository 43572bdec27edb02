from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm, UserCreationForm
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.forms import TidyNamesMixin
from notifications import emails

from .school import school_settings


class RegistrationForm(TidyNamesMixin, UserCreationForm):
    """Self sign-up: a username, the name certificates print, an email address and a password that
    passes the validators."""

    email = forms.EmailField(required=True, help_text="For password resets and course updates.")
    first_name = forms.CharField(max_length=150, label="First name")
    last_name = forms.CharField(
        max_length=150, label="Last name", help_text="Your first and last name are printed on your certificates."
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ["username", "first_name", "last_name", "email"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this email address already exists. Log in instead.")
        return email


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, its email written to the outbox and sent by the task queue, not by the
    request (a slow mail server would otherwise tell by the answer's time whether an address exists)."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        link = reverse("password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]})
        context = {
            **context,
            "school_name": school_settings().name,
            "school_url": f"{context['protocol']}://{context['domain']}/",
            "reset_url": f"{context['protocol']}://{context['domain']}{link}",
            "account_url": f"{context['protocol']}://{context['domain']}{reverse('account')}",
        }
        subject = " ".join(render_to_string(subject_template_name, context).split())
        text = render_to_string(email_template_name, context)
        html = render_to_string("emails/password_reset.html", context)
        emails.queue("password_reset", to_email, subject, text, html, user=context["user"])
