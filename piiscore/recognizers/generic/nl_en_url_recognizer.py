"""URL: links, profile links included.

(Named NlEn... because Presidio looks recognizers up by class name: a class called
UrlRecognizer would replace Presidio's own in every AnalyzerEngine of the process.)

Presidio's UrlRecognizer carries a regex of every top-level domain and was the slowest single
recognizer on social-media posts; it also kept sentence-final full stops in the span and matched
pieces of e-mail addresses. This one knows schemes, "www." and bare domains under the
top-level domains that occur in Dutch and Flemish posts, and trims trailing punctuation.

Examples (fictitious): "https://x.com/sanne_b/status/1", "www.voorbeeld.nl/pagina",
"instagram.com/sanne_b", "facebook.com/profile.php?id=1000".
"""
from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer

from .._result import make_result

_TLDS = (
    "nl|be|com|org|net|eu|de|fr|uk|co\\.uk|org\\.uk|io|me|tv|app|info|ly|gl|gg|to|biz|online|site|"
    "social|nu|link|page|xyz|us|ca|es|it|pl|tr|ma|sr|cw|aw|sx|id|ch|at|dk|se|no|fi|ie|pt|ru|ua|"
    "cc|ai|dev|news|blog|shop|store|email|live|video|art|gov|edu|int"
)
_URL = re.compile(
    r"(?:(?:https?|ftp)://|\bwww\.)[^\s<>\"'`]+"
    r"|(?<![@\w.\-/])(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+(?:" + _TLDS + r")"
    r"(?![\w\-@])(?:[/?#][^\s<>\"'`]*)?",
    re.IGNORECASE,
)
# Every match holds a scheme, "www." or a dot and a top-level domain: without one of them the
# text is skipped before _URL tries its domain labels at every position.
_MAYBE_URL = re.compile(r"://|www\.|\.(?:" + _TLDS + r")(?![\w\-@])", re.IGNORECASE)
_TRAILING = ".,;:!?'\"”’»"
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def _trim(url: str) -> str:
    while url:
        last = url[-1]
        if last in _TRAILING:
            url = url[:-1]
        elif last in _CLOSERS and url.count(_CLOSERS[last]) < url.count(last):
            url = url[:-1]
        else:
            break
    return url


class NlEnUrlRecognizer(EntityRecognizer):
    LANGUAGES = ("nl", "en")
    CONTEXT = ["url", "link", "website", "site", "profiel", "profile", "account", "pagina"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(supported_entities=["URL"], supported_language=supported_language,
                         name="NlEnUrlRecognizer", context=self.CONTEXT)

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        if "." not in text or not _MAYBE_URL.search(text):
            return []
        results = []
        for m in _URL.finditer(text):
            url = _trim(m.group(0))
            if "." not in url.split("//", 1)[-1]:
                continue
            explicit = url[:4].lower() in ("http", "www.", "ftp:")
            score = 0.85 if explicit else 0.6
            results.append(make_result(self, "URL", m.start(), m.start() + len(url), score,
                                       "scheme or www" if explicit else "domain name"))
        return results
