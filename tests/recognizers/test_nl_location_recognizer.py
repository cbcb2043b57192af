import pytest
from hypothesis import given

from piiscore.recognizers.nl.nl_location_recognizer import NlLocationRecognizer

import name_span_tables as tables


@pytest.fixture(scope="module")
def recognizer():
    return NlLocationRecognizer()


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
    # towns and counties in English-speaking countries
    ("She lives in Maidstone and works in Galway.", ["Maidstone", "Galway"]),
    ("CPS investigator in Maricopa County, lives out at Tallaght.", ["Maricopa County", "Tallaght"]),
    # a street named after a town is the street
    ("The gym on Cardiff Road, every Tuesday.", ["Cardiff Road"]),
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
    # an English street without a number (with one it is an NL_ADDRESS)
    ("She lives on Ashworth Road, two doors down.", ["Ashworth Road"]),
    ("Nice house on Birchwood Close in Leeds.", ["Birchwood Close", "Leeds"]),
]

INVALID = [
    "Meet me in Hyde Park at noon.",
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
    "Lives Street was the name of the album.",
    "on the road again, down the lane",
]


@pytest.mark.parametrize("text, places", VALID)
def test_when_place_in_text_then_found(text, places, recognizer):
    tables.check_spans_found(recognizer, "LOCATION", text, places)


@pytest.mark.parametrize("text", INVALID)
def test_when_no_place_then_nothing_found(text, recognizer):
    tables.check_nothing_found(recognizer, "LOCATION", text)


@pytest.mark.parametrize(
    "text, location, other_type, other",
    [
        ("Gezinsvoogd bij Jeugdbescherming Rotterdam Rijnmond.", None, "ORGANIZATION",
         "Jeugdbescherming Rotterdam Rijnmond"),
        ("Ze woont op de Kerkstraat 12a in Schiedam.", "Schiedam", "NL_ADDRESS", "Kerkstraat 12a"),
        ("Gemeente Enschede weet ervan.", None, "ORGANIZATION", "Gemeente Enschede"),
        ("She lives at 14 Birchwood Close, Leeds.", "Leeds", "NL_ADDRESS", "14 Birchwood Close"),
    ],
)
def test_place_inside_an_organisation_or_address_gives_way(text, location, other_type, other,
                                                            pii_engine):
    entities = pii_engine.analyze(text, "nl")
    assert tables.found(entities, other_type) == tables.offsets(text, [other])
    assert tables.found(entities, "LOCATION") == (tables.offsets(text, [location]) if location else [])


@tables.PROPERTY_SETTINGS
@given(text=tables.PROPERTY_TEXTS)
def test_spans_always_lie_inside_the_text_and_scores_are_sane(text, recognizer):
    tables.check_spans_inside_the_text_and_scores_sane(recognizer, "LOCATION", text)
