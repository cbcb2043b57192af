"""Whose data: tell a private person's data from data that is public or the author's own.

An organisation's office address, a helpline number, a business's own contact data in an
advert, the author's own number ("bel mij op ...") and a public official named in their role
are not a private person's exposure; the scorer weighs them much less.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from piiscore.scoring import _patterns
from piiscore.types import Entity

PRIVATE = "private"
OWN = "own"
ORGANISATION = "organisation"
HELPLINE = "helpline"
BUSINESS = "business"
PUBLIC_OFFICIAL = "public_official"

_CONTACT_TYPES = frozenset({"PHONE_NUMBER", "EMAIL_ADDRESS", "URL", "SOCIAL_HANDLE"})
_PLACE_TYPES = frozenset({"NL_ADDRESS", "NL_POSTCODE", "LOCATION"})
_BUSINESS_TYPES = _CONTACT_TYPES | _PLACE_TYPES | frozenset({"NL_KVK", "IBAN_CODE"})
_NON_DIGITS = re.compile(r"\D+")
_LOOKBACK = 60


def _before(text: str, start: int, width: int = _LOOKBACK) -> str:
    return text[max(0, start - width) : start]


@functools.cache
def helpline_numbers() -> frozenset[str]:
    return frozenset(_patterns.load_lines("helpline_numbers"))


def _digits(value: str) -> str:
    digits = _NON_DIGITS.sub("", value)
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def classify(
    text: str,
    entities: Sequence[Entity],
    *,
    hostile: bool,
    roles: dict[int, str | None],
) -> dict[int, str]:
    """Owner class per entity index: private, own, organisation, helpline, business or
    public_official. ``roles`` maps a PERSON entity's index to the role word near it.
    """
    seller = None
    if not hostile and (
        _patterns.search("benign_advert", text) or any(e.type == "NL_KVK" for e in entities)
    ):
        # a business advertises its own data; a private seller's own data still counts a little
        business = _patterns.search("business_marker", text) or any(
            e.type == "NL_KVK" for e in entities
        )
        seller = BUSINESS if business else OWN
    # "Bel Salon Lisa: 015-..., zeg dat Marieke je stuurt" is the salon's number; in "Tessa
    # Huisman, Jeugdbescherming Flevoland, Botter 12-04" the address follows a person: hers
    org_ends = [] if hostile else [e.end for e in entities if e.type == "ORGANIZATION"]
    person_starts = [e.start for e in entities if e.type == "PERSON"]
    owners: dict[int, str] = {}
    for i, entity in enumerate(entities):
        after_org = org_ends and _follows_organisation(text, entity, org_ends, person_starts)
        owners[i] = _owner(text, entity, seller, after_org, roles.get(i))
    return owners


def _follows_organisation(
    text: str, entity: Entity, org_ends: list[int], person_starts: list[int]
) -> bool:
    """The entity comes right after an organisation's name and after no person's name."""
    return any(0 <= entity.start - end <= 40 for end in org_ends) and not any(
        start < entity.start for start in person_starts
    )


def _owner(
    text: str, entity: Entity, seller: str | None, after_org: bool, role: str | None
) -> str:
    before = _before(text, entity.start)
    if entity.type == "ORGANIZATION" or entity.type == "NL_KVK":
        return BUSINESS if entity.type == "NL_KVK" else ORGANISATION
    if entity.type == "PERSON":
        if _patterns.ends_with("self_intro", _before(text, entity.start, 30)):
            return OWN
        if role == "public_official" and not _home_nearby(text, entity):
            return PUBLIC_OFFICIAL
        return PRIVATE
    if entity.type == "PHONE_NUMBER" and _digits(entity.text) in helpline_numbers():
        return HELPLINE
    near = _before(text, entity.start, 35)
    if (
        entity.type in _CONTACT_TYPES
        and _patterns.search("helpline_names", near)
        and not _patterns.search("possessive", near)
    ):
        return HELPLINE
    if entity.type in _PLACE_TYPES | _CONTACT_TYPES and not _patterns.search("home_marker", before):
        if _patterns.search("org_address", _before(text, entity.start, 100)):
            return ORGANISATION
        if after_org:
            return ORGANISATION
    if entity.type in _CONTACT_TYPES | _PLACE_TYPES and _patterns.search("own_data", before):
        return BUSINESS if _patterns.search("business_marker", before) else OWN
    if seller and entity.type in _BUSINESS_TYPES and not _patterns.search("home_marker", before):
        return seller
    return PRIVATE


def _home_nearby(text: str, entity: Entity) -> bool:
    window = text[max(0, entity.start - _LOOKBACK) : entity.end + _LOOKBACK]
    return _patterns.search("home_marker", window)
