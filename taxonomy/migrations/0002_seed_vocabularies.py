"""The starting vocabularies from the domain notes; editors change them afterwards."""

import uuid

from django.db import migrations
from django.utils.text import slugify

CATEGORIES = [
    ("Studio e formazione", "it-presentation", ["Doposcuola", "Orientamento scolastico", "Corsi"]),
    ("Lavoro e orientamento", "it-card", ["Sportello lavoro", "Tirocini", "Curriculum e colloqui", "Servizio civile"]),
    ("Sport", "it-flag", []),
    ("Cultura", "it-video", ["Musica", "Teatro", "Arte", "Biblioteche", "Lettura"]),
    ("Svago e tempo libero", "it-star-outline", []),
    ("Vivere la città", "it-map-marker", ["Eventi", "Partecipazione", "Spazi giovani"]),
    (
        "Famiglia e genitorialità",
        "it-user",
        ["Centri estivi", "Babysitting", "Consultorio", "Sostegno ai genitori"],
    ),
    ("Salute e benessere", "it-plus-circle", []),
    (
        "Sociale e assistenza",
        "it-help-circle",
        ["Domiciliarità", "Trasporto sociale", "Aiuto alimentare", "Caregiver"],
    ),
    ("Lingue e integrazione", "it-comment", ["Italiano per stranieri", "Mediazione linguistica"]),
    ("Volontariato e cittadinanza attiva", "it-share", []),
    ("Digitale", "it-software", ["Coding", "Alfabetizzazione digitale"]),
    ("Ambiente", "it-open-source", []),
]

AUDIENCES = [
    ("Prima infanzia", 0, 5),
    ("Bambini", 6, 10),
    ("Preadolescenti", 11, 13),
    ("Adolescenti", 14, 18),
    ("Giovani", 19, 29),
    ("Adulti", 30, 64),
    ("Anziani", 65, None),
    ("Famiglie", None, None),
    ("Caregiver", None, None),
    ("Stranieri", None, None),
    ("Persone con disabilità", None, None),
]

ACCESSIBILITY_FEATURES = [
    ("Accesso senza barriere architettoniche", "it-check-circle"),
    ("Bagno accessibile", "it-check"),
    ("Interprete LIS su richiesta", "it-hearing"),
    ("Materiali in lingua facile", "it-file-txt"),
    ("Percorsi tattili o materiali in braille", "it-pin"),
    ("Posti auto riservati", "it-car"),
    ("Ammessi cani guida e di assistenza", "it-user"),
    ("Attività adattate per persone con disabilità", "it-plus-circle"),
]

LANGUAGES = [
    ("it", "Italiano"),
    ("en", "Inglese"),
    ("fr", "Francese"),
    ("es", "Spagnolo"),
    ("de", "Tedesco"),
    ("ar", "Arabo"),
    ("zh", "Cinese"),
    ("ro", "Rumeno"),
    ("sq", "Albanese"),
    ("uk", "Ucraino"),
    ("ru", "Russo"),
    ("ur", "Urdu"),
    ("bn", "Bengalese"),
    ("tl", "Tagalog"),
    ("wo", "Wolof"),
    ("lis", "Lingua dei segni italiana (LIS)"),
]


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Category = apps.get_model("taxonomy", "Category")
    Audience = apps.get_model("taxonomy", "Audience")
    AccessibilityFeature = apps.get_model("taxonomy", "AccessibilityFeature")
    Language = apps.get_model("taxonomy", "Language")
    locale, _created = Locale.objects.get_or_create(language_code="it")

    def term(model, name, order, **fields):
        return model.objects.create(
            name=name, slug=slugify(name), sort_order=order, locale=locale, translation_key=uuid.uuid4(), **fields
        )

    for order, (name, icon, children) in enumerate(CATEGORIES):
        parent = term(Category, name, order, icon=icon)
        for child_order, child in enumerate(children):
            term(Category, child, child_order, icon=icon, parent=parent)
    for order, (name, min_age, max_age) in enumerate(AUDIENCES):
        term(Audience, name, order, min_age=min_age, max_age=max_age)
    for order, (name, icon) in enumerate(ACCESSIBILITY_FEATURES):
        term(AccessibilityFeature, name, order, icon=icon)
    Language.objects.bulk_create([Language(code=code, name=name) for code, name in LANGUAGES])


def unseed(apps, schema_editor):
    for name in ("Category", "Audience", "AccessibilityFeature", "Language"):
        model = apps.get_model("taxonomy", name)
        if name == "Category":
            model.objects.exclude(parent=None).delete()
        model.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
