"""Plain result types shared by the engine, the scorer, the drafts, the CLI and the server."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

RISK_LEVELS = ("none", "low", "medium", "high", "critical")
TARGET_ROLES = (
    "youth_protection",
    "police",
    "teacher",
    "journalist",
    "public_official",
    "private_person",
    "none",
)


@dataclass(frozen=True)
class Entity:
    """One detected span. Offsets are code-point indices into the text as received."""

    type: str
    start: int
    end: int
    score: float
    text: str
    obfuscated: bool = False  # found only after de-obfuscation
    recognizer: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "score": round(float(self.score), 2),
            "text": self.text,
        }


@dataclass(frozen=True)
class Reason:
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class RiskScore:
    value: int
    level: str
    reasons: tuple[Reason, ...] = ()
    flags: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "level": self.level,
            "reasons": [r.to_dict() for r in self.reasons],
            "flags": dict(self.flags),
        }


@dataclass(frozen=True)
class ScanResult:
    text: str
    language: str
    entities: tuple[Entity, ...]
    score: RiskScore

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "entities": [e.to_dict() for e in self.entities],
            "score": self.score.to_dict(),
        }
