"""Presidio's language-neutral pattern recognizers, enabled for Dutch as well as English."""
from __future__ import annotations

from presidio_analyzer.predefined_recognizers import CreditCardRecognizer, IpRecognizer

from .._prefilter import Prefiltered, prefilter


class NlEnIpRecognizer(Prefiltered, IpRecognizer):
    LANGUAGES = ("nl", "en")
    # an IPv4 address has a digit, a dot and a digit; every IPv6 pattern has two colons with at
    # most four hex digits between them
    PREFILTERS = (prefilter(r"\.(?<=[0-9]\.)(?=[0-9])|:(?=[0-9A-Fa-f]{0,4}:)"),)
    CONTEXT = ["ip", "ipv4", "ipv6", "ip-adres", "ipadres", "address"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(supported_language=supported_language, context=self.CONTEXT)


class NlEnCreditCardRecognizer(Prefiltered, CreditCardRecognizer):
    LANGUAGES = ("nl", "en")
    PREFILTERS = (prefilter(r"\d{4}[- ]?\d{3,4}[- ]?\d{3,4}[- ]?\d{3,5}"),)   # the pattern, bare
    CONTEXT = ["creditcard", "credit", "card", "kaart", "visa", "mastercard", "amex", "kaartnummer"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(supported_language=supported_language, context=self.CONTEXT)
