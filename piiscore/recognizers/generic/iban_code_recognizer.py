"""IBAN_CODE: international bank account numbers.

IBAN ("rekeningnummer" in Dutch posts): country code, 2 check digits, then the national account
number (BBAN), up to 34 characters, written compact or in groups of four, in upper or lower
case. Dutch IBANs have 18 characters: NLkk + 4-letter bank code + 10 digits
("NL91 ABNA 0417 1643 00"). Check: ISO 13616 mod-97 and the country's length and format
(`stdnum.iban`). A candidate whose checksum fails is not reported.

Groups of four invite over-reach ("NL70ABNA6842684656 want ..."): the longest prefix of a
candidate, cut at a group boundary, that validates is the IBAN.

Fictitious examples: NL91 ABNA 0417 1643 00 (the standard example), nl02abna0123456789,
BE71 0961 2345 6769, DE89 3704 0044 0532 0130 00.
"""
from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from .._result import make_result
from stdnum import iban

_CANDIDATE = re.compile(
    r"(?<![\w])[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]{1,4}){3,8}(?![A-Za-z0-9])")
_GROUP_END = re.compile(r"[A-Za-z0-9](?=[ \-]|$)")


class IbanCodeRecognizer(EntityRecognizer):
    """Recognise IBANs with a valid mod-97 checksum."""

    LANGUAGES = ("nl", "en")
    ENTITY = "IBAN_CODE"
    SCORE = 1.0
    CONTEXT = ["iban", "rekening", "rekeningnummer", "bank", "bankrekening", "overmaken", "tnv",
               "account", "transfer"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language=supported_language,
            context=self.CONTEXT,
        )

    def load(self) -> None:
        pass

    def validate_result(self, pattern_text: str) -> bool:
        """True when the IBAN's checksum, length and format hold; never raises."""
        try:
            return bool(iban.is_valid(pattern_text))
        except Exception:
            return False

    def analyze(self, text, entities, nlp_artifacts=None):
        if entities and self.ENTITY not in entities:
            return []
        results = []
        for m in _CANDIDATE.finditer(text):
            candidate = m.group()
            # longest first: cut at each group end, down to the shortest IBAN length (15)
            ends = [g.end() for g in _GROUP_END.finditer(candidate)]
            for end in reversed(ends):
                piece = candidate[:end]
                if sum(c.isalnum() for c in piece) < 15:
                    break
                if self.validate_result(piece):
                    results.append(self._result(m.start(), m.start() + end))
                    break
        return results

    def _result(self, start: int, end: int) -> RecognizerResult:
        return make_result(self, self.ENTITY, start, end, self.SCORE, "IBAN checksum (mod 97) valid")
