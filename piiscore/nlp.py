"""Presidio NLP engine on a blank spaCy pipeline (tokenizer only), or a user's model by config.

No model is downloaded, ever: Presidio's SpacyNlpEngine.load() calls spacy.cli.download() for a
missing model, so this engine loads pipelines itself.
"""
from __future__ import annotations

import logging

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine

logger = logging.getLogger(__name__)


class _LazyPipelines(dict):
    """{lang: pipeline}; a language without a loaded model gets spacy.blank(lang) on first use."""

    def __init__(self, languages):
        super().__init__()
        self._languages = tuple(languages)

    def __missing__(self, lang: str):
        if lang not in self._languages:
            raise KeyError(lang)
        self[lang] = pipeline = spacy.blank(lang)
        return pipeline

    def __bool__(self) -> bool:  # "loaded", even before the first blank pipeline is built
        return True

    def keys(self):  # Presidio lists the supported languages from the keys
        return list(self._languages)

    def loaded(self) -> tuple[str, ...]:
        return tuple(super().keys())


class BlankSpacyNlpEngine(SpacyNlpEngine):
    """spaCy tokenisation without a statistical model.

    Blank pipelines have no lemmatizer; Presidio's context enhancer matches lemmas, so the
    lower-cased token text stands in for the lemma.
    """

    engine_name = "piiscore_blank_spacy"

    def __init__(self, models: dict[str, str] | None = None, languages=("nl", "en")):
        # models: {lang: spaCy package name or path}; languages without one get spacy.blank(lang).
        self._models = dict(models or {})
        self._languages = tuple(languages)
        super().__init__(
            models=[{"lang_code": lang, "model_name": self._models.get(lang) or f"blank:{lang}"}
                    for lang in self._languages],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping={
                    "PER": "PERSON", "PERSON": "PERSON", "LOC": "LOCATION", "GPE": "LOCATION",
                    "FAC": "LOCATION", "ORG": "ORGANIZATION",
                },
                labels_to_ignore=["O", "MISC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL",
                                  "MONEY", "PERCENT", "QUANTITY", "EVENT", "PRODUCT", "LAW",
                                  "LANGUAGE", "WORK_OF_ART"],
            ),
        )

    def load(self) -> None:
        # A user's own pipeline (a package name or a folder) is loaded now, never downloaded.
        # Blank pipelines are built on first use: the engine needs only their language data
        # (stop words) unless a model runs, and building two tokenizers cost a third of the
        # server's start-up.
        self.nlp = _LazyPipelines(self._languages)
        for lang in self._languages:
            name = self._models.get(lang)
            if name:
                self.nlp[lang] = spacy.load(name)

    def has_ner(self, language: str) -> bool:
        return language in self.nlp.loaded() and "ner" in self.nlp[language].pipe_names

    @staticmethod
    def stop_words(language: str) -> frozenset[str]:
        """The language's stop words from spaCy's language data (no pipeline needed)."""
        return frozenset(spacy.util.get_lang_class(language).Defaults.stop_words)

    def _doc_to_nlp_artifact(self, doc, language: str) -> NlpArtifacts:
        lemmas = [(t.lemma_ or t.text).lower() for t in doc]
        entities, scores = self._get_updated_entities(
            list(self._get_entities(doc)), self._get_scores_for_entities(doc))
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[t.idx for t in doc],
            lemmas=lemmas,
            nlp_engine=self,
            language=language,
            scores=scores,
        )
