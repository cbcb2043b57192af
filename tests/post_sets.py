"""The ten annotated post sets (dev set and nine held-out sets) and the checks they all pass.

Each set is a hand-written ``posts.md`` that ``tests/data/devset/build.py`` turns into a checked-in
``.jsonl``. ``tests/test_post_sets.py`` runs every check below on every set; what differs per set
(its size, its mix, the ordinary words its negatives must contain) is data in ``POST_SETS``.
"""
from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from stdnum import iban, luhn
from stdnum.nl import bsn, identiteitskaartnummer, postcode

from piiscore.evaluation import ENTITY_TYPES
from piiscore.types import RISK_LEVELS

DATA = Path(__file__).resolve().parent / "data"


def _load_build():
    spec = importlib.util.spec_from_file_location("devset_build", DATA / "devset" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build()

# RDW sidecodes 1-14 (X = letter, 9 = digit).
SIDECODES = [
    "XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9",
    "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9",
]
PLATE = re.compile(
    "|".join("^" + s.replace("X", "[A-Z]").replace("9", "[0-9]") + "$" for s in SIDECODES)
)
PERSON_ROLE_WORDS = frozenset(
    {"mevrouw", "mw.", "mw", "dhr.", "meneer", "gezinsvoogd", "jeugdbeschermer", "ms.", "mr.", "dr."}
)
RECORD_FIELDS = {"id", "lang", "text", "annotations", "level", "flags"}

# Ordinary words that are also surnames: every set's unannotated (level none) posts hold these.
SURNAME_WORDS = ("de bakker op de hoek", "de visser", "3-1", "20:15")
MORE_SURNAME_WORDS = ("de koster", "de boer", "de smid", "de kok", "baker", "miller")


def plain(value: str) -> str:
    """Drop spaces and invisible characters; keep everything else (obfuscation shows as non-ASCII)."""
    return "".join(c for c in value if not c.isspace() and unicodedata.category(c) != "Cf")


@dataclass(frozen=True)
class PostSet:
    """One annotated set and its own expectations."""

    name: str
    min_posts: int  # at least this many posts
    min_obfuscated_share: float  # nl-obf + en-obf posts, as a share of all posts
    negative_phrases: tuple[str, ...]  # each occurs in the set's level-none posts
    # False for a set written to test the scorer: it need not hold every entity type (a BSN,
    # an IBAN, ...), but every value it does hold must be valid.
    covers_all_types: bool = True
    min_negative_share: float = 0.25  # level none or low

    @property
    def source(self) -> Path:
        return DATA / self.name / "posts.md"

    @property
    def target(self) -> Path:
        return DATA / self.name / f"{self.name}.jsonl"

    @cached_property
    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.target.read_text(encoding="utf-8").splitlines()]

    @property
    def annotations(self) -> list[tuple[dict, dict]]:
        return [(r, a) for r in self.records for a in r["annotations"]]

    def values(self, entity_type: str) -> list[str]:
        return [plain(a["text"]) for _, a in self.annotations if a["type"] == entity_type]


POST_SETS = (
    PostSet("devset", 200, 0.10, SURNAME_WORDS + ("0800-0432",)),
    PostSet("heldout", 150, 0.09, SURNAME_WORDS + ("0800-2000",)),
    PostSet("heldout2", 120, 0.09, SURNAME_WORDS + ("0800-2000",) + MORE_SURNAME_WORDS),
    PostSet(
        "heldout3", 100, 0.09,
        SURNAME_WORDS + ("0800-2000",) + MORE_SURNAME_WORDS + ("de timmerman", "de brouwer"),
    ),
    # Written blind for the scorer (threat and call-to-action wording); the blind test of the
    # scorer since heldout3 went into its training data.
    PostSet("heldout4", 100, 0.08, ("0800-2000",), covers_all_types=False, min_negative_share=0.2),
    # Written blind as tests of the scorer, each measured once (README "Measured").
    PostSet("heldout5", 100, 0.09, ("0800-2000",), covers_all_types=False),
    PostSet("heldout6", 100, 0.09, ("0800-2000",), covers_all_types=False),
    # Written blind after heldout5 and heldout6 went into the scorer's tuning; measured once.
    PostSet("heldout7", 120, 0.09, ("0800-2000",), covers_all_types=False),
    # Written blind after heldout7 went into the scorer's tuning; measured once.
    PostSet("heldout8", 120, 0.09, ("0800-2000",), covers_all_types=False),
    # Written blind after heldout8 went into the scorer's tuning; measured once.
    PostSet("heldout9", 120, 0.09, ("0800-2000",), covers_all_types=False),
)


# --- checks: each takes a PostSet (and tmp_path where it writes) and asserts ---------------------

def check_jsonl_matches_source(s: PostSet) -> None:
    assert build.build(s.source) == s.target.read_text(encoding="utf-8")


def check_build_check_mode_passes(s: PostSet) -> None:
    assert build.main(["--check", "--src", str(s.source), "--out", str(s.target)]) == 0


def check_build_check_mode_fails_on_a_stale_target(s: PostSet, tmp_path: Path) -> None:
    stale = tmp_path / "stale.jsonl"
    stale.write_text(s.target.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    assert build.main(["--check", "--src", str(s.source), "--out", str(stale)]) == 1


def check_build_writes_the_given_target(s: PostSet, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert build.main(["--src", str(s.source), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == s.target.read_text(encoding="utf-8")


def check_no_post_text_carries_markdown_headings(s: PostSet) -> None:
    assert not [r["id"] for r in s.records if "\n#" in r["text"] or r["text"].startswith("#")]


def check_size_and_mix(s: PostSet) -> None:
    records = s.records
    assert len(records) >= s.min_posts
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    groups = Counter(i.rsplit("-", 1)[0] for i in ids)
    n = len(records)
    assert groups["en-dox"] + groups["en-neg"] + groups["en-obf"] >= 0.18 * n
    assert groups["vl"] >= 0.08 * n
    assert groups["nl-obf"] + groups["en-obf"] >= s.min_obfuscated_share * n
    negatives = sum(1 for r in records if r["level"] in ("none", "low"))
    assert negatives >= s.min_negative_share * n


def check_posts_are_in_no_other_set(s: PostSet) -> None:
    for other in POST_SETS:
        if other.name != s.name:
            texts = {r["text"] for r in other.records}
            assert not [r["id"] for r in s.records if r["text"] in texts], other.name


def check_record_fields(s: PostSet) -> None:
    for r in s.records:
        assert set(r) == RECORD_FIELDS, r["id"]
        assert r["lang"] in ("nl", "en")
        assert r["level"] in RISK_LEVELS
        assert set(r["flags"]) == {"threat", "call_to_action"}
        assert all(isinstance(v, bool) for v in r["flags"].values())


def check_annotations_are_exact_sorted_and_disjoint(s: PostSet) -> None:
    for r in s.records:
        previous_end = 0
        for a in r["annotations"]:
            assert a["type"] in ENTITY_TYPES, (r["id"], a)
            assert 0 <= a["start"] < a["end"] <= len(r["text"])
            assert r["text"][a["start"]:a["end"]] == a["text"], (r["id"], a)
            assert a["start"] >= previous_end, (r["id"], a)
            previous_end = a["end"]


def check_person_spans_hold_no_role_words(s: PostSet) -> None:
    for r, a in s.annotations:
        if a["type"] == "PERSON":
            assert not set(a["text"].lower().split()) & PERSON_ROLE_WORDS, (r["id"], a)


def check_bsn_values_pass_the_11_test(s: PostSet) -> None:
    values = s.values("NL_BSN")
    assert values or not s.covers_all_types
    assert all(bsn.is_valid(v) for v in values), values


def check_iban_values_have_valid_checksums(s: PostSet) -> None:
    values = s.values("IBAN_CODE")
    assert values or not s.covers_all_types
    assert all(iban.is_valid(v) for v in values), values


def check_postcodes_are_valid_dutch_postcodes(s: PostSet) -> None:
    values = s.values("NL_POSTCODE")
    assert values or not s.covers_all_types
    for value in values:
        assert postcode.is_valid(value), value
        assert value[-2:].upper() not in ("SA", "SD", "SS")


def check_plates_follow_a_sidecode(s: PostSet) -> None:
    values = [v.upper() for v in s.values("NL_LICENSE_PLATE")]
    assert values or not s.covers_all_types
    assert all(PLATE.match(v) for v in values), [v for v in values if not PLATE.match(v)]


def check_id_documents_and_cards_are_valid(s: PostSet) -> None:
    documents = s.values("NL_ID_DOCUMENT")
    cards = s.values("CREDIT_CARD")
    assert (documents and cards) or not s.covers_all_types
    assert all(identiteitskaartnummer.is_valid(v) for v in documents), documents
    assert all(luhn.is_valid(v) for v in cards), cards


def check_every_type_of_the_vocabulary_occurs(s: PostSet) -> None:
    found = {a["type"] for _, a in s.annotations}
    assert found == set(ENTITY_TYPES) if s.covers_all_types else found <= set(ENTITY_TYPES)


def check_nine_digit_numbers_failing_the_11_test_are_not_annotated(s: PostSet) -> None:
    for r in s.records:
        annotated = {(a["start"], a["end"]) for a in r["annotations"]}
        for m in re.finditer(r"(?<!\d)\d{9}(?!\d)", r["text"]):
            if not bsn.is_valid(m.group()):
                assert not any(st <= m.start() and m.end() <= e for st, e in annotated), (r["id"], m.group())


def check_negatives_cover_ordinary_words_that_are_surnames(s: PostSet) -> None:
    texts = " ".join(r["text"] for r in s.records if r["level"] == "none").lower()
    for phrase in s.negative_phrases:
        assert phrase in texts, phrase
