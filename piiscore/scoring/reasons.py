"""Reason messages in Dutch and English, keyed by stable codes (``data/reasons.json``)."""
from __future__ import annotations

import functools
import json
from importlib import resources

from piiscore.types import Reason

LANGUAGES = ("nl", "en")


@functools.cache
def _catalogue() -> dict:
    raw = resources.files("piiscore.scoring.data").joinpath("reasons.json").read_text("utf-8")
    return json.loads(raw)


def _language(language: str | None) -> str:
    return language if language in LANGUAGES else "en"


@functools.cache  # a Reason is immutable: one object per code and language
def reason(code: str, language: str | None) -> Reason:
    """The reason for a fixed ``code``."""
    return Reason(code, _catalogue()["codes"][code][_language(language)])


@functools.cache
def kind_reason(template: str, kind: str, language: str | None) -> Reason:
    """``name_with_<kind>`` or ``data_<kind>``: a kind of data, never its value."""
    lang = _language(language)
    catalogue = _catalogue()
    message = catalogue["templates"][template][lang].format(kind=catalogue["kinds"][kind][lang])
    return Reason(f"{template}_{kind}", message)


def all_codes() -> tuple[str, ...]:
    """Every code the scorer can emit (for tests and documentation)."""
    catalogue = _catalogue()
    kinds = tuple(catalogue["kinds"])
    templated = tuple(f"{t}_{k}" for t in catalogue["templates"] for k in kinds)
    return tuple(catalogue["codes"]) + templated
