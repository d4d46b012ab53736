from django.db import migrations

# This migration created PostgreSQL's pg_trgm extension for spelling suggestions. They now use the
# catalogue's vocabulary, cached (search/catalogue.py), on every database alike: nothing needs the
# extension, so a new installation no longer asks for the right to create it. The migration stays
# so that the ones after it keep their place in the history.


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_seed_synonyms")]

    operations = []
