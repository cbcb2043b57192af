"""The detection engine: piiscore's Presidio recognizers for Dutch and English, run behind a
de-obfuscation pass whose offset map points every span back into the text as received.

Why not `AnalyzerEngine.analyze()`: measured on the development set, Presidio's engine spent
more time around the recognizers than in them: a spaCy tokenisation of every post, the
NlpArtifacts keyword lists, and a context enhancer that walks the token list once per result.
None of piiscore's recognizers reads the spaCy doc. So the engine calls the recognizers
(Presidio `EntityRecognizer`s, held in a Presidio `RecognizerRegistry`) itself and applies
Presidio's context rule (a context word in the five content words before a match raises its
score by 0.35, to at least 0.4) on a cheap word split, with the stop words of the blank spaCy
pipeline's language data. When the user configures a real spaCy model, its pipeline runs and
Presidio's SpacyRecognizer adds the model's PERSON / LOCATION / ORGANIZATION spans; without one,
the blank pipelines are built only if something asks the NLP engine for them.
"""
from __future__ import annotations

import logging
import re
import threading
from bisect import bisect_left

from presidio_analyzer import RecognizerRegistry, RecognizerResult

from .config import Settings, get_settings
from .normalize import normalize
from .overlap import resolve_overlaps
from .recognizers import build_recognizers
from .types import Entity

logger = logging.getLogger(__name__)

LANGUAGES = ("nl", "en")

# Presidio's LemmaContextAwareEnhancer defaults
CONTEXT_PREFIX_WORDS = 5
CONTEXT_SIMILARITY_FACTOR = 0.35
MIN_SCORE_WITH_CONTEXT = 0.4

_WORD = re.compile(r"\w+(?:['’]\w+)?")


class UnsupportedLanguageError(ValueError):
    pass


class _ContextWords:
    """Lower-cased content words of a text with their start offsets, made on first use."""

    __slots__ = ("text", "stop_words", "_starts", "_words")

    def __init__(self, text: str, stop_words: frozenset[str]):
        self.text = text
        self.stop_words = stop_words
        self._starts: list[int] | None = None
        self._words: list[str] = []

    def before(self, offset: int, count: int) -> list[str]:
        if self._starts is None:
            self._starts, self._words = [], []
            for m in _WORD.finditer(self.text):
                word = m.group(0).lower()
                if word not in self.stop_words:
                    self._starts.append(m.start())
                    self._words.append(word)
        i = bisect_left(self._starts, offset)
        return self._words[max(0, i - count):i]


class PiiEngine:
    """Build once, reuse: every list, pattern and configured model is loaded in __init__
    (blank spaCy pipelines only if something asks the NLP engine for one)."""

    def __init__(self, settings: Settings | None = None):
        from .nlp import BlankSpacyNlpEngine

        self.settings = settings or get_settings()
        self.nlp_engine = BlankSpacyNlpEngine(
            models={"nl": self.settings.spacy_model_nl, "en": self.settings.spacy_model_en},
            languages=LANGUAGES,
        )
        self.nlp_engine.load()
        self.registry = RecognizerRegistry(supported_languages=list(LANGUAGES))
        for lang in LANGUAGES:
            for recognizer in build_recognizers(lang):
                self.registry.add_recognizer(recognizer)
            if self.nlp_engine.has_ner(lang):
                from presidio_analyzer.predefined_recognizers import SpacyRecognizer

                self.registry.add_recognizer(SpacyRecognizer(
                    supported_language=lang,
                    supported_entities=["PERSON", "LOCATION", "ORGANIZATION"]))
        self._recognizers = {
            lang: [(r, tuple(w.lower() for w in (r.context or ())))
                   for r in self.registry.get_recognizers(lang, all_fields=True)]
            for lang in LANGUAGES
        }
        self._stop_words = {lang: self.nlp_engine.stop_words(lang) for lang in LANGUAGES}
        self.entity_types = sorted({e for r in self.registry.recognizers for e in r.supported_entities})

    def analyze(self, text: str, language: str) -> list[Entity]:
        if language not in LANGUAGES:
            raise UnsupportedLanguageError(f"unsupported language {language!r}; use one of {LANGUAGES}")
        if not text.strip():
            return []
        norm = normalize(text)
        candidates = []
        for r, rec_name in self._recognize(norm.text, language):
            start, end = norm.to_original(r.start, r.end)
            if end <= start:
                continue
            candidates.append(Entity(
                type=r.entity_type,
                start=start,
                end=end,
                score=float(r.score),
                text=text[start:end],
                obfuscated=norm.is_obfuscated(r.start, r.end),
                recognizer=rec_name,
            ))
        return resolve_overlaps(candidates)

    def _recognize(self, text: str, language: str) -> list[tuple[RecognizerResult, str]]:
        artifacts = None
        if self.nlp_engine.has_ner(language):
            artifacts = self.nlp_engine.process_text(text, language)
        words = _ContextWords(text, self._stop_words[language])
        threshold = self.settings.score_threshold
        out = []
        for recognizer, context in self._recognizers[language]:
            for r in recognizer.analyze(text, recognizer.supported_entities, artifacts) or ():
                if context and not (r.recognition_metadata or {}).get(
                        RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                    before = words.before(r.start, CONTEXT_PREFIX_WORDS)
                    if any(c in w for c in context for w in before):
                        r.score = min(max(r.score + CONTEXT_SIMILARITY_FACTOR, MIN_SCORE_WITH_CONTEXT), 1.0)
                if r.score >= threshold:
                    out.append((r, recognizer.name))
        return out


_engine: PiiEngine | None = None
_engine_lock = threading.Lock()


def get_engine() -> PiiEngine:
    """The process-wide engine, built on first use."""
    global _engine
    if _engine is None:
        with _engine_lock:
            if _engine is None:
                _engine = PiiEngine()
    return _engine
