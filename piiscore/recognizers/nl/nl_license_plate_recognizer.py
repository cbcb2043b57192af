"""NL_LICENSE_PLATE: Dutch vehicle registration plates.

Kenteken ("registration plate"): 6 letters and digits in three groups, in one of the 14 RDW side
codes ("GH-482-K", "85-HJ-NP", "4-TGR-21", "H-07-NZB"), without banned letter groups (SS, SD,
NSB, ...; see `piiscore.validators.nl_kenteken`). Reference: Regeling kentekens en
kentekenplaten, art. 1 (BWBR0009071).

Upper or lower case. With dashes in a valid side code the plate is reported. Written without
dashes ("GH482K") it looks like any product or order code, so it is reported only when a context
word (kenteken, auto, plaat, rijdt, license plate, ...) stands before it, within a few words in
the same sentence. A plate spaced out to dodge filters ("G H - 4 8 2 - K") keeps its dashes in
the side code's places and is reported when spread out (three or more spaced pairs) or after
a cue.

Fictitious examples: GH-482-K, 85-HJ-NP, 52-kzt-8, kenteken gh482k.
"""
from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

from ...validators import nl_kenteken
from .._prefilter import prefilter
from ..context_window import cue_before

_L, _D = "[A-Za-z]", r"\d"
_SEP = r"[ \t]?-[ \t]?"


def _sidecode_regex(sep: str, inner: str = "") -> str:
    """One alternative per side code; `inner` may stand between the characters of a group.

    The alternatives are grouped by their first character, a letter or a digit, each group in
    side-code order: the same matches, but the engine no longer tries all 14 at every position."""
    by_first: dict[str, list[str]] = {_L: [], _D: []}
    for groups in nl_kenteken.SIDECODES.values():
        parts = [inner.join(_L if c == "L" else _D for c in g) for g in groups]
        first = _L if groups[0][0] == "L" else _D
        by_first[first].append(sep.join(parts)[len(first):])
    alternatives = [first + "(?:" + "|".join(rests) + ")" for first, rests in by_first.items()]
    return r"(?<![\w\-])(?:" + "|".join(alternatives) + r")(?![\w]|-\w)"


_CUE = re.compile(
    r"\b(?:kenteken\w*|nummerbord\w*|auto\w*|wagen|plaat|rijdt|rijden|reed|bestelbus|busje|"
    r"scooter|motor|license plate|licence plate|plate|car|drives|registration)\b"
    r"(?:[^\w.!?]+\w+){0,3}?[^\w.!?]*$",  # up to three words between, same sentence
    re.IGNORECASE)

_SPACED = re.compile(r"[A-Za-z0-9] [A-Za-z0-9]")
_SPREAD = re.compile(r"(?=[A-Za-z0-9] [A-Za-z0-9])")  # every such pair, overlapping ones too

# Cheap first looks (see piiscore.recognizers._prefilter). A dashed plate has a dash, a middle
# group of one to three characters (maybe spaced out) and a dash; an undashed one has a letter
# right next to a digit, and is kept only after a cue word (_CUE loosened: no \b, no $).
_DASHED = prefilter(r"-[ \t]?[A-Za-z\d](?: ?[A-Za-z\d]){0,2}[ \t]?-")
_UNDASHED = prefilter(r"\d(?:(?<=[A-Za-z]\d)|(?=[A-Za-z]))")
_CUE_WORD = re.compile(
    r"kenteken|nummerbord|auto|wagen|plaat|rijdt|rijden|reed|bestelbus|busje|scooter|motor|"
    r"license plate|licence plate|plate|car|drives|registration", re.IGNORECASE)


class NlLicensePlateRecognizer(PatternRecognizer):
    """Recognise Dutch licence plates in the 14 side codes."""

    LANGUAGES = ("nl", "en")
    PATTERNS = [
        # "GH-482-K", also spaced out to dodge filters: "G H - 4 8 2 - K"
        Pattern("kenteken (dashes)", _sidecode_regex(_SEP, inner=" ?"), 0.6),
        Pattern("kenteken (no dashes)", _sidecode_regex(""), 0.2),
    ]
    CONTEXT = ["kenteken", "nummerbord", "auto", "plaat", "rijdt", "license", "licence", "plate",
               "car"]

    def __init__(self, supported_language: str = "nl", supported_entity: str = "NL_LICENSE_PLATE"):
        super().__init__(
            supported_entity=supported_entity,
            name=type(self).__name__,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if regex_flags is None:
            if _DASHED.search(text) is None and (
                    _UNDASHED.search(text) is None or _CUE_WORD.search(text) is None):
                return []   # no dashed plate can match, and an undashed one would need a cue
            results = self._match_patterns(text)
        else:
            results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        kept = []
        for r in results:
            plate = text[r.start:r.end]
            if "-" not in plate:
                # undashed: only with a cue right before it, within a few words
                if not cue_before(text, r.start, _CUE, window=50):
                    continue
                r.score = max(r.score, 0.55)
            elif _SPACED.search(plate):
                # dashed but spaced out ("G Z - 2 8 3 - V"): a side code spread out to dodge
                # filters is reported; one stray space ("a b-12-34") needs a cue
                cue = cue_before(text, r.start, _CUE, window=50)
                if not cue and len(_SPREAD.findall(plate)) < 3:
                    continue
                r.score = max(r.score, 0.55 if cue else 0.45)
            kept.append(r)
        return kept

    def _match_patterns(self, text: str) -> list[RecognizerResult]:
        """Presidio's pattern loop (``PatternRecognizer.__analyze_patterns``: validate, then
        invalidate, results at the minimum score dropped) run with the standard library's ``re``.

        On these patterns ``re`` finds the same matches three times faster than the ``regex``
        module Presidio uses; Presidio's regex timeout is not needed, because the side-code
        alternatives hold no nested or unbounded repeats, so a match attempt is linear.
        """
        results = []
        for pattern, compiled in _STDLIB_PATTERNS:
            for match in compiled.finditer(text):
                start, end = match.span()
                if start == end:
                    continue
                found = text[start:end]
                validation = self.validate_result(found)
                explanation = self.build_regex_explanation(
                    self.name, pattern.name, pattern.regex, pattern.score, validation, _STDLIB_FLAGS)
                result = RecognizerResult(
                    entity_type=self.supported_entities[0], start=start, end=end,
                    score=pattern.score, analysis_explanation=explanation,
                    recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                          RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
                if validation is not None:
                    result.score = EntityRecognizer.MAX_SCORE if validation else EntityRecognizer.MIN_SCORE
                if self.invalidate_result(found):
                    result.score = EntityRecognizer.MIN_SCORE
                if result.score > EntityRecognizer.MIN_SCORE:
                    results.append(result)
                explanation.score = result.score
        return results

    def validate_result(self, pattern_text: str):
        """False for a banned letter group or impossible letters; None otherwise."""
        return None if nl_kenteken.is_valid(pattern_text) else False


# Presidio's PatternRecognizer.global_regex_flags, for the standard library's ``re``
_STDLIB_FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE
_STDLIB_PATTERNS = [(p, re.compile(p.regex, _STDLIB_FLAGS)) for p in NlLicensePlateRecognizer.PATTERNS]
