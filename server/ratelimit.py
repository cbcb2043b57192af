"""Per-key request limit: a sliding window of per-second counts, shared by every worker process.

One moderator's runaway script must not starve the others. The limiter keeps only counts keyed
by a hash of the moderator's name (or of the client address, for anonymous Presidio-compatible
calls): no request content and no names are kept.

The counts live in an anonymous shared memory map created with the app (``create_app``, in the
parent process), so the workers that ``piiscore-server --workers N`` forks afterwards all see and
update the same table and a key's limit holds across them. A POSIX record lock (``lockf``) on a
private temporary file serialises the processes; the kernel drops it when a process dies, so a
killed worker cannot leave the table locked. A thread lock serialises the threads of a process.

The window (60 s) is cut into 60 buckets of one second. A request is counted in the bucket of
the current second and refused when the last 61 buckets -- which cover at least the last 60 s --
already hold ``limit`` requests. So no key ever gets more than ``limit`` requests in any 60 s;
a request may be refused up to one bucket (1 s) earlier than an exact log of timestamps would.
"""
from __future__ import annotations

import hashlib
import math
import mmap
import os
import tempfile
import threading
import time
import weakref

from flask import current_app, g, request

try:
    import fcntl
except ImportError:  # not POSIX: no fork, so one process and the thread lock suffice
    fcntl = None

from server.errors import ApiError
from server.limits import is_json_api_request

BUCKETS = 60          # per window; the window's last BUCKETS + 1 buckets are counted
SLOTS = 4096          # keys tracked at once (moderators and anonymous client addresses)
PROBES = 16           # slots looked at for one key before the least recently used is reused
_RING = BUCKETS + 1


class SlidingWindowLimiter:
    """``hit(key)``: 0 when allowed (and counted), else the seconds until a request would be."""

    def __init__(self, limit: int, window_seconds: float = 60.0, clock=time.monotonic,
                 slots: int = SLOTS):
        self.limit = int(limit)
        self.window = float(window_seconds)
        self.width = self.window / BUCKETS
        self._clock = clock
        self._slots = int(slots)
        # The parent process serves no request before it forks, so no thread holds this then.
        self._thread_lock = threading.Lock()
        if self.limit <= 0:
            return
        # Layout: slot keys (int64, 0 = free), slot "last bucket index" (int64), then each
        # slot's ring of _RING counts (uint32). CLOCK_MONOTONIC is one clock for all processes.
        self._map = mmap.mmap(-1, self._slots * (16 + 4 * _RING))  # anonymous, MAP_SHARED
        view = memoryview(self._map)
        self._keys = view[:8 * self._slots].cast("q")
        self._last = view[8 * self._slots:16 * self._slots].cast("q")
        self._counts = view[16 * self._slots:].cast("I")
        # An unlinked temporary file: nothing on disk, only a lock target the workers inherit.
        fd, path = tempfile.mkstemp(prefix="piiscore-ratelimit-")
        os.unlink(path)
        self._lock_fd = fd
        weakref.finalize(self, os.close, fd)

    @staticmethod
    def _hash(key: str) -> int:
        value = int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"),
                                               digest_size=8).digest(), "little", signed=True)
        return value or 1  # 0 marks a free slot

    def _slot(self, key_hash: int, now_index: int) -> int:
        """The slot of ``key_hash``: its own, else a free or idle one, else the least recently used."""
        keys, last = self._keys, self._last
        start = (key_hash & 0x7FFFFFFFFFFFFFFF) % self._slots
        probes = [(start + i) % self._slots for i in range(PROBES)]
        for slot in probes:
            if keys[slot] == key_hash:
                return slot
        reuse = oldest = None
        for slot in probes:
            if reuse is None and (keys[slot] == 0 or last[slot] < now_index - BUCKETS):
                reuse = slot
            if oldest is None or last[slot] < last[oldest]:
                oldest = slot
        slot = oldest if reuse is None else reuse
        keys[slot] = key_hash
        last[slot] = now_index
        base = slot * _RING
        self._counts[base:base + _RING] = memoryview(bytes(4 * _RING)).cast("I")
        return slot

    def hit(self, key: str) -> float:
        """Record one request for ``key``. Returns 0 when allowed, else seconds until a slot frees."""
        if self.limit <= 0:
            return 0.0
        key_hash = self._hash(key)
        with self._thread_lock:
            if fcntl is None:
                return self._hit_locked(key_hash)
            fd = self._lock_fd
            fcntl.lockf(fd, fcntl.LOCK_EX)
            try:
                return self._hit_locked(key_hash)
            finally:
                fcntl.lockf(fd, fcntl.LOCK_UN)

    def _hit_locked(self, key_hash: int) -> float:
        now = self._clock()
        index = math.floor(now / self.width)
        slot = self._slot(key_hash, index)
        counts, base = self._counts, slot * _RING
        last = self._last[slot]
        if index > last:
            # Empty the buckets of the seconds that passed since this key's last request.
            for n in range(max(last + 1, index - BUCKETS), index + 1):
                counts[base + n % _RING] = 0
            self._last[slot] = index
            last = index
        elif index < last:  # a clock that went back (tests): count in the newest bucket
            index = last
        ring = counts[base:base + _RING]
        total = sum(ring)
        if total < self.limit:
            counts[base + index % _RING] += 1
            return 0.0
        # Refused: wait until the oldest buckets leave the window and a request fits again.
        for n in range(index - BUCKETS, index + 1):
            total -= ring[n % _RING]
            if total < self.limit:
                return max((n + BUCKETS + 1) * self.width - now, 0.001)
        return self.window  # not reached: the newest bucket alone holds under the limit


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
