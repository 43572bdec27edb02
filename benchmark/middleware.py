"""Queries per request without DEBUG: the runner reads them from a response header."""

from django.db import connection

QUERY_COUNT_HEADER = "X-Bench-Queries"


class QueryCountMiddleware:
    """Counts the database queries a request makes and answers with the count in X-Bench-Queries."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response[QUERY_COUNT_HEADER] = str(counter.count)
        return response


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)
