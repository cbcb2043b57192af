"""Lookup lists are data: piiscore/data/lists/<name>/items.txt, one item a line, '#' comments.

An optional exceptions.txt in the same folder removes items. Loaded once and cached.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _read_lines(name: str, filename: str) -> list[str]:
    ref = resources.files("piiscore.data.lists").joinpath(name, filename)
    if not ref.is_file():
        return []
    out = []
    for line in ref.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@lru_cache(maxsize=None)
def load_raw_list(name: str) -> tuple[str, ...]:
    """Items as written (case kept), exceptions removed. Raises FileNotFoundError if absent."""
    items = _read_lines(name, "items.txt")
    if not items and not resources.files("piiscore.data.lists").joinpath(name, "items.txt").is_file():
        raise FileNotFoundError(f"no list named {name!r}")
    exceptions = {e.lower() for e in _read_lines(name, "exceptions.txt")}
    return tuple(i for i in items if i.lower() not in exceptions)


@lru_cache(maxsize=None)
def load_list(name: str) -> frozenset[str]:
    """Lower-cased items of a list."""
    return frozenset(i.lower() for i in load_raw_list(name))
