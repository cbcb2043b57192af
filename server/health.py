"""``GET /health``: no key needed, no personal data."""
from __future__ import annotations

from flask import Blueprint, jsonify

import piiscore

bp = Blueprint("health", __name__)


@bp.get("/health")
def health():
    return jsonify({"status": "ok", "version": piiscore.__version__})
