"""The second held-out set (written blind): the same integrity checks as test_heldout.py, run on
heldout2/posts.md and heldout2.jsonl.

test_heldout.py's checks read their module's SOURCE/TARGET/RECORDS/ANNOTATIONS globals, so a
private copy of that module is loaded, pointed at heldout2, and its tests are re-exported here.
Only the size/mix and phrase checks differ (this set has 120 posts)."""
from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent
HELDOUT2 = TESTS / "data" / "heldout2"


def _load_heldout_checks():
    spec = importlib.util.spec_from_file_location("_heldout2_checks", TESTS / "test_heldout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_checks = _load_heldout_checks()
_first_heldout_records = _checks.RECORDS
_checks.SOURCE = HELDOUT2 / "posts.md"
_checks.TARGET = HELDOUT2 / "heldout2.jsonl"
_checks.RECORDS = [json.loads(line) for line in _checks.TARGET.read_text(encoding="utf-8").splitlines()]
_checks.ANNOTATIONS = [(r, a) for r in _checks.RECORDS for a in r["annotations"]]
RECORDS = _checks.RECORDS

_REUSED = (
    "test_jsonl_matches_source",
    "test_build_check_mode_passes",
    "test_build_check_mode_fails_on_a_stale_target",
    "test_build_writes_the_given_target",
    "test_no_post_text_carries_markdown_headings",
    "test_held_out_posts_are_not_dev_set_posts",
    "test_record_fields",
    "test_annotations_are_exact_sorted_and_disjoint",
    "test_person_spans_hold_no_role_words",
    "test_bsn_values_pass_the_11_test",
    "test_iban_values_have_valid_checksums",
    "test_postcodes_are_valid_dutch_postcodes",
    "test_plates_follow_a_sidecode",
    "test_id_documents_and_cards_are_valid",
    "test_every_type_of_the_vocabulary_occurs",
    "test_nine_digit_numbers_failing_the_11_test_are_not_annotated",
    "test_negatives_cover_ordinary_words_that_are_surnames",
)
globals().update({name: getattr(_checks, name) for name in _REUSED})


def test_size_and_mix():
    assert len(RECORDS) >= 120
    ids = [r["id"] for r in RECORDS]
    assert len(set(ids)) == len(ids)
    groups = Counter(i.rsplit("-", 1)[0] for i in ids)
    n = len(RECORDS)
    assert groups["en-dox"] + groups["en-neg"] + groups["en-obf"] >= 0.18 * n
    assert groups["vl"] >= 0.08 * n
    assert groups["nl-obf"] + groups["en-obf"] >= 0.09 * n
    negatives = sum(1 for r in RECORDS if r["level"] in ("none", "low"))
    assert negatives >= 0.25 * n


def test_posts_are_not_first_held_out_set_posts():
    first = {r["text"] for r in _first_heldout_records}
    assert not [r["id"] for r in RECORDS if r["text"] in first]


def test_negatives_cover_more_ordinary_words_that_are_surnames():
    texts = " ".join(r["text"] for r in RECORDS if r["level"] == "none").lower()
    for phrase in ("de koster", "de boer", "de smid", "de kok", "baker", "miller"):
        assert phrase in texts
