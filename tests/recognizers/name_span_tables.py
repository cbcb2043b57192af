"""Helpers for the name/place/organisation/address test tables: expected spans are written as
the substrings they cover (in order), and turned into offsets here so every case checks them."""
from __future__ import annotations


def offsets(text: str, substrings: list[str]) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for sub in substrings:
        start = text.index(sub, cursor)
        out.append((start, start + len(sub)))
        cursor = start + len(sub)
    return out


def found(results, entity_type: str) -> list[tuple[int, int]]:
    return sorted((r.start, r.end) for r in results if getattr(r, "entity_type", None) == entity_type
                  or getattr(r, "type", None) == entity_type)
