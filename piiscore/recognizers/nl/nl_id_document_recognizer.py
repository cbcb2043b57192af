"""NL_ID_DOCUMENT: Dutch passport and identity-card numbers.

Documentnummer van paspoort of identiteitskaart ("passport / ID-card document number"): 9
characters, 2 letters, 6 letters or digits, 1 digit ("XR1001R58"); the letter O is never used
(rvig.nl "Documentnummer"; `stdnum.nl.identiteitskaartnummer`). There is no check digit, and the
shape also fits product and order codes, so a number is reported only when a context word
stands before it in the same sentence (up to 100 characters back): paspoort,
identiteitskaart, id-kaart, identiteitsbewijs, documentnummer, passport, ID card, document
number.

Fictitious examples: "paspoortnummer XR1001R58", "documentnummer: SPECI2014" (the specimen
number printed on sample documents), "ID card nr NP7H4K2L1".
"""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum.nl import identiteitskaartnummer

from .._prefilter import Prefiltered, prefilter
from ..context_window import cue_before

_CUE = re.compile(
    r"(?:paspoort|identiteitskaart|identiteitsbewijs|id-?kaart|id kaart|legitimatiebewijs|"
    r"documentnummer|documentnr|document nr|passport|id[ \-]?card|identity card|"
    r"identity document|document number|document no)", re.IGNORECASE)


class NlIdDocumentRecognizer(Prefiltered, PatternRecognizer):
    """Recognise Dutch passport / ID-card numbers after a document cue."""

    LANGUAGES = ("nl", "en")
    PATTERNS = [
        Pattern("documentnummer", r"(?<![\w\-])[A-Za-z]{2}[A-Za-z0-9]{6}\d(?![\w\-])", 0.8),
    ]
    # the pattern without its lookarounds, found from its last digit; then the required cue
    PREFILTERS = (prefilter(r"\d(?<=[A-Za-z]{2}[A-Za-z0-9]{6}\d)"), _CUE)
    CONTEXT = ["paspoort", "paspoortnummer", "identiteitskaart", "id-kaart", "idkaart",
               "identiteitsbewijs", "documentnummer", "passport", "id card", "document"]

    def __init__(self, supported_language: str = "nl", supported_entity: str = "NL_ID_DOCUMENT"):
        super().__init__(
            supported_entity=supported_entity,
            name=type(self).__name__,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results
                if cue_before(text, r.start, _CUE, window=100, same_sentence=True)]

    def validate_result(self, pattern_text: str):
        """False when stdnum rejects the number (e.g. a letter O); None otherwise."""
        try:
            return None if identiteitskaartnummer.is_valid(pattern_text) else False
        except Exception:
            return False
