"""Per-moderator API keys, stored only as hashes in ``<DATA_DIR>/api_keys.json`` (mode 0600).

A key is 32 random bytes (``secrets.token_urlsafe``), so a single SHA-256 is enough: nobody can
brute-force 256 bits, and a slow password hash would cost milliseconds on every request for no
gain. The plain key is shown once, by ``piiscore-server keys add``, and never stored.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
import threading
from datetime import datetime, timezone
from pathlib import Path

from flask import current_app, g, request

from server.errors import ApiError

KEY_PREFIX = "pk_"
KEYS_FILENAME = "api_keys.json"
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
# Longer than any key we issue, short enough that hashing an attacker's header costs nothing.
_MAX_KEY_CHARS = 256


class KeyStoreError(ValueError):
    """A key-store operation that cannot be done (bad name, duplicate, unreadable file)."""


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def ensure_private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)


class KeyStore:
    """The key file. Re-read when it changes on disk, so ``keys revoke`` takes effect at once."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._entries: list[dict] = []

    @classmethod
    def in_data_dir(cls, data_dir: str | os.PathLike) -> "KeyStore":
        return cls(Path(data_dir) / KEYS_FILENAME)

    # -- reading ---------------------------------------------------------------------------
    def _read_file(self) -> list[dict]:
        try:
            with open(self.path, encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise KeyStoreError(f"cannot read the key file {self.path}") from exc
        keys = data.get("keys") if isinstance(data, dict) else None
        if not isinstance(keys, list):
            raise KeyStoreError(f"the key file {self.path} has no 'keys' list")
        return [k for k in keys if isinstance(k, dict) and isinstance(k.get("hash"), str)
                and isinstance(k.get("name"), str)]

    def entries(self) -> list[dict]:
        try:
            st = os.stat(self.path)
            stamp = (st.st_mtime_ns, st.st_size)
        except FileNotFoundError:
            stamp = None
        with self._lock:
            if stamp != self._stamp or stamp is None:
                self._entries = self._read_file() if stamp is not None else []
                self._stamp = stamp
            return list(self._entries)

    def verify(self, key: str) -> str | None:
        """The moderator's name for ``key``, or None. Compares against every hash in constant time."""
        if not isinstance(key, str) or not key or len(key) > _MAX_KEY_CHARS:
            return None
        candidate = hash_key(key)
        found = None
        for entry in self.entries():
            # No early exit: the time taken does not depend on which entry matches.
            if hmac.compare_digest(candidate, entry["hash"]):
                found = entry["name"]
        return found

    def names(self) -> list[dict]:
        return [{"name": e["name"], "created_at": e.get("created_at", "")} for e in self.entries()]

    # -- writing ---------------------------------------------------------------------------
    def _write(self, entries: list[dict]) -> None:
        ensure_private_dir(self.path.parent)
        fd, tmp = tempfile.mkstemp(prefix=".api_keys.", dir=self.path.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"version": 1, "keys": entries}, fh, indent=2)
                fh.write("\n")
            os.replace(tmp, self.path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        os.chmod(self.path, 0o600)

    def add(self, name: str) -> str:
        """Create a key for ``name`` and return it; only its hash is stored."""
        if not isinstance(name, str) or not _NAME_RE.match(name):
            raise KeyStoreError(
                "a key name is 1-64 characters: letters, digits, '.', '_', '@', '-'")
        entries = self._read_file()
        if any(e["name"] == name for e in entries):
            raise KeyStoreError(f"a key named {name!r} exists already; revoke it first")
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        entries.append({
            "name": name,
            "hash": hash_key(key),
            "created_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        })
        self._write(entries)
        return key

    def revoke(self, name: str) -> bool:
        entries = self._read_file()
        kept = [e for e in entries if e["name"] != name]
        if len(kept) == len(entries):
            return False
        self._write(kept)
        return True


def get_key_store() -> KeyStore:
    return current_app.extensions["piiscore_keys"]


def verify_key(key: str) -> str | None:
    """The moderator name for ``key`` in the current app's key store, or None."""
    return get_key_store().verify(key)


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def authenticate(required: bool) -> None:
    """Set ``g.moderator`` from the Authorization header; 401 when required and missing or wrong."""
    token = bearer_token()
    if token is None:
        if required or "Authorization" in request.headers:
            raise ApiError(401, "An API key is required: send 'Authorization: Bearer <key>'.",
                           headers={"WWW-Authenticate": 'Bearer realm="piiscore"'})
        g.moderator = None
        return
    name = verify_key(token)
    if name is None:
        raise ApiError(401, "The API key is not valid (revoked or mistyped).",
                       headers={"WWW-Authenticate": 'Bearer realm="piiscore", error="invalid_token"'})
    g.moderator = name


def require_api_key() -> None:
    """before_request: every ``/api/*`` route needs a valid key; sets ``flask.g.moderator``.

    A CORS preflight (OPTIONS) carries no credentials by design, so it is let through; the
    request that follows it is checked.
    """
    if request.method == "OPTIONS":
        return
    if request.path == "/api" or request.path.startswith("/api/"):
        authenticate(required=True)
    elif request.path in current_app.config["OPTIONAL_AUTH_PATHS"]:
        # Presidio-compatible routes: Presidio clients send no key; a key sent must be valid.
        authenticate(required=current_app.config["PRESIDIO_REQUIRE_KEY"])
