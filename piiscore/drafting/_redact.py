"""Redact an excerpt before it goes into a draft: every detected span becomes <TYPE>."""
from __future__ import annotations

import re
from typing import Iterable

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import RecognizerResult

from piiscore.types import Entity

_ENGINE: AnonymizerEngine | None = None


def redact(text: str, entities: Iterable[Entity]) -> str:
    """Replace each entity span with ``<TYPE>``, then any other copy of a detected value.

    The second pass covers a value the detector found once but that the post repeats elsewhere.
    """
    global _ENGINE
    entities = [e for e in entities if 0 <= e.start < e.end <= len(text)]
    if not entities:
        return text
    if _ENGINE is None:
        _ENGINE = AnonymizerEngine()
    results = [RecognizerResult(e.type, e.start, e.end, float(e.score)) for e in entities]
    redacted = _ENGINE.anonymize(text=text, analyzer_results=results).text
    # Longest values first, so a value that contains another is replaced whole.
    for entity in sorted(entities, key=lambda e: len(e.text), reverse=True):
        value = entity.text.strip()
        if len(value) >= 3:
            redacted = re.sub(re.escape(value), f"<{entity.type}>", redacted, flags=re.IGNORECASE)
    return redacted
