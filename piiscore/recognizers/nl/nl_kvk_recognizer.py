"""NL_KVK: Dutch Chamber of Commerce numbers.

KVK-nummer ("Chamber of Commerce number"): the unique 8-digit number of a business in the
Handelsregister ("12345678", also "1234 5678"); a branch has a 12-digit vestigingsnummer
(kvk.nl). There is no check digit (`piiscore.validators.nl_kvk`), and 8 digits are everywhere
(order numbers, dates written 12112024), so a number is reported only when a context word
stands just before it: kvk, k.v.k., kamer van koophandel, handelsregister, chamber of commerce,
vestigingsnummer.

Fictitious examples: "KvK 12345678", "ingeschreven bij de Kamer van Koophandel onder nummer
8765 4321", "vestigingsnummer 000012345678".
"""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

from ...validators import nl_kvk
from .._prefilter import Prefiltered, prefilter
from ..context_window import cue_before

_CUE = re.compile(
    r"(?:\bkvk|\bk\.v\.k\b|kamer van koophandel|handelsregister|chamber of commerce|\bcoc\b|"
    r"vestigingsnummer|vestigingsnr)", re.IGNORECASE)


class NlKvkRecognizer(Prefiltered, PatternRecognizer):
    """Recognise KvK numbers (8 digits) and vestigingsnummers (12 digits) after a KvK cue."""

    LANGUAGES = ("nl", "en")
    PATTERNS = [
        Pattern("KvK-nummer",
                r"(?<![\w.,+\-/])(?:\d{8}|\d{4}[ .]\d{4}|\d{12})(?![\w\-/]|[.,]\d)", 0.7),
    ]
    PREFILTERS = (
        prefilter(r"\d{4}[ .]?\d{4}"),   # every match holds 8 digits like this
        re.compile(r"kvk|k\.v\.k|kamer van koophandel|handelsregister|chamber of commerce|coc|"
                   r"vestigingsnummer|vestigingsnr", re.IGNORECASE),   # _CUE without \b: required
    )
    CONTEXT = ["kvk", "kvk-nummer", "koophandel", "handelsregister", "vestigingsnummer",
               "kamer van koophandel", "chamber of commerce", "coc"]

    def __init__(self, supported_language: str = "nl", supported_entity: str = "NL_KVK"):
        super().__init__(
            supported_entity=supported_entity,
            name=type(self).__name__,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if cue_before(text, r.start, _CUE, window=50)]

    def validate_result(self, pattern_text: str):
        """False for a wrong length or all zeros; None otherwise (the cue decides)."""
        return None if nl_kvk.is_valid(pattern_text) else False
