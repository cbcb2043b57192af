"""Intent signals: threats, dehumanising labels, hostile accusations and calls to action.

A phrase counts as the author's own only when it is not negated ("we komen niet langs",
"ik wens niemand de dood") and not reported: inside quotation marks, after a reporting verb in
the same sentence ("ze noemen mij kinderdief"), or after "<bericht> ...:" ("ik kreeg dit
bericht: ..."), a region that runs on to the end of the post when the author condemns it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from piiscore.scoring import _patterns

CTA_KINDS = ("share", "find", "contact")

_QUOTE_RE = re.compile(
    r"“[^”\n]*”|„[^”“\n]*[”“]|\"[^\"\n]*\"|«[^»\n]*»|‘[^’\n]*’"
    r"|(?<!\w)'[^'\n]{2,}?'(?!\w)"  # 'single quotes', not the apostrophe in "z'n"
)
_SENTENCE_END_RE = re.compile(r"[.!?\n]")
_CLAUSE_END_RE = re.compile(r"[.!?\n,;:()]")
_WORD_RE = re.compile(r"[\w']+")
_NEGATION_LOOKBACK_WORDS = 6
_CONDITIONALS = frozenset({"als", "indien", "tenzij", "zolang", "wanneer", "if", "unless", "when"})


@dataclass(frozen=True)
class Phrase:
    """One matched phrase. ``counted`` is True when it is the author's own, un-negated."""

    kind: str
    start: int
    end: int
    negated: bool = False
    reported: bool = False

    @property
    def counted(self) -> bool:
        return not (self.negated or self.reported)


@dataclass(frozen=True)
class Intent:
    phrases: tuple[Phrase, ...] = ()
    _counted_kinds: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        counted = frozenset(p.kind for p in self.phrases if p.counted)
        object.__setattr__(self, "_counted_kinds", counted)

    def has(self, kind: str) -> bool:
        return kind in self._counted_kinds

    @property
    def threat(self) -> bool:
        """An explicit or veiled threat; "threat_weak" phrases are the scorer's call."""
        return self.has("threat_explicit") or self.has("threat_veiled")

    @property
    def dehumanising(self) -> bool:
        """A dehumanising label ("kinderdief") or insult ("tuig")."""
        return self.has("label") or self.has("insult")

    @property
    def cta_kinds(self) -> tuple[str, ...]:
        return tuple(k for k in CTA_KINDS if self.has(f"cta_{k}"))

    @property
    def call_to_action(self) -> bool:
        return bool(self.cta_kinds)

    @property
    def discounted_threat(self) -> bool:
        """A threat phrase is present but quoted, reported or negated."""
        return any(p.kind.startswith("threat_") and not p.counted for p in self.phrases)

    def without_calls_to_action(self) -> Intent:
        return Intent(tuple(p for p in self.phrases if not p.kind.startswith("cta_")))


# Lists in one merged pass; where two match at one place the earlier one wins.
_LISTS = (
    "threat_explicit_cta",
    "threat_cta",
    "threat_explicit",
    "threat_veiled",
    "threat_weak",
    "cta_find",
    "cta_contact",
    "cta_share",
    "cta_weak",
    "label",
    "insult",
    "accusation",
)
# A phrase from threat_cta or threat_explicit_cta counts as both.
_KINDS_OF_LIST = {
    "threat_cta": ("threat_veiled", "cta_contact"),
    "threat_explicit_cta": ("threat_explicit", "cta_contact"),
}


def analyse(text: str) -> Intent:
    """Find every intent phrase in (folded) ``text`` and decide whether it is the author's."""
    found = _patterns.find_all(_LISTS, text)
    if not found:
        return Intent()
    regions = reported_regions(text)
    phrases: list[Phrase] = []
    for name, start, end in found:
        reported = is_reported(text, start, end, regions)
        negated = _negated(text, start, end)
        for kind in _KINDS_OF_LIST.get(name, (name,)):
            phrases.append(Phrase(kind, start, end, negated, reported))
    return Intent(tuple(phrases))


def reported_regions(text: str) -> list[tuple[int, int]]:
    """Spans holding someone else's words: quotations, and what follows "<bericht> ...:"."""
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)] + _colon_regions(text)


def is_reported(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    """Is the phrase at ``start:end`` someone else's words (quoted, or after a reporting
    verb in the same sentence)?"""
    return _inside(start, end, regions) or _after_reporting_verb(text, start)


def _inside(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    return any(lo <= start and end <= hi for lo, hi in regions)


def _sentence_start(text: str, pos: int) -> int:
    last = 0
    for m in _SENTENCE_END_RE.finditer(text, 0, pos):
        last = m.end()
    return last


def _negated(text: str, start: int, end: int) -> bool:
    clause_start = 0
    for m in _CLAUSE_END_RE.finditer(text, 0, start):
        clause_start = m.end()
    clause = _WORD_RE.findall(text[clause_start:start])
    before = clause[-_NEGATION_LOOKBACK_WORDS:]
    negator = _patterns.pattern("negation").search(" ".join(before)) if before else None
    if negator:
        # "als ze niet stopt, steek ik ..." negates the condition, not the threat
        lead = clause[: len(clause) - len(before)] + " ".join(before)[: negator.start()].split()
        if not any(word.lower() in _CONDITIONALS for word in lead):
            return True
    after = _WORD_RE.findall(text[end : end + 12])[:1]
    return bool(after) and after[0].lower() in ("niet", "not", "nooit", "never")


def _after_reporting_verb(text: str, start: int) -> bool:
    return _patterns.search("report_verb", text[_sentence_start(text, start) : start])


def _colon_regions(text: str) -> list[tuple[int, int]]:
    """Spans after "<reporting word> ...:" that hold someone else's words."""
    regions: list[tuple[int, int]] = []
    condemned = None
    for colon in (m.start() for m in re.finditer(":", text)):
        lead = text[max(_sentence_start(text, colon), colon - 60) : colon]
        if not (_patterns.search("report_noun", lead) or _patterns.search("report_verb", lead)):
            continue
        if condemned is None:
            condemned = _patterns.search("condemnation", text)
        if condemned:
            # the quoted message may run over several sentences, up to the author's verdict
            verdict = _patterns.pattern("condemnation").search(text, colon + 1)
            end = verdict.start() if verdict else len(text)
        else:
            m = _SENTENCE_END_RE.search(text, colon + 1)
            end = m.start() if m else len(text)
        regions.append((colon, end))
    return regions
