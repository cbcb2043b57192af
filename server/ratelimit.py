"""Per-key request limit: a sliding window kept in process memory.

One moderator's runaway script must not starve the others. The window holds only timestamps
keyed by moderator name (or the client address for anonymous Presidio-compatible calls): no
request content is kept.
"""
from __future__ import annotations

import math
import threading
import time
from collections import deque

from flask import current_app, g, request

from server.errors import ApiError
from server.limits import is_json_api_request


class SlidingWindowLimiter:
    def __init__(self, limit: int, window_seconds: float = 60.0, clock=time.monotonic):
        self.limit = int(limit)
        self.window = float(window_seconds)
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> float:
        """Record one request for ``key``. Returns 0 when allowed, else seconds until a slot frees."""
        if self.limit <= 0:
            return 0.0
        now = self._clock()
        cutoff = now - self.window
        with self._lock:
            hits = self._hits.get(key)
            if hits is None:
                hits = self._hits[key] = deque()
            while hits and hits[0] <= cutoff:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(hits[0] - cutoff, 0.001)
            hits.append(now)
            if len(self._hits) > 10_000:
                # Forget idle keys so anonymous client addresses cannot grow the table forever.
                for k in [k for k, v in self._hits.items() if not v or v[-1] <= cutoff]:
                    del self._hits[k]
            return 0.0


def enforce_rate_limit() -> None:
    """before_request, after authentication: 429 with Retry-After when over the limit."""
    if request.method == "OPTIONS":
        return
    moderator = g.get("moderator")
    if moderator:
        bucket = "key:" + moderator
    elif is_json_api_request():
        bucket = "addr:" + (request.remote_addr or "-")
    else:
        return  # /health and /openapi.json are cheap and hold nothing
    wait = current_app.extensions["piiscore_limiter"].hit(bucket)
    if wait:
        raise ApiError(429, "Too many requests for this API key; retry after the given seconds.",
                       headers={"Retry-After": str(max(1, math.ceil(wait)))})
