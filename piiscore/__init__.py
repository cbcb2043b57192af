"""piiscore: find, score and report personal data exposed in doxing posts (Dutch and English)."""
from __future__ import annotations

__version__ = "0.1.0"
