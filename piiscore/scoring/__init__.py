"""Doxing-risk scorer: level, value, reasons and flags for one post and its entities.

Signals live in small modules: ``intent`` (threats, labels, calls to action), ``role``
(target role), ``ownership`` (whose data), ``linkage`` (which kinds of data belong to a
person), ``obfuscation``. ``scorer`` combines them. Phrase lists are data in ``data/``.
"""
from __future__ import annotations

from piiscore.scoring.scorer import BANDS, level_value, score_post, warm_up

__all__ = ["BANDS", "level_value", "score_post", "warm_up"]
