import pytest

from piiscore.recognizers.nl.nl_date_recognizer import NlDateRecognizer


@pytest.fixture(scope="module")
def recognizer():
    return NlDateRecognizer()


def found(recognizer, text):
    return [(r.start, r.end, r.entity_type) for r in recognizer.analyze(text, None)]


D, B = "DATE_TIME", "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    "text, expected_len, expected",
    [
        # valid dates
        ("12-03-1985", 1, [(0, 10, D)]),
        ("12/03/1985", 1, [(0, 10, D)]),
        ("12.03.85", 1, [(0, 8, D)]),
        ("1985-03-12", 1, [(0, 10, D)]),
        ("03/25/1985", 1, [(0, 10, D)]),
        ("12 maart 1985", 1, [(0, 13, D)]),
        ("12 mrt '85", 1, [(0, 10, D)]),
        ("1 jan. 2000", 1, [(0, 11, D)]),
        ("March 12, 1985", 1, [(0, 14, D)]),
        ("12th of March", 1, [(0, 13, D)]),
        ("May 3rd", 1, [(0, 7, D)]),
        ("sinds mei 2024 niks gehoord", 1, [(6, 14, D)]),
        ("since May 2024", 1, [(6, 14, D)]),
        ("Onze zaak bij de rechter, op 12 november, kwam niet.", 1, [(29, 40, D)]),
        ("afspraak 15 januari.", 1, [(9, 19, D)]),
        # birth dates: a birth cue before, in the same sentence
        ("Ilse Meijer, geboren 14 maart 1986, werkt als gezinsvoogd", 1, [(21, 34, B)]),
        ("Agnieszka, geb. 03-07-1990. Ja ik heb mijn bronnen.", 1, [(16, 26, B)]),
        ("geboortedatum 22-11-1978 naam rob", 1, [(14, 24, B)]),
        ("geb.datum: 1-2-1980", 1, [(11, 19, B)]),
        ("DOB: March 12, 1985.", 1, [(5, 19, B)]),
        ("she was born on 3rd May 1990", 1, [(16, 28, B)]),
        ("date of birth 12/03/1985", 1, [(14, 24, B)]),
        ("Ze is geboren in 1985. Op 12 maart 2024 kwam ze langs.", 1, [(26, 39, D)]),
        # not dates: times, scores, plain years, day-month in digits, impossible dates, phones
        ("om 10:30 bij het station", 0, []),
        ("de uitslag was 3-1", 0, []),
        ("in 2024 werd het erger", 0, []),
        ("12/3", 0, []),
        ("31-02-2020", 0, []),
        ("2024-13-01", 0, []),
        ("12-03-1850", 0, []),
        ("06-12-34-56-78", 0, []),
        ("06.41.72.83.95", 0, []),
        ("those 2 may come later", 0, []),
        ("ik heb 3 Jan gesproken", 0, []),
        ("Jan 5 keer gebeld", 0, []),
    ],
)
def test_when_date_in_text_then_found_with_its_type(text, expected_len, expected, recognizer):
    results = found(recognizer, text)
    assert len(results) == expected_len
    assert results == expected


def test_requested_entities_filter_the_types(recognizer):
    text = "geboren 14 maart 1986, zitting op 12 november"
    assert [r.entity_type for r in recognizer.analyze(text, ["DATE_TIME"])] == ["DATE_TIME"]
    assert [r.entity_type for r in recognizer.analyze(text, ["DATE_OF_BIRTH"])] == ["DATE_OF_BIRTH"]


@pytest.mark.parametrize(
    "text, start, expected",
    [
        ("geboren 14 maart", 8, True),
        ("geb. 14 maart", 5, True),
        ("Born: 14 March", 6, True),
        ("verjaardag op 5 juni", 14, True),
        ("zitting op 14 maart", 11, False),
        ("geboren in Delft. Op 14 maart", 21, False),
        ("geboren\n14 maart", 8, False),
    ],
)
def test_is_birth_date(text, start, expected, recognizer):
    assert recognizer.is_birth_date(text, start) is expected


def test_birth_date_in_a_post_through_the_engine(engine):
    text = "Voor wie het wil weten: Ilse Meijer, geboren 14 maart 1986, werkt als gezinsvoogd in Zwolle."
    dates = [(e.start, e.end, e.type) for e in engine.analyze(text, "nl")
             if e.type in ("DATE_OF_BIRTH", "DATE_TIME")]
    assert dates == [(45, 58, "DATE_OF_BIRTH")]


def test_a_birth_cue_belongs_to_the_first_date_after_it(recognizer):
    text = "geboren 14 maart 1986, zitting op 12 november"
    assert found(recognizer, text) == [(8, 21, B), (34, 45, D)]
