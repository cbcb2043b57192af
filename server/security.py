"""Security headers on every response and CORS for the configured extension origins only."""
from __future__ import annotations

import re

from flask import Flask, Response, request
from flask_cors import CORS

# chrome-extension://<32 letters a-p>, moz-extension://<uuid>; nothing else, never '*'.
_ORIGIN_RE = re.compile(
    r"^(chrome-extension://[a-p]{32}"
    r"|moz-extension://[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")

API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
HTML_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def parse_origins(value) -> list[str]:
    """CORS_ORIGINS from a list or a comma/space separated string; raises ValueError on bad ones."""
    if value is None or value == "":
        return []
    items = re.split(r"[,\s]+", value) if isinstance(value, str) else list(value)
    origins = []
    for item in items:
        if not item:
            continue
        origin = str(item).strip().rstrip("/")
        if not _ORIGIN_RE.match(origin):
            raise ValueError(
                f"CORS origin {origin!r} is not an extension origin "
                "(chrome-extension://<id> or moz-extension://<uuid>)")
        origins.append(origin)
    return origins


_DEFAULT_HEADERS = (("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
                    ("Referrer-Policy", "no-referrer"),
                    ("Cross-Origin-Resource-Policy", "same-origin"))


def add_security_headers(response: Response) -> Response:
    """Each header unless the view set its own (one pass over the response's headers, instead
    of a ``setdefault`` per header that each walk them)."""
    headers = response.headers
    present = {key.lower() for key in headers.keys()}
    for key, value in _DEFAULT_HEADERS:
        if key.lower() not in present:
            headers.add(key, value)
    if "content-security-policy" not in present:
        headers.add("Content-Security-Policy",
                    HTML_CSP if response.mimetype == "text/html" else API_CSP)
    # Responses carry posts, detected personal data and drafts: no cache may keep them.
    if request.path != "/health":
        headers["Cache-Control"] = "no-store"
        if "pragma" not in present:
            headers.add("Pragma", "no-cache")
    return response


def init_cors(app: Flask) -> None:
    origins = parse_origins(app.config.get("CORS_ORIGINS"))
    app.config["CORS_ORIGINS"] = origins
    if not origins:
        return  # no extension configured: no CORS headers at all
    CORS(app, origins=origins, methods=["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
         allow_headers=["Authorization", "Content-Type"], supports_credentials=False,
         max_age=600, send_wildcard=False, vary_header=True)
