"""Evidence encryption at rest (AES-256-GCM) and the secret files kept in DATA_DIR."""
from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12


class EvidenceKeyError(ValueError):
    """The evidence key is missing, malformed or not the one the evidence was sealed with."""


def read_or_create_secret(path: Path, nbytes: int = 32) -> bytes:
    """Return the secret in ``path`` (base64 text), creating it with mode 0600 on first use.

    The file is written under a temporary name and linked into place, so a second process
    starting at the same moment reads either nothing (and retries) or the whole key, and the
    first writer wins.
    """
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, base64.urlsafe_b64encode(secrets.token_bytes(nbytes)) + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    return decode_key(path.read_text(encoding="ascii"), nbytes, source=str(path))


def decode_key(text: str, nbytes: int = 32, *, source: str = "key") -> bytes:
    text = text.strip()
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != nbytes:
        raise EvidenceKeyError(f"{source}: expected {nbytes} bytes, url-safe base64 encoded")
    return raw


def generate_key_text() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii")


class EvidenceCipher:
    """Seals evidence bytes; the associated data binds a ciphertext to its item's hash."""

    def __init__(self, key: bytes):
        self._aead = AESGCM(key)
        self.key_id = hashlib.sha256(b"piiscore-evidence-key" + key).hexdigest()[:16]

    def seal(self, plaintext: bytes, sha256: str) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plaintext, sha256.encode("ascii"))

    def open(self, sealed: bytes, sha256: str, key_id: str) -> bytes:
        if key_id != self.key_id:
            raise EvidenceKeyError("evidence was sealed with another key")
        try:
            return self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], sha256.encode("ascii"))
        except InvalidTag as exc:
            raise EvidenceKeyError("evidence ciphertext does not authenticate") from exc
