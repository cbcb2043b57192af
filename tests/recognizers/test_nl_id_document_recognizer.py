import pytest

from piiscore.recognizers.nl.nl_id_document_recognizer import NlIdDocumentRecognizer


@pytest.fixture(scope="module")
def recognizer():
    return NlIdDocumentRecognizer()


def spans(results):
    return [(r.start, r.end) for r in results]


# Made-up document numbers in the official shape; SPECI2014 is the specimen number.
@pytest.mark.parametrize(
    "text, expected_len, expected_positions",
    [
        # valid: a document cue before it in the same sentence
        ("paspoortnummer XR1001R58", 1, [(15, 24)]),
        ("documentnummer: SPECI2014.", 1, [(16, 25)]),
        ("ID card nr np7h4k2l1", 1, [(11, 20)]),
        ("Haar id-kaart: BN12KL345", 1, [(15, 24)]),
        ("Paspoort van de gezinsvoogd lag gewoon op tafel tijdens het huisbezoek, nummer NPK3L5R71. "
         "Ik heb er een foto van.", 1, [(79, 88)]),
        ("passport number XR1001R58", 1, [(16, 25)]),
        # invalid: no cue, the letter O, wrong shape, cue in another sentence
        ("XR1001R58", 0, []),
        ("bestelcode XR1001R58", 0, []),
        ("paspoort OR1001R58", 0, []),
        ("paspoort XR1001R5", 0, []),
        ("paspoort XR1001R5A", 0, []),
        ("paspoort 12XR001R58", 0, []),
        ("Mijn paspoort is verlopen. Bestelling XR1001R58 komt morgen.", 0, []),
    ],
)
def test_when_document_number_in_text_then_found(text, expected_len, expected_positions, recognizer):
    results = recognizer.analyze(text, ["NL_ID_DOCUMENT"])
    assert len(results) == expected_len
    assert spans(results) == expected_positions


@pytest.mark.parametrize(
    "pattern_text, expected",
    [
        ("XR1001R58", None),
        ("xr1001r58", None),
        ("SPECI2014", None),
        ("OR1001R58", False),
        ("XR1001R5A", False),
        ("XR1001R5", False),
        ("", False),
    ],
)
def test_validate_result(pattern_text, expected, recognizer):
    assert recognizer.validate_result(pattern_text) is expected


def test_document_number_needs_context_through_the_engine(engine):
    with_cue = engine.analyze("Haar paspoort: XR1001R58, ik heb een foto", "nl")
    without = engine.analyze("Artikelcode XR1001R58 is uitverkocht", "nl")
    assert [(e.start, e.end) for e in with_cue if e.type == "NL_ID_DOCUMENT"] == [(15, 24)]
    assert [e for e in without if e.type == "NL_ID_DOCUMENT"] == []
