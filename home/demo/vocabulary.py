"""The vocabularies the demo draws on, read once from the database (districts are created here)."""

from dataclasses import dataclass
from functools import cached_property

from django.utils.text import slugify

from wagtail.models import Locale

from home.demo.town import DISTRICTS
from taxonomy.models import AccessibilityFeature, Audience, Category, District, Language


@dataclass
class Vocabulary:
    locale: Locale
    categories: dict  # slug -> Category, both levels
    audiences: list
    features: dict  # slug -> AccessibilityFeature
    languages: dict  # code -> Language
    districts: dict  # name -> District

    @property
    def top_categories(self):
        return [category for category in self.categories.values() if category.parent_id is None]

    def category_with_parent(self, category):
        parent = self.categories_by_id.get(category.parent_id)
        return [category, parent] if parent else [category]

    @cached_property
    def categories_by_id(self):
        return {category.pk: category for category in self.categories.values()}

    def top_category(self, category):
        return self.categories_by_id.get(category.parent_id, category)

    def audiences_for_ages(self, min_age, max_age):
        """Audiences with an age band that overlaps [min_age, max_age]; none when the offer has no bounds."""
        if min_age is None and max_age is None:
            return []
        low, high = min_age or 0, 120 if max_age is None else max_age
        return [
            audience
            for audience in self.audiences
            if audience.min_age is not None
            and audience.min_age <= high
            and (audience.max_age is None or audience.max_age >= low)
        ]

    @cached_property
    def audience_slugs(self):
        return {audience.slug: audience for audience in self.audiences}

    def audiences_by_slug(self, slugs):
        return [self.audience_slugs[slug] for slug in slugs if slug in self.audience_slugs]


def load_vocabulary():
    locale = Locale.get_default()
    return Vocabulary(
        locale=locale,
        categories={category.slug: category for category in Category.objects.filter(locale=locale)},
        audiences=list(Audience.objects.filter(locale=locale)),
        features={feature.slug: feature for feature in AccessibilityFeature.objects.filter(locale=locale)},
        languages={language.code: language for language in Language.objects.all()},
        districts=ensure_districts(),
    )


def ensure_districts():
    """Valdoria's districts, created if missing (they are proper names, not seeded vocabulary)."""
    districts = {}
    for spec in DISTRICTS:
        district, _created = District.objects.get_or_create(slug=slugify(spec.name), defaults={"name": spec.name})
        districts[spec.name] = district
    return districts
