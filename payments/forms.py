from django import forms

from access.models import Bundle


class BundleChoiceForm(forms.Form):
    """What the buyer of a tiered or pick-your-own bundle chooses before paying."""

    def __init__(self, bundle, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bundle = bundle
        kind = Bundle.BundleType
        if bundle.bundle_type == kind.TIERED:
            self.fields["tier"] = forms.ModelChoiceField(
                queryset=bundle.tiers.all(),
                widget=forms.RadioSelect,
                label="Choose a tier",
                empty_label=None,
                error_messages={"required": "Choose one of the tiers."},
            )
            self.fields["tier"].label_from_instance = lambda tier: f"{tier.name}: ${tier.price}"
        elif bundle.bundle_type == kind.PICK_YOUR_OWN:
            self.fields["courses"] = forms.ModelMultipleChoiceField(
                queryset=bundle.courses.live().order_by("title"),
                widget=forms.CheckboxSelectMultiple,
                label=f"Pick up to {bundle.max_course_selections} courses",
                error_messages={"required": "Pick at least one course."},
            )

    def clean_courses(self):
        courses = self.cleaned_data["courses"]
        if len(courses) > self.bundle.max_course_selections:
            raise forms.ValidationError(
                f"You can pick up to {self.bundle.max_course_selections} courses; you picked {len(courses)}."
            )
        return courses

    def choice(self):
        return {"tier": self.cleaned_data.get("tier"), "selected_courses": list(self.cleaned_data.get("courses", []))}
