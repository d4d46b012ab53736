"""Replace Wagtail's welcome page with the portal's home and organizations' directory."""

from django.db import migrations


def create_site_structure(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")
    OrganizationIndexPage = apps.get_model("organizations.OrganizationIndexPage")

    Page.objects.filter(content_type__app_label="wagtailcore", content_type__model="page", depth=2).delete()
    locale, _created = Locale.objects.get_or_create(language_code="it")
    home = HomePage.objects.create(
        title="Tutte le opportunità della città",
        draft_title="Tutte le opportunità della città",
        slug="home",
        content_type=ContentType.objects.get_for_model(HomePage),
        path="00010001",
        depth=2,
        numchild=1,
        url_path="/home/",
        locale=locale,
        live=True,
    )
    OrganizationIndexPage.objects.create(
        title="Organizzazioni",
        draft_title="Organizzazioni",
        slug="organizzazioni",
        content_type=ContentType.objects.get_for_model(OrganizationIndexPage),
        path="000100010001",
        depth=3,
        numchild=0,
        url_path="/home/organizzazioni/",
        show_in_menus=True,
        locale=locale,
        live=True,
        introduction="Associazioni, cooperative, società sportive, parrocchie e uffici comunali che offrono attività e servizi in città.",
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Portale delle opportunità"},
    )


def remove_site_structure(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
        ("organizations", "0002_initial"),
    ]

    operations = [migrations.RunPython(create_site_structure, remove_site_structure)]
