"""Italian inflections for the database engine: the singular finds the plural, the masculine the feminine.

PostgreSQL's Snowball stemmer misses some pairs (laboratorio becomes "laborator", laboratori "labor")
and SQLite's full-text search stems nothing, so each longer word of a search also asks for the other
endings of its stem. The stem is the one Elasticsearch's `light_italian` filter keeps for the other
engine (Savoy's light stemmer, as Lucene implements it), so both engines conflate the same words.
"""

from search.models import fold

# Shorter words are left alone, as the light stemmer leaves them ("corso", "festa", "sport").
MIN_STEMMED_LENGTH = 6
# The endings the light stemmer strips: a final vowel, or two letters (-ia, -ie, -io; -he, -hi after c or g).
ENDINGS = ("a", "e", "i", "o", "ia", "ie", "io")
HARD_ENDINGS = ("he", "hi")  # biblioteca, biblioteche; lungo, lunghi
# For each final vowel, the letters before it that the stemmer strips too ("biblioteche" → "bibliotec").
STRIPPED_BEFORE = {"a": "i", "e": "ih", "i": "hi", "o": "i"}


def light_stem(word):
    """A folded word without its inflectional ending, or the word itself when it is short or has none."""
    if len(word) < MIN_STEMMED_LENGTH or word[-1] not in STRIPPED_BEFORE:
        return word
    return word[:-2] if word[-2] in STRIPPED_BEFORE[word[-1]] else word[:-1]


def inflections(word):
    """`word` first, then the other forms sharing its stem ("bambino": bambina, bambine, bambini…)."""
    folded = fold(word)
    stem = light_stem(folded)
    if stem == folded or not folded.isalpha():
        return [word]
    endings = ENDINGS + HARD_ENDINGS if stem[-1] in "cg" else ENDINGS
    return [word, *(stem + ending for ending in endings if stem + ending != folded)]
