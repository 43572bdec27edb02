"""Rows straight into tables: COPY on PostgreSQL, batched INSERTs elsewhere, and page tree paths.

The ORM's bulk_create cannot insert multi-table-inherited pages, and a million rows through model
instances takes minutes. Rows here are plain dicts keyed by field attname; a field left out gets
its default (auto_now fields: the current time), so a new column with a default never breaks this.
"""

import json
from collections.abc import Iterable
from itertools import islice

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

INSERT_BATCH = 500


def insert_rows(model, rows: Iterable[dict]) -> int:
    """Insert `rows` into `model`'s own table (for a page type: its child table, page_ptr_id given).
    No signals, no save(): the caller owns every value. Returns the number of rows."""
    fields = [field for field in model._meta.local_concrete_fields if not is_generated_key(field)]
    values = row_values(fields, rows)
    if connection.vendor == "postgresql":
        return copy_rows(model._meta.db_table, fields, values)
    return insert_batches(model._meta.db_table, fields, values)


def is_generated_key(field):
    return field.primary_key and field.get_internal_type() in {"AutoField", "BigAutoField", "SmallAutoField"}


def row_values(fields, rows):
    now = timezone.now()
    fixed, per_row = {}, {}
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            fixed[field.attname] = now
        elif field.has_default() and callable(field.default):
            per_row[field.attname] = field.get_default  # uuid4 and the like: a fresh value per row
        else:
            fixed[field.attname] = field.get_default()
    as_json = {field.attname for field in fields if field.get_internal_type() == "JSONField"}
    for row in rows:
        values = []
        for field in fields:
            name = field.attname
            if name in row:
                value = row[name]
            elif name in per_row:
                value = per_row[name]()
            else:
                value = fixed[name]
            if name in as_json and value is not None:
                value = json.dumps(value, cls=DjangoJSONEncoder)
            values.append(value)
        yield values


def copy_rows(table, fields, values):
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in values:
            copy.write_row(row)
            count += 1
    return count


def insert_batches(table, fields, values):
    """The portable road (SQLite in the tests): each value prepared by its field, as save() would."""
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names from model meta
    json_fields = {field.attname for field in fields if field.get_internal_type() == "JSONField"}
    count = 0
    with connection.cursor() as cursor:
        while batch := list(islice(values, INSERT_BATCH)):
            prepared = [
                [
                    value if field.attname in json_fields else field.get_db_prep_save(value, connection)
                    for field, value in zip(fields, row, strict=True)
                ]
                for row in batch
            ]
            cursor.executemany(sql, prepared)
            count += len(batch)
    return count


def child_paths(parent_path: str, parent_depth: int, count: int, *, after: int = 0) -> list[str]:
    """Materialised paths for `count` new children of a page, after its first `after` steps,
    exactly as treebeard's add_child would number them."""
    return [Page._get_path(parent_path, parent_depth + 1, step) for step in range(after + 1, after + count + 1)]


def last_child_step(page) -> int:
    """The step of `page`'s last child in the tree (0 without children), so new ones go after it."""
    last = (
        Page.objects.filter(path__startswith=page.path, depth=page.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) if last else 0


def analyze(models):
    """Fresh planner statistics (and, outside a transaction, a vacuum) for tables just filled, so the
    first benchmark run is not planned against an empty table's estimates."""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")
