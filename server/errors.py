"""JSON errors for every failure: ``{"error": <short code>, "message": <clear text>}``.

Messages are written here or by the view that rejects the input. Exception text never reaches a
client (it can echo the input, which holds personal data) and neither does a stack trace.
"""
from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

logger = logging.getLogger(__name__)

# Werkzeug's own descriptions are long and sometimes mention the browser; these read better in
# an API client and in the extension's error line.
_DEFAULT_MESSAGES = {
    400: "The request is malformed.",
    401: "An API key is required: send 'Authorization: Bearer <key>'.",
    403: "This API key may not do that.",
    404: "There is no such resource.",
    405: "This method is not allowed on this route.",
    413: "The request body is too large.",
    415: "Send a JSON body with 'Content-Type: application/json'.",
    422: "The request is well-formed but its values cannot be processed.",
    429: "Too many requests for this API key; wait a little and retry.",
    500: "The server hit an internal error; the request was not completed.",
}


def error_code(status: int) -> str:
    """The short machine-readable code for a status, e.g. 413 -> ``payload_too_large``."""
    if status == 413:
        return "payload_too_large"
    if status == 429:
        return "rate_limited"
    name = HTTP_STATUS_CODES.get(status, "error")
    return name.lower().replace(" ", "_").replace("-", "_").replace("'", "")


def error_response(status: int, message: str | None = None, code: str | None = None) -> Response:
    """A JSON error response with ``status``."""
    body = {
        "error": code or error_code(status),
        "message": message or _DEFAULT_MESSAGES.get(status) or HTTP_STATUS_CODES.get(status, "Error"),
    }
    response = jsonify(body)
    response.status_code = status
    return response


_FORWARDED_HEADERS = {"Retry-After", "Allow", "WWW-Authenticate"}


class ApiError(HTTPException):
    """Raise from a view or helper to answer with a JSON error and a message written for the client."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(description=message)
        self.code = status
        self.error = code
        self.extra_headers = dict(headers or {})

    def get_headers(self, environ=None, scope=None):
        return list(super().get_headers(environ, scope)) + list(self.extra_headers.items())


def _handle_http_exception(exc: HTTPException) -> Response:
    if isinstance(exc, ApiError):
        response = error_response(exc.code, exc.description, exc.error)
    elif exc.code is None or exc.code < 400:
        # abort(response) carrying a ready response, or a redirect: not an error.
        return exc.get_response()
    else:
        # Werkzeug's description may contain parser detail; only our fixed text goes out.
        response = error_response(exc.code)
    for name, value in exc.get_headers():
        if name in _FORWARDED_HEADERS:
            response.headers[name] = value
    return response


def _handle_unexpected(exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        return _handle_http_exception(exc)
    # The type only: the message of an exception raised while scanning can quote the post.
    logger.error("unhandled %s in request", type(exc).__name__)
    return error_response(500)


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(Exception, _handle_unexpected)
