"""Settings: packaged defaults, then PIISCORE_* environment variables; frozen once read."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "piiscore"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    # Optional spaCy pipelines (a package name or a path). Empty: spacy.blank(lang), no model needed.
    spacy_model_nl: str = ""
    spacy_model_en: str = ""
    # Entities scoring below this are dropped from results.
    score_threshold: float = 0.4
    max_text_chars: int = 100_000


def _coerce(value: str, kind: type):
    if kind is float:
        return float(value)
    if kind is int:
        return int(value)
    if kind is Path:
        return Path(value).expanduser()
    return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    values = {"data_dir": _default_data_dir()}
    for f in fields(Settings):
        env = os.environ.get("PIISCORE_" + f.name.upper())
        if env is not None and env != "":
            kind = {"data_dir": Path, "score_threshold": float, "max_text_chars": int}.get(f.name, str)
            values[f.name] = _coerce(env, kind)
    return Settings(**values)


def reset_settings() -> None:
    """Forget the cached settings (tests that change the environment call this)."""
    get_settings.cache_clear()
