"""Request-shape limits applied before any view: a small body unless a view opts in, and JSON
only on the JSON API (``/api/*``, ``/analyze``, ``/anonymize``).

``MAX_CONTENT_LENGTH`` is the ceiling for the few views that take uploads (evidence); every other
route gets ``MAX_JSON_BYTES``. A view opts in with ``@large_body``.
"""
from __future__ import annotations

from flask import current_app, request

from server.errors import ApiError

_BODY_METHODS = {"POST", "PUT", "PATCH"}


def large_body(view):
    """Let ``view`` receive bodies up to ``MAX_CONTENT_LENGTH`` (default: ``MAX_JSON_BYTES``)."""
    view.piiscore_large_body = True
    return view


def is_json_api_request() -> bool:
    """``/api/*`` and the Presidio-compatible routes: JSON in, JSON out, rate limited."""
    path = request.path
    return path.startswith("/api/") or path in current_app.config["OPTIONAL_AUTH_PATHS"]


def enforce_request_limits() -> None:
    if request.method not in _BODY_METHODS:
        return
    view = current_app.view_functions.get(request.endpoint) if request.endpoint else None
    if not getattr(view, "piiscore_large_body", False):
        # Flask 3.1: a per-request limit, checked against Content-Length and while streaming.
        request.max_content_length = current_app.config["MAX_JSON_BYTES"]
    limit = request.max_content_length
    if limit is not None and request.content_length is not None and request.content_length > limit:
        raise ApiError(413, f"The request body is larger than {limit} bytes.")
    # The JSON API takes JSON only; the dashboard's HTML forms post form data.
    if is_json_api_request() and request.mimetype != "application/json":
        raise ApiError(415, "Send a JSON body with 'Content-Type: application/json'.")
