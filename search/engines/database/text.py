"""Free text for the database engine: every word, typos corrected, any word, each with the editors' synonyms
and in any of its Italian inflections."""

import difflib
import re
from itertools import chain

from django.db import connection
from django.utils.translation import gettext

from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Or, PlainText
from wagtail.search.backends import get_search_backend

from opportunities.models import OpportunityPage
from search.catalogue import kept_in_process
from search.engines.database.keys import keys_in
from search.inflections import inflections
from search.models import Synonym, fold
from taxonomy.models import Category


class TextMatch:
    """The searchable opportunities matching a text, found once; ranked (what a text search costs most) only
    as needed.

    `search(queryset, ranked)` runs the text's search on a queryset. It runs on every opportunity, and what
    is not `searchable` (a container of keys: drafts, concluded, restricted, in another language) is left
    out afterwards: restricting the queryset itself costs PostgreSQL two index lookups per match, more than
    the text search ("sport" at 100,000: 260 ms against 80). With `rank_all` the matches are ranked as
    they are found, for a search whose only condition is the text, which is ordered by rank.
    """

    def __init__(self, search, searchable, rank_all=False):
        self.search = search
        if rank_all:
            ranking = ranked_keys(search(OpportunityPage.objects.all(), True))
            self.ranking = [(pk, score) for pk, score in ranking if pk in searchable]
            self.keys = [pk for pk, _score in self.ranking]
        else:
            self.ranking = None
            self.keys = [pk for pk in matching_keys(search(OpportunityPage.objects.all(), False)) if pk in searchable]
        self.known_scores = dict(self.ranking or ())

    def ranked_page(self, within, start, end):
        """The keys from `start` to `end` by rank, among the matches in `within` (a list of keys, or every one)."""
        if within is None and self.ranking is not None:
            page = self.ranking[start:end]
        else:
            page = ranked_keys(self.search(among(self.keys if within is None else within), True)[start:end])
        self.known_scores.update(page)
        return [pk for pk, _score in page]

    def scores(self, pks):
        """{pk: score} of some of the matches (a page's), ranking only those not ranked yet."""
        missing = [pk for pk in pks if pk not in self.known_scores]
        if missing:
            self.known_scores.update(ranked_keys(self.search(OpportunityPage.objects.filter(pk__in=missing), True)))
        return {pk: self.known_scores.get(pk) for pk in pks}


def among(pks):
    """The opportunities with these keys, as a queryset Wagtail's search backends accept (`pk__in` a subquery)."""
    return OpportunityPage.objects.filter(pk__in=OpportunityPage.objects.filter(keys_in(pks)).values("pk"))


def text_match(text, *, searchable, vocabulary, rank_all=False):
    """(TextMatch, notes): the first of these that finds anything searchable (`searchable`: a container of
    keys), with a note saying which it was.

    Every word; else every word with the last one as the start of a word; else every word with its typos
    corrected against the catalogue's own words ("did you mean"; `vocabulary()` gives them, sorted); else
    any word; else any corrected word. Each attempt also searches the text with a synonym in place of each
    term it contains.
    """
    for search, notes in attempts(text, synonym_groups(), vocabulary):
        match = TextMatch(search, searchable, rank_all)
        if match.keys:
            return match, notes
    return match, []  # the last attempt: it matches nothing either


def attempts(text, groups, vocabulary):
    """(search, notes) pairs in the order they are tried; a generator, so typos are corrected only if needed."""
    yield synonym_search(text, "and", groups), []

    def last_word_as_prefix(pages, ranked):
        # Sent before the last word was finished ("corso di chit"): the title's words, the last one as a prefix.
        return pages.autocomplete(text, operator="and", order_by_relevance=ranked)

    yield last_word_as_prefix, [cut_short_note(text)]
    corrected = corrected_text(text, vocabulary)  # reads the vocabulary: only once every word together found nothing
    did_you_mean = [gettext("Forse cercavi: %(text)s") % {"text": corrected}] if corrected else []
    if corrected:
        yield synonym_search(corrected, "and", groups), did_you_mean
    if len(text.split()) >= 2:
        note = gettext("Nessun risultato con tutte le parole di «%(text)s»: ecco quelli con almeno una.")
        yield synonym_search(text, "or", groups), [note % {"text": text}]
        if corrected:
            yield synonym_search(corrected, "or", groups), did_you_mean


def synonym_search(text, operator, groups):
    """A search for the text or one of its synonym variants, in one query: `search(pages, ranked)`."""
    variants = synonym_variants(text, groups)
    forms = distinct_forms({word: inflections(word) for variant in variants for word in variant.split()})
    queries = [inflected_query(variant, operator, forms) for variant in variants]
    query = queries[0] if len(queries) == 1 else Or(queries)
    return lambda pages, ranked: pages.search(query, order_by_relevance=ranked)


def inflected_query(text, operator, forms):
    """Every word of the text (or any, with operator "or"), each in any of its forms (`forms`: {word: forms})."""
    words = text.split()
    if all(len(forms[word]) == 1 for word in words):
        return PlainText(text, operator=operator)
    if operator == "or":
        return PlainText(" ".join(chain.from_iterable(forms[word] for word in words)), operator="or")
    # A PlainText per form: SQLite's backend would not bracket "a OR b" inside an AND (FTS5's AND binds tighter).
    queries = [
        Or([PlainText(form) for form in forms[word]]) if len(forms[word]) > 1 else PlainText(word) for word in words
    ]
    return queries[0] if len(queries) == 1 else And(queries)


def distinct_forms(forms_of):
    """{word: its forms}, on PostgreSQL only those its index's Snowball stemmer keeps apart, one per lexeme.

    Snowball conflates most of them already, and each form costs the full-text query one more index
    lookup; SQLite's index keeps words as they are, so there every form counts. One query for every word.
    """
    if connection.vendor != "postgresql" or all(len(forms) == 1 for forms in forms_of.values()):
        return forms_of
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT form, to_tsvector(%s::regconfig, form)::text FROM unnest(%s::text[]) AS form",
            [get_search_backend().config, list(set(chain.from_iterable(forms_of.values())))],
        )
        lexemes = dict(cursor.fetchall())
    distinct = {}
    for word, forms in forms_of.items():
        first_per_lexeme = {}
        for form in forms:  # the word as typed comes first
            first_per_lexeme.setdefault(lexemes[form], form)
        distinct[word] = list(first_per_lexeme.values())
    return distinct


def cut_short_note(text):
    return gettext("Nessuna parola intera «%(word)s»: ecco i risultati con parole che iniziano così.") % {
        "word": text.split()[-1]
    }


def matching_keys(results):
    """The keys of a search's matches, in no particular order: nothing is ranked."""
    return [] if isinstance(results, EmptySearchResults) else list(match_rows(results, ranked=False))


def ranked_keys(results):
    """[(pk, score)] of a search's matches, best first; higher scores are better (normalized_score)."""
    if isinstance(results, EmptySearchResults):  # nothing was left to search for
        return []
    return [(pk, normalized_score(score)) for pk, score in match_rows(results, ranked=True)]


def match_rows(results, *, ranked):
    """The queryset of a search's keys, or of (key, score) best first: no page is built for thousands of matches.

    Wagtail's database backends answer with a queryset of the model, ranked only when asked to.
    """
    if ranked:
        return results.annotate_score("_score").get_queryset().values_list("pk", "_score")
    return results.get_queryset().order_by().values_list("pk", flat=True)


# --- Synonyms -------------------------------------------------------------------------------


def synonym_groups():
    """Every group of equivalent terms editors maintain, as lists of terms: kept in the process until the catalogue
    changes (a change to the synonyms changes it)."""
    return kept_in_process("synonyms", (), lambda: [group.term_list for group in Synonym.objects.all()])


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


def corrected_text(text, vocabulary):
    """The text with each unknown word replaced by the closest of the catalogue's words (`vocabulary()`, sorted),
    or None if nothing changed."""
    words = WORD.findall(text.lower())
    unknown = [word for word in words if len(word) >= MIN_CORRECTED_LENGTH and not word.isdigit()]
    if not unknown:
        return None
    vocabulary = vocabulary()
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

    Every title is read: the catalogue index keeps what this gives (`CatalogueIndex.vocabulary`).
    """
    titles = base.values_list("title", flat=True).order_by().iterator(chunk_size=5000)
    return sorted(words_of(chain(titles, Category.objects.values_list("name", flat=True))))


def words_of(texts):
    """The distinct words of at least four letters of these texts, lower case: what typos are corrected to."""
    words = set()
    for text in texts:
        words.update(word for word in WORD.findall(text.lower()) if len(word) >= MIN_CORRECTED_LENGTH)
    return words


def normalized_score(score):
    """Higher is better: PostgreSQL's ts_rank already is, SQLite's bm25() is negative for a match."""
    return None if score is None else abs(float(score))
