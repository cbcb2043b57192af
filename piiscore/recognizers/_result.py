"""One way to build a RecognizerResult for piiscore's own EntityRecognizers (not a recognizer
module: discovery skips it). Presidio's context enhancer expects the explanation and both
metadata keys; every code recognizer used to build them itself."""
from __future__ import annotations

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult


def make_result(recognizer: EntityRecognizer, entity: str, start: int, end: int, score: float,
                why: str) -> RecognizerResult:
    return RecognizerResult(
        entity_type=entity, start=start, end=end, score=score,
        analysis_explanation=AnalysisExplanation(
            recognizer=recognizer.name, original_score=score, textual_explanation=why),
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                              RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id})
