"""Redaction with Presidio's anonymizer: each detected span replaced by <TYPE> by default."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from .types import Entity


@lru_cache(maxsize=1)
def _engine() -> AnonymizerEngine:
    return AnonymizerEngine()


def anonymize(text: str, entities: Iterable[Entity], operators: dict[str, OperatorConfig] | None = None) -> dict:
    """Return {"text": redacted, "items": [{operator, entity_type, start, end, text}]}.

    `items` offsets point into the redacted text, as Presidio's do; `text` of an item is the
    replacement, never the original value.
    """
    results = [RecognizerResult(e.type, e.start, e.end, e.score) for e in entities]
    out = _engine().anonymize(text=text, analyzer_results=results, operators=operators)
    items = sorted(
        ({"operator": i.operator, "entity_type": i.entity_type, "start": i.start, "end": i.end,
          "text": i.text} for i in out.items),
        key=lambda i: i["start"])
    return {"text": out.text, "items": items}
