import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from piiscore.engine import PiiEngine
from piiscore.recognizers.nl.nl_location_recognizer import NlLocationRecognizer

from name_span_tables import found, offsets


@pytest.fixture(scope="module")
def recognizer():
    return NlLocationRecognizer()


@pytest.fixture(scope="module")
def pii_engine():
    return PiiEngine()


VALID = [
    # residences, municipalities, provinces, multi-word names
    ("Ze woont in Schiedam, vlak bij het station.", ["Schiedam"]),
    ("Hij werkt in Den Haag en woont in Capelle aan den IJssel.", ["Den Haag", "Capelle aan den IJssel"]),
    ("Verhuisd van 's-Hertogenbosch naar Bergen op Zoom.", ["'s-Hertogenbosch", "Bergen op Zoom"]),
    ("Iedereen in Noord-Brabant en Friesland kent haar.", ["Noord-Brabant", "Friesland"]),
    ("Ze woont in Almere Buiten, niet in Almere Haven.", ["Almere Buiten", "Almere Haven"]),
    # districts after a city
    ("Gezien in Rotterdam-Zuid en Amsterdam Noord.", ["Rotterdam-Zuid", "Amsterdam Noord"]),
    ("Hij zit nu in Schiebroek, niet in Kanaleneiland.", ["Schiebroek", "Kanaleneiland"]),
    # Flemish towns, countries, world cities, Dutch and English
    ("Ze komt uit Sint-Niklaas en werkt in Mechelen.", ["Sint-Niklaas", "Mechelen"]),
    ("Op vakantie in Marokko en daarna naar Turkije.", ["Marokko", "Turkije"]),
    ("She moved from The Hague to London last year.", ["The Hague", "London"]),
    # case: lower case and ALL CAPS posts
    ("ze woont gewoon in leeuwarden hoor", ["leeuwarden"]),
    ("ZE WOONT IN DRACHTEN. ZOEK HAAR OP.", ["DRACHTEN"]),
    # lower case inside a cased post, after a locative preposition
    ("Ze ging naar amsterdam en daarna naar den haag.", ["amsterdam", "den haag"]),
    # place names that are ordinary words: with a preposition or a capital mid-sentence
    ("ik woon al jaren in best", ["best"]),
    ("Ze woont sinds kort in Hoorn bij het station.", ["Hoorn"]),
    ("GEZINSVOOGD: TIM VAN DER BERG. ADRES: DORPSSTRAAT 5 EPE", ["EPE"]),
    ("Ze woont in de Bijlmer, niet in Osdorp.", ["Bijlmer", "Osdorp"]),
    # a street without a number
    ("Ze woont ergens aan de Hoofdweg.", ["Hoofdweg"]),
    ("Hij loopt elke dag over de Lijnbaan.", ["Lijnbaan"]),
]

INVALID = [
    "Best wel een goed idee, toch?",
    "Goes het goed met je? Echt best.",
    "De boer verkoopt eieren aan de weg.",
    "De haan kraaide om vijf uur.",
    "De Visser en de Bakker zijn beroepen.",
    "We gaan naar de supermarkt en daarna het fietspad op.",
    "Laat de kinderen lekker buiten spelen in het park.",
    "Bus 12 naar het centrum rijdt niet.",
    "Ik ga naar huis, dan in bed liggen.",
    "Ze speelden in het veld.",
    "nu zitten ze in een pleeggezin, ophalen in de buurt van het centrum",
]


@pytest.mark.parametrize("text, places", VALID)
def test_when_place_in_text_then_found(text, places, recognizer):
    results = recognizer.analyze(text, ["LOCATION"])
    assert found(results, "LOCATION") == offsets(text, places)


@pytest.mark.parametrize("text", INVALID)
def test_when_no_place_then_nothing_found(text, recognizer):
    assert recognizer.analyze(text, ["LOCATION"]) == []


@pytest.mark.parametrize(
    "text, location, other_type, other",
    [
        ("Gezinsvoogd bij Jeugdbescherming Rotterdam Rijnmond.", None, "ORGANIZATION",
         "Jeugdbescherming Rotterdam Rijnmond"),
        ("Ze woont op de Kerkstraat 12a in Schiedam.", "Schiedam", "NL_ADDRESS", "Kerkstraat 12a"),
        ("Gemeente Enschede weet ervan.", None, "ORGANIZATION", "Gemeente Enschede"),
    ],
)
def test_place_inside_an_organisation_or_address_gives_way(text, location, other_type, other,
                                                            pii_engine):
    entities = pii_engine.analyze(text, "nl")
    assert found(entities, other_type) == offsets(text, [other])
    assert found(entities, "LOCATION") == (offsets(text, [location]) if location else [])

_PIECES = st.sampled_from(["van", "de", "'t", "Sanne", "Bakker", "Kerkstraat", "12", "a", "J.", ".",
                           "-", "Den", "Haag", "Jeugdbescherming", "St", "B.V.", "nr", "in", "VAN",
                           "'s-Hertogenbosch", "Laan", "str", "\u200b", "😀", "İ", "\n", ","])


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=20).map(" ".join)))
def test_spans_always_lie_inside_the_text_and_scores_are_sane(text, recognizer):
    for r in recognizer.analyze(text, ["LOCATION"]):
        assert 0 <= r.start < r.end <= len(text)
        assert 0.4 <= r.score <= 1.0
