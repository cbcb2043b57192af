import pytest
from hypothesis import given

from piiscore.recognizers.nl.nl_organization_recognizer import NlOrganizationRecognizer

import name_span_tables as tables


@pytest.fixture(scope="module")
def recognizer():
    return NlOrganizationRecognizer()


VALID = [
    ("Your kids go to Oakfield Primary, don't they?", ["Oakfield Primary"]),
    ("Her son attends Lakewood Elementary.", ["Lakewood Elementary"]),
    # youth-care and public institutions (list)
    ("Gezinsvoogd bij Jeugdbescherming Rotterdam Rijnmond.", ["Jeugdbescherming Rotterdam Rijnmond"]),
    ("Ze werkt bij Jeugdbescherming west, team Delft.", ["Jeugdbescherming west"]),
    ("die van de raad voor de kinderbescherming", ["raad voor de kinderbescherming"]),
    ("Gemeld bij Veilig Thuis Haaglanden en de Raad voor de Kinderbescherming.",
     ["Veilig Thuis Haaglanden", "Raad voor de Kinderbescherming"]),
    ("Ze werkt bij de William Schrikker Stichting.", ["William Schrikker Stichting"]),
    ("Leger des Heils Jeugdbescherming & Reclassering heeft het dossier.",
     ["Leger des Heils Jeugdbescherming & Reclassering"]),
    ("Samen Veilig Midden-Nederland belde.", ["Samen Veilig Midden-Nederland"]),
    ("JEUGDBESCHERMER BIJ JEUGDBESCHERMING BRABANT.", ["JEUGDBESCHERMING BRABANT"]),
    ("Bel de Kindertelefoon als je niet veilig bent.", ["Kindertelefoon"]),
    ("Gemeld bij Veilig Thuis regio Utrecht.", ["Veilig Thuis regio Utrecht"]),
    ("Hij werkt bij Jumbo Utrecht, zij bij de Raad voor de Kinderbescherming Rotterdam.",
     ["Jumbo", "Raad voor de Kinderbescherming"]),
    ("Ze werkt bij veilig thuis haaglanden sinds 2019.", ["veilig thuis haaglanden"]),
    # acronyms, case-sensitive
    ("Die van JBRR en de RvdK liegen.", ["JBRR", "RvdK"]),
    # institution word + place
    ("Gemeente Enschede en politie Midden-Nederland zijn ingelicht.",
     ["Gemeente Enschede", "politie Midden-Nederland"]),
    ("Ze werkt bij Jeugdbescherming Twente.", ["Jeugdbescherming Twente"]),
    ("Vertrouwenscentrum Kindermishandeling Antwerpen heeft gebeld.",
     ["Vertrouwenscentrum Kindermishandeling Antwerpen"]),
    ("She works for Leeds Children's Services.", ["Leeds Children's Services"]),
    ("She works at Hampshire Children's Services.", ["Hampshire Children's Services"]),
    # schools, childcare, clubs
    ("Ons kind zit op basisschool De Regenboog.", ["basisschool De Regenboog"]),
    ("Juf van OBS De Klimop en CBS De Fontein.", ["OBS De Klimop", "CBS De Fontein"]),
    ("Mijn zoon zit op het Erasmus College.", ["Erasmus College"]),
    ("Her school? St Mary's Primary School in Leeds.", ["St Mary's Primary School"]),
    ("Zijn dochter zit op Het Baarnsch Lyceum.", ["Het Baarnsch Lyceum"]),
    ("Ze gaat naar kinderdagverblijf Het Zonnetje.", ["kinderdagverblijf Het Zonnetje"]),
    ("Hij zit op het Sint-Jozefscollege in Hasselt.", ["Sint-Jozefscollege"]),
    ("Hij traint bij AV Phoenix.", ["AV Phoenix"]),
    ("Hij zit op het Montessori Lyceum Amsterdam.", ["Montessori Lyceum Amsterdam"]),
    ("Opgenomen in het Erasmus MC, daarna UMC Utrecht.", ["Erasmus MC", "UMC Utrecht"]),
    ("Ze werkt bij GGZ Delfland.", ["GGZ Delfland"]),
    ("Politie Eenheid Oost-Nederland onderzoekt het.", ["Politie Eenheid Oost-Nederland"]),
    ("Gemeente 's-Hertogenbosch weet ervan.", ["Gemeente 's-Hertogenbosch"]),
    ("Ze werkt bij Huisartsenpraktijk De Linde in Ede.", ["Huisartsenpraktijk De Linde"]),
    ("lol mark from cps thinks he is a hero", ["cps"]),
    ("Deel: K e v i n  J a n s e n van S a m e n  V e i l i g", ["S a m e n  V e i l i g"]),
    # generic forms
    ("Stichting Jeugdzorg Plus Midden is betrokken.", ["Stichting Jeugdzorg Plus Midden"]),
    ("Ze werkt bij Zorgboerderij De Hoeve B.V. in Epe.", ["Zorgboerderij De Hoeve B.V."]),
    ("Opdrachtgever: Bakkerij Jansen BV.", ["Bakkerij Jansen BV"]),
    # trades, clubs, media
    ("Bestellen bij Bakkerij Hoeksma, vers elke dag.", ["Bakkerij Hoeksma"]),
    ("Offerte van Schildersbedrijf Van Lierop ontvangen.", ["Schildersbedrijf Van Lierop"]),
    ("Ze heeft een eigen bedrijfje, Kwakkelstein Coaching, in Ede.", ["Kwakkelstein Coaching"]),
    ("Wat een pot: PEC Zwolle wint van FC Twente, KV Mechelen verliest.",
     ["PEC Zwolle", "FC Twente", "KV Mechelen"]),
    ("NOS: steeds meer jeugdbeschermers bedreigd. Ook de BBC meldt het.", ["NOS", "BBC"]),
    ("Bel De Kindertelefoon als je ergens mee zit.", ["De Kindertelefoon"]),
]

INVALID = [
    "The primary election is today, elementary really.",
    "De gemeente en de politie doen niets.",
    "Jeugdzorg is een ramp in dit land.",
    "ik voel me niet veilig thuis",
    "Ik voel me veilig thuis in Utrecht.",
    "Samen veilig naar school, dat willen we.",
    "Mijn kind zit op de basisschool hier om de hoek.",
    "Kom je om 10 uur? Dan gaan we.",
    "Hij ging naar school en daarna naar huis.",
    "de gemeente is dicht, het politiebureau ook",
    "Ze werkt bij een advocatenkantoor in Ede.",
    "Mijn School is slecht, Onze Stichting doet veel.",
    "Ik zag de nos niet, ik keek naar het nieuws.",
    "Die bakkerij op de hoek is dicht.",
]


@pytest.mark.parametrize("text, orgs", VALID)
def test_when_organisation_in_text_then_found(text, orgs, recognizer):
    tables.check_spans_found(recognizer, "ORGANIZATION", text, orgs)


@pytest.mark.parametrize("text", INVALID)
def test_when_no_organisation_then_nothing_found(text, recognizer):
    tables.check_nothing_found(recognizer, "ORGANIZATION", text)


@tables.PROPERTY_SETTINGS
@given(text=tables.PROPERTY_TEXTS)
def test_spans_always_lie_inside_the_text_and_scores_are_sane(text, recognizer):
    tables.check_spans_inside_the_text_and_scores_sane(recognizer, "ORGANIZATION", text)
