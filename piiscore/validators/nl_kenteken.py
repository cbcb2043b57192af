"""Kenteken (Dutch vehicle registration plate).

A plate is three groups of letters and digits separated by dashes, in one of the 14 side codes
("sidecodes", RDW numbering) set by the Regeling kentekens en kentekenplaten:

 1 XX-99-99   2 99-99-XX   3 99-XX-99   4 XX-99-XX   5 XX-XX-99   6 99-XX-XX   7 99-XXX-9
 8 9-XXX-99   9 XX-999-X  10 X-999-XX  11 XXX-99-X  12 X-99-XXX  13 9-XX-999  14 999-XX-9

Letter groups the RDW never issues: GVD, KKK, KVT, LPF, NSB, PKK, PSV, TBS, SS, SD, and from
side code 11 also PVV, SGP, VVD. From side code 7 on, vowels and C, Q are not used.

>>> compact('gh-482-k')
'GH482K'
>>> sidecode('GH-482-K')
9
>>> sidecode('GH482K')
9
>>> sidecode('G H - 4 8 2 - K')
9
>>> format('85hjnp')
'85-HJ-NP'
>>> validate('4-TGR-21')
'4TGR21'
>>> validate('12-34-56')
Traceback (most recent call last):
    ...
stdnum.exceptions.InvalidFormat: ...
>>> validate('SS-12-34')
Traceback (most recent call last):
    ...
stdnum.exceptions.InvalidComponent: ...
>>> validate('AB-123-E')
Traceback (most recent call last):
    ...
stdnum.exceptions.InvalidComponent: ...
>>> validate('GH-48-2K')
Traceback (most recent call last):
    ...
stdnum.exceptions.InvalidFormat: ...
>>> is_valid('XX-99-99-99')
False
"""
from __future__ import annotations

import re

from stdnum.exceptions import InvalidComponent, InvalidFormat, InvalidLength, ValidationError
from stdnum.util import clean

# side code number -> group shapes (L = letter, D = digit)
SIDECODES = {
    1: ("LL", "DD", "DD"), 2: ("DD", "DD", "LL"), 3: ("DD", "LL", "DD"), 4: ("LL", "DD", "LL"),
    5: ("LL", "LL", "DD"), 6: ("DD", "LL", "LL"), 7: ("DD", "LLL", "D"), 8: ("D", "LLL", "DD"),
    9: ("LL", "DDD", "L"), 10: ("L", "DDD", "LL"), 11: ("LLL", "DD", "L"), 12: ("L", "DD", "LLL"),
    13: ("D", "LL", "DDD"), 14: ("DDD", "LL", "D"),
}
BANNED = ("GVD", "KKK", "KVT", "LPF", "NSB", "PKK", "PSV", "TBS", "SS", "SD")
BANNED_FROM_11 = ("PVV", "SGP", "VVD")
_NOT_FROM_7 = re.compile(r"[AEIOUCQ]")


def compact(number: str) -> str:
    """Remove dashes and spaces and upper-case the plate."""
    return clean(number, " -").strip().upper()


def _groups(number: str):
    """Split into groups: by the dashes when given, else by letter/digit runs."""
    parts = [p.replace(" ", "") for p in re.split(r"\s*-\s*", number.strip().upper()) if p]
    if len(parts) == 3:
        return parts
    runs = re.findall(r"[A-Z]+|\d+", compact(number))
    if len(runs) == 3:
        return runs
    # two runs: a side code 1-6 written without dashes ("AB1234" -> AB-12-34)
    flat = compact(number)
    if len(flat) == 6:
        return [flat[0:2], flat[2:4], flat[4:6]]
    return parts


def sidecode(number: str) -> int | None:
    """The side code (1-14) of the plate's shape, or None."""
    flat = compact(number)
    if len(flat) != 6 or not flat.isalnum() or not flat.isascii():
        return None
    groups = _groups(number)
    shape = "-".join("L" * len(g) if g.isalpha() else "D" * len(g) if g.isdigit() else "?"
                     for g in groups)
    for code, sc in SIDECODES.items():
        if "-".join(sc) == shape:
            return code
    return None


def validate(number: str) -> str:
    """Check the side code and the letter groups; return the compact plate."""
    flat = compact(number)
    if len(flat) != 6:
        raise InvalidLength()
    code = sidecode(number)
    if code is None:
        raise InvalidFormat()
    letters = [g for g in _groups(number) if g.isalpha()]
    banned = BANNED + (BANNED_FROM_11 if code >= 11 else ())
    if any(b in g for g in letters for b in banned):
        raise InvalidComponent()
    if code >= 7 and any(_NOT_FROM_7.search(g) for g in letters):
        raise InvalidComponent()
    return flat


def is_valid(number: str) -> bool:
    """Whether the plate is valid; never raises."""
    try:
        return bool(validate(number))
    except (ValidationError, ValueError, TypeError, AttributeError):
        return False


def format(number: str) -> str:  # noqa: A001 - stdnum's name
    """Write the plate with dashes in its side code's groups."""
    return "-".join(_groups(number))
