import doctest

import pytest

from piiscore.recognizers.nl.nl_license_plate_recognizer import NlLicensePlateRecognizer
from piiscore.validators import nl_kenteken


@pytest.fixture(scope="module")
def recognizer():
    return NlLicensePlateRecognizer()


def spans(results):
    return [(r.start, r.end) for r in results]


# one made-up plate per side code, with dashes
SIDECODE_EXAMPLES = [
    (1, "XB-12-34"), (2, "12-34-XB"), (3, "12-XB-34"), (4, "XB-12-XB"), (5, "XB-XB-12"),
    (6, "12-XB-XB"), (7, "12-XBG-3"), (8, "1-XBG-23"), (9, "XB-123-G"), (10, "X-123-BG"),
    (11, "XBG-12-H"), (12, "X-12-BGH"), (13, "1-XB-234"), (14, "123-XB-4"),
]


@pytest.mark.parametrize("code, plate", SIDECODE_EXAMPLES)
def test_every_sidecode_with_dashes_is_found(code, plate, recognizer):
    assert nl_kenteken.sidecode(plate) == code
    assert spans(recognizer.analyze(plate, ["NL_LICENSE_PLATE"])) == [(0, 8)]
    assert spans(recognizer.analyze(plate.lower(), ["NL_LICENSE_PLATE"])) == [(0, 8)]


@pytest.mark.parametrize(
    "text, expected_len, expected_positions",
    [
        # valid: dashes in a side code, any case
        ("GH-482-K", 1, [(0, 8)]),
        ("85-hj-np", 1, [(0, 8)]),
        ("Rijdt in een witte Polo met kenteken GH-482-K. Alle info welkom.", 1, [(37, 45)]),
        ("zijn auto H-07-NZB, werkt bij JBRR", 1, [(10, 18)]),
        ("TVB-42-J.", 1, [(0, 8)]),
        # valid: no dashes, or spaced out, with a context word just before
        ("kenteken gh482k", 1, [(9, 15)]),
        ("Ze rijdt in een auto met GH482K rond", 1, [(25, 31)]),
        ("license plate: 85HJNP", 1, [(15, 21)]),
        ("haar kenteken: G H - 4 8 2 - K. Witte Polo", 1, [(15, 30)]),
        # spread out with its dashes in place: reported without a cue
        ("Wie ziet deze? Zwarte Volvo, G Z - 2 8 3 - V, van hem", 1, [(29, 44)]),
        # invalid: no dashes and no context
        ("GH482K", 0, []),
        ("bestelcode AB12CD", 0, []),
        ("auto. Productcode AB12CD", 0, []),
        ("a b-12-34", 0, []),
        # invalid: not a side code, banned groups, vowels in later side codes, dates
        ("12-34-56", 0, []),
        ("GH-48-2K", 0, []),
        ("SS-12-34", 0, []),
        ("12-SD-34", 0, []),
        ("NSB-12-H", 0, []),
        ("X-12-VVD", 0, []),
        ("AB-123-E", 0, []),
        ("12-11-2024", 0, []),
        ("XX-99-99-99", 0, []),
        ("ref-AB-12-34", 0, []),
    ],
)
def test_when_plate_in_text_then_all_plates_found(text, expected_len, expected_positions, recognizer):
    results = recognizer.analyze(text, ["NL_LICENSE_PLATE"])
    assert len(results) == expected_len
    assert spans(results) == expected_positions


@pytest.mark.parametrize(
    "pattern_text, expected",
    [
        ("GH-482-K", None),
        ("gh482k", None),
        ("85-HJ-NP", None),
        ("PV-12-34", None),  # PVV is banned from side code 11 only
        ("SS-12-34", False),
        ("KKK-12-B", False),
        ("12-PSV-3", False),
        ("XBG-12-A", False),
        ("12-34-56", False),
        ("", False),
        ("GH-482-K-1", False),
    ],
)
def test_validate_result(pattern_text, expected, recognizer):
    assert recognizer.validate_result(pattern_text) is expected


def test_validator_doctests():
    failures, tried = doctest.testmod(
        nl_kenteken, optionflags=doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL)
    assert tried > 5 and failures == 0


def test_plate_in_a_post_through_the_engine(engine):
    text = "Kenteken van die voogd: 85-HJ-NP. Zwarte Golf. Ook gh482k staat erop."
    found = [(e.start, e.end) for e in engine.analyze(text, "nl") if e.type == "NL_LICENSE_PLATE"]
    assert found == [(24, 32)]


@pytest.mark.parametrize("text", [
    "kenteken gh482k en GH-482-K, 85-HJ-NP 4-TGR-21 H-07-NZB",
    "G H - 4 8 2 - K op de auto, en 52kzt8; SS-12-AB is verboden, XBG-12-A ook",
    "Rijdt in een busje met 12-ABC-3 of 1-ABC-23? Plate: 99-XX-99, order 12-34-56.",
    "",
])
def test_stdlib_pattern_loop_gives_presidios_results(text, recognizer):
    """The plate patterns run on the standard library's re; Presidio's own loop (regex module,
    with its timeout) must give the same spans and scores."""
    from presidio_analyzer import PatternRecognizer

    ours = [(r.start, r.end, r.score) for r in recognizer._match_patterns(text)]
    presidio = [(r.start, r.end, r.score) for r in PatternRecognizer.analyze(
        recognizer, text, ["NL_LICENSE_PLATE"], None, recognizer.global_regex_flags)]
    assert ours == presidio
    assert text == "" or ours  # every non-empty line above holds at least one candidate
