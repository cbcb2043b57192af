"""One span per thing: resolve overlapping candidates, the more specific type winning."""
from __future__ import annotations

from collections.abc import Iterable

from .types import Entity

# Most specific first. A checksum-validated number beats a bare pattern, a street with a number
# beats a place name, a person's name beats a place that shares a word with it.
TYPE_PRIORITY = (
    "NL_BSN",
    "IBAN_CODE",
    "CREDIT_CARD",
    "EMAIL_ADDRESS",
    "URL",
    "IP_ADDRESS",
    "NL_ID_DOCUMENT",
    "PHONE_NUMBER",
    "NL_LICENSE_PLATE",
    "NL_POSTCODE",
    "NL_ADDRESS",
    "DATE_OF_BIRTH",
    "NL_KVK",
    "SOCIAL_HANDLE",
    "ORGANIZATION",
    "PERSON",
    "DATE_TIME",
    "LOCATION",
)
_RANK = {t: i for i, t in enumerate(TYPE_PRIORITY)}


def _key(e: Entity):
    return (_RANK.get(e.type, len(_RANK)), -e.score, -(e.end - e.start), e.start)


def resolve_overlaps(candidates: Iterable[Entity]) -> list[Entity]:
    """Keep the best candidate of each overlapping group; return them sorted by position."""
    kept: list[Entity] = []
    for cand in sorted(candidates, key=_key):
        if cand.end <= cand.start:
            continue
        if any(cand.start < k.end and k.start < cand.end for k in kept):
            continue
        kept.append(cand)
    kept.sort(key=lambda e: (e.start, e.end))
    return kept
