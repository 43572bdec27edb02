"""The Content-Security-Policy middleware: the strict policy everywhere, and the admin's own.

Wagtail's admin still writes inline scripts (chooser set-up) and style attributes, which a policy
without 'unsafe-inline' would break. The admin is used by trusted staff only and gets a policy that
allows inline code but still refuses other origins' scripts, plugins and framing; every public page
(everything a student or guest sees) gets the strict policy with nonces.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PREFIX = "/admin/"


def is_admin_path(request):
    return request.path_info.startswith(ADMIN_PREFIX)


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts
