"""What editors maintain for the search (synonyms) and what it records for the Comune (an anonymous log)."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TERM_SEPARATORS = re.compile(r"[,;\n]+")


def split_terms(text):
    """The distinct terms of a group, one per line or comma-separated, whitespace collapsed, in order."""
    terms = {}
    for raw in TERM_SEPARATORS.split(text or ""):
        term = " ".join(raw.split())
        if term and fold(term) not in terms:
            terms[fold(term)] = term
    return list(terms.values())


def fold(text):
    """Lower case without accents, so that "Terza Età" and "terza eta" are the same term."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class Synonym(models.Model):
    """A group of equivalent terms: searching any of them also finds what the others describe."""

    terms = models.TextField(
        _("termini equivalenti"),
        help_text=_("Una parola o frase per riga, oppure separate da virgole: almeno due."),
    )

    class Meta:
        verbose_name = _("gruppo di sinonimi")
        verbose_name_plural = _("sinonimi")
        ordering = ["pk"]

    def __str__(self):
        return ", ".join(self.term_list)

    @property
    def term_list(self):
        return split_terms(self.terms)

    def clean(self):
        terms = split_terms(self.terms)
        if len(terms) < 2:
            raise ValidationError({"terms": _("Indica almeno due termini equivalenti.")})
        self.terms = "\n".join(terms)


def today():
    return timezone.localdate()


class SearchLog(models.Model):
    """One search a family ran, for the Comune's analysis of needs: what was asked and how much was found.

    Deliberately anonymous: no user, session, IP address or time of day, only the date.
    """

    query = models.CharField(_("testo cercato"), max_length=200, blank=True)
    filters = models.JSONField(_("filtri"), default=dict, blank=True)
    result_count = models.PositiveIntegerField(_("risultati"))
    created = models.DateField(_("data"), default=today)

    class Meta:
        verbose_name = _("ricerca registrata")
        verbose_name_plural = _("registro delle ricerche")
        indexes = [
            models.Index(fields=["created"], name="search_log_created"),
            models.Index(fields=["result_count"], name="search_log_result_count"),
        ]

    def __str__(self):
        return f"{self.created}: «{self.query}» ({self.result_count})"


SHORT_LINK_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # No 0/o, 1/l/i: a help desk reads codes aloud.
SHORT_LINK_LENGTH = 6


class ShortLink(models.Model):
    """A short code standing for a search's query string, for help desks to read out or text to a citizen."""

    code = models.CharField(_("codice"), max_length=12, unique=True)
    query_string = models.CharField(_("ricerca"), max_length=2000, unique=True)
    created = models.DateField(_("data"), default=today)

    class Meta:
        verbose_name = _("link breve")
        verbose_name_plural = _("link brevi")

    def __str__(self):
        return self.code


class PendingIndexUpdate(models.Model):
    """Work the Elasticsearch index still owes the database: kept until done, so a failed update is retried, not lost.

    `key` is "page:<id>" (index or remove that opportunity, whatever its state is then) or "synonyms".
    """

    key = models.CharField(_("elemento"), max_length=40, unique=True)
    queued_at = models.DateTimeField(_("in coda dal"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("tentativi"), default=0)
    last_error = models.TextField(_("ultimo errore"), blank=True)

    class Meta:
        verbose_name = _("aggiornamento dell'indice in attesa")
        verbose_name_plural = _("aggiornamenti dell'indice in attesa")
        ordering = ["queued_at"]

    def __str__(self):
        return self.key
