"""KvK-nummer (Dutch Chamber of Commerce number).

The Kamer van Koophandel gives every registered business a unique 8-digit number (kvk.nl,
"KVK-nummer"); a branch (vestiging) has a 12-digit vestigingsnummer. Neither has a check digit,
so only the length and the digits can be checked, and a number of all zeros is not issued.

>>> compact('KvK 1234 5678')
'12345678'
>>> validate('12345678')
'12345678'
>>> validate('000012345678')
'000012345678'
>>> validate('1234567')
Traceback (most recent call last):
    ...
stdnum.exceptions.InvalidLength: ...
>>> validate('1234567a')
Traceback (most recent call last):
    ...
stdnum.exceptions.InvalidFormat: ...
>>> validate('00000000')
Traceback (most recent call last):
    ...
stdnum.exceptions.InvalidComponent: ...
>>> is_valid('12.34.56.78')
True
>>> is_valid(None)
False
"""
from __future__ import annotations

import re

from stdnum.exceptions import InvalidComponent, InvalidFormat, InvalidLength, ValidationError
from stdnum.util import clean, isdigits


def compact(number: str) -> str:
    """Remove the "KvK" label, spaces, dots and dashes."""
    number = re.sub(r"^\s*k\.?v\.?k\.?(?:-?nummer|-?nr\.?)?\s*:?", "", number, flags=re.IGNORECASE)
    return clean(number, " .-").strip()


def validate(number: str) -> str:
    """Check the length (8, or 12 for a vestigingsnummer) and the digits."""
    number = compact(number)
    if len(number) not in (8, 12):
        raise InvalidLength()
    if not isdigits(number):
        raise InvalidFormat()
    if int(number) == 0:
        raise InvalidComponent()
    return number


def is_valid(number: str) -> bool:
    """Whether the number is a plausible KvK number; never raises."""
    try:
        return bool(validate(number))
    except (ValidationError, ValueError, TypeError, AttributeError):
        return False
