import pytest

from piiscore.recognizers.generic.iban_code_recognizer import IbanCodeRecognizer

# Made-up account numbers; the check digits were computed with stdnum.iban.calc_check_digits.
# NL91 ABNA 0417 1643 00 is the standard documentation example.


@pytest.fixture(scope="module")
def recognizer():
    return IbanCodeRecognizer()


def spans(results):
    return [(r.start, r.end) for r in results]


@pytest.mark.parametrize(
    "text, expected_len, expected_positions",
    [
        # valid: grouped, compact, lower case, other countries
        ("NL91 ABNA 0417 1643 00", 1, [(0, 22)]),
        ("NL91ABNA0417164300", 1, [(0, 18)]),
        ("nl91abna0417164300", 1, [(0, 18)]),
        ("nl02 abna 0123 4567 89", 1, [(0, 22)]),
        ("NL78RABO9876543210", 1, [(0, 18)]),
        ("BE71 0961 2345 6769", 1, [(0, 19)]),
        ("DE89 3704 0044 0532 0130 00", 1, [(0, 27)]),
        # in sentences: the following words are not swallowed
        ("Dit is haar rekeningnummer: NL20 INGB 0001 2345 67 t.n.v. A. Hoekstra.", 1, [(28, 50)]),
        ("rekeningnummer van Bas: NL02ABNA0123456789 want hij heeft geleend", 1, [(24, 42)]),
        ("IBAN NL91 ABNA 0417 1643 00 ABCD", 1, [(5, 27)]),
        ("NL91ABNA0417164300, NL78RABO9876543210.", 2, [(0, 18), (20, 38)]),
        # invalid: checksum, length, glued to a word
        ("NL91 ABNA 0417 1643 01", 0, []),
        ("NL92ABNA0417164300", 0, []),
        ("NL91ABNA041716430", 0, []),
        ("xNL91ABNA0417164300", 0, []),
        ("AB12 CDEF 1234 5678 90", 0, []),
    ],
)
def test_when_iban_in_text_then_all_ibans_found(text, expected_len, expected_positions, recognizer):
    results = recognizer.analyze(text, ["IBAN_CODE"])
    assert len(results) == expected_len
    assert spans(results) == expected_positions


@pytest.mark.parametrize(
    "pattern_text, expected",
    [
        ("NL91 ABNA 0417 1643 00", True),
        ("nl91abna0417164300", True),
        ("BE71 0961 2345 6769", True),
        ("NL91 ABNA 0417 1643 01", False),
        ("NL91", False),
        ("", False),
        ("NL91 ABNA 0417 1643 00 want", False),
    ],
)
def test_validate_result(pattern_text, expected, recognizer):
    assert recognizer.validate_result(pattern_text) is expected


def test_iban_in_a_post_through_the_engine(engine):
    text = "Het IBAN van de gezinsvoogd zelf: NL78 RABO 9876 5432 10. Vraag maar geld terug."
    found = [(e.start, e.end, e.type) for e in engine.analyze(text, "nl") if e.type != "PERSON"]
    assert (34, 56, "IBAN_CODE") in found
    assert not any(t == "PHONE_NUMBER" for _, _, t in found)
