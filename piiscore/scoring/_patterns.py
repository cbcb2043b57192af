"""Load the scorer's phrase lists (``data/<name>.txt``) and compile them once.

Every list is data: one lower-case regex fragment per line, ``#`` starts a comment line,
``{macro}`` expands to a fragment from ``data/macros.txt``. A list compiles to one alternation
bounded by word edges, cached for the life of the process.

Patterns run on the *folded* text (:func:`fold`): lower-cased, same length, with every detected
name masked. Matching lower-case text without ``re.IGNORECASE`` is several times faster, and
the mask lets a pattern say "a name" (``{name}``) without guessing from capitals.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

_DATA_PACKAGE = "piiscore.scoring.data"
_MACRO_RE = re.compile(r"\{(\w+)\}")
NAME_MASK = "ǂ"  # a letter (so \w matches it) that no Dutch or English text uses
# Leetspeak inside words that mix letters and digits ("w3 w3t3n w44r j3 w00nt"); one
# character for one, so offsets stay put. Pure numbers ("om 8 uur") are left alone.
_LEET = str.maketrans("431057", "aeiost")
_MIXED_WORD = re.compile(r"\b(?=[^\W\d_]*\d)(?=\d*[^\W\d_])\w+\b")


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
        macros[key.strip()] = _expand(value.strip(), macros)  # a macro may use earlier ones
    return macros


def _expand(fragment: str, macros: dict[str, str] | None = None) -> str:
    macros = _macros() if macros is None else macros
    return _MACRO_RE.sub(lambda m: macros.get(m.group(1), m.group(0)), fragment)


def fold(
    text: str, name_spans: Iterable[tuple[int, int]] = (), *, leet: bool = False
) -> str:
    """Lower-case ``text`` keeping every offset, and mask each name span with NAME_MASK.

    ``leet`` also undoes leetspeak inside words; it costs time, so the scorer asks for it only
    when the engine found obfuscated values (a post that hides one value often hides more).
    """
    folded = text.lower()
    if len(folded) != len(text):  # a few characters ("İ") grow when lower-cased
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if leet:
        folded = _MIXED_WORD.sub(lambda m: m.group().translate(_LEET), folded)
    if name_spans:
        chars = list(folded)
        for start, end in name_spans:
            chars[start:end] = NAME_MASK * (end - start)
        folded = "".join(chars)
    return folded


@functools.cache
def pattern(name: str) -> re.Pattern[str]:
    """One compiled regex matching any phrase of the list, between word edges."""
    alternatives = "|".join(f"(?:{_expand(line)})" for line in load_lines(name))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def search(name: str, text: str) -> bool:
    return pattern(name).search(text) is not None


def finditer(name: str, text: str):
    return pattern(name).finditer(text)


@functools.cache
def _tail_pattern(name: str) -> re.Pattern[str]:
    return re.compile(pattern(name).pattern + r"\W*$")


def ends_with(name: str, text: str) -> bool:
    """``text`` ends with a phrase of the list (trailing punctuation and spaces allowed)."""
    return _tail_pattern(name).search(text) is not None
