"""The third held-out set (written blind): the same integrity checks as test_heldout2.py, run on
heldout3/posts.md and heldout3.jsonl.

test_heldout.py's checks read their module's SOURCE/TARGET/RECORDS/ANNOTATIONS globals, so a
private copy of that module is loaded, pointed at heldout3, and the checks test_heldout2.py reuses
are re-exported here (the list is taken from test_heldout2.py itself). Only the size/mix and the
ordinary-word checks differ (this set has 100 posts)."""
from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent
HELDOUT3 = TESTS / "data" / "heldout3"


def _load(module_name: str, file_name: str):
    spec = importlib.util.spec_from_file_location(module_name, TESTS / file_name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_heldout2 = _load("_heldout3_via_heldout2", "test_heldout2.py")
_checks = _load("_heldout3_checks", "test_heldout.py")
_earlier_records = _checks.RECORDS + _heldout2.RECORDS
_checks.SOURCE = HELDOUT3 / "posts.md"
_checks.TARGET = HELDOUT3 / "heldout3.jsonl"
_checks.RECORDS = [json.loads(line) for line in _checks.TARGET.read_text(encoding="utf-8").splitlines()]
_checks.ANNOTATIONS = [(r, a) for r in _checks.RECORDS for a in r["annotations"]]
RECORDS = _checks.RECORDS

globals().update({name: getattr(_checks, name) for name in _heldout2._REUSED})


def test_size_and_mix():
    assert len(RECORDS) >= 100
    ids = [r["id"] for r in RECORDS]
    assert len(set(ids)) == len(ids)
    groups = Counter(i.rsplit("-", 1)[0] for i in ids)
    n = len(RECORDS)
    assert groups["en-dox"] + groups["en-neg"] + groups["en-obf"] >= 0.18 * n
    assert groups["vl"] >= 0.08 * n
    assert groups["nl-obf"] + groups["en-obf"] >= 0.09 * n
    negatives = sum(1 for r in RECORDS if r["level"] in ("none", "low"))
    assert negatives >= 0.25 * n


def test_posts_are_not_earlier_held_out_set_posts():
    earlier = {r["text"] for r in _earlier_records}
    assert not [r["id"] for r in RECORDS if r["text"] in earlier]


def test_negatives_cover_more_ordinary_words_that_are_surnames():
    texts = " ".join(r["text"] for r in RECORDS if r["level"] == "none").lower()
    for phrase in ("de koster", "de boer", "de smid", "de kok", "de timmerman", "de brouwer", "baker", "miller"):
        assert phrase in texts
