"""NL_BSN: the Dutch citizen service number.

Burgerservicenummer (BSN, "citizen service number"): the personal number of everyone registered in
the Netherlands, on passports, ID cards, payslips and care letters. Format: 9 digits, often
written in groups: "111222333", "1112.22.333", "1112 22 333", "111 222 333". Check: the
elfproef (11-test), 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11
(`stdnum.nl.bsn`; rijksoverheid.nl "burgerservicenummer"). A number that fails it is never
reported. A bare 9-digit number that passes is reported with a modest score; context words
("bsn", "burgerservicenummer", "sofinummer") raise it. A number right after a country code
("+31 612345678") or another label ("artikelnummer", "ordernr:", "factuur #") is not a BSN.

Fictitious examples (they pass the 11-test, belong to no one): 111222333, 1112.22.333,
123456782, 126018157.
"""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum.nl import bsn

from .._prefilter import Prefiltered, prefilter
from .._result import make_result

# a number standing alone: not inside a longer number, amount, code or date
_ALONE = r"(?<![\w.,+\-/]){}(?![\w\-/]|[.,]\d)"
# A 9-digit national number right after a country code is a phone number, not a BSN.
_AFTER_COUNTRY_CODE = re.compile(r"(?:\+|\b00)\d{1,3}[\s.\-]*(?:\(0\)[\s.\-]*)?$")
# A number right after another kind of label is that kind of number ("artikelnummer 123456782").
_OTHER_LABEL = re.compile(
    r"\b(?:artikel|order|bestel|bestelling|factuur|klant|zaak|referentie|ref|pv|kenmerk|track|"
    r"pakket|product|serie|ticket|transactie|polis|contract|invoice|customer|case|tracking|"
    r"account|rekening)(?:[\s\-]?(?:nummer|nr|no|id|code))?\.?\s*[:#]?\s*$",
    re.IGNORECASE)


# Nine digits in any grouping ("4533 3147 6", "45 333 14 76") right after a BSN label: the label
# says what the number is, so the grouping need not be one of the usual two.
_CUED = re.compile(
    r"(?i)\b(?:bsn|burgerservicenummer|sofinummer|sofi-nummer)"
    r"(?:[\s-]?(?:nummer|nr\.?|no\.?))?\s*(?:is\s*)?[:#=]?\s*"
    r"(\d(?:[ .]?\d){8})(?![\w\-/]|[.,]\d)"
)
_CUE_HINT = re.compile(r"(?i)bsn|burgerservice|sofi")


class NlBsnRecognizer(Prefiltered, PatternRecognizer):
    """Recognise Dutch BSNs: 9 digits (optionally grouped 4-2-3 or 3-3-3) passing the 11-test."""

    LANGUAGES = ("nl", "en")
    PATTERNS = [
        Pattern("BSN (9 digits)", _ALONE.format(r"\d{9}"), 0.5),
        Pattern("BSN (grouped 4-2-3)", _ALONE.format(r"\d{4}[. ]\d{2}[. ]\d{3}"), 0.5),
        Pattern("BSN (grouped 3-3-3)", _ALONE.format(r"\d{3}[. ]\d{3}[. ]\d{3}"), 0.45),
    ]
    # the three patterns without their lookarounds
    PREFILTERS = (prefilter(r"\d{3}(?:\d{6}|\d[. ]\d{2}[. ]\d{3}|[. ]\d{3}[. ]\d{3})"),)
    CONTEXT = [
        "bsn", "burgerservicenummer", "burgerservice", "sofinummer", "sofi", "persoonsnummer",
        "citizen service number", "social security", "ssn",
    ]

    def __init__(self, supported_language: str = "nl", supported_entity: str = "NL_BSN"):
        super().__init__(
            supported_entity=supported_entity,
            name=type(self).__name__,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        results = [r for r in results
                   if not _AFTER_COUNTRY_CODE.search(text[max(0, r.start - 12):r.start])
                   and not _OTHER_LABEL.search(text[max(0, r.start - 30):r.start])]
        if _CUE_HINT.search(text):
            for m in _CUED.finditer(text):
                start, end = m.span(1)
                if any(r.start < end and start < r.end for r in results):
                    continue  # already found by a pattern (and raised by the same label)
                if self.validate_result(m.group(1)) is None:
                    results.append(make_result(self, self.supported_entities[0], start, end, 0.85,
                                               "9 digits after a BSN label, 11-test holds"))
        return results

    def validate_result(self, pattern_text: str):
        """False when the 11-test fails (drop); None when it holds, so the score comes from the
        pattern and the context. Never raises."""
        try:
            number = bsn.compact(pattern_text)
        except Exception:  # stdnum is strict; a validator inside a scan never raises
            return False
        if len(number) != 9 or len(set(number)) == 1:
            return False
        return None if bsn.is_valid(number) else False
