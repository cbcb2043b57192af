from piiscore.overlap import resolve_overlaps
from piiscore.types import Entity


def ent(t, s, e, score=0.8):
    return Entity(t, s, e, score, "x" * (e - s))


def test_address_beats_location_and_bsn_beats_phone():
    kept = resolve_overlaps([ent("LOCATION", 0, 10), ent("NL_ADDRESS", 0, 13),
                             ent("PHONE_NUMBER", 20, 29, 0.9), ent("NL_BSN", 20, 29, 0.6)])
    assert [(e.type, e.start, e.end) for e in kept] == [("NL_ADDRESS", 0, 13), ("NL_BSN", 20, 29)]


def test_non_overlapping_spans_all_kept_in_order():
    kept = resolve_overlaps([ent("PERSON", 10, 20), ent("LOCATION", 0, 5), ent("PERSON", 20, 25)])
    assert [(e.start, e.end) for e in kept] == [(0, 5), (10, 20), (20, 25)]


def test_same_type_prefers_higher_score_then_longer():
    kept = resolve_overlaps([ent("PERSON", 0, 5, 0.5), ent("PERSON", 0, 12, 0.9), ent("PERSON", 3, 8, 0.9)])
    assert [(e.start, e.end) for e in kept] == [(0, 12)]


def test_empty_spans_dropped():
    assert resolve_overlaps([ent("PERSON", 4, 4)]) == []
