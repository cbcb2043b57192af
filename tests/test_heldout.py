"""The held-out set: the checked-in jsonl is what the dev set's build.py makes of heldout/posts.md,
and it is sound by the same rules as the dev set (helpers imported from test_devset)."""
from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

from stdnum import iban, luhn
from stdnum.nl import bsn, identiteitskaartnummer, postcode

from piiscore.evaluation import ENTITY_TYPES
from piiscore.types import RISK_LEVELS

TESTS = Path(__file__).resolve().parent
HELDOUT = TESTS / "data" / "heldout"
SOURCE = HELDOUT / "posts.md"
TARGET = HELDOUT / "heldout.jsonl"


def _load_devset_checks():
    """test_devset.py as a module, whatever pytest's import mode (it loads build.py itself)."""
    spec = importlib.util.spec_from_file_location("_devset_checks", TESTS / "test_devset.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


devset = _load_devset_checks()
build = devset.build
_plain = devset._plain
PLATE = devset.PLATE

RECORDS = [json.loads(line) for line in TARGET.read_text(encoding="utf-8").splitlines()]
ANNOTATIONS = [(r, a) for r in RECORDS for a in r["annotations"]]


def test_jsonl_matches_source():
    assert build.build(SOURCE) == TARGET.read_text(encoding="utf-8")


def test_build_check_mode_passes():
    assert build.main(["--check", "--src", str(SOURCE), "--out", str(TARGET)]) == 0


def test_build_check_mode_fails_on_a_stale_target(tmp_path):
    stale = tmp_path / "stale.jsonl"
    stale.write_text(TARGET.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    assert build.main(["--check", "--src", str(SOURCE), "--out", str(stale)]) == 1


def test_build_writes_the_given_target(tmp_path):
    out = tmp_path / "out.jsonl"
    assert build.main(["--src", str(SOURCE), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == TARGET.read_text(encoding="utf-8")


def test_no_post_text_carries_markdown_headings():
    assert not [r["id"] for r in RECORDS if "\n#" in r["text"] or r["text"].startswith("#")]


def test_size_and_mix():
    assert len(RECORDS) >= 150
    ids = [r["id"] for r in RECORDS]
    assert len(set(ids)) == len(ids)
    groups = Counter(i.rsplit("-", 1)[0] for i in ids)
    n = len(RECORDS)
    assert groups["en-dox"] + groups["en-neg"] + groups["en-obf"] >= 0.18 * n
    assert groups["vl"] >= 0.08 * n
    assert groups["nl-obf"] + groups["en-obf"] >= 0.09 * n
    negatives = sum(1 for r in RECORDS if r["level"] in ("none", "low"))
    assert negatives >= 0.25 * n


def test_held_out_posts_are_not_dev_set_posts():
    dev_texts = {r["text"] for r in devset.RECORDS}
    assert not [r["id"] for r in RECORDS if r["text"] in dev_texts]


def test_record_fields():
    for r in RECORDS:
        assert set(r) == {"id", "lang", "text", "annotations", "level", "flags"}, r["id"]
        assert r["lang"] in ("nl", "en")
        assert r["level"] in RISK_LEVELS
        assert set(r["flags"]) == {"threat", "call_to_action"}
        assert all(isinstance(v, bool) for v in r["flags"].values())


def test_annotations_are_exact_sorted_and_disjoint():
    for r in RECORDS:
        previous_end = 0
        for a in r["annotations"]:
            assert a["type"] in ENTITY_TYPES, (r["id"], a)
            assert 0 <= a["start"] < a["end"] <= len(r["text"])
            assert r["text"][a["start"]:a["end"]] == a["text"], (r["id"], a)
            assert a["start"] >= previous_end, (r["id"], a)
            previous_end = a["end"]


def test_person_spans_hold_no_role_words():
    roles = {"mevrouw", "mw.", "mw", "dhr.", "meneer", "gezinsvoogd", "jeugdbeschermer", "ms.", "mr.", "dr."}
    for r, a in ANNOTATIONS:
        if a["type"] == "PERSON":
            assert not set(a["text"].lower().split()) & roles, (r["id"], a)


def test_bsn_values_pass_the_11_test():
    values = [_plain(a["text"]) for _, a in ANNOTATIONS if a["type"] == "NL_BSN"]
    assert values
    assert all(bsn.is_valid(v) for v in values), values


def test_iban_values_have_valid_checksums():
    values = [_plain(a["text"]) for _, a in ANNOTATIONS if a["type"] == "IBAN_CODE"]
    assert values
    assert all(iban.is_valid(v) for v in values), values


def test_postcodes_are_valid_dutch_postcodes():
    values = [_plain(a["text"]) for _, a in ANNOTATIONS if a["type"] == "NL_POSTCODE"]
    assert values
    for value in values:
        assert postcode.is_valid(value), value
        assert value[-2:].upper() not in ("SA", "SD", "SS")


def test_plates_follow_a_sidecode():
    values = [_plain(a["text"]).upper() for _, a in ANNOTATIONS if a["type"] == "NL_LICENSE_PLATE"]
    assert values
    assert all(PLATE.match(v) for v in values), [v for v in values if not PLATE.match(v)]


def test_id_documents_and_cards_are_valid():
    documents = [_plain(a["text"]) for _, a in ANNOTATIONS if a["type"] == "NL_ID_DOCUMENT"]
    cards = [_plain(a["text"]) for _, a in ANNOTATIONS if a["type"] == "CREDIT_CARD"]
    assert documents and cards
    assert all(identiteitskaartnummer.is_valid(v) for v in documents), documents
    assert all(luhn.is_valid(v) for v in cards), cards


def test_every_type_of_the_vocabulary_occurs():
    assert {a["type"] for _, a in ANNOTATIONS} == set(ENTITY_TYPES)


def test_nine_digit_numbers_failing_the_11_test_are_not_annotated():
    for r in RECORDS:
        annotated = {(a["start"], a["end"]) for a in r["annotations"]}
        for m in re.finditer(r"(?<!\d)\d{9}(?!\d)", r["text"]):
            if not bsn.is_valid(m.group()):
                assert not any(s <= m.start() and m.end() <= e for s, e in annotated), (r["id"], m.group())


def test_negatives_cover_ordinary_words_that_are_surnames():
    texts = " ".join(r["text"] for r in RECORDS if r["level"] == "none").lower()
    for phrase in ("de bakker op de hoek", "de visser", "0800-2000", "3-1", "20:15"):
        assert phrase in texts
