"""piiscore: find, score and report personal data exposed in doxing posts (Dutch and English)."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "scan", "get_engine", "detect_language"]


def get_engine():
    from .engine import get_engine as _get_engine

    return _get_engine()


def detect_language(text: str) -> str:
    from .language import detect_language as _detect

    return _detect(text)


_DEFAULT_WATCHLIST = object()


def scan(text: str, language: str | None = None, *, reason_language: str | None = None,
         watchlist=_DEFAULT_WATCHLIST):
    """Detect personal data in `text` and score the doxing risk. Returns a ScanResult.

    language: "nl", "en", or None/"auto" to detect it. The engine is built once per process.
    watchlist: by default the protected-staff watchlist in the data folder (if there is one);
    pass None to scan without it, or a Watchlist of your own.
    """
    from .scoring import score_post
    from .types import ScanResult

    if watchlist is _DEFAULT_WATCHLIST:
        from .watchlist import load_default

        watchlist = load_default()

    if not isinstance(text, str):
        raise TypeError("text must be a str")
    lang = detect_language(text) if language in (None, "", "auto") else language
    entities = get_engine().analyze(text, lang)
    risk = score_post(text, entities, lang, watchlist=watchlist, reason_language=reason_language)
    return ScanResult(text=text, language=lang, entities=tuple(entities), score=risk)
