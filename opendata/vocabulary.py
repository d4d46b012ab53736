"""Taxonomy terms of imported records, matched to the portal's vocabularies by code or name.

Terms the portal does not know are created (and the report says so), so an
import never drops a classification silently. Everything is read once per
import and kept in memory; terms created by a record that is then rolled
back are forgotten with it.
"""

from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Locale

from opendata.hsds import RecordError
from opportunities.models import Kind
from taxonomy.models import AccessibilityFeature, Audience, Category, District, Language

# HSDS `taxonomy` names (lowercase) that select a vocabulary; any other taxonomy means categories.
AUDIENCE_TAXONOMIES = {"destinatari", "audience", "audiences"}
DISTRICT_TAXONOMIES = {"quartieri", "quartiere", "district", "districts"}
ACCESSIBILITY_TAXONOMIES = {"accessibilità", "accessibilita", "accessibility"}
KIND_TAXONOMIES = {"tipo", "kind"}


class Vocabulary:
    def __init__(self):
        self.locale = Locale.get_default()
        self._terms = {
            model: list(model.objects.filter(locale=self.locale))
            for model in (Category, Audience, AccessibilityFeature)
        }
        self._terms[District] = list(District.objects.all())
        self._languages = {language.code: language for language in Language.objects.all()}
        self._pending = []
        self.created = []  # labels of the terms created by records that were imported

    def checkpoint(self):
        """The caches as they are, for `restore()` after a rollback of several records."""
        return {model: list(terms) for model, terms in self._terms.items()}, dict(self._languages), len(self.created)

    def restore(self, checkpoint):
        terms, languages, created = checkpoint
        self._terms = {model: list(values) for model, values in terms.items()}
        self._languages = dict(languages)
        del self.created[created:]
        self._pending = []

    # A record's changes to the caches are kept apart until the record is saved.
    def record_succeeded(self):
        self.created.extend(_created_label(model, term) for model, term in self._pending)
        self._pending = []

    def record_failed(self):
        for model, term in self._pending:
            if model is Language:
                self._languages.pop(term.code, None)
            else:
                self._terms[model].remove(term)
        self._pending = []

    def classify(self, terms, notes):
        """Split a service's terms into kind, categories, audiences, districts and accessibility features."""
        result = {"kind": None, "categories": [], "audiences": [], "districts": [], "features": []}
        for term in terms:
            taxonomy = term.taxonomy.strip().lower()
            if taxonomy in KIND_TAXONOMIES:
                result["kind"] = _kind(term)
            elif taxonomy in AUDIENCE_TAXONOMIES:
                result["audiences"].append(self._term(Audience, term, notes))
            elif taxonomy in DISTRICT_TAXONOMIES:
                result["districts"].append(self._term(District, term, notes))
            elif taxonomy in ACCESSIBILITY_TAXONOMIES:
                result["features"].append(self._term(AccessibilityFeature, term, notes))
            else:
                result["categories"].append(self._term(Category, term, notes))
        return result

    def languages(self, codes_and_names, notes):
        found = []
        for code, name in codes_and_names:
            language = self._languages.get(code)
            if language is None:
                language = Language.objects.create(code=code, name=(name or code)[:60])
                self._languages[code] = language
                self._pending.append((Language, language))
                notes.append(_("Creata la lingua «%(name)s» (%(code)s).") % {"name": language.name, "code": code})
            found.append(language)
        return found

    def _term(self, model, term, notes):
        slug = slugify(term.code or term.name)[:100]
        name = (term.name or term.code).strip()
        for existing in self._terms[model]:
            if existing.slug == slug or existing.name.casefold() == name.casefold():
                return existing
        created = model(name=name[:100], slug=slug or slugify(name)[:100])
        if model is not District:
            created.locale = self.locale
        created.full_clean(exclude=["translation_key"])
        created.save()
        self._terms[model].append(created)
        self._pending.append((model, created))
        notes.append(
            _("Creato in «%(vocabulary)s» il termine «%(name)s».")
            % {"vocabulary": model._meta.verbose_name_plural, "name": created.name}
        )
        return created


def _created_label(model, term):
    if model is Language:
        return f"{Language._meta.verbose_name_plural}: {term.name} ({term.code})"
    return f"{model._meta.verbose_name_plural}: {term.name}"


def _kind(term):
    for value, label in Kind.choices:
        if term.code.lower() == value or term.name.casefold() in (value, str(label).casefold()):
            return value
    raise RecordError(
        _("tipo «%(kind)s» sconosciuto: usa uno tra %(choices)s")
        % {"kind": term.code or term.name, "choices": ", ".join(Kind.values)}
    )
