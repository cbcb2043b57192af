"""PHONE_NUMBER: telephone numbers, Dutch formats first.

Telefoonnummer ("phone number"). Dutch numbers have a trunk 0 and 9 more digits: mobiles
06-12345678, area codes 010 / 020 (3 digits) or 0111 (4 digits), 085 (VoIP), 088 (companies),
0800 (free) and 0900 (premium, 7 or 10 digits), internationally +31 or 0031 without the 0,
sometimes with "(0)": "+31 (0)6 12345678". Numbers are checked with Google's libphonenumber
(`phonenumbers.PhoneNumberMatcher`, leniency VALID), region NL first, then BE, DE, GB, IE; US
numbers without a country code only in English text (written in their groups, "(405) 555-0191",
also in ranges not in use), Irish and British national numbers too. Reference: ACM "Nummerplan"
(acm.nl), libphonenumber metadata.

Presidio's PhoneRecognizer runs the matcher for eight regions over the whole text, and none of
them is NL. This one first finds digit runs with one cheap regex and runs the matcher only on
those. A national number must start with its trunk 0 (a bare 9-digit run is a BSN or an order
number, not a phone number); dates ("12-11-2024"), times, prices, IBANs and postcodes are not
matched. Short numbers (112, 1400, 102) count only right after "bel", "call" or "tel".

Fictitious examples: 06-12345678, 06 1234 5678, (010) 123 45 67, +31 (0)6 12345678,
0031 6 55 12 98 04, 0800-0432.
"""
from __future__ import annotations

import re

import phonenumbers
from phonenumbers import shortnumberinfo
from presidio_analyzer import EntityRecognizer, RecognizerResult

from .._result import make_result

# digit runs with the separators phone numbers use; at least 7 digits are checked below
# (each pattern opens with a lookahead on its first character: no match changes, but the engine
# skips the positions where none can start)
_CANDIDATE = re.compile(r"(?=[+(\d])(?<![\w+\-/.,])(?:\+|\(\+?)?\d[\d \t.\-/()]{5,24}\d\)?(?![\w]|[.,\-/]\d)")
_DATE = re.compile(r"^(?:\d{1,2}[\-/.]\d{1,2}[\-/.](?:\d{2}|\d{4})|\d{4}-\d{1,2}-\d{1,2})$")
# an IBAN's country, check digits and bank code just before the digits
_IBAN_HEAD = re.compile(r"[A-Za-z]{2}\d{2}\s?[A-Za-z]{4}\s?$")
# short numbers (112, 1400, Awel's 102) count only right after "bel" / "call" / "tel"
_SHORT = re.compile(r"(?=\d)(?<![\w+\-/.,])\d{3,6}(?![\w]|[.,\-/]\d)")
_CALL_CUE = re.compile(
    r"\b(?:bel|bellen|belt|call|tel|telefoon|hulplijn|helpline|phone)\b\.?:?"
    r"(?:\s+\w+)?\s*:?\s*$",
    re.IGNORECASE)
# a North American number written in its groups, with or without the leading 1:
# "(405) 555-0191", "405-555-0191", "1-800-422-4453"
_US_NATIONAL = re.compile(r"^(?:1[ .\-]?)?\(?\d{3}\)?[ .\-]?\d{3}[ .\-]\d{4}$")
# Irish freephone and shared-cost numbers are dialled without the trunk 0: "1800 66 66 66"
_IE_NO_TRUNK = re.compile(r"^1[58][05]0\b")

# Regions whose national (trunk 0) form is accepted; German and other numbers need +49 / 0049.
NATIONAL_REGIONS = {"nl": ("NL", "BE"), "en": ("NL", "BE", "GB", "IE")}
_VALID, _POSSIBLE = phonenumbers.Leniency.VALID, phonenumbers.Leniency.POSSIBLE
# A Dutch mobile in a range libphonenumber calls unassigned (06-9...) is still a mobile number
# to a reader, so 06 + 8 digits is accepted at POSSIBLE after the VALID passes.
_DUTCH_MOBILE = re.compile(r"^6\d{8}$")
# Likewise a UK mobile (07 + 9 digits) in a range libphonenumber does not know, such as the
# 07700 900xxx range set aside for drama; a national UK number only counts in English text.
_UK_MOBILE = re.compile(r"^7\d{9}$")


class PhoneNumberRecognizer(EntityRecognizer):
    """Recognise phone numbers with libphonenumber, Dutch region first."""

    LANGUAGES = ("nl", "en")
    ENTITY = "PHONE_NUMBER"
    SCORE = 0.7
    SHORT_SCORE = 0.5
    PASSES = (("NL", _VALID), ("BE", _VALID), ("DE", _VALID), ("GB", _VALID), ("IE", _VALID),
              ("US", _VALID), ("NL", _POSSIBLE), ("GB", _POSSIBLE), ("US", _POSSIBLE))
    CONTEXT = [
        "tel", "telefoon", "telefoonnummer", "nummer", "nr", "bel", "bellen", "mobiel", "gsm",
        "06", "whatsapp", "app", "sms", "phone", "call", "mobile", "number", "cell",
    ]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language=supported_language,
            context=self.CONTEXT,
        )
        self.allow_us_national = supported_language == "en"
        self.national_regions = NATIONAL_REGIONS.get(supported_language, ("NL",))

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        if entities and self.ENTITY not in entities:
            return []
        results = []
        for cand in _CANDIDATE.finditer(text):
            if sum(c.isdigit() for c in cand.group()) < 7:
                continue
            if _IBAN_HEAD.search(text[max(0, cand.start() - 10):cand.start()]):
                continue
            for start, end in self.numbers_in(cand.group()):
                results.append(self._result(cand.start() + start, cand.start() + end))
        for m in _SHORT.finditer(text):
            cue = _CALL_CUE.search(text[max(0, m.start() - 25):m.start()])
            if cue and self._is_short_number(m.group()):
                results.append(self._result(m.start(), m.end(), self.SHORT_SCORE))
        return results

    @staticmethod
    def _is_short_number(digits: str) -> bool:
        try:
            return any(shortnumberinfo.is_valid_short_number_for_region(
                phonenumbers.parse(digits, region), region) for region in ("NL", "BE"))
        except Exception:
            return False

    def numbers_in(self, chunk: str) -> list[tuple[int, int]]:
        """Spans of phone numbers in a digit run, trailing punctuation excluded."""
        found: list[tuple[int, int]] = []
        # Without "+" or "00" in the run no number can start with them, and then _acceptable()
        # takes a number only in a national region (or US in English): skip the other passes.
        international = "+" in chunk or "00" in chunk
        for region, leniency in self.PASSES:
            if not international and region not in self.national_regions and not (
                    region == "US" and self.allow_us_national):
                continue
            try:
                matches = list(phonenumbers.PhoneNumberMatcher(chunk, region, leniency=leniency))
            except Exception:  # libphonenumber on odd input: never fail a scan
                continue
            for m in matches:
                start, end = m.start, m.end
                if chunk[start] == "(" and ")" not in m.raw_string:
                    start += 1  # "(03 231 45 67)": the matcher keeps the opening bracket only
                if any(start < e and s < end for s, e in found):
                    continue
                if leniency == _POSSIBLE and not (
                        (m.number.country_code == 31
                         and _DUTCH_MOBILE.match(str(m.number.national_number)))
                        or (m.number.country_code == 44
                            and _UK_MOBILE.match(str(m.number.national_number)))
                        # "(555) 014-2287": written as a US number, in a range not in use
                        or (m.number.country_code == 1 and region == "US"
                            and _US_NATIONAL.match(chunk[start:end])
                            and str(m.number.national_number)[0] in "23456789")):
                    continue
                if self._acceptable(chunk[start:end], region):
                    found.append((start, end))
            if found and self._covers_all_digits(chunk, found):
                break  # the usual case: one Dutch number, found in the first pass
        return found

    @staticmethod
    def _covers_all_digits(chunk: str, spans: list[tuple[int, int]]) -> bool:
        return all(any(s <= i < e for s, e in spans) for i, c in enumerate(chunk) if c.isdigit())

    def _acceptable(self, raw: str, region: str) -> bool:
        if _DATE.search(raw):
            return False
        head = raw.lstrip("( ")
        if head.startswith("+") or head.startswith("00"):
            return True
        if head.startswith("0"):
            return region in self.national_regions
        if region == "IE" and region in self.national_regions and _IE_NO_TRUNK.match(head):
            return True
        return region == "US" and self.allow_us_national and bool(_US_NATIONAL.match(raw))

    def _result(self, start: int, end: int, score: float | None = None) -> RecognizerResult:
        score = self.SCORE if score is None else score
        return make_result(self, self.ENTITY, start, end, score, "valid number per libphonenumber")
