"""NL_ADDRESS (adres, street address): a street name with a house number and addition.

Formats (all fictitious):
- street + number (+ addition): "Kerkstraat 12a", "Kerkstraat 12 A", "Kerkstraat 12 bis",
  "Laan van Meerdervoort 112-3", "Jan Evertsenstraat 45-II", "Rozengracht 130-2",
  "Burgemeester de Withstraat 21", "kerkstraat 12", Belgian "Kerkstraat 12 bus 3";
- number first: "nr 12 in de kerkstraat", "op nummer 12 van de Dorpsweg";
- English form: "12 Baker Street", "221B Baker Street".

The street is found by its ending (-straat, -laan, -weg, -plein, -gracht, -kade, -singel, -dijk,
-pad, -hof, -dreef, -steeg, -markt, -park, -wal, -veld ...), by "Laan van X"-style heads, or by the
street list (streets without such an ending: "Spui", "Botter"). A street alone is a LOCATION;
"week 12", "Artikel 12" and "Amsterdam 12" are nothing (no street).
"""
from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from ._lexicon import Lexicon, analyse, find_streets, get_lexicon

SCORE_ADDRESS = 0.9
SCORE_ADDRESS_LIST = 0.75
SCORE_ENGLISH = 0.85

# House number right after a street: "12", "12a", "12 A", "12-3", "45-II", "12 bis", "12 bus 3".
_NUMBER_AFTER = re.compile(
    r"[ \t]{1,2}(?:nr\.?\s?|nummer\s)?(?P<num>[1-9]\d{0,4})(?!\d)"
    r"(?P<add>(?:[ ]?-[ ]?(?:\d{1,4}|[A-Za-z]{1,3}\b|I{1,3}|IV|hs|bg)"
    r"|[ ](?:bis|hs|bg|huis|boven|beneden|zwart|rood|I{1,3}|IV)\b"
    r"|[ ]bus[ ]\d{1,4}"
    r"|/\d{1,4}"
    r"|[a-zA-Z](?![\w])"
    r"|[ ][A-Z](?![\w'’.]))?)")
_UNITS_AFTER = re.compile(r"\s?(?:jaar|jaren|keer|uur|min|minuten|euro|km|meter|m|kilo|kg|%|"
                          r"procent|x|personen|mensen|kinderen|dagen|weken|maanden)\b", re.I)
_PLACE_OR_POSTCODE_AFTER = re.compile(r",?\s*[1-9]\d{3}\s?[A-Z]{2}\b")
_POSTCODE_AHEAD = re.compile(r"\s?[A-Z]{2}\b")
# Number first: "nr 12 in de kerkstraat", "op nummer 12 van de Dorpsweg".
# (The lookaheads on the first character, and "[1-9](?<=\b[1-9])" for "\b[1-9]", change no match;
# they let the engine skip the positions where none can start.)
_NUMBER_FIRST = re.compile(
    r"(?=[nh])\b(?P<lead>nr\.?|nummer|huisnummer|no\.?|number)\s?(?P<num>[1-9]\d{0,4}[a-zA-Z]?)"
    r"\s+(?:in|op|aan|van|at|on|of)\s+(?:de|het|the|'t)?\s*", re.I)
_EN_SUFFIX = (r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Court|Ct|Way|Place|Pl|"
              r"Crescent|Gardens|Terrace|Square|Grove|Row|Boulevard|Blvd|Walk|Mews|Hill|Park")
_ENGLISH = re.compile(
    r"(?=[FAU1-9])\b(?:(?:Flat|Apt\.?|Unit)\s\d{1,4}[A-Za-z]?,?\s)?[1-9]\d{0,4}[A-Za-z]?(?:-[1-9]\d{0,4})?,?\s"
    r"(?:[A-Z][\w'’-]+\s){1,3}(?:" + _EN_SUFFIX + r")\b\.?")
_ENGLISH_LOWER = re.compile(
    r"[1-9](?<=\b[1-9])\d{0,4}[a-z]?(?:-[1-9]\d{0,4})?\s(?:[a-z][\w'’-]+\s){1,3}(?:" + _EN_SUFFIX.lower() + r")\b")


class NlAddressRecognizer(EntityRecognizer):
    LANGUAGES = ("nl", "en")
    ENTITIES = ["NL_ADDRESS"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(supported_entities=self.ENTITIES, supported_language=supported_language,
                         name="NlAddressRecognizer")

    def load(self) -> None:
        self.lex: Lexicon = get_lexicon()

    def analyze(self, text, entities, nlp_artifacts=None):
        if entities and "NL_ADDRESS" not in entities:
            return []
        return [RecognizerResult("NL_ADDRESS", s, e, score,
                                 recognition_metadata={"recognizer_name": self.name})
                for s, e, score in find_addresses(text, self.lex)]


def _place_follows(toks, text: str, pos: int, lex: Lexicon) -> bool:
    """A place name right after `pos` (", Amsterdam", " in Delft")."""
    k = next((idx for idx, t in enumerate(toks) if t.start >= pos), None)
    if k is None:
        return False
    if toks[k].text == "," or toks[k].lower in ("in", "te"):
        k += 1
    return k < len(toks) and toks[k].capitalized and lex.place_end(toks, k) != -1


def find_addresses(text: str, lex: Lexicon) -> list[tuple[int, int, float]]:
    a = analyse(text)
    toks, mode, starts = a.tokens, a.mode, a.starts
    out: list[tuple[int, int, float]] = []
    streets = find_streets(toks, mode, lex, allow_lower=True)
    street_at = {toks[s].start: (s, e, how) for s, e, how in streets}
    for s, e, how in streets:
        end_char = toks[e - 1].end
        m = _NUMBER_AFTER.match(text, end_char)
        if not m or not m.group("num"):
            continue
        after = text[m.end():]
        if _UNITS_AFTER.match(after):
            continue
        if len(m.group("num")) == 4 and not m.group("add") and _POSTCODE_AHEAD.match(after):
            continue   # "Kerkstraat, 3012 AB": that number is a postcode
        if len(m.group("num")) == 4 and not m.group("add"):
            continue   # a year ("Dorpsstraat 1995") or a postcode's digits
        head = toks[e - 1]
        if how == "list" and head.lower in lex.streets_common and starts[s] and mode == "mixed" \
                and not _PLACE_OR_POSTCODE_AFTER.match(text, m.end()) \
                and not _place_follows(toks, text, m.end(), lex):
            continue   # "Bus 12 naar het centrum" (but "Singel 140, Amsterdam")
        if how == "suffix" and head.lower in lex.street_common_words and \
                not (head.capitalized or head.text.isupper()):
            continue
        score = SCORE_ADDRESS if how in ("suffix", "head") else SCORE_ADDRESS_LIST
        out.append((toks[s].start, m.end(), score))
    for m in _NUMBER_FIRST.finditer(text):
        hit = street_at.get(m.end())
        if hit is None:
            continue
        s, e, _ = hit
        out.append((m.start(), toks[e - 1].end, SCORE_ADDRESS))
    english = _ENGLISH if mode == "mixed" else _ENGLISH_LOWER
    for m in english.finditer(text if mode != "upper" else text.lower()):
        out.append((m.start(), m.end(), SCORE_ENGLISH))
    return out
