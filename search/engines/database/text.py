"""Free text for the database engine: every word, typos corrected, any word, each with the editors' synonyms."""

import difflib
import re
from itertools import chain

from django.utils.translation import gettext

from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import Or, PlainText

from opportunities.models import OpportunityPage
from search.catalogue import cached
from search.models import Synonym, fold
from taxonomy.models import Category


def text_scores(base, text):
    """({pk: (score, rank)}, notes) of the opportunities matching the text.

    Every word first, else every word with the last one as the start of a word (with a note),
    else every word with its typos corrected against the catalogue's own words (with a "did you
    mean" note), else any word (with a note saying so), else any corrected word.
    Each attempt also searches the text with a synonym in place of each term it contains.
    """
    candidates = OpportunityPage.objects.filter(pk__in=base.values("pk"))
    groups = synonym_groups()
    scores = synonym_search(candidates, text, "and", groups)
    if scores:
        return scores, []
    # Sent before the last word was finished ("corso di chit"): the title's words, the last one as a prefix.
    scores = ranked(candidates.autocomplete(text, operator="and"))
    if scores:
        return scores, [cut_short_note(text)]
    # Lazily: the vocabulary is only read when every word together found nothing.
    corrections = {}

    def corrected():
        if "text" not in corrections:
            corrections["text"] = corrected_text(base, text)
        return corrections["text"]

    did_you_mean = gettext("Forse cercavi: %(text)s")
    if corrected():
        scores = synonym_search(candidates, corrected(), "and", groups)
        if scores:
            return scores, [did_you_mean % {"text": corrected()}]
    if len(text.split()) >= 2:
        scores = synonym_search(candidates, text, "or", groups)
        if scores:
            note = gettext("Nessun risultato con tutte le parole di «%(text)s»: ecco quelli con almeno una.")
            return scores, [note % {"text": text}]
        if corrected():
            scores = synonym_search(candidates, corrected(), "or", groups)
            if scores:
                return scores, [did_you_mean % {"text": corrected()}]
    return {}, []


def synonym_search(candidates, text, operator, groups):
    """{pk: (score, rank)} of what matches the text or one of its synonym variants, in one search, best first."""
    variants = [PlainText(variant, operator=operator) for variant in synonym_variants(text, groups)]
    return ranked(candidates.search(variants[0] if len(variants) == 1 else Or(variants)))


def cut_short_note(text):
    return gettext("Nessuna parola intera «%(word)s»: ecco i risultati con parole che iniziano così.") % {
        "word": text.split()[-1]
    }


def ranked(results):
    """{pk: (score, rank)} of a search's matches; the rank orders hits, the score is only shown."""
    scored = scored_keys(results.annotate_score("_score"))
    return {pk: (normalized_score(score), rank) for rank, (pk, score) in enumerate(scored)}


def scored_keys(results):
    """(pk, score) of every match, best first, read without building a page for each of thousands of matches."""
    if isinstance(results, EmptySearchResults):  # nothing was left to search for
        return []
    # Wagtail's database backends answer with a ranked queryset of the model.
    return results.get_queryset().values_list("pk", "_score")


# --- Synonyms -------------------------------------------------------------------------------


def synonym_groups():
    """Every group of equivalent terms editors maintain, as lists of terms (one query per search)."""
    return [group.term_list for group in Synonym.objects.all()]


def folded_with_positions(text):
    """`text` folded (lower case, no accents) and, for each folded character, its index in `text`."""
    folded, positions = [], []
    for index, char in enumerate(text):
        for folded_char in fold(char):
            folded.append(folded_char)
            positions.append(index)
    return "".join(folded), positions


def synonym_variants(text, groups):
    """The text itself, then the text with each group term it contains replaced by every other term of the group."""
    variants = [text]
    folded, positions = folded_with_positions(text)
    for terms in groups:
        for term in terms:
            match = re.search(rf"(?<!\w){re.escape(fold(term))}(?!\w)", folded)
            if not match:
                continue
            start, end = positions[match.start()], positions[match.end() - 1] + 1
            for other in terms:
                variant = f"{text[:start]}{other}{text[end:]}"
                if other != term and variant not in variants:
                    variants.append(variant)
    return variants


# --- Typos ----------------------------------------------------------------------------------

MIN_CORRECTED_LENGTH = 4
WORD = re.compile(r"\w+")


def corrected_text(base, text):
    """The text with each unknown word replaced by the closest word of the catalogue, or None if nothing changed."""
    words = WORD.findall(text.lower())
    unknown = [word for word in words if len(word) >= MIN_CORRECTED_LENGTH and not word.isdigit()]
    if not unknown:
        return None
    vocabulary = catalogue_words(base)
    known = set(vocabulary)
    corrected = []
    for word in words:
        if word in unknown and word not in known:
            word = next(iter(difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)), word)
        corrected.append(word)
    corrected = " ".join(corrected)
    return corrected if corrected != " ".join(words) else None


def catalogue_words(base):
    """The distinct words (of at least four letters) of searchable titles and category names, sorted.

    Every title is read, so the list is kept until the catalogue changes (search.catalogue).
    """

    def read():
        words = set()
        titles = base.values_list("title", flat=True).order_by().iterator(chunk_size=5000)
        for value in chain(titles, Category.objects.values_list("name", flat=True)):
            words.update(word for word in WORD.findall(value.lower()) if len(word) >= MIN_CORRECTED_LENGTH)
        return sorted(words)

    return cached("vocabulary", base.query.sql_with_params(), read)


def normalized_score(score):
    """Higher is better: PostgreSQL's ts_rank already is, SQLite's bm25() is negative for a match."""
    return None if score is None else abs(float(score))
