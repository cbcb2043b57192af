"""The platforms' reporting channels, read from the packaged ``platforms.json``."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

PLATFORM_IDS = ("x", "facebook", "instagram", "tiktok", "youtube", "telegram", "reddit", "linkedin", "other")


@lru_cache(maxsize=1)
def load_platforms() -> dict[str, Any]:
    """The whole data file: ``{"default_max_chars": int, "platforms": {id: {...}}}``."""
    text = resources.files("piiscore.drafting").joinpath("platforms.json").read_text(encoding="utf-8")
    return json.loads(text)


def get_platform(platform_id: str) -> dict[str, Any]:
    """One platform's entry; ``KeyError`` for an id not in ``PLATFORM_IDS``."""
    return load_platforms()["platforms"][platform_id]
