"""Linkage: which kinds of data a post ties to a person.

Entity types map to data kinds. Text signals add kinds no recognizer finds: a daily routine
("staat elke ochtend om 8 uur op het parkeerterrein"), a child's school, a place of residence
("woont in Gouda"); the scorer adds an online account (handle, profile link) of a named person.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from piiscore.scoring import _patterns
from piiscore.types import Entity

# Data kinds that locate or contact a person, or prove who they are (DESIGN "high").
KIND_OF_TYPE = {
    "NL_ADDRESS": "address",
    "NL_POSTCODE": "address",
    "NL_LICENSE_PLATE": "plate",
    "IP_ADDRESS": "ip",
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "NL_BSN": "identity_number",
    "IBAN_CODE": "identity_number",
    "NL_ID_DOCUMENT": "identity_number",
    "CREDIT_CARD": "identity_number",
    "DATE_OF_BIRTH": "birth_date",
}
ONLINE_TYPES = frozenset({"SOCIAL_HANDLE", "URL"})

# Weight of each kind in the value (not the level).
KIND_WEIGHT = {
    "address": 3.0,
    "routine": 3.0,
    "child_school": 3.0,
    "phone": 2.5,
    "email": 2.0,
    "plate": 2.0,
    "ip": 1.5,
    "identity_number": 2.5,
    "birth_date": 1.5,
    "residence": 1.5,
    "online_account": 1.5,
}
_HOME_LOOKBACK = 40


def text_kinds(contexts: set[str]) -> set[str]:
    """Kinds found by text signals (the ``routine`` and ``child_school`` lists)."""
    return contexts & {"routine", "child_school"}


def residence_kinds(text: str, private: Iterable[Entity]) -> set[str]:
    """A place given as where someone lives ("woont in Gouda", "lives in Croydon")."""
    for e in private:
        if e.type == "LOCATION" and _patterns.search_in(
            "home_marker", text, max(0, e.start - _HOME_LOOKBACK), e.start
        ):
            return {"residence"}
    return set()


def entity_kinds(types: Iterable[str]) -> set[str]:
    return {KIND_OF_TYPE[t] for t in types if t in KIND_OF_TYPE}


_EMPLOYER_GAP = re.compile(r"[\s,;:()\-–]*(?:(?:van|bij|voor|from|at|of|with)\b[\s,]*(?:de|het|the)?\s*)?")


def names_employer(
    text: str, contexts: set[str], names: Sequence[Entity], organisations: Sequence[Entity]
) -> bool:
    """The post ties a name to an employer: an employment phrase ("werkt bij"), or an
    organisation right after a name ("Sanne Bakker van Jeugdbescherming Utrecht",
    "Tessa Huisman, Jeugdbescherming Flevoland")."""
    if "employer" in contexts:
        return True
    for name in names:
        for org in organisations:
            gap = text[name.end : org.start]
            if 0 <= org.start - name.end <= 50 and _EMPLOYER_GAP.fullmatch(gap):
                return True
    return False
