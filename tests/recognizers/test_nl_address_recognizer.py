import pytest
from hypothesis import given

from piiscore.recognizers.nl.nl_address_recognizer import NlAddressRecognizer

import name_span_tables as tables


@pytest.fixture(scope="module")
def recognizer():
    return NlAddressRecognizer()


VALID = [
    ("Kerkstraat 12a", ["Kerkstraat 12a"]),
    ("Woont op de Kerkstraat 12a in Schiedam.", ["Kerkstraat 12a"]),
    ("Laan van Meerdervoort 112-3, 2517 AK Den Haag", ["Laan van Meerdervoort 112-3"]),
    ("Adres: Kerkstraat 12 bis.", ["Kerkstraat 12 bis"]),
    ("Adres: Kerkstraat 12 A, Delft.", ["Kerkstraat 12 A"]),
    ("Jan Evertsenstraat 45-II in Amsterdam", ["Jan Evertsenstraat 45-II"]),
    ("Burgemeester de Withstraat 21 is het.", ["Burgemeester de Withstraat 21"]),
    ("Ik heb het adres: Van Ostadestraat 221-III.", ["Van Ostadestraat 221-III"]),
    ("Prinses Irenestraat 19 en Rozengracht 130-2", ["Prinses Irenestraat 19", "Rozengracht 130-2"]),
    ("ze woont op de kerkstraat 12 hoor", ["kerkstraat 12"]),
    ("WOONT OP DE BREDESTRAAT 44 IN BREDA", ["BREDESTRAAT 44"]),
    ("Singel 140, Amsterdam", ["Singel 140"]),
    ("woont nr 12 in de kerkstraat in Purmerend", ["nr 12 in de kerkstraat"]),
    ("Hij woont op nummer 17 van de Dorpsweg.", ["nummer 17 van de Dorpsweg"]),
    ("Kerkstraat 12 bus 3, 2000 Antwerpen", ["Kerkstraat 12 bus 3"]),
    ("Kerkstr. 12, Delft", ["Kerkstr. 12"]),
    ("Ze woont op de 2e Hugo de Grootstraat 3.", ["2e Hugo de Grootstraat 3"]),
    ("Cornelis van der Lindenstraat 7 en Plantage Middenlaan 14",
     ["Cornelis van der Lindenstraat 7", "Plantage Middenlaan 14"]),
    ("Dat is Sanne van de Kerkstraat 3.", ["Kerkstraat 3"]),
    ("Steenweg op Gent 15, Aalst", ["Steenweg op Gent 15"]),
    ("Rapenburg 12, Leiden en Damrak 7", ["Rapenburg 12", "Damrak 7"]),
    ("She lives at 12 Baker Street, London.", ["12 Baker Street"]),
    ("Office at 27-29 High Street, Luton.", ["27-29 High Street"]),
    ("14 Oak Avenue, Croydon", ["14 Oak Avenue"]),
]

INVALID = [
    "Kerkstraat is afgesloten tot maandag.",
    "In week 12 bespreken we artikel 12.",
    "Amsterdam 12, Rotterdam 3: de uitslag.",
    "Koop nu: code WINTER24 bij de kassa.",
    "Bus 12 naar het centrum rijdt niet.",
    "Dorpsstraat 1995: toen was alles anders.",
    "Hij liep 12 km over de snelweg 3 keer.",
    "Kerkstraat, 3012 AB Rotterdam",
]


@pytest.mark.parametrize("text, addresses", VALID)
def test_when_address_in_text_then_found(text, addresses, recognizer):
    tables.check_spans_found(recognizer, "NL_ADDRESS", text, addresses)


@pytest.mark.parametrize("text", INVALID)
def test_when_no_address_then_nothing_found(text, recognizer):
    tables.check_nothing_found(recognizer, "NL_ADDRESS", text)


def test_street_alone_is_a_location_and_with_number_an_address(pii_engine):
    text = "Ze woont aan de Kerkstraat. Nee wacht: Molenweg 7, Zwolle."
    entities = pii_engine.analyze(text, "nl")
    assert tables.found(entities, "LOCATION") == tables.offsets(text, ["Kerkstraat", "Zwolle"])
    assert tables.found(entities, "NL_ADDRESS") == tables.offsets(text, ["Molenweg 7"])


def test_obfuscated_street_maps_back_to_the_original_text(pii_engine):
    text = "haar adres: Kеrkstrааt 1\u20602a Schiedam"   # Cyrillic look-alikes, word joiner
    entities = pii_engine.analyze(text, "nl")
    assert tables.found(entities, "NL_ADDRESS") == tables.offsets(text, ["Kеrkstrааt 1\u20602a"])


@tables.PROPERTY_SETTINGS
@given(text=tables.PROPERTY_TEXTS)
def test_spans_always_lie_inside_the_text_and_scores_are_sane(text, recognizer):
    tables.check_spans_inside_the_text_and_scores_sane(recognizer, "NL_ADDRESS", text)
