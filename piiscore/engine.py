"""The detection engine: Presidio's AnalyzerEngine with piiscore's Dutch and English recognizers,
on blank spaCy pipelines, behind a de-obfuscation pass with an offset map back to the input."""
from __future__ import annotations

import logging
import threading

from bisect import bisect_right

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

from .config import Settings, get_settings
from .normalize import normalize
from .overlap import resolve_overlaps
from .recognizers import build_recognizers
from .types import Entity

logger = logging.getLogger(__name__)

LANGUAGES = ("nl", "en")


class UnsupportedLanguageError(ValueError):
    pass


class _BisectContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, finding the token under a match by bisection.

    The stock version walks the spaCy doc from the first token for every result, which made
    context enhancement the largest single cost of a scan; the result is the same token.
    """

    @staticmethod
    def _find_index_of_match_token(word, start, tokens, tokens_indices):
        i = max(bisect_right(tokens_indices, start) - 1, 0)
        if i < len(tokens_indices) and (tokens_indices[i] == start
                                        or start < tokens_indices[i] + len(tokens[i])):
            return i
        if i + 1 < len(tokens_indices):
            return i + 1
        raise ValueError("match is not inside any token")


class PiiEngine:
    """Build once, reuse: every list, pattern and pipeline is loaded in __init__."""

    def __init__(self, settings: Settings | None = None):
        from .nlp import BlankSpacyNlpEngine

        self.settings = settings or get_settings()
        nlp_engine = BlankSpacyNlpEngine(
            models={"nl": self.settings.spacy_model_nl, "en": self.settings.spacy_model_en},
            languages=LANGUAGES,
        )
        nlp_engine.load()
        self.nlp_engine = nlp_engine
        registry = RecognizerRegistry(supported_languages=list(LANGUAGES))
        for lang in LANGUAGES:
            for recognizer in build_recognizers(lang):
                registry.add_recognizer(recognizer)
            if nlp_engine.has_ner(lang):
                from presidio_analyzer.predefined_recognizers import SpacyRecognizer
                registry.add_recognizer(SpacyRecognizer(
                    supported_language=lang, supported_entities=["PERSON", "LOCATION", "ORGANIZATION"]))
        self.analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=list(LANGUAGES),
            default_score_threshold=self.settings.score_threshold,
            context_aware_enhancer=_BisectContextEnhancer(
                context_similarity_factor=0.35, min_score_with_context_similarity=0.4),
        )
        self.entity_types = sorted({e for r in registry.recognizers for e in r.supported_entities})

    def analyze(self, text: str, language: str) -> list[Entity]:
        if language not in LANGUAGES:
            raise UnsupportedLanguageError(f"unsupported language {language!r}; use one of {LANGUAGES}")
        if not text.strip():
            return []
        norm = normalize(text)
        results = self.analyzer.analyze(text=norm.text, language=language)
        candidates = []
        for r in results:
            start, end = norm.to_original(r.start, r.end)
            if end <= start:
                continue
            meta = r.recognition_metadata or {}
            candidates.append(Entity(
                type=r.entity_type,
                start=start,
                end=end,
                score=float(r.score),
                text=text[start:end],
                obfuscated=norm.is_obfuscated(r.start, r.end),
                recognizer=str(meta.get("recognizer_name", "")),
            ))
        return resolve_overlaps(candidates)


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
