"""Fictitious posts and evidence shared by the case-log tests."""
from __future__ import annotations

import base64
import hashlib

# Fictitious: exists only in these tests.
FICTITIOUS_PHONE = "06-48213957"
POST_NL = ("Dit is jeugdbeschermer Sanne Bakkerveld van Jeugdbescherming Rotterdam. Ze woont op "
           f"Kerkstraat 12a, 3012 AB Rotterdam, bel haar op {FICTITIOUS_PHONE}. We weten waar je woont.")
POST_URL = "https://x.com/example_account/status/1234567890"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # a PNG signature is all the server checks


def evidence_body(content: bytes, kind: str = "screenshot", **extra) -> dict:
    return {"kind": kind, "content_base64": base64.b64encode(content).decode("ascii"),
            "sha256": hashlib.sha256(content).hexdigest(), **extra}
