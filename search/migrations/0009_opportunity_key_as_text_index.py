from django.db import migrations

# Wagtail's database backends join an opportunity to its index entry on object_id = page_ptr_id cast to
# text. Without an index on that cast PostgreSQL can only hash every opportunity's key to join the few
# entries a narrow word finds: "biblioteche" at 100,000 opportunities, 38 -> 6 ms (bench/README.md).
INDEX = "portal_opportunity_key_as_text"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON opportunities_opportunitypage "
    "((((page_ptr_id)::character varying(50))::text));"
)
DROP = f"DROP INDEX IF EXISTS {INDEX};"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0008_index_entry_title_body_gin"),
        ("opportunities", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
