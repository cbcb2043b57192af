"""E-mail addresses, offline.

Presidio's EmailRecognizer validates the domain with module-level `tldextract.extract()`, which
downloads the Public Suffix List on first use (and hangs offline). This subclass validates against
the snapshot that ships inside tldextract and never touches the network.
"""
from __future__ import annotations

from functools import lru_cache

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from .._prefilter import Prefiltered, prefilter


@lru_cache(maxsize=1)
def offline_tld_extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class OfflineEmailRecognizer(Prefiltered, EmailRecognizer):
    LANGUAGES = ("nl", "en")
    PREFILTERS = (prefilter("@"),)   # the pattern's [@]
    CONTEXT = ["email", "e-mail", "mail", "mailen", "mailadres", "emailadres", "inbox"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(supported_language=supported_language, context=self.CONTEXT)

    def validate_result(self, pattern_text: str):
        result = offline_tld_extractor()(pattern_text.rsplit("@", 1)[-1])
        return bool(result.domain and result.suffix)
