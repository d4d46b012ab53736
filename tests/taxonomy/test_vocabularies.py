import pytest

from django.core.exceptions import ValidationError

from taxonomy.models import AccessibilityFeature, Audience, Category, Language

pytestmark = pytest.mark.django_db


def test_the_starting_categories_are_seeded_in_two_levels():
    top_level = list(Category.objects.filter(parent=None).values_list("name", flat=True))
    assert len(top_level) == 13
    assert top_level[0] == "Studio e formazione" and top_level[-1] == "Ambiente"
    assert Category.objects.get(slug="doposcuola").parent.name == "Studio e formazione"
    assert Category.objects.get(slug="centri-estivi").parent.name == "Famiglia e genitorialità"


@pytest.mark.parametrize(
    ("slug", "min_age", "max_age"),
    [
        ("prima-infanzia", 0, 5),
        ("bambini", 6, 10),
        ("adolescenti", 14, 18),
        ("anziani", 65, None),
        ("famiglie", None, None),
    ],
)
def test_audiences_carry_the_age_bounds_of_the_age_filter(slug, min_age, max_age):
    audience = Audience.objects.get(slug=slug)
    assert (audience.min_age, audience.max_age) == (min_age, max_age)


def test_languages_are_keyed_by_iso_code_and_accessibility_features_are_seeded():
    assert Language.objects.get(code="ar").name == "Arabo"
    assert AccessibilityFeature.objects.filter(slug="interprete-lis-su-richiesta").exists()


def test_an_audience_with_an_upside_down_age_range_is_refused():
    audience = Audience(
        name="Sbagliato", slug="sbagliato", min_age=30, max_age=20, locale_id=Category.objects.first().locale_id
    )
    with pytest.raises(ValidationError) as error:
        audience.full_clean()
    assert "max_age" in error.value.message_dict


def test_audiences_read_with_their_ages():
    assert str(Audience.objects.get(slug="bambini")) == "Bambini (6-10 anni)"
    assert str(Audience.objects.get(slug="anziani")) == "Anziani (65+ anni)"
