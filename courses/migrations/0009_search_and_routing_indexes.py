"""Two indexes on Wagtail's own tables, for the queries this site makes on every search and page.

- The search index's title and body together, as Wagtail's PostgreSQL search matches them
  (`title || body @@ query`): its own indexes cover each column alone, so every search read every
  lesson's entry (1.3 s on the benchmark's 18,000 lesson entries; 0.3 s with this).
- Pages by url_path, which learning_site.page_routing looks a page's address up by (a hash index:
  equality is all it needs, and it has no length limit on the path).
"""

from django.db import migrations

INDEXES = {
    "courses_search_title_body_gin": "wagtailsearch_indexentry USING GIN ((title || body))",
    "courses_page_url_path_hash": "wagtailcore_page USING HASH (url_path)",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":  # SQLite: a first run, with its own search backend
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0008_lesson_files"),
        ("wagtailcore", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
