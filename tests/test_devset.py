"""The development set: the checked-in jsonl is what build.py makes of posts.md, and it is sound."""
from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from stdnum import iban, luhn
from stdnum.nl import bsn, identiteitskaartnummer, postcode

from piiscore.evaluation import ENTITY_TYPES
from piiscore.types import RISK_LEVELS

DEVSET = Path(__file__).resolve().parent / "data" / "devset"


def _load_build():
    spec = importlib.util.spec_from_file_location("devset_build", DEVSET / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build()
RECORDS = [json.loads(line) for line in (DEVSET / "devset.jsonl").read_text(encoding="utf-8").splitlines()]
ANNOTATIONS = [(r, a) for r in RECORDS for a in r["annotations"]]

# RDW sidecodes 1-14 (X = letter, 9 = digit).
SIDECODES = [
    "XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9",
    "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9",
]
PLATE = re.compile(
    "|".join("^" + s.replace("X", "[A-Z]").replace("9", "[0-9]") + "$" for s in SIDECODES)
)


def _plain(value: str) -> str:
    """Drop spaces and invisible characters; keep everything else (obfuscation shows as non-ASCII)."""
    return "".join(c for c in value if not c.isspace() and unicodedata.category(c) != "Cf")


def test_jsonl_matches_source():
    assert build.build() == (DEVSET / "devset.jsonl").read_text(encoding="utf-8")


def test_build_check_mode_passes():
    assert build.main(["--check"]) == 0


def test_markup_parser_offsets():
    text, annotations = build.parse_markup(
        "Gezinsvoogd [[PERSON|Sanne]] op <U+200B>[[NL_ADDRESS|Kerkstraat 1]]"
    )
    assert text == "Gezinsvoogd Sanne op \u200bKerkstraat 1"
    assert annotations == [
        {"type": "PERSON", "start": 12, "end": 17, "text": "Sanne"},
        {"type": "NL_ADDRESS", "start": 22, "end": 34, "text": "Kerkstraat 1"},
    ]


@pytest.mark.parametrize("bad", ["[[PERSON| Sanne]]", "[[PERSON|Sanne]", "Sanne]]", "[[PERSON|]]"])
def test_markup_parser_rejects_malformed_spans(bad):
    with pytest.raises(build.MarkupError):
        build.parse_markup(bad)


def test_section_heading_ends_a_post():
    source = "# Title\n### p1 nl low\nEen post.\n\n## Next section\nnotes\n### p2 en none\nTwo"
    records = build.parse_source(source)
    assert [(r["id"], r["text"]) for r in records] == [("p1", "Een post."), ("p2", "Two")]


def test_no_post_text_carries_markdown_headings():
    assert not [r["id"] for r in RECORDS if "\n#" in r["text"] or r["text"].startswith("#")]


def test_header_rejects_unknown_level_and_flag():
    with pytest.raises(build.MarkupError):
        build.parse_source("### p1 nl severe\ntekst")
    with pytest.raises(build.MarkupError):
        build.parse_source("### p1 nl high urgent\ntekst")


def test_size_and_mix():
    assert len(RECORDS) >= 200
    ids = [r["id"] for r in RECORDS]
    assert len(set(ids)) == len(ids)
    groups = Counter(i.rsplit("-", 1)[0] for i in ids)
    n = len(RECORDS)
    assert groups["en-dox"] + groups["en-neg"] + groups["en-obf"] >= 0.18 * n
    assert groups["vl"] >= 0.08 * n
    assert groups["nl-obf"] + groups["en-obf"] >= 0.10 * n
    negatives = sum(1 for r in RECORDS if r["level"] in ("none", "low"))
    assert negatives >= 0.25 * n


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
    for phrase in ("de bakker op de hoek", "de visser", "0800-0432", "3-1", "20:15"):
        assert phrase in texts
