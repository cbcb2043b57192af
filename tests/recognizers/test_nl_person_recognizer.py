import time

import pytest
from hypothesis import given

from piiscore.recognizers.nl.nl_person_recognizer import NlPersonRecognizer

import name_span_tables as tables


@pytest.fixture(scope="module")
def recognizer():
    return NlPersonRecognizer()


VALID = [
    # first name + surname, tussenvoegsels, hyphenated names
    ("Gezinsvoogd Sanne Bakker van Jeugdbescherming Rotterdam Rijnmond.", ["Sanne Bakker"]),
    ("Ik heb het over Bart van 't Hof, die zit bij de Raad.", ["Bart van 't Hof"]),
    ("Deel dit: Priscilla Tjon-A-Fong, jeugdbeschermer.", ["Priscilla Tjon-A-Fong"]),
    ("Anne van Dijk-de Boer heeft ons dossier.", ["Anne van Dijk-de Boer"]),
    ("Wie kent Gerrit-Jan Oosterhuis?", ["Gerrit-Jan Oosterhuis"]),
    ("Mevrouw Bakker - de Vries weet het.", ["Bakker - de Vries"]),
    ("Sanne Bakker - Jeugdbescherming Brabant", ["Sanne Bakker"]),
    ("Jan Pieter Koopmans belde vanmorgen.", ["Jan Pieter Koopmans"]),
    ("Die Erik Jan Hoogland van Samen Veilig liegt.", ["Erik Jan Hoogland"]),
    ("wie kent femke van der linden? ze werkt in arnhem", ["femke van der linden"]),
    ("Wie weet waar Fatima El Amrani woont?", ["Fatima El Amrani"]),
    ("Karim ben Haddou werkt in Gouda.", ["Karim ben Haddou"]),
    ("Vraag het maar aan Lieke ter Horst of Joris ten Cate.", ["Lieke ter Horst", "Joris ten Cate"]),
    ("Dat was Wouter in 't Veld, geloof ik.", ["Wouter in 't Veld"]),
    ("Ilse D'Hondt van het CLB weet ervan.", ["Ilse D'Hondt"]),
    ("Onze voogd is Mehmet Yıldırım sinds maart.", ["Mehmet Yıldırım"]),
    ("Agnieszka Wiśniewska en Jurgen Pinas zijn de casemanagers.",
     ["Agnieszka Wiśniewska", "Jurgen Pinas"]),
    # a first name that is also a word, then a surname no list knows that is no word either
    ("Does anyone know this woman? Rachel Dunmore, social worker in Leeds.", ["Rachel Dunmore"]),
    ("Seen this guy? Tom Harcourt, family court adviser, drives a blue Golf.", ["Tom Harcourt"]),
    # after a label
    ("Naam: Lisa de Jong-Verhoeven\nAdres: geheim", ["Lisa de Jong-Verhoeven"]),
    ("Name: Sarah O'Connor. Works at CPS.", ["Sarah O'Connor"]),
    # initials
    ("die mevrouw j.p. de wit van de raad heeft geen idee", ["j.p. de wit"]),
    ("Het rapport is getekend door S. Bakker.", ["S. Bakker"]),
    ("Opgesteld door D.C. Vermeulen-Smits, gedragswetenschapper.", ["D.C. Vermeulen-Smits"]),
    # titles and role words stay outside the span
    ("Ik had vandaag weer mevrouw De Vries aan de lijn.", ["De Vries"]),
    ("Gesprek met dhr. Yilmaz om 10 uur.", ["Yilmaz"]),
    ("Gezinsvoogd Bakker weigert te antwoorden.", ["Bakker"]),
    ("Dhr. Hendrik van der Meulen, raadsonderzoeker.", ["Hendrik van der Meulen"]),
    ("Thanks to Ms. Carter for nothing.", ["Carter"]),
    ("Gesprek met mevr. dr. A. Jansen en dhr. mr. drs. Kloosterboer.", ["A. Jansen", "Kloosterboer"]),
    ("Officer Johnson arrested him.", ["Johnson"]),
    ("Het IBAN van de familie Dekker staat hieronder.", ["Dekker"]),
    # case: ALL CAPS and all lower case posts
    ("DEZE VROUW HEEFT MIJN KIND. MARIEKE DE VRIES, JEUGDBESCHERMER. WE WETEN WAAR JE WOONT MARIEKE.",
     ["MARIEKE DE VRIES", "MARIEKE"]),
    ("haar naam is mirjam bos en ze werkt bij veilig thuis", ["mirjam bos"]),
    ("SANNE WOONT IN EDE EN KEVIN HEEFT EEN AUTO", ["SANNE", "KEVIN"]),
    ("JEUGDBESCHERMER SANNE KLOOSTERBOER WOONT IN VEENENDAAL.", ["SANNE KLOOSTERBOER"]),
    ("JEUGDBESCHERMER PIETER DE HAAN WOONT IN VEENENDAAL.", ["PIETER DE HAAN"]),
    ("ik heb het over jolien wijnaldum die bij de rvdk werkt", ["jolien wijnaldum"]),
    ("Haar mail weet ik niet, maar mirjam bos heet ze.", ["mirjam bos"]),
    # spaced-out letters and leetspeak
    ("Deel dit: K e v i n  J a n s e n van Samen Veilig.", ["K e v i n  J a n s e n"]),
    ("Wie kent S.a.n.n.e B.a.k.k.e.r?", ["S.a.n.n.e B.a.k.k.e.r"]),
    ("Ch4nt4l Kr00n is de voogd.", ["Ch4nt4l Kr00n"]),
    # tussenvoegsel + known surname alone
    ("Van Leeuwen van de RvdK schreef het rapport.", ["Van Leeuwen"]),
    ("Volgens Ten Brink klopt het niet.", ["Ten Brink"]),
    ("De Vries heeft weer gelogen.", ["De Vries"]),
    ("Jansen liegt, en dat weet iedereen.", ["Jansen"]),
    # a first name alone for one person, possessive, later mentions
    ("Sanne's auto staat weer voor de deur.", ["Sanne"]),
    ("Die Sanne van de jeugdzorg weet precies wat ze doet.", ["Sanne"]),
    ("Kevin Jansen liegt. Kevin weet dat zelf ook.", ["Kevin Jansen", "Kevin"]),
    # English
    ("Sarah Mitchell works for social services in Leeds.", ["Sarah Mitchell"]),
    ("lol mark from cps thinks he is a hero", ["mark"]),
    ("Dat is Paul van Beek, en die andere is Nicole van Vliet.", ["Paul van Beek", "Nicole van Vliet"]),
    ("Everyone, this is J.R. Simmons. Share it.", ["J.R. Simmons"]),
]

INVALID = [
    "de bakker op de hoek verkoopt lekker brood",
    "ik ga morgen naar de visser op de markt",
    "De Visser en de Bakker zijn beroepen, geen namen.",
    "Mark my words, this will end badly.",
    "Amber Alert issued for the region tonight.",
    "Will Power drinks are on sale at Lidl.",
    "Will you come over in May? Bring a rose.",
    "The Hunter and the Baker are my favourite characters.",
    "Koop nu bij de Bakker op de hoek: 2 halen 1 betalen.",
    "Den Haag en Den Bosch zijn mooie steden.",
    "Woont op de Kerkstraat 12a in Schiedam.",
    "Jeugdbescherming Rotterdam Rijnmond en de Raad voor de Kinderbescherming.",
    "Artikel 12 van de wet, week 12, product X200.",
    "Hij werkt bij Albert Heijn in Almere Buiten.",
    "3111 AB. Morgen weer.",
    "Mijn oma zit in Het Baken, een verzorgingshuis.",
    "Sinterklaas komt aan. De Koning en de Burgemeester zijn er, net als de Bakker en de Visser.",
    "haar mail: tim (punt) degroot (at) gmail (punt) com",
    "We liepen door Hyde Park in London.",
    "Victoria Station was packed, so we walked to Victoria Park.",
    "Her school is St Mary's in Leeds.",
    "DE BURGEMEESTER VAN TILBURG MOET INGRIJPEN",
    "Happy Teacher Appreciation Day everyone!",
    "Naam: onbekend, adres: onbekend",
    "Nederland is ziek. Facebook doet niets. Google weet alles.",
]


@pytest.mark.parametrize("text, names", VALID)
def test_when_name_in_text_then_span_is_the_name_only(text, names, recognizer):
    tables.check_spans_found(recognizer, "PERSON", text, names)


@pytest.mark.parametrize("text", INVALID)
def test_when_no_person_then_nothing_found(text, recognizer):
    tables.check_nothing_found(recognizer, "PERSON", text)


def test_strong_evidence_scores_high_and_a_lone_first_name_lower(recognizer):
    full = recognizer.analyze("Gezinsvoogd Sanne Bakker belt morgen.", ["PERSON"])
    lone = recognizer.analyze("Gisteren zag ik Sanne weer.", ["PERSON"])
    assert full[0].score >= 0.85
    assert 0.4 < lone[0].score <= 0.6


@pytest.mark.parametrize(
    "text, names",
    [
        ("Dit is ze: M4rieke de Vries van Jeugdbescherming Brabant.", ["M4rieke de Vries"]),
        ("Wie kent Маrieke de Vries?", ["Маrieke de Vries"]),   # Cyrillic look-alikes
        ("Deel dit: San\u200bne Bak\u200bker, Schiedam.", ["San\u200bne Bak\u200bker"]),
    ],
)
def test_engine_finds_obfuscated_names_at_original_offsets(text, names, pii_engine):
    entities = pii_engine.analyze(text, "nl")
    assert tables.found(entities, "PERSON") == tables.offsets(text, names)


def test_person_scan_is_fast(recognizer):
    text = ("Dit is ze dus. Gezinsvoogd Sanne Bakker van Jeugdbescherming Rotterdam Rijnmond. "
            "Woont op de Kerkstraat 12a in Schiedam. Haar collega J.P. de Wit en mevrouw De Vries "
            "weten ervan. Deel dit!! Bel 06-12345678 of mail naar de Raad voor de "
            "Kinderbescherming. Wie weet waar Fatima El Amrani woont?")
    recognizer.analyze(text, ["PERSON"])
    start = time.perf_counter()
    for _ in range(50):
        recognizer.analyze(text, ["PERSON"])
    per_call = (time.perf_counter() - start) / 50
    assert per_call < 0.005   # well under a millisecond on a normal machine; generous for CI


@tables.PROPERTY_SETTINGS
@given(text=tables.PROPERTY_TEXTS)
def test_spans_always_lie_inside_the_text_and_scores_are_sane(text, recognizer):
    tables.check_spans_inside_the_text_and_scores_sane(recognizer, "PERSON", text)
