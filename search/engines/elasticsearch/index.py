"""The opportunities index: Italian analysis, keyword fields for facets, geo points, schedules, autocomplete.

Declared with the client's DSL. Text is indexed with an Italian analyzer (elision, lower case,
ASCII folding, Italian stop words, light Italian stemmer); searches use the same chain plus the
editors' synonyms, kept in an Elasticsearch synonyms set so that a change takes effect without
reindexing (the set reloads the search analyzers). Facet values are stored as "slug<US>label" so
that counting needs no database query; taxonomy renames reindex the opportunities they touch.
"""

from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    GeoPoint,
    Index,
    InnerDoc,
    Integer,
    Keyword,
    Nested,
    ScaledFloat,
    Text,
    analyzer,
    token_filter,
)

from search.engines.elasticsearch.client import es_settings, synonyms_set_name

FACET_SEPARATOR = "\x1f"  # Unit separator: never typed in a slug or a label.

# The articles and prepositions Italian elides before a vowel ("dell'Università", "l'orto").
ITALIAN_ARTICLES = "c l all dall dell nell sull coll pell gl agl dagl degl negl sugl un m t s v d"
ELISION = token_filter(
    "portal_elision",
    type="elision",
    articles_case=True,
    articles=ITALIAN_ARTICLES.split(" "),
)
STOP = token_filter("portal_stop", type="stop", stopwords="_italian_")
STEMMER = token_filter("portal_stemmer", type="stemmer", language="light_italian")
EDGE = token_filter("portal_edge", type="edge_ngram", min_gram=1, max_gram=20)


# The set's name depends on the settings (the index prefix), so create_index() fills it in for each index.
SYNONYMS = token_filter("portal_synonyms", type="synonym_graph", synonyms_set="", updateable=True)


ITALIAN = analyzer("portal_italian", tokenizer="standard", filter=[ELISION, "lowercase", "asciifolding", STOP, STEMMER])
# Synonyms come before stop words and stemming, so that phrases such as "supporto allo studio" match whole.
ITALIAN_SEARCH = analyzer(
    "portal_italian_search",
    tokenizer="standard",
    filter=[ELISION, "lowercase", "asciifolding", SYNONYMS, STOP, STEMMER],
)
AUTOCOMPLETE = analyzer("portal_autocomplete", tokenizer="standard", filter=["lowercase", "asciifolding", EDGE])
AUTOCOMPLETE_SEARCH = analyzer("portal_autocomplete_search", tokenizer="standard", filter=["lowercase", "asciifolding"])
# What the engine asks the cluster to drop from a text before searching it (see engine.without_stop_words).
STOP_WORDS = analyzer("portal_stop_words", tokenizer="standard", filter=["lowercase", STOP])
# The typo corrector's vocabulary: whole words, lower case, nothing stemmed.
SPELLING = analyzer("portal_spelling", tokenizer="standard", filter=["lowercase"])


def italian_text(**kwargs):
    return Text(analyzer=ITALIAN, search_analyzer=ITALIAN_SEARCH, **kwargs)


class Schedule(InnerDoc):
    """One schedule: an occurrence must satisfy its dates, weekdays and time of day together."""

    weekly = Boolean()
    start = Date(format="date")  # first possible day; 0001-01-01 when open
    end = Date(format="date")  # last possible day; 9999-12-31 when open
    weekdays = Keyword()  # the weekdays on which it can occur (every day of a run of dates)
    time_of_day = Keyword()  # morning, afternoon or evening, from its opening time


class OpportunityDocument(Document):
    pk = Integer()  # sorting on _id is disabled by default; the page's id breaks ties
    title = italian_text(
        fields={
            "raw": Keyword(),
            "autocomplete": Text(analyzer=AUTOCOMPLETE, search_analyzer=AUTOCOMPLETE_SEARCH),
        }
    )
    summary = italian_text()
    body = italian_text()
    category_names = italian_text()
    audience_names = italian_text()
    organization_name = italian_text()
    place_names = italian_text()
    spelling = Text(analyzer=SPELLING, fields={"stop_words": Text(analyzer=STOP_WORDS)})

    categories = Keyword()  # own slugs and their parents' slugs: a top-level category matches its children
    category_facets = Keyword()
    audiences = Keyword()
    audience_facets = Keyword()
    districts = Keyword()
    district_facets = Keyword()
    accessibility = Keyword()
    accessibility_facets = Keyword()
    languages = Keyword()
    language_facets = Keyword()
    kind = Keyword()
    status = Keyword()

    is_free = Boolean()
    price = ScaledFloat(scaling_factor=100)
    min_age = Integer()
    max_age = Integer()
    registration_required = Boolean()
    registration_deadline = Date(format="date")
    places_available = Integer()
    organization_id = Integer()
    locations = GeoPoint()
    schedules = Nested(Schedule)
    next_occurrence = Date()
    first_published_at = Date()


# Text fields and their boosts: title and categories weigh most, then summary and audiences, then the body.
TEXT_FIELDS = (
    "title^4",
    "category_names^4",
    "summary^2",
    "audience_names^2",
    "body",
    "organization_name^0.5",
    "place_names^0.5",
)


def opportunity_index(name):
    """The DSL definition of a concrete opportunities index called `name`."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=es_settings()["replicas"], max_result_window=10000)
    index.document(OpportunityDocument)
    return index


def index_body(name):
    """Settings and mappings of a new index, its synonym filter reading this portal's synonyms set."""
    body = opportunity_index(name).to_dict()
    body["settings"]["analysis"]["filter"]["portal_synonyms"]["synonyms_set"] = synonyms_set_name()
    return body


def create_index(client, name):
    client.indices.create(index=name, **index_body(name))
