"""The Comune's roles and the "Revisione comunale" workflow (see publishing/roles.py and publishing/workflow.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from publishing.roles import adopt_wagtail_default_groups, roles_ensure
from publishing.workflow import adopt_wagtail_default_workflow, moderation_workflow_ensure


def create_roles_and_workflow(apps, schema_editor):
    # Django creates permissions after all migrations have run; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    adopt_wagtail_default_groups(apps=apps)
    adopt_wagtail_default_workflow(apps=apps)
    roles_ensure(apps=apps)
    moderation_workflow_ensure(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("simple_translation", "0001_initial"),
        ("home", "0003_create_site_structure"),
        ("taxonomy", "0002_seed_vocabularies"),
        ("organizations", "0003_publishing_fields"),
        ("opportunities", "0003_publishing_fields"),
        ("portal_search", "0005_short_links"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
