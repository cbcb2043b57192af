"""Intent signals: threats, dehumanising labels, hostile accusations and calls to action.

A phrase counts as the author's own only when it is not negated ("we komen niet langs",
"ik wens niemand de dood") and not reported: inside quotation marks, after a reporting verb in
the same sentence ("ze noemen mij kinderdief"), or after "<bericht> ...:" ("ik kreeg dit
bericht: ..."), a region that runs on to the end of the post when the author condemns it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import repeat

from piiscore.scoring import _patterns

CTA_KINDS = ("share", "find", "contact")

_QUOTE_RE = re.compile(
    r"“[^”\n]*”|„[^”“\n]*[”“]|\"[^\"\n]*\"|«[^»\n]*»|‘[^’\n]*’"
    r"|(?<!\w)'[^'\n]{2,}?'(?!\w)"  # 'single quotes', not the apostrophe in "z'n"
)
# every match of _QUOTE_RE starts with one of these
_QUOTE_MARK_RE = re.compile(r"[“„\"«‘']")
_SENTENCE_END_RE = re.compile(r"[.!?\n]")
_CLAUSE_ENDS = ".!?\n,;:()"
_ZEROS = (0,) * len(_CLAUSE_ENDS)
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
    # worked out once, from the phrases (the scorer asks again and again)
    _counted_kinds: frozenset[str] = field(init=False, repr=False, compare=False)
    _cta_kinds: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _discounted_threat: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        counted = frozenset(p.kind for p in self.phrases if p.counted)
        object.__setattr__(self, "_counted_kinds", counted)
        object.__setattr__(
            self, "_cta_kinds", tuple(k for k in CTA_KINDS if f"cta_{k}" in counted)
        )
        object.__setattr__(
            self,
            "_discounted_threat",
            any(p.kind.startswith("threat_") and not p.counted for p in self.phrases),
        )

    def has(self, kind: str) -> bool:
        return kind in self._counted_kinds

    @property
    def counted_kinds(self) -> frozenset[str]:
        """The kinds of the phrases that count (the author's own, not negated)."""
        return self._counted_kinds

    @property
    def threat(self) -> bool:
        """An explicit or veiled threat; "threat_weak" phrases are the scorer's call."""
        counted = self._counted_kinds
        return "threat_explicit" in counted or "threat_veiled" in counted

    @property
    def dehumanising(self) -> bool:
        """A dehumanising label ("kinderdief") or insult ("tuig")."""
        counted = self._counted_kinds
        return "label" in counted or "insult" in counted

    @property
    def cta_kinds(self) -> tuple[str, ...]:
        return self._cta_kinds

    @property
    def call_to_action(self) -> bool:
        return bool(self._cta_kinds)

    @property
    def discounted_threat(self) -> bool:
        """A threat phrase is present but quoted, reported or negated."""
        return self._discounted_threat

    def without_calls_to_action(self) -> Intent:
        return Intent(tuple(p for p in self.phrases if not p.kind.startswith("cta_")))

    def without_threats(self) -> Intent:
        return Intent(tuple(p for p in self.phrases if not p.kind.startswith("threat_")))


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


_NO_INTENT = Intent()


def analyse(text: str) -> Intent:
    """Find every intent phrase in (folded) ``text`` and decide whether it is the author's."""
    found = _patterns.find_all(_LISTS, text)
    if not found:
        return _NO_INTENT
    regions = reported_regions(text)
    phrases: list[Phrase] = []
    for name, start, end in found:
        reported = (bool(regions) and _inside(start, end, regions)) or _after_reporting_verb(
            text, start
        )
        negated = _negated(text, start, end)
        for kind in _KINDS_OF_LIST.get(name, (name,)):
            phrases.append(Phrase(kind, start, end, negated, reported))
    return Intent(tuple(phrases))


def reported_regions(text: str) -> list[tuple[int, int]]:
    """Spans holding someone else's words: quotations, and what follows "<bericht> ...:"."""
    memo = _patterns.memo(text)  # the scorer asks twice about one text
    if memo is not None and reported_regions in memo:
        return list(memo[reported_regions])
    quoted = (
        [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]
        if _QUOTE_MARK_RE.search(text)
        else []
    )
    regions = quoted + _colon_regions(text) if ":" in text else quoted
    if memo is not None:
        memo[reported_regions] = tuple(regions)
    return regions


def is_reported(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    """Is the phrase at ``start:end`` someone else's words (quoted, or after a reporting
    verb in the same sentence)?"""
    return _inside(start, end, regions) or _after_reporting_verb(text, start)


def _inside(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    return any(lo <= start and end <= hi for lo, hi in regions)


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts: after the last _SENTENCE_END_RE before it."""
    find = text.rfind
    return max(find(".", 0, pos), find("!", 0, pos), find("?", 0, pos), find("\n", 0, pos)) + 1


def _negated(text: str, start: int, end: int) -> bool:
    # the words before the phrase are words of the text: with no negation in the text, there
    # is none among them
    if _patterns.may_match("negation", text):
        # the clause starts after the last _CLAUSE_ENDS character before the phrase
        clause_start = max(
            map(text.rfind, _CLAUSE_ENDS, _ZEROS, repeat(start, len(_CLAUSE_ENDS)))
        )
        clause = _WORD_RE.findall(text[clause_start + 1 : start])
        before = clause[-_NEGATION_LOOKBACK_WORDS:]
        negator = _patterns.pattern("negation").search(" ".join(before)) if before else None
        if negator:
            # "als ze niet stopt, steek ik ..." negates the condition, not the threat
            lead = clause[: len(clause) - len(before)] + " ".join(before)[: negator.start()].split()
            if not any(word.lower() in _CONDITIONALS for word in lead):
                return True
    after = _WORD_RE.search(text, end, end + 12)  # the first word within 12 characters
    return after is not None and after.group().lower() in ("niet", "not", "nooit", "never")


def _after_reporting_verb(text: str, start: int) -> bool:
    # (the sentence so far cuts no word of the text: with no reporting verb in the text,
    # there is none in it)
    sentence = _sentence_start(text, start)
    if _patterns.may_match("report_verb", text) and _patterns.search_in(
        "report_verb", text, sentence, start
    ):
        return True
    # "ik kreeg een appje dat ...": a verb of receiving reports only a message
    return (
        _patterns.may_match("report_receive", text)
        and _patterns.search_in("report_receive", text, sentence, start)
        and _patterns.search_in("report_noun", text, sentence, start)
    )


def _colon_regions(text: str) -> list[tuple[int, int]]:
    """Spans after "<reporting word> ...:" that hold someone else's words."""
    regions: list[tuple[int, int]] = []
    condemned = None
    colon = -1
    while (colon := text.find(":", colon + 1)) >= 0:
        lead = max(_sentence_start(text, colon), colon - 60)
        if not (
            _patterns.search_in("report_noun", text, lead, colon)
            or _patterns.search_in("report_verb", text, lead, colon)
            or _patterns.search_in("report_receive", text, lead, colon)
        ):
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
