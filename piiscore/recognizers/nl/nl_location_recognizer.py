"""LOCATION: places named in a post, from lists and rules (no statistical model).

- Dutch residences (woonplaatsen), municipalities, provinces and regions; Flemish and Brussels
  towns; countries and large world cities in Dutch and English: "Schiedam", "Den Haag",
  "Capelle aan den IJssel", "'s-Hertogenbosch", "Gent", "Marokko", "Londen";
- a district after a city: "Rotterdam-Zuid", "Amsterdam Noord", "Almere Buiten";
- a street name without a house number: "Hoofdweg", "de Lijnbaan", "Laan van Meerdervoort"
  (with a number it is an NL_ADDRESS, which wins the overlap); an English one in a cased post:
  one or two capitalised words and a street word, "Ashworth Road", "Birchwood Close".

Place names that are ordinary words ("Best", "Goes", "Hoorn", "Born") need a capital in a
sentence's middle or a preposition before them ("in Best", "uit goes"). Inside an
organisation's name ("Jeugdbescherming Rotterdam Rijnmond") the organisation wins the overlap.
Lists: places_nl, provinces_regions, places_be, countries, world_cities, ambiguous_places,
streets, street_suffixes, street_common_words.
"""
from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from ._lexicon import DISTRICTS, Lexicon, analyse, find_streets, get_lexicon

SCORE_PLACE = 0.85
SCORE_AMBIGUOUS_PLACE = 0.6
SCORE_STREET = 0.7
SCORE_STREET_WEAK = 0.55

_LOCATIVES = frozenset("in uit naar te bij rond nabij omgeving regio buurt richting via vanuit "
                       "from to near around at of van".split())
_STRONG_LOCATIVES = frozenset("in uit naar te vanuit richting".split())
_DISTRICTS = DISTRICTS
# A place right after a house number or a postcode: "Dorpsstraat 5 Epe", "3012 AB, Best".
_AFTER_ADDRESS = re.compile(r"(?:\d[a-zA-Z]?|\d{4}\s?[A-Za-z]{2})[ \t]*,?[ \t]*\Z")
_PLACE_LINKS = frozenset("aan den de der op bij en in 's s t 't van het ter ten onder over upon "
                         "on the of le la sur".split())
# Endings that make a street name on their own ("Hoofdweg"); the weaker ones ("-hof", "-park",
# "-veld", "-markt") only with "op de"/"in de" before them.
_STRONG_STREET_SUFFIXES = ("straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk",
                           "dreef", "steeg", "boulevard", "plantsoen", "straatweg")
_STREET_ARTICLES = frozenset("de het 't".split())
# English streets without a number. Not "Court", "Place", "Way", "Park", "Hill", "Square": they
# also end names of courts, firms and sights.
_EN_STREET = re.compile(
    r"(?<![\w'’-])((?:[A-Z][a-z][\w'’-]*\s){1,2})(?:Road|Close|Avenue|Ave|Street|Lane|Drive|"
    r"Crescent|Grove|Terrace|Gardens)\b")
_EN_NOT_STREET_WORDS = frozenset("the a an on in at of to from my our his her their this that "
                                 "lives live living near by off".split())
# English words after a place name that make it the name of a street, park or building
_NAMED_AFTER_A_PLACE = frozenset("""road street lane avenue park square place drive way close
crescent gardens terrace grove hill row walk court hall station bridge green""".split())


class NlLocationRecognizer(EntityRecognizer):
    LANGUAGES = ("nl", "en")
    ENTITIES = ["LOCATION"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(supported_entities=self.ENTITIES, supported_language=supported_language,
                         name="NlLocationRecognizer")

    def load(self) -> None:
        self.lex: Lexicon = get_lexicon()

    def analyze(self, text, entities, nlp_artifacts=None):
        if entities and "LOCATION" not in entities:
            return []
        return [RecognizerResult("LOCATION", s, e, score,
                                 recognition_metadata={"recognizer_name": self.name})
                for s, e, score in find_locations(text, self.lex)]


def find_locations(text: str, lex: Lexicon) -> list[tuple[int, int, float]]:
    a = analyse(text)
    toks, mode, strict, starts = a.tokens, a.mode, a.strict, a.starts
    out: list[tuple[int, int, float]] = []
    taken = [False] * len(toks)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not tok.is_word and tok.text not in ("'", "’"):
            i += 1
            continue
        end = lex.place_end(toks, i)
        if end == -1:
            i += 1
            continue
        if not (tok.capitalized or strict or tok.text in ("'", "’")):
            # "ze woont in zwolle" typed in lower case inside a cased post: after a locative
            # preposition, and only names that are no ordinary word
            prev = toks[i - 1] if i > 0 else None
            phrase = text[tok.start:toks[end - 1].end].lower()
            if prev is not None and prev.lower in _STRONG_LOCATIVES and len(phrase) >= 4 \
                    and phrase not in lex.ambiguous_places and phrase not in lex.dictionary_words \
                    and tok.lower not in ("de", "het", "t", "'"):
                out.append((tok.start, toks[end - 1].end, SCORE_AMBIGUOUS_PLACE))
                for k in range(i, end):
                    taken[k] = True
                i = end
                continue
            i += 1
            continue
        if not strict and any(t.is_word and not t.capitalized and t.lower not in _PLACE_LINKS
                              and not t.lower.startswith(("s-", "t-")) for t in toks[i + 1:end]):
            i += 1
            continue   # "De boer", "De haan": a place name needs its capitals
        if end == i + 1 and i > 0 and toks[i - 1].lower in ("de", "het", "een", "a", "an") \
                and not strict and (i < 2 or toks[i - 2].end < toks[i - 1].start) \
                and not lex.street_suffix(tok.lower) \
                and (lex.is_surname(tok) or lex.is_first_name(tok) or tok.lower in lex.ambiguous_places):
            i += 1
            continue   # "de Visser": a role, not the village
        phrase = text[tok.start:toks[end - 1].end].lower()
        if strict and (phrase in lex.stop_words or tok.lower in ("de", "het", "een", "t", "the")):
            i += 1
            continue   # "in een", "in de buurt": the hamlets Een and De Buurt need capitals
        prev = toks[i - 1] if i > 0 else None
        locative = (prev is not None and prev.lower in _LOCATIVES) or bool(
            _AFTER_ADDRESS.search(text[max(0, tok.start - 12):tok.start]))
        score = SCORE_PLACE
        if phrase in lex.ambiguous_places or (end == i + 1 and len(tok.text) <= 3):
            if strict or starts[i]:
                if not locative:
                    i += 1
                    continue
            score = SCORE_AMBIGUOUS_PLACE if not locative else SCORE_PLACE
        if not strict and tok.text.isupper() and len(tok.text) <= 3:
            i += 1
            continue   # acronyms that spell a place name
        nxt = toks[end] if end < len(toks) else None
        if nxt is not None and nxt.capitalized and nxt.lower in _NAMED_AFTER_A_PLACE \
                and nxt.start - toks[end - 1].end <= 1:
            i = end + 1
            continue   # "Cardiff Road", "Hyde Park": a street or a park named after the town
        end = _district(toks, end, text, strict)
        out.append((tok.start, toks[end - 1].end, score))
        for k in range(i, end):
            taken[k] = True
        i = end
    for s, e, how in find_streets(toks, mode, lex):
        if any(taken[s:e]):
            continue
        head = toks[e - 1]
        prev2 = toks[s - 1].lower if s > 0 else ""
        article = prev2 in _STREET_ARTICLES
        if how == "suffix" and head.lower in lex.street_common_words and not article:
            continue
        if how == "list" and (head.lower in lex.streets_common or lex.is_surname(head)
                              or lex.is_first_name(head)):
            continue   # "de Visser", "de Markt": words and names before they are streets
        if how == "suffix" and head.parts[-1].endswith(_STRONG_STREET_SUFFIXES):
            score = SCORE_STREET
        elif article and how in ("suffix", "list", "head"):
            score = SCORE_STREET_WEAK
        elif how == "head":
            score = SCORE_STREET_WEAK
        else:
            continue
        if head.lower in lex.street_common_words and not (head.capitalized and not starts[s]):
            continue
        out.append((toks[s].start, head.end, score))
    if mode == "mixed":
        out.extend(_english_streets(text))
    return out


def _english_streets(text: str) -> list[tuple[int, int, float]]:
    found = []
    for m in _EN_STREET.finditer(text):
        start = m.start()
        words = m.group(1).split()
        while words and words[0].lower() in _EN_NOT_STREET_WORDS:
            start = text.index(words[1], start) if len(words) > 1 else m.end()
            words = words[1:]
        if not words or _AFTER_ADDRESS.search(text[max(0, start - 12):start]):
            continue   # a bare street word, or a house number before it: NL_ADDRESS's
        found.append((start, m.end(), SCORE_STREET_WEAK))
    return found


def _district(toks, end: int, text: str, strict: bool) -> int:
    """Extend 'Rotterdam' to 'Rotterdam-Zuid' / 'Amsterdam Noord'."""
    last = toks[end - 1]
    if "-" in last.lower and last.parts[-1] in _DISTRICTS:
        return end
    if end < len(toks):
        nxt = toks[end]
        gap = text[last.end:nxt.start]
        if gap in (" ", "-") and nxt.lower in _DISTRICTS and (nxt.capitalized or strict):
            return end + 1
        if gap == "" and nxt.text == "-" and end + 1 < len(toks) and \
                toks[end + 1].lower in _DISTRICTS and toks[end + 1].start == nxt.end:
            return end + 2
    return end
