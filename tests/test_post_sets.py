"""The annotated post sets (tests/data/devset, heldout to heldout9): each
checked-in jsonl is what build.py makes of its posts.md, and every set is sound by the same rules
(checks and per-set expectations in post_sets.py). Also build.py's markup parser itself."""
from __future__ import annotations

import pytest

import post_sets
from post_sets import POST_SETS, build


@pytest.fixture(params=POST_SETS, ids=[s.name for s in POST_SETS])
def post_set(request):
    return request.param


def test_jsonl_matches_source(post_set):
    post_sets.check_jsonl_matches_source(post_set)


def test_build_check_mode_passes(post_set):
    post_sets.check_build_check_mode_passes(post_set)


def test_build_check_mode_fails_on_a_stale_target(post_set, tmp_path):
    post_sets.check_build_check_mode_fails_on_a_stale_target(post_set, tmp_path)


def test_build_writes_the_given_target(post_set, tmp_path):
    post_sets.check_build_writes_the_given_target(post_set, tmp_path)


def test_no_post_text_carries_markdown_headings(post_set):
    post_sets.check_no_post_text_carries_markdown_headings(post_set)


def test_size_and_mix(post_set):
    post_sets.check_size_and_mix(post_set)


def test_posts_are_in_no_other_set(post_set):
    post_sets.check_posts_are_in_no_other_set(post_set)


def test_record_fields(post_set):
    post_sets.check_record_fields(post_set)


def test_annotations_are_exact_sorted_and_disjoint(post_set):
    post_sets.check_annotations_are_exact_sorted_and_disjoint(post_set)


def test_person_spans_hold_no_role_words(post_set):
    post_sets.check_person_spans_hold_no_role_words(post_set)


def test_bsn_values_pass_the_11_test(post_set):
    post_sets.check_bsn_values_pass_the_11_test(post_set)


def test_iban_values_have_valid_checksums(post_set):
    post_sets.check_iban_values_have_valid_checksums(post_set)


def test_postcodes_are_valid_dutch_postcodes(post_set):
    post_sets.check_postcodes_are_valid_dutch_postcodes(post_set)


def test_plates_follow_a_sidecode(post_set):
    post_sets.check_plates_follow_a_sidecode(post_set)


def test_id_documents_and_cards_are_valid(post_set):
    post_sets.check_id_documents_and_cards_are_valid(post_set)


def test_every_type_of_the_vocabulary_occurs(post_set):
    post_sets.check_every_type_of_the_vocabulary_occurs(post_set)


def test_nine_digit_numbers_failing_the_11_test_are_not_annotated(post_set):
    post_sets.check_nine_digit_numbers_failing_the_11_test_are_not_annotated(post_set)


def test_negatives_cover_ordinary_words_that_are_surnames(post_set):
    post_sets.check_negatives_cover_ordinary_words_that_are_surnames(post_set)


# --- build.py itself ------------------------------------------------------------------------------

def test_build_defaults_are_the_dev_set():
    devset = POST_SETS[0]
    assert devset.name == "devset"
    assert build.build() == devset.target.read_text(encoding="utf-8")
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


def test_header_rejects_unknown_level_and_flag():
    with pytest.raises(build.MarkupError):
        build.parse_source("### p1 nl severe\ntekst")
    with pytest.raises(build.MarkupError):
        build.parse_source("### p1 nl high urgent\ntekst")
