from django.db import migrations

# Wagtail's PostgreSQL backend filters on (title || body) @@ query: one concatenated vector, which the
# stock GIN indexes on title and on body separately cannot serve, so every text search scanned every
# index entry. Measured at 100,000 opportunities: the text query 259 -> 73 ms (bench/README.md).
INDEX = "portal_indexentry_title_body_gin"
CREATE = f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body));"
DROP = f"DROP INDEX IF EXISTS {INDEX};"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0007_portal_italian_text_search"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
