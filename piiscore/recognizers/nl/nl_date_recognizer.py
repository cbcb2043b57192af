"""DATE_OF_BIRTH and DATE_TIME: calendar dates in Dutch and English.

Datum ("date") / geboortedatum ("date of birth"). Forms:

- numeric, day first (Dutch order): 12-03-1985, 12/03/1985, 12.03.85; month first where only
  that reading is a date (03/25/1985, for English posts); ISO 1985-03-12;
- day and month name: 12 maart 1985, 12 mrt '85, 1 jan. 2000, 12th of March, 12 March 1985;
- month name and day: March 12, 1985, May 3rd;
- month name and year: maart 1985, March 1985.

Month names and abbreviations in both languages (januari/jan, maart/mrt/mar, mei/may,
oktober/okt/oct, ...). A date right after a birth cue on the same sentence (geboren, geb.,
geboortedatum, geb.datum, verjaardag, jarig, born, DOB, date of birth, birthday) is
DATE_OF_BIRTH, any other DATE_TIME. Not dates: a year alone, a time ("10:30"), a score ("3-1"),
day and month in digits only ("12/3", also a fraction), and the ambiguous words may / jan / mar
without a year ("2 may come", "3 Jan's").

Fictitious examples: "geboren 14 maart 1986" (DATE_OF_BIRTH), "geb. 03-07-1990"
(DATE_OF_BIRTH), "DOB: March 12, 1985" (DATE_OF_BIRTH), "op 12 november bij de rechter"
(DATE_TIME).
"""
from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from .._result import make_result

from ...normalize import trie_alternation

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "febr": 2,
    "maart": 3, "march": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "augustus": 8, "august": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10, "okt": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_AMBIGUOUS = frozenset({"may", "jan", "mar"})
# The month names as a trie (matches like the longest-first list, see trie_alternation), behind
# a lookahead on their first letters: the engine skips every other position at once.
_MONTH = "(?P<mon>(?=[%s])%s)" % ("".join(sorted({m[0] for m in _MONTHS})),
                                  trie_alternation(_MONTHS)) + r"(?![^\W\d_])"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])"
_SUFFIX = r"(?P<suf>st|nd|rd|th|ste|de|e)?"
_YEAR = r"(?P<year>(?:19|20)\d{2}|'\d{2})"

# (The lookaheads that open some patterns test the first character only: the same matches, found
# without running the lookbehind at every position.)
_PATTERNS = [
    # 12-03-1985, 12/03/85, 12.03.1985 (same separator twice), also 03/25/1985
    ("numeric", 0.6, re.compile(
        r"(?=\d)(?<![\w\-/.,:+])(?P<a>\d{1,2})(?P<sep>[\-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
        r"(?![\w]|[\-/.:,]\d)")),
    # 1985-03-12, 1985/03/12
    ("iso", 0.6, re.compile(
        r"(?=[12])(?<![\w\-/.,:+])(?P<y>(?:19|20)\d{2})(?P<sep>[\-/.])(?P<b>0?[1-9]|1[0-2])(?P=sep)"
        r"(?P<a>[12]\d|3[01]|0?[1-9])(?![\w]|[\-/.:,]\d)")),
    # 12 maart 1985, 12 mrt '85, 12th of March, 1 jan. 2000
    ("day month", 0.6, re.compile(
        rf"(?=\d)(?<![\w\-/.,:])\b{_DAY}{_SUFFIX}(?P<of>\s+of(?:\s+the)?)?\s+{_MONTH}"
        rf"(?:\.?,?\s+{_YEAR})?(?![\w'])",
        re.IGNORECASE)),
    # March 12, 1985; May 3rd
    ("month day", 0.6, re.compile(
        rf"(?<![\w\-/.])\b{_MONTH}\.?\s+(?:the\s+)?{_DAY}{_SUFFIX}(?:,?\s+{_YEAR})?"
        rf"(?![\w'\-/:.]\w|[\w'])",
        re.IGNORECASE)),
    # maart 1985, March 1985
    ("month year", 0.5, re.compile(
        rf"(?<![\w\-/.])\b{_MONTH}\.?,?\s+(?P<year>(?:19|20)\d{{2}})(?![\w])", re.IGNORECASE)),
]

# Cheap first looks: a numeric or ISO date has a digit, a separator and a digit; every other
# pattern has a month name as a word. Without one, those patterns cannot match.
_DIGIT_SEP_DIGIT = re.compile(r"\d[\-/.]\d")
_MONTH_WORD = re.compile(r"\b" + _MONTH, re.IGNORECASE)
_NEEDS_DIGIT_SEP = frozenset(["numeric", "iso"])

BIRTH_CUE = re.compile(
    r"(?:geboren|\bgeb\b\.?|geboortedatum|geboortedag|geb\.?\s?datum|verjaardag|\bjarig\b|"
    r"\bborn\b|\bdob\b|\bd\.o\.b\b\.?|date of birth|birth\s?date|birthday|\bb-?day\b)",
    re.IGNORECASE)
# between the cue and the date: no sentence end, no line break
_SENTENCE_END = re.compile(r"[!?;\n\r]|\.\s+\S")


def _valid_day_month(day: int, month: int) -> bool:
    days = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return 1 <= month <= 12 and 1 <= day <= days[month - 1]


def _plausible(kind: str, m: re.Match) -> bool:
    g = m.groupdict()
    if kind in ("numeric", "iso"):
        a, b = int(g["a"]), int(g["b"])
        year = g["y"]
        if len(year) == 4 and not 1900 <= int(year) <= 2099:
            return False
        return _valid_day_month(a, b) or (kind == "numeric" and _valid_day_month(b, a))
    month = _MONTHS[g["mon"].lower()]
    if kind == "month year":
        return True  # a 4-digit year settles "May 2024", "jan 2024"
    if not _valid_day_month(int(g["day"]), month):
        return False
    # "2 may come", "3 Jan": only with a year, an ordinal suffix or "of"
    return not (g["mon"].lower() in _AMBIGUOUS
                and not (g.get("year") or g.get("suf") or g.get("of")))


class NlDateRecognizer(EntityRecognizer):
    """Recognise Dutch and English calendar dates; birth dates by their cue."""

    LANGUAGES = ("nl", "en")
    ENTITIES = ["DATE_OF_BIRTH", "DATE_TIME"]
    BIRTH_SCORE = 0.85
    CONTEXT = ["datum", "date", "dag", "day", "geboren", "geboortedatum", "born", "dob"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(
            supported_entities=list(self.ENTITIES),
            name=type(self).__name__,
            supported_language=supported_language,
            context=self.CONTEXT,
        )

    def load(self) -> None:
        pass

    @staticmethod
    def is_birth_date(text: str, start: int, window: int = 40, since: int = 0) -> bool:
        """True when a birth cue stands before `start` in the same sentence (and after `since`:
        a cue belongs to the first date after it)."""
        left = text[max(0, start - window, since):start]
        cues = list(BIRTH_CUE.finditer(left))
        if not cues:
            return False
        return not _SENTENCE_END.search(left[cues[-1].end():])

    def find_dates(self, text: str) -> list[tuple[int, int, float]]:
        """Non-overlapping (start, end, score) date spans, longest first."""
        spans: list[tuple[int, int, float]] = []
        digit_sep = _DIGIT_SEP_DIGIT.search(text) is not None
        month = _MONTH_WORD.search(text) is not None
        for kind, score, pattern in _PATTERNS:
            if not (digit_sep if kind in _NEEDS_DIGIT_SEP else month):
                continue
            for m in pattern.finditer(text):
                if _plausible(kind, m):
                    spans.append((m.start(), m.end(), score))
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
        kept: list[tuple[int, int, float]] = []
        for s in spans:
            if all(s[1] <= k[0] or s[0] >= k[1] for k in kept):
                kept.append(s)
        return sorted(kept)

    def analyze(self, text, entities, nlp_artifacts=None):
        wanted = set(entities or self.ENTITIES)
        results = []
        previous_end = 0
        for start, end, score in self.find_dates(text):
            birth = self.is_birth_date(text, start, since=previous_end)
            previous_end = end
            if birth:
                entity, score = "DATE_OF_BIRTH", self.BIRTH_SCORE
            else:
                entity = "DATE_TIME"
            if entity in wanted:
                results.append(self._result(entity, start, end, score))
        return results

    def _result(self, entity: str, start: int, end: int, score: float) -> RecognizerResult:
        return make_result(self, entity, start, end, score,
                           "date after a birth cue" if entity == "DATE_OF_BIRTH" else "date")
