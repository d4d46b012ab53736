"""Shared vocabularies: editors maintain them as data, never as code.

Organizations, opportunities, search facets and the open-data exchange all
speak these terms, so they live in one app that depends on no other.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import TranslatableMixin
from wagtail.search import index


class Term(TranslatableMixin, index.Indexed, models.Model):
    """A named, sluggable vocabulary entry, translatable like pages."""

    name = models.CharField(_("nome"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, help_text=_("Usato negli indirizzi e nei filtri."))
    sort_order = models.PositiveSmallIntegerField(_("ordine"), default=0)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Category(Term):
    """A field of activity; two levels (e.g. Cultura > Teatro)."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("categoria superiore"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    icon = models.CharField(
        _("icona"),
        max_length=50,
        blank=True,
        help_text=_("Nome di un'icona Bootstrap Italia, ad esempio «it-star-outline»."),
    )
    description = models.TextField(_("descrizione"), blank=True)

    class Meta(Term.Meta):
        verbose_name = _("categoria")
        verbose_name_plural = _("categorie")

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def clean(self):
        super().clean()
        if self.parent_id:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": _("Una categoria non può contenere sé stessa.")})
            if self.parent.parent_id:
                raise ValidationError({"parent": _("Le categorie hanno al massimo due livelli.")})


class Audience(Term):
    """Who an opportunity is for; age bounds drive the age filter."""

    min_age = models.PositiveSmallIntegerField(
        _("età minima"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("età massima"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )

    class Meta(Term.Meta):
        verbose_name = _("destinatari")
        verbose_name_plural = _("destinatari")

    def __str__(self):
        if self.min_age is not None and self.max_age is not None:
            return gettext("%(name)s (%(min)s-%(max)s anni)") % {
                "name": self.name,
                "min": self.min_age,
                "max": self.max_age,
            }
        if self.min_age is not None:
            return gettext("%(name)s (%(min)s+ anni)") % {"name": self.name, "min": self.min_age}
        return self.name

    def clean(self):
        super().clean()
        validate_age_range(self.min_age, self.max_age)


class AccessibilityFeature(Term):
    """A concrete accessibility provision (step-free access, LIS, easy-read...)."""

    icon = models.CharField(_("icona"), max_length=50, blank=True)

    class Meta(Term.Meta):
        verbose_name = _("accessibilità")
        verbose_name_plural = _("caratteristiche di accessibilità")


class District(index.Indexed, models.Model):
    """A district (quartiere, frazione) of the town: a proper name, not translated."""

    name = models.CharField(_("nome"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("quartiere")
        verbose_name_plural = _("quartieri")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Language(models.Model):
    """A language an opportunity is offered in, keyed by its ISO 639-1 code."""

    code = models.CharField(_("codice ISO 639-1"), max_length=3, primary_key=True)
    name = models.CharField(_("nome"), max_length=60)

    class Meta:
        verbose_name = _("lingua")
        verbose_name_plural = _("lingue")
        ordering = ["name"]

    def __str__(self):
        return self.name


def validate_age_range(min_age, max_age):
    """Shared by audiences and opportunities: a range must not be upside down."""
    if min_age is not None and max_age is not None and min_age > max_age:
        raise ValidationError({"max_age": _("L'età massima deve essere uguale o superiore all'età minima.")})
