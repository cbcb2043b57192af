"""Target role: who the post is about, from role words and organisations near a name."""
from __future__ import annotations

from collections.abc import Sequence

from piiscore.scoring import _patterns
from piiscore.types import Entity

# Most specific first: on a tie in distance the earlier role wins.
ROLES = ("youth_protection", "police", "teacher", "journalist", "public_official")
PROTECTED_ROLES = frozenset(ROLES)
_WINDOW = 80
_ROLE_LISTS = tuple(f"role_{r}" for r in ("public_official",) + ROLES[:-1])


def role_words(
    text: str, label_spans: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int, str]]:
    """Every role word in (folded) ``text`` as ``(start, end, role)``.

    ``label_spans`` are dehumanising labels ("kinderdief"): each names the youth-protection
    worker it targets. A title that is also a police word ("politiechef") counts as public
    official: that list goes first.
    """
    found = [(start, end, name[5:]) for name, start, end in _patterns.find_all(_ROLE_LISTS, text)]
    found += [(start, end, "youth_protection") for start, end in label_spans]
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
