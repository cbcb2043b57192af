import pytest

from piiscore.recognizers.nl.nl_bsn_recognizer import NlBsnRecognizer


def spans(results):
    return [(r.start, r.end) for r in results]


def of_type(entities, entity_type):
    return [(e.start, e.end, e.text) for e in entities if e.type == entity_type]

# All numbers are made up: they pass the 11-test and belong to no one.


@pytest.fixture(scope="module")
def recognizer():
    return NlBsnRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions",
    [
        # valid
        ("111222333", 1, [(0, 9)]),
        ("1112.22.333", 1, [(0, 11)]),
        ("1112 22 333", 1, [(0, 11)]),
        ("111 222 333", 1, [(0, 11)]),
        ("534640977", 1, [(0, 9)]),
        ("Ik heb zijn BSN gewoon: 302466332. Hoezo privacy.", 1, [(24, 33)]),
        ("bsn 629923127 en 973669469", 2, [(4, 13), (17, 26)]),
        # any grouping of nine digits, only right after a BSN label
        ("bsn 1112 2233 3. Doe er wat mee", 1, [(4, 15)]),
        ("BSN: 11 122 23 33", 1, [(5, 17)]),
        ("burgerservicenummer is 1 1 1 2 2 2 3 3 3", 1, [(23, 40)]),
        ("1112 2233 3", 0, []),
        ("bsn 1112 2233 4", 0, []),
        ("bsn 1112 2233 33", 0, []),
        # invalid: 11-test fails, wrong length, part of something longer
        ("123456789", 0, []),
        ("111222334", 0, []),
        ("1112.22.334", 0, []),
        ("11122233", 0, []),
        ("0111222333", 0, []),
        ("1112223330", 0, []),
        ("000000000", 0, []),
        ("NL111222333B01", 0, []),
        ("bel +31 612345678", 0, []),
        ("tel 0031 111222333", 0, []),
        ("€ 1.111.222.333", 0, []),
        ("order 111222333-2", 0, []),
        ("Artikelnummer 123456782 op voorraad", 0, []),
        ("ordernr: 111222333", 0, []),
        ("factuur #534640977", 0, []),
    ],
)
def test_when_bsn_in_text_then_all_bsns_found(text, expected_len, expected_positions, recognizer):
    results = recognizer.analyze(text, ["NL_BSN"])
    assert len(results) == expected_len
    assert spans(results) == expected_positions
    assert all(r.entity_type == "NL_BSN" for r in results)


@pytest.mark.parametrize(
    "pattern_text, expected",
    [
        ("111222333", None),
        ("1112.22.333", None),
        ("111 222 333", None),
        ("123456782", None),
        ("123456789", False),
        ("000000000", False),
        ("11122233", False),
        ("", False),
        ("abc", False),
        ("1112.22.33x", False),
    ],
)
def test_validate_result(pattern_text, expected, recognizer):
    assert recognizer.validate_result(pattern_text) is expected


def test_context_raises_score(engine):
    bare = of_type(engine.analyze("nummer 111222333 staat erop", "nl"), "NL_BSN")
    with_context = engine.analyze("Zijn BSN is 111222333, zie dossier", "nl")
    bsn = [e for e in with_context if e.type == "NL_BSN"]
    assert bare == [(7, 16, "111222333")]
    assert [(e.start, e.end) for e in bsn] == [(12, 21)]
    bare_score = [e.score for e in engine.analyze("nummer 111222333 staat erop", "nl")
                  if e.type == "NL_BSN"][0]
    assert bsn[0].score > bare_score


def test_number_failing_the_11_test_is_never_reported_even_with_context(engine):
    entities = engine.analyze("Mijn BSN is 123456789, burgerservicenummer dus", "nl")
    assert of_type(entities, "NL_BSN") == []
