from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm


class RegistrationForm(UserCreationForm):
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

    def clean(self):
        cleaned = super().clean()
        for name in ("first_name", "last_name"):
            if name in cleaned:
                cleaned[name] = " ".join(cleaned[name].split())
        return cleaned

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this email address already exists. Log in instead.")
        return email
