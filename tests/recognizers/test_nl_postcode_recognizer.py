import pytest

from piiscore.recognizers.nl.nl_postcode_recognizer import NlPostcodeRecognizer


@pytest.fixture(scope="module")
def recognizer():
    return NlPostcodeRecognizer()


def spans(results):
    return [(r.start, r.end) for r in results]


@pytest.mark.parametrize(
    "text, expected_len, expected_positions",
    [
        # valid
        ("3012 AB", 1, [(0, 7)]),
        ("3012AB", 1, [(0, 6)]),
        ("3012 ab", 1, [(0, 7)]),
        ("3012ab", 1, [(0, 6)]),
        ("6524 GR", 1, [(0, 7)]),
        ("5611 EN Eindhoven", 1, [(0, 7)]),
        ("Laan van Meerdervoort 112-3, 2517 AK Den Haag.", 1, [(29, 36)]),
        ("we weten waar je woont Roos. 3581 WK. slaap lekker", 1, [(29, 36)]),
        ("haar adres: Kerkstraat 12a Schiedam, 3 1 1 1 A B. Sanne weet het", 1, [(37, 48)]),
        ("woont op 3 8 1 2 - K L Amersfoort", 1, [(9, 22)]),
        # invalid
        ("3012 SA", 0, []),
        ("3012 sd", 0, []),
        ("3012SS", 0, []),
        ("0123 AB", 0, []),
        ("12345 AB", 0, []),
        ("3012 ABC", 0, []),
        ("1000 km gereden", 0, []),
        ("1000 KM", 0, []),
        ("in 2024 en 2025", 0, []),
        ("IN 2024 EN DAARNA", 0, []),
        ("sinds 1985 op dezelfde plek", 0, []),
        ("order 3012-AB", 0, []),
        ("v1.2 3012AB1", 0, []),
        ("3 1 1 1 a b", 0, []),
        ("3 8 1 2 - k l", 0, []),
        ("3 1 1 1 S A", 0, []),
    ],
)
def test_when_postcode_in_text_then_all_postcodes_found(text, expected_len, expected_positions, recognizer):
    results = recognizer.analyze(text, ["NL_POSTCODE"])
    assert len(results) == expected_len
    assert spans(results) == expected_positions


@pytest.mark.parametrize(
    "pattern_text, expected",
    [
        ("3012 AB", None),
        ("3012ab", None),
        ("5611 EN", None),
        ("3012 SA", False),
        ("3012 SD", False),
        ("3012 ss", False),
        ("0123 AB", False),
        ("2024 en", False),
        ("2024 EN", False),
        ("1200 km", False),
        ("3 1 1 1 A B", None),
        ("", False),
        ("30", False),
    ],
)
def test_validate_result(pattern_text, expected, recognizer):
    assert recognizer.validate_result(pattern_text) is expected


def test_postcode_in_a_post_through_the_engine(engine):
    text = "Adres van de gezinsvoogd: Vondellaan 201 bis, 3521 GH Utrecht."
    found = [(e.start, e.end) for e in engine.analyze(text, "nl") if e.type == "NL_POSTCODE"]
    assert found == [(46, 53)]
