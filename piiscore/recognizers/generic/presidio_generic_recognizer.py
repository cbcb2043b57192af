"""Presidio's language-neutral pattern recognizers, enabled for Dutch as well as English."""
from __future__ import annotations

from presidio_analyzer.predefined_recognizers import CreditCardRecognizer, IpRecognizer


class NlEnIpRecognizer(IpRecognizer):
    LANGUAGES = ("nl", "en")
    CONTEXT = ["ip", "ipv4", "ipv6", "ip-adres", "ipadres", "address"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(supported_language=supported_language, context=self.CONTEXT)


class NlEnCreditCardRecognizer(CreditCardRecognizer):
    LANGUAGES = ("nl", "en")
    CONTEXT = ["creditcard", "credit", "card", "kaart", "visa", "mastercard", "amex", "kaartnummer"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(supported_language=supported_language, context=self.CONTEXT)
