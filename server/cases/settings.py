"""Case-log settings, read once from the Flask config (which ``PIISCORE_*`` variables override)."""
from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from server.cases import crypto
from server.cases.db import default_sqlite_url

# Flask config keys and their defaults. Durations are "<n>D" (days), "<n>W" or "<n>M" (calendar months).
DEFAULTS: dict[str, Any] = {
    "DATABASE_URL": None,  # None: <DATA_DIR>/cases.sqlite3
    "EVIDENCE_KEY": None,  # None: <DATA_DIR>/evidence.key, created 0600 on first run
    "EVIDENCE_RETENTION_DAYS": 365,
    # Decoded sizes. Base64 adds a third, and the server's MAX_CONTENT_LENGTH (12 MiB) caps the
    # upload, so a screenshot can be at most about 9 MiB unless that ceiling is raised too.
    "EVIDENCE_MAX_BYTES": {"text": 1_000_000, "html": 5_000_000, "screenshot": 8_000_000},
    # When to follow up after a status change (legal-facts.md sections 2 and 3): a DSA notice
    # has no legal deadline, so the team escalates after 3 days without a decision; a GDPR
    # erasure request must be answered within one month (Art. 12(3)).
    "CASE_FOLLOW_UP": {
        "dsa_notice": "3D",
        "platform_report": "3D",
        "gdpr_erasure": "1M",
        "police_report": "14D",
        "escalated": "7D",
        "reappeared": "1D",
    },
}

# Environment variables the issue names directly, besides Flask's PIISCORE_ prefix.
ENV_ALIASES = {"DATABASE_URL": "PIISCORE_DATABASE_URL", "EVIDENCE_KEY": "PIISCORE_EVIDENCE_KEY"}

_DURATION = re.compile(r"^\s*(\d+)\s*([DWM])\s*$", re.IGNORECASE)


def add_duration(start: dt.datetime, spec: str) -> dt.datetime:
    match = _DURATION.match(str(spec))
    if not match:
        raise ValueError(f"bad duration {spec!r}: use e.g. 3D, 2W or 1M")
    n, unit = int(match.group(1)), match.group(2).upper()
    if unit == "D":
        return start + dt.timedelta(days=n)
    if unit == "W":
        return start + dt.timedelta(weeks=n)
    years, month0 = divmod(start.month - 1 + n, 12)
    year, month = start.year + years, month0 + 1
    # 31 January + 1 month is the last day of February.
    return start.replace(year=year, month=month, day=min(start.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class CaseSettings:
    data_dir: Path
    database_url: str
    evidence_key: bytes
    retention_days: int = 365
    max_bytes: Mapping[str, int] = field(default_factory=dict)
    follow_up: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "CaseSettings":
        def get(key):
            env = ENV_ALIASES.get(key)
            if config.get(key) is not None:
                return config[key]
            if env and os.environ.get(env):
                return os.environ[env]
            return DEFAULTS[key]

        data_dir = Path(config.get("DATA_DIR") or _library_data_dir())
        key_text = get("EVIDENCE_KEY")
        key = (crypto.decode_key(key_text, source="PIISCORE_EVIDENCE_KEY") if key_text
               else crypto.read_or_create_secret(data_dir / "evidence.key"))
        follow_up = {**DEFAULTS["CASE_FOLLOW_UP"], **dict(get("CASE_FOLLOW_UP"))}
        for spec in follow_up.values():
            add_duration(dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc), spec)  # fail early
        return cls(
            data_dir=data_dir,
            database_url=get("DATABASE_URL") or default_sqlite_url(data_dir),
            evidence_key=key,
            retention_days=int(get("EVIDENCE_RETENTION_DAYS")),
            max_bytes={**DEFAULTS["EVIDENCE_MAX_BYTES"], **dict(get("EVIDENCE_MAX_BYTES"))},
            follow_up=follow_up,
        )


def _library_data_dir() -> Path:
    from piiscore.config import get_settings

    return get_settings().data_dir
