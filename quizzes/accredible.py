"""A small client for Accredible's credentials API, used only when ACCREDIBLE_API_KEY is set."""

import json
import urllib.error
import urllib.request

from django.conf import settings

DEFAULT_API_URL = "https://api.accredible.com/v1"


class AccredibleError(RuntimeError):
    """Accredible did not issue the credential; the message says why, in words for an admin."""


def is_configured():
    return bool(getattr(settings, "ACCREDIBLE_API_KEY", ""))


def issue_credential(*, recipient_name, recipient_email, course_title, issued_on, timeout=10):
    """Create a credential; returns (credential id, credential URL)."""
    base_url = getattr(settings, "ACCREDIBLE_API_URL", "") or DEFAULT_API_URL
    payload = {
        "credential": {
            "recipient": {"name": recipient_name, "email": recipient_email},
            "name": course_title,
            "issued_on": issued_on.isoformat(),
        }
    }
    group_id = getattr(settings, "ACCREDIBLE_GROUP_ID", "")
    if group_id:
        payload["credential"]["group_id"] = int(group_id)
    request = urllib.request.Request(  # noqa: S310 - the URL is the operator's own setting
        f"{base_url.rstrip('/')}/credentials",
        data=json.dumps(payload).encode("utf-8"),
        headers={
            "Authorization": f"Token token={settings.ACCREDIBLE_API_KEY}",
            "Content-Type": "application/json",
            "Accept": "application/json",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raise AccredibleError(f"Accredible refused the credential (HTTP {error.code}).") from error
    except (urllib.error.URLError, TimeoutError) as error:
        raise AccredibleError(f"Accredible could not be reached ({getattr(error, 'reason', error)}).") from error
    except ValueError as error:
        raise AccredibleError("Accredible answered with something that is not JSON.") from error
    credential = body.get("credential") if isinstance(body, dict) else None
    if not isinstance(credential, dict) or "id" not in credential:
        raise AccredibleError("Accredible's answer has no credential in it.")
    return str(credential["id"]), str(credential.get("url") or "")
