"""Redact an excerpt before it goes into a draft: every detected span becomes <TYPE>."""
from __future__ import annotations

import re
from collections.abc import Iterable

from piiscore.anonymize import anonymize
from piiscore.types import Entity


def redact(text: str, entities: Iterable[Entity]) -> str:
    """Replace each entity span with ``<TYPE>``, then any other copy of a detected value.

    The second pass covers a value the detector found once but that the post repeats elsewhere.
    """
    entities = [e for e in entities if 0 <= e.start < e.end <= len(text)]
    if not entities:
        return text
    redacted = anonymize(text, entities)["text"]
    # Longest values first, so a value that contains another is replaced whole.
    for entity in sorted(entities, key=lambda e: len(e.text), reverse=True):
        value = entity.text.strip()
        if len(value) >= 3:
            redacted = re.sub(re.escape(value), f"<{entity.type}>", redacted, flags=re.IGNORECASE)
    return redacted
