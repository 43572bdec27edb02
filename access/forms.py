"""Admin forms for changing access; each one feeds a function in access.services or access.bulk_grants."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.widgets import AdminDateTimeInput

from courses.models import CoursePage

from .models import Bundle, BundleTier, Cohort, CourseAccess

MAX_BULK_FILE_BYTES = 1024 * 1024


def live_courses():
    return CoursePage.objects.live().order_by("title")


class StudentField(forms.CharField):
    """A user, typed as a username or an email address."""

    def clean(self, value):
        value = super().clean(value).strip()
        user = get_user_model().objects.filter(Q(username__iexact=value) | Q(email__iexact=value)).first()
        if user is None:
            raise forms.ValidationError(f"No user with the username or email “{value}”.")
        return user


class GrantAccessForm(forms.Form):
    student = StudentField(label="Student", help_text="Username or email address.")
    course = forms.ModelChoiceField(queryset=live_courses())
    access_type = forms.ChoiceField(
        choices=[
            (CourseAccess.AccessType.MANUAL, "Manual grant"),
            (CourseAccess.AccessType.PURCHASE, "Purchase"),
            (CourseAccess.AccessType.SUBSCRIPTION, "Subscription"),
        ],
        initial=CourseAccess.AccessType.MANUAL,
    )
    purchase_id = forms.CharField(required=False, help_text="Order reference, for purchases.")
    expires_at = forms.DateTimeField(
        required=False, widget=AdminDateTimeInput, help_text="Empty: the course's usual access duration."
    )
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class StudentGrantForm(GrantAccessForm):
    """The grant form on a student's own page, where the student is known."""

    student = None


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=255, help_text="Required. Kept in the audit trail.")


class ExpiryForm(forms.Form):
    expires_at = forms.DateTimeField(required=False, widget=AdminDateTimeInput, help_text="Empty: lifetime access.")
    reason = forms.CharField(max_length=255, required=False)


class BundleGrantForm(forms.Form):
    bundle = forms.ModelChoiceField(queryset=Bundle.objects.filter(is_active=True))
    tier = forms.ModelChoiceField(queryset=BundleTier.objects.select_related("bundle"), required=False)
    selected_courses = forms.ModelMultipleChoiceField(
        queryset=live_courses(), required=False, help_text="Pick-your-own bundles only."
    )
    purchase_id = forms.CharField(required=False)


class CohortJoinForm(forms.Form):
    cohort = forms.ModelChoiceField(queryset=Cohort.objects.filter(is_active=True))
    remove_access_on_leave = forms.BooleanField(required=False, initial=True)


class CohortLeaveForm(forms.Form):
    cohort = forms.ModelChoiceField(queryset=Cohort.objects.all())
    reason = forms.CharField(max_length=255, required=False)


class BulkGrantForm(forms.Form):
    emails = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One email address per line.",
    )
    csv_file = forms.FileField(required=False, label="Or a CSV file", help_text="Email addresses in the first column.")
    courses = forms.ModelMultipleChoiceField(queryset=live_courses(), required=False)
    bundle = forms.ModelChoiceField(queryset=Bundle.objects.filter(is_active=True), required=False)
    cohort = forms.ModelChoiceField(queryset=Cohort.objects.filter(is_active=True), required=False)
    expires_at = forms.DateTimeField(required=False, widget=AdminDateTimeInput)
    notes = forms.CharField(required=False)

    def clean_csv_file(self):
        upload = self.cleaned_data.get("csv_file")
        if not upload:
            return ""
        if upload.size > MAX_BULK_FILE_BYTES:
            raise forms.ValidationError("The file is larger than 1 MB.")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError("The file is not UTF-8 text. Save it as CSV UTF-8 and try again.") from error

    def email_text(self):
        """The CSV file if one was uploaded (so line numbers match the file), else the pasted text."""
        return self.cleaned_data.get("csv_file") or self.cleaned_data.get("emails", "")
