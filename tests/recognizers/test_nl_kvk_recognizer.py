import doctest

import pytest

from piiscore.recognizers.nl.nl_kvk_recognizer import NlKvkRecognizer
from piiscore.validators import nl_kvk


@pytest.fixture(scope="module")
def recognizer():
    return NlKvkRecognizer()


def spans(results):
    return [(r.start, r.end) for r in results]


@pytest.mark.parametrize(
    "text, expected_len, expected_positions",
    [
        # valid: a KvK cue just before
        ("KvK 12345678", 1, [(4, 12)]),
        ("kvk-nummer: 87654321", 1, [(12, 20)]),
        ("K.v.K. 1234 5678", 1, [(7, 16)]),
        ("Coaching Brouwer, KvK 70412389, ingeschreven op haar huisadres.", 1, [(22, 30)]),
        ("ingeschreven bij de Kamer van Koophandel onder nummer 8765 4321.", 1, [(54, 63)]),
        ("Chamber of Commerce no. 12345678", 1, [(24, 32)]),
        ("handelsregister 12345678", 1, [(16, 24)]),
        ("vestigingsnummer 000012345678", 1, [(17, 29)]),
        # invalid: no cue, wrong length, all zeros, cue on another line
        ("12345678", 0, []),
        ("bestelnummer 12345678", 0, []),
        ("kvk 1234567", 0, []),
        ("kvk 123456789", 0, []),
        ("kvk 00000000", 0, []),
        ("kvk\nbestelling 12345678", 0, []),
        ("kvk 12345678-1", 0, []),
    ],
)
def test_when_kvk_in_text_then_all_kvk_numbers_found(text, expected_len, expected_positions, recognizer):
    results = recognizer.analyze(text, ["NL_KVK"])
    assert len(results) == expected_len
    assert spans(results) == expected_positions


@pytest.mark.parametrize(
    "pattern_text, expected",
    [
        ("12345678", None),
        ("1234 5678", None),
        ("000012345678", None),
        ("00000000", False),
        ("1234567", False),
        ("1234567a", False),
        ("", False),
    ],
)
def test_validate_result(pattern_text, expected, recognizer):
    assert recognizer.validate_result(pattern_text) is expected


def test_validator_doctests():
    failures, tried = doctest.testmod(
        nl_kvk, optionflags=doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL)
    assert tried > 5 and failures == 0


def test_kvk_needs_context_through_the_engine(engine):
    with_cue = engine.analyze("Schildersbedrijf De Kwast B.V. – KvK 61234567 – bel ons", "nl")
    without = engine.analyze("Bestelling 61234567 is verzonden", "nl")
    assert [(e.start, e.end) for e in with_cue if e.type == "NL_KVK"] == [(37, 45)]
    assert [e for e in without if e.type == "NL_KVK"] == []
