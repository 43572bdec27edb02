"""Django's PostgreSQL backend, reading timestamps with psycopg's compiled parser.

Django replaces psycopg's timestamptz loader with a subclass of the pure-Python one, so that each
value carries the connection's time zone (Django ticket #36960). The compiled loader cannot be
subclassed, and parsing in Python costs about 11 µs a value: 14 ms for one student's 635 progress
rows. Here Django's loader stays in place, for what Django asks of it, but each instance parses with
the compiled loader, which gives the same value when the connection is in UTC, as Django keeps it
when USE_TZ is on. Any other time zone keeps Django's own parsing.
"""

from datetime import UTC

import psycopg
from django.db.backends.postgresql import base
from django.db.backends.postgresql.psycopg_any import BaseTzLoader
from psycopg.adapt import AdaptersMap
from psycopg.pq import Format
from psycopg.types.datetime import TimestamptzLoader

TIMESTAMPTZ_OID = psycopg.postgres.types["timestamptz"].oid


def compiled_timestamptz_loader():
    """psycopg's compiled timestamptz loader, or None without psycopg's C extension."""
    loader = AdaptersMap(psycopg.adapters).get_loader(TIMESTAMPTZ_OID, Format.TEXT)
    return None if loader is None or issubclass(loader, TimestamptzLoader) else loader


COMPILED_LOADER = compiled_timestamptz_loader()


class UTCTimestampLoader(BaseTzLoader):
    """Django's timestamptz loader for a connection in UTC, parsing with the compiled loader."""

    timezone = UTC

    def __init__(self, oid, context=None):
        super().__init__(oid, context)
        # psycopg calls `loader.load` per value: the compiled loader's own method, no Python frame.
        self.load = COMPILED_LOADER(oid, context).load


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        if COMPILED_LOADER and self.timezone == UTC and self.timezone_name == "UTC":
            connection.adapters.register_loader(TIMESTAMPTZ_OID, UTCTimestampLoader)
        return connection
