from django.db import migrations

# Every public page renders the main menu: the live children of the home page shown in menus. Without
# an index the database reads every page of the tree for it (100,000 opportunities: 26 ms a
# request); the few pages shown in menus fit in a partial index. SQLite and PostgreSQL both have them.
INDEX = "portal_page_in_menu"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_curation"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (path) WHERE show_in_menus",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
