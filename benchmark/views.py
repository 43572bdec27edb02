"""The baseline every endpoint is compared with: the whole middleware stack and one small query."""

from django.http import HttpResponse
from wagtail.models import Site


def baseline(request):
    """One query and a few bytes: what any request of this stack costs before a page does any work."""
    hostname = Site.objects.filter(is_default_site=True).values_list("hostname", flat=True).first()
    return HttpResponse(f"ok {hostname}", content_type="text/plain")
