from django.db import migrations

# PostgreSQL's "italian" configuration stems but keeps accents: "eta" would not find "età", nor "perche"
# "perché". portal_italian is the same configuration with unaccent before the stemmer (settings:
# WAGTAILSEARCH_BACKENDS SEARCH_CONFIG). unaccent is a trusted extension: the database's owner may create it.
CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION portal_italian (COPY = pg_catalog.italian);
ALTER TEXT SEARCH CONFIGURATION portal_italian
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_italian;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0006_pending_index_updates")]

    operations = [migrations.RunPython(create, drop)]
