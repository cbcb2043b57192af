"""Reading and checking JSON request bodies, with messages that say what to send instead."""
from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from typing import Any

from flask import current_app, request

from server.errors import ApiError

LANGUAGES = ("nl", "en")
PLATFORMS = ("x", "facebook", "instagram", "tiktok", "youtube", "telegram", "reddit",
             "linkedin", "other")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_MISSING = object()


def json_body(kind: type = dict) -> Any:
    """The request's JSON body, parsed here so parser messages (which quote input) stay private."""
    raw = request.get_data(cache=True)
    if not raw.strip():
        raise ApiError(400, "The request body is empty; send a JSON object.")
    try:
        body = json.loads(raw)
    except UnicodeDecodeError:
        raise ApiError(400, "The request body is not valid UTF-8.") from None
    except RecursionError:
        raise ApiError(400, "The JSON body is nested too deeply.") from None
    except ValueError:
        raise ApiError(400, "The request body is not valid JSON.") from None
    if not isinstance(body, kind):
        noun = "an object" if kind is dict else "an array" if kind is list else kind.__name__
        raise ApiError(400, f"The JSON body must be {noun}.")
    return body


def clean_text(text: str) -> str:
    """Replace lone UTF-16 surrogates (a JS selection cut mid-emoji) with U+FFFD.

    One code point becomes one code point, so every offset stays valid in both counts.
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


def get_text(body: dict, field: str = "text", *, allow_empty: bool = False) -> str:
    value = body.get(field, _MISSING)
    if value is _MISSING or value is None:
        raise ApiError(400, f"'{field}' is required: the post's text as a string.")
    if not isinstance(value, str):
        raise ApiError(400, f"'{field}' must be a string.")
    if not allow_empty and not value.strip():
        raise ApiError(400, f"'{field}' is empty.")
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(value) > limit:
        raise ApiError(413, f"'{field}' is longer than {limit} characters.")
    return clean_text(value)


def get_optional_str(body: dict, field: str, *, max_chars: int = 2048) -> str | None:
    value = body.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ApiError(400, f"'{field}' must be a string.")
    if len(value) > max_chars:
        raise ApiError(400, f"'{field}' is longer than {max_chars} characters.")
    return clean_text(value)


def get_choice(body: dict, field: str, choices, *, default=None, required: bool = False):
    value = body.get(field)
    if value is None:
        if required:
            raise ApiError(400, f"'{field}' is required: one of {', '.join(choices)}.")
        return default
    if not isinstance(value, str) or value not in choices:
        raise ApiError(400, f"'{field}' must be one of {', '.join(choices)}.")
    return value


def get_language(body: dict, field: str = "language", *, allow_auto: bool = True,
                 required: bool = False) -> str | None:
    """``nl``/``en`` (or None for auto-detection when ``allow_auto``)."""
    choices = LANGUAGES + (("auto",) if allow_auto else ())
    value = get_choice(body, field, choices, required=required)
    return None if value == "auto" else value


def get_number(body: dict, field: str, *, minimum: float, maximum: float,
               default: float | None = None) -> float | None:
    value = body.get(field)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ApiError(400, f"'{field}' must be a number.")
    if not minimum <= value <= maximum:
        raise ApiError(400, f"'{field}' must be between {minimum} and {maximum}.")
    return float(value)


def get_bool(body: dict, field: str, default: bool = False) -> bool:
    value = body.get(field)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise ApiError(400, f"'{field}' must be true or false.")
    return value


def get_str_list(body: dict, field: str, *, max_items: int = 1000, max_chars: int = 200) -> list[str] | None:
    value = body.get(field)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApiError(400, f"'{field}' must be a list of strings.")
    if len(value) > max_items:
        raise ApiError(400, f"'{field}' holds more than {max_items} items.")
    if any(len(v) > max_chars for v in value):
        raise ApiError(400, f"An item of '{field}' is longer than {max_chars} characters.")
    return value


def utf16_offsets(text: str, offsets) -> dict[int, int]:
    """Map code-point offsets to UTF-16 offsets: each astral character before one adds a unit."""
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    return {o: o + bisect_left(astral, o) for o in offsets}
