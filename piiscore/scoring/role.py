"""Target role: who the post is about, from role words and organisations near a name."""
from __future__ import annotations

from collections.abc import Sequence

from piiscore.scoring import _patterns
from piiscore.types import Entity

# Most specific first: on a tie in distance the earlier role wins.
ROLES = ("youth_protection", "police", "teacher", "journalist", "public_official")
PROTECTED_ROLES = frozenset(ROLES)
_WINDOW = 80


def role_words(text: str) -> list[tuple[int, int, str]]:
    """Every role word in ``text`` as ``(start, end, role)``."""
    found = []
    for role in ROLES:
        for m in _patterns.finditer(f"role_{role}", text):
            found.append((m.start(), m.end(), role))
    # a dehumanising label ("kinderdief") names the youth-protection worker it targets
    for m in _patterns.finditer("label", text):
        found.append((m.start(), m.end(), "youth_protection"))
    return found


def role_near(
    span: tuple[int, int], words: Sequence[tuple[int, int, str]], *, window: int = _WINDOW
) -> str | None:
    """The role word closest to ``span`` within the window, if any."""
    best: tuple[int, int] | None = None
    role = None
    for start, end, word_role in words:
        if end <= span[0]:
            distance = span[0] - end
        elif start >= span[1]:
            distance = start - span[1]
        else:
            distance = 0
        if distance > window:
            continue
        key = (distance, ROLES.index(word_role))
        if best is None or key < best:
            best, role = key, word_role
    return role


def target_role(
    text: str,
    persons: Sequence[Entity],
    words: Sequence[tuple[int, int, str]],
    *,
    has_target: bool,
) -> str:
    """The role of the person the post targets.

    ``persons`` are the names that count as targets; ``has_target`` says whether the post
    exposes or attacks anyone at all (a name, private data, or hostile intent).
    """
    roles = [r for r in (role_near((p.start, p.end), words) for p in persons) if r]
    if roles:
        return min(roles, key=ROLES.index)
    if not has_target:
        return "none"
    if words:
        return min((w[2] for w in words), key=ROLES.index)
    return "private_person"
