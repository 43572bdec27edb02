"""The one-click unsubscribe link every non-essential email carries: signed, no login needed."""

from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .emails import read_unsubscribe_token
from .models import EmailPreference

PREFERENCE_NAMES = {
    "expiry_reminders": "reminders before your course access ends",
    "drip_unlocks": "news of course modules that open",
}


# A mail client's one-click unsubscribe (RFC 8058) posts without a CSRF token; the signed link is
# the authority, and all it can do is turn an email off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = read_unsubscribe_token(token)
    user = get_user_model().objects.filter(pk=found[0], is_active=True).first() if found else None
    if user is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=404)
    preference_field = found[1]
    context = {"token": token, "what": PREFERENCE_NAMES[preference_field], "done": False}
    if request.method == "POST":
        preference, _created = EmailPreference.objects.get_or_create(user=user)
        setattr(preference, preference_field, False)
        preference.save(update_fields=[preference_field])
        context["done"] = True
    response = render(request, "notifications/unsubscribe.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
