from django import forms
from django.contrib.auth import get_user_model

from notifications.models import EmailPreference


class TidyNamesMixin:
    """First and last name as certificates print them: runs of spaces become one."""

    def clean(self):
        cleaned = super().clean()
        for name in ("first_name", "last_name"):
            if name in cleaned:
                cleaned[name] = " ".join(cleaned[name].split())
        return cleaned


class NameForm(TidyNamesMixin, forms.ModelForm):
    """The student's name as certificates print it."""

    first_name = forms.CharField(max_length=150, label="First name")
    last_name = forms.CharField(max_length=150, label="Last name")

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]


class EmailPreferenceForm(forms.ModelForm):
    class Meta:
        model = EmailPreference
        fields = ["expiry_reminders", "drip_unlocks"]


class PasswordConfirmedForm(forms.Form):
    """A form that asks for the account's current password before it changes anything."""

    current_password = forms.CharField(label="Your current password", strip=False, widget=forms.PasswordInput)

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your current password.")
        return password


class EmailChangeForm(PasswordConfirmedForm):
    email = forms.EmailField(label="New email address")

    field_order = ["email", "current_password"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email == self.user.email.lower():
            raise forms.ValidationError("This is already your address.")
        if get_user_model().objects.filter(email__iexact=email).exclude(pk=self.user.pk).exists():
            raise forms.ValidationError("Another account uses this address.")
        return email


class DeleteAccountForm(PasswordConfirmedForm):
    confirm = forms.CharField(
        label="Type DELETE to confirm", help_text="Your progress, notes and reviews are deleted for good."
    )

    def clean_confirm(self):
        if self.cleaned_data["confirm"].strip() != "DELETE":
            raise forms.ValidationError("Type DELETE, in capitals, to delete your account.")
        return "DELETE"


class AdminDeleteAccountForm(forms.Form):
    """An admin deleting a student's account types the student's username, so no slip deletes one."""

    confirm = forms.CharField(label="Type the student's username to confirm")

    def __init__(self, student, *args, **kwargs):
        self.student = student
        super().__init__(*args, **kwargs)

    def clean_confirm(self):
        if self.cleaned_data["confirm"].strip() != self.student.username:
            raise forms.ValidationError(f"Type “{self.student.username}” exactly to delete this account.")
        return self.student.username
