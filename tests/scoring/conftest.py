"""Helpers for the scorer tests: entities are built by hand, so no detection is involved."""
from __future__ import annotations

import pytest

from piiscore.types import Entity


def make_entities(text: str, *specs: tuple) -> list[Entity]:
    """``(type, value)`` or ``(type, value, obfuscated)`` -> Entity at the value's first
    occurrence in ``text``."""
    out = []
    for spec in specs:
        kind, value = spec[0], spec[1]
        start = text.index(value)
        obfuscated = bool(spec[2]) if len(spec) > 2 else False
        out.append(Entity(kind, start, start + len(value), 0.9, value, obfuscated))
    return out


@pytest.fixture
def ents():
    return make_entities
