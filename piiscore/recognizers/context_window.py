"""Context cues that must stand close before a match (required context, birth context).

Presidio's context enhancer only raises a score, and it matches single tokens; some entities
are reported only when a cue such as "kvk" or "paspoort" stands just before them, and some cues
have several words ("kamer van koophandel"). This looks back a few characters on the same line.
"""
from __future__ import annotations

import re

_LINE_BREAK = re.compile(r"[\n\r]")
_SENTENCE_BREAK = re.compile(r"[\n\r]|[!?]\s|\.\s+(?=[A-Z])")


def cue_before(text: str, start: int, cue: re.Pattern[str], window: int = 40,
               same_sentence: bool = False) -> bool:
    """True when `cue` matches in the `window` characters before `start`, on the same line
    (and, with `same_sentence`, in the same sentence)."""
    left = text[max(0, start - window):start]
    breaks = list((_SENTENCE_BREAK if same_sentence else _LINE_BREAK).finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    return cue.search(left) is not None
