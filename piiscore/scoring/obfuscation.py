"""Obfuscation: a value found only after de-obfuscation shows intent to evade moderation."""
from __future__ import annotations

from collections.abc import Iterable

from piiscore.types import Entity


def obfuscated_types(entities: Iterable[Entity]) -> set[str]:
    return {e.type for e in entities if e.obfuscated}
