from django.db import migrations

# The three examples from the issue; editors add more under Sinonimi in the admin.
SEED_GROUPS = [
    "doposcuola\naiuto compiti\nsupporto allo studio",
    "centro estivo\ncampo estivo\nGrEst",
    "anziani\nterza età\nover 65",
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("portal_search", "Synonym")
    for terms in SEED_GROUPS:
        Synonym.objects.get_or_create(terms=terms)


def unseed(apps, schema_editor):
    apps.get_model("portal_search", "Synonym").objects.filter(terms__in=SEED_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
