"""What visitors see when the site itself fails: a friendly 500, and a 503 with Retry-After when
the database is unreachable or drops the connection (a restart or failover, not a bug of ours).

The templates extend errors/base.html, which needs no database, session or user: rendering the
error page must not fail for the same reason the page did.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30


@requires_csrf_token
def server_error(request):
    """handler500: Django calls it while handling the uncaught exception, so sys.exc_info() has it."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))
