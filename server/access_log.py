"""One access line per request: method, route rule, status, duration, moderator.

Never the path's values, the query string, the body or the response: a URL can carry a case id
and the body is the post itself. The route *rule* (``/api/cases/<id>``) is logged, not the path.
"""
from __future__ import annotations

import logging
import time

from flask import Response, g, request

logger = logging.getLogger(__name__)


def start_timer() -> None:
    g.piiscore_started = time.perf_counter()


def log_request(response: Response) -> Response:
    started = g.get("piiscore_started")
    duration_ms = (time.perf_counter() - started) * 1000 if started else 0.0
    rule = request.url_rule.rule if request.url_rule is not None else "<unmatched>"
    logger.info("%s %s %d %.1fms %s", request.method, rule, response.status_code,
                duration_ms, g.get("moderator") or "-")
    return response
