"""NL_POSTCODE: Dutch postal codes.

Postcode ("postal code"): 4 digits, the first not 0, then 2 letters, with or without a space:
"3012 AB", "3012AB", and in posts also lower case "3012 ab". The letter pairs SA, SD and SS are
never issued (their occupation-era associations). Validator: `stdnum.nl.postcode`
(PostNL; en.wikipedia.org/wiki/Postal_codes_in_the_Netherlands).

A number followed by a unit or a short word ("1000 km", "2024 en", "1985 op") is not a postcode:
lower-case pairs that are ordinary words or units are dropped, upper-case ones only after a
year-like or round number ("IN 2024 EN", "1000 KM"; "6524 GR" is a postcode).

Spaced out to dodge filters ("3 1 1 1 A B") it is found in capitals only.

Fictitious examples: 3012 AB, 2517AK, 9711 nz, 3 1 1 1 A B.
"""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum.nl import postcode

from .._prefilter import Prefiltered, prefilter

_UNITS = frozenset(
    "km cm mm dm kg mg gr ml cl dl kb mb gb tb pk kw hz ms uu".split())
_WORDS = frozenset(
    "en in op is of te om al nu ik je we ze er na ja nee de da du zo ok at on to or as an am pm "
    "my me he it so no do go be by up us ur et eo ie xl xs".split())


def _year_like(digits: str) -> bool:
    return 1900 <= int(digits) <= 2099


class NlPostcodeRecognizer(Prefiltered, PatternRecognizer):
    """Recognise Dutch postcodes, "3012 AB" / "3012AB" / "3012 ab"."""

    LANGUAGES = ("nl", "en")
    PATTERNS = [
        Pattern("postcode", r"(?<![\w\-/.,])[1-9]\d{3} ?[A-Za-z]{2}(?![\w\-/@])", 0.6),
        # spaced out to dodge filters, "3 1 1 1 A B", "3 8 1 2 - K L": capitals only, every
        # character apart
        Pattern("postcode (spaced)",
                r"(?<![\w\-/.,])(?-i:[1-9] \d \d \d (?:- )?[A-Z] [A-Z])(?![\w\-/@])", 0.6),
    ]
    # both patterns without their lookarounds ([1-9] widened to \d)
    PREFILTERS = (prefilter(r"\d{4} ?[A-Za-z]{2}|\d \d \d \d (?:- )?[A-Z] [A-Z]"),)
    CONTEXT = ["postcode", "adres", "woont", "woonachtig", "address", "zip", "postal"]

    def __init__(self, supported_language: str = "nl", supported_entity: str = "NL_POSTCODE"):
        super().__init__(
            supported_entity=supported_entity,
            name=type(self).__name__,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str):
        """False for impossible codes (SA/SD/SS) and number + word/unit; None otherwise."""
        compact = pattern_text.replace(" ", "")
        digits, letters = compact[:4], compact[4:]
        if letters.lower() in _UNITS | _WORDS and (
                not letters.isupper() or _year_like(digits) or digits.endswith("00")):
            return False
        try:
            return None if postcode.is_valid(pattern_text) else False
        except Exception:
            return False
