"""Presidio NLP engine on a blank spaCy pipeline (tokenizer only), or a user's model by config.

No model is downloaded, ever: Presidio's SpacyNlpEngine.load() calls spacy.cli.download() for a
missing model, so this engine loads pipelines itself.
"""
from __future__ import annotations

import logging

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine

logger = logging.getLogger(__name__)


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
        self.nlp = {}
        for lang in self._languages:
            name = self._models.get(lang)
            if name:
                # A user's own pipeline: a package name or a folder. Never downloaded.
                self.nlp[lang] = spacy.load(name)
            else:
                self.nlp[lang] = spacy.blank(lang)

    def has_ner(self, language: str) -> bool:
        return "ner" in self.nlp[language].pipe_names

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
