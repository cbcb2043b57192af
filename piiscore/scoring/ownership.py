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
_CONTACT_OR_PLACE_TYPES = _CONTACT_TYPES | _PLACE_TYPES
_BUSINESS_TYPES = _CONTACT_OR_PLACE_TYPES | frozenset({"NL_KVK", "IBAN_CODE"})
_NON_DIGITS = re.compile(r"\D+")
_LOOKBACK = 60


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
    if not hostile:
        kvk = any(e.type == "NL_KVK" for e in entities)
        if kvk or _patterns.search("benign_advert", text):
            # a business advertises its own data; a private seller's own data still counts
            # a little
            business = kvk or _patterns.search("business_marker", text)
            seller = BUSINESS if business else OWN
    # "Bel Salon Lisa: 015-..., zeg dat Marieke je stuurt" is the salon's number; in "Tessa
    # Huisman, Jeugdbescherming Flevoland, Botter 12-04" the address follows a person: hers
    org_ends = [] if hostile else [e.end for e in entities if e.type == "ORGANIZATION"]
    first_person = min((e.start for e in entities if e.type == "PERSON"), default=None)
    owners: dict[int, str] = {}
    for i, entity in enumerate(entities):
        kind = entity.type
        if kind == "ORGANIZATION":
            owners[i] = ORGANISATION
        elif kind == "NL_KVK":
            owners[i] = BUSINESS
        elif kind == "PERSON":
            role = roles.get(i)
            owner = _person_owner(text, entity, role)
            # "Bel mr. Hester van Wijk op ..." in a firm's advert: its contact, not a target
            # (a youth-care worker's own side business is still theirs: a role word says so)
            business_contact = seller == BUSINESS and owner == PRIVATE and role is None
            owners[i] = BUSINESS if business_contact else owner
        else:
            owners[i] = _data_owner(text, entity, seller, org_ends, first_person)
    return owners


def _follows_organisation(
    entity: Entity, org_ends: list[int], first_person: int | None
) -> bool:
    """The entity comes right after an organisation's name and after no person's name."""
    return any(0 <= entity.start - end <= 40 for end in org_ends) and not (
        first_person is not None and first_person < entity.start
    )


# after a name, to the end of the post: a kiss or two and nothing but punctuation or emoji
# ("... drop me a line. Fran x"): the author signs
_SIGNED = re.compile(r"\s*[,.!]?\s*x{1,3}o*x*\W*", re.IGNORECASE)
_SIGNED_DASH = re.compile(r"[—–-]\s*$")
_TAIL = re.compile(r"[\W_]*")


def _person_owner(text: str, entity: Entity, role: str | None) -> str:
    start = entity.start
    if _patterns.ends_with_in("self_intro", text, max(0, start - 30), start):
        return OWN
    if _SIGNED.fullmatch(text, entity.end):
        return OWN
    if _SIGNED_DASH.search(text, max(0, start - 4), start) and _TAIL.fullmatch(text, entity.end):
        return OWN  # "... Contact: ines@... — Ines": a name after a dash ends the post
    if role == "public_official" and not _home_nearby(text, entity):
        return PUBLIC_OFFICIAL
    return PRIVATE


def _data_owner(
    text: str, entity: Entity, seller: str | None, org_ends: list[int], first_person: int | None
) -> str:
    kind, start = entity.type, entity.start
    if kind == "PHONE_NUMBER" and _digits(entity.text) in helpline_numbers():
        return HELPLINE
    # the text before the entity: _LOOKBACK characters, or fewer
    lo, near = max(0, start - _LOOKBACK), max(0, start - 35)
    if (
        kind in _CONTACT_TYPES
        and _patterns.search_in("helpline_names", text, near, start)
        and not _patterns.search_in("possessive", text, near, start)
    ):
        return HELPLINE
    home = None  # "home_marker" before the entity, once asked
    if kind in _CONTACT_OR_PLACE_TYPES:
        home = _patterns.search_in("home_marker", text, lo, start)
        if not home:
            if _patterns.search_in("org_address", text, max(0, start - 100), start):
                return ORGANISATION
            if org_ends and _follows_organisation(entity, org_ends, first_person):
                return ORGANISATION
        if _patterns.search_in("own_data", text, lo, start):
            return BUSINESS if _patterns.search_in("business_marker", text, lo, start) else OWN
    if seller and kind in _BUSINESS_TYPES:
        if home is None:
            home = _patterns.search_in("home_marker", text, lo, start)
        if not home:
            return seller
    return PRIVATE


def _home_nearby(text: str, entity: Entity) -> bool:
    return _patterns.search_in(
        "home_marker", text, max(0, entity.start - _LOOKBACK), entity.end + _LOOKBACK
    )
