from django.db import migrations


def create_pg_trgm(apps, schema_editor):
    # Spelling suggestions use trigram similarity on PostgreSQL; SQLite falls back to difflib.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_seed_synonyms")]

    operations = [migrations.RunPython(create_pg_trgm, migrations.RunPython.noop)]
