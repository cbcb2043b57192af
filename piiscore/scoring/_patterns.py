"""Load the scorer's phrase lists (``data/<name>.txt``) and compile them once.

Every list is data: one regex fragment per line, ``#`` starts a comment line, ``{macro}``
expands to a fragment from ``data/macros.txt``. A list compiles to one case-insensitive
alternation bounded by word edges, cached for the life of the process.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

_DATA_PACKAGE = "piiscore.scoring.data"
_MACRO_RE = re.compile(r"\{(\w+)\}")


@functools.cache
def load_lines(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of ``data/<name>.txt``."""
    raw = resources.files(_DATA_PACKAGE).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in raw.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@functools.cache
def _macros() -> dict[str, str]:
    macros: dict[str, str] = {}
    for line in load_lines("macros"):
        key, _, value = line.partition("=")
        macros[key.strip()] = value.strip()
    return macros


def _expand(fragment: str) -> str:
    macros = _macros()
    return _MACRO_RE.sub(lambda m: macros[m.group(1)] if m.group(1) in macros else m.group(0), fragment)


@functools.cache
def pattern(name: str) -> re.Pattern[str]:
    """One compiled regex matching any phrase of the list, between word edges."""
    alternatives = "|".join(f"(?:{_expand(line)})" for line in load_lines(name))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def search(name: str, text: str) -> bool:
    return pattern(name).search(text) is not None


def finditer(name: str, text: str):
    return pattern(name).finditer(text)


@functools.cache
def _tail_pattern(name: str) -> re.Pattern[str]:
    return re.compile(pattern(name).pattern + r"\W*$", re.IGNORECASE)


def ends_with(name: str, text: str) -> bool:
    """``text`` ends with a phrase of the list (trailing punctuation and spaces allowed)."""
    return _tail_pattern(name).search(text) is not None
