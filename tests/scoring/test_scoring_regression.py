"""Regression suite in Deduce's style: the set of failing case ids must equal the checked-in
known failures, so a regression and an unexpected fix both show."""
from __future__ import annotations

import json
from pathlib import Path

from piiscore.scoring import score_post
from piiscore.types import RISK_LEVELS, Entity

DATA = Path(__file__).parent / "data"
CASES = json.loads((DATA / "cases.json").read_text("utf-8"))
KNOWN_FAILURES = set(json.loads((DATA / "known_failures.json").read_text("utf-8")))


def _failures(case) -> list[str]:
    entities = [
        Entity(e["type"], e["start"], e["end"], 0.9, e["text"], e.get("obfuscated", False))
        for e in case.get("entities", [])
    ]
    result = score_post(case["text"], entities, case["lang"])
    problems = []
    if result.level != case["expected_level"]:
        problems.append(f"level {result.level} != {case['expected_level']}")
    for flag, expected in case["expected_flags"].items():
        if result.flags[flag] != expected:
            problems.append(f"{flag} {result.flags[flag]!r} != {expected!r}")
    return problems


def test_cases_are_well_formed():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) >= 60
    for case in CASES:
        assert case["lang"] in ("nl", "en")
        assert case["expected_level"] in RISK_LEVELS
        assert {"threat", "call_to_action"} <= set(case["expected_flags"])
        for entity in case.get("entities", []):
            assert case["text"][entity["start"] : entity["end"]] == entity["text"], case["id"]
    assert KNOWN_FAILURES <= set(ids)


def test_hard_negatives_are_covered():
    negatives = [c for c in CASES if c["expected_level"] in ("none", "low")]
    assert len(negatives) >= 25
    kinds = " ".join(c["id"] for c in negatives)
    for kind in ("news", "support", "lost", "missing", "advert", "quoted", "negated", "helpline"):
        assert kind in kinds, kind


def test_failing_cases_equal_known_failures():
    failing = {c["id"]: _failures(c) for c in CASES}
    failing = {cid: problems for cid, problems in failing.items() if problems}
    unexpected = {cid: p for cid, p in failing.items() if cid not in KNOWN_FAILURES}
    fixed = KNOWN_FAILURES - set(failing)
    assert not unexpected, f"new failures: {unexpected}"
    assert not fixed, f"now passing, remove from known_failures.json: {sorted(fixed)}"
