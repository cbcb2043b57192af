"""Whose data: helplines, organisations, businesses, the author's own data, public officials."""
from __future__ import annotations

import pytest

from piiscore.scoring import ownership
from piiscore.scoring._patterns import fold
from piiscore.types import Entity


def owners(text, *specs, hostile=False, roles=None):
    entities = []
    for kind, value in specs:
        start = text.index(value)
        entities.append(Entity(kind, start, start + len(value), 0.9, value))
    found = ownership.classify(fold(text), entities, hostile=hostile, roles=roles or {})
    return [found[i] for i in range(len(entities))]


@pytest.mark.parametrize(
    "text, number",
    [
        ("Bel Veilig Thuis: 0800-2000.", "0800-2000"),
        ("De Kindertelefoon: 0800 0432, gratis.", "0800 0432"),
        ("Bel de politie via 0900-8844.", "0900-8844"),
        ("Call Childline free on 0800 1111.", "0800 1111"),
    ],
)
def test_helpline_numbers(text, number):
    assert owners(text, ("PHONE_NUMBER", number)) == [ownership.HELPLINE]


def test_helpline_name_before_unknown_number():
    assert owners("Slachtofferhulp: 088-1234567", ("PHONE_NUMBER", "088-1234567")) == [
        ownership.HELPLINE
    ]


def test_a_workers_number_next_to_her_employer_is_private():
    text = "Stefanie van Veilig Thuis. Haar nummer 06-29384756."
    assert owners(text, ("PHONE_NUMBER", "06-29384756")) == [ownership.PRIVATE]


def test_office_address_is_the_organisations():
    text = "Het bezoekadres van de Raad is Stationsplein 5."
    assert owners(text, ("NL_ADDRESS", "Stationsplein 5")) == [ownership.ORGANISATION]


def test_home_marker_wins_over_office_words():
    text = "Ze werkt op kantoor maar woont op Kerkstraat 1."
    assert owners(text, ("NL_ADDRESS", "Kerkstraat 1")) == [ownership.PRIVATE]


def test_address_right_after_an_organisation_only_without_a_person():
    text = "Jeugdbescherming Utrecht, Catharijnesingel 47."
    specs = (("ORGANIZATION", "Jeugdbescherming Utrecht"), ("NL_ADDRESS", "Catharijnesingel 47"))
    assert owners(text, *specs)[1] == ownership.ORGANISATION
    named = "Sanne Bakker, Jeugdbescherming Utrecht, Catharijnesingel 47."
    assert owners(named, ("PERSON", "Sanne Bakker"), *specs)[2] == ownership.PRIVATE


@pytest.mark.parametrize(
    "text, number",
    [("Bel mij op 06-12345678.", "06-12345678"), ("Mijn nummer is 06-12345678.", "06-12345678"),
     ("Call me on 07700 900123.", "07700 900123")],
)
def test_own_data(text, number):
    assert owners(text, ("PHONE_NUMBER", number)) == [ownership.OWN]


def test_business_advert_data_is_the_business():
    text = "Schildersbedrijf De Kwast B.V., KvK 61234567, 030-2938471. Vrijblijvende offerte!"
    found = owners(text, ("NL_KVK", "61234567"), ("PHONE_NUMBER", "030-2938471"))
    assert found == [ownership.BUSINESS, ownership.BUSINESS]


def test_private_seller_data_is_own_not_business():
    text = "Te koop: fiets, €45. Mail fiets@example.nl."
    assert owners(text, ("EMAIL_ADDRESS", "fiets@example.nl")) == [ownership.OWN]


def test_hostile_post_is_no_advert():
    text = "Te koop: haar nummer 06-12345678, bel haar maar."
    assert owners(text, ("PHONE_NUMBER", "06-12345678"), hostile=True) == [ownership.PRIVATE]


def test_public_official_in_role_and_at_home():
    text = "Wethouder Karin Smeets opende het centrum."
    assert owners(text, ("PERSON", "Karin Smeets"), roles={0: "public_official"}) == [
        ownership.PUBLIC_OFFICIAL
    ]
    home = "Wethouder Karin Smeets woont op Dorpsstraat 3."
    assert owners(home, ("PERSON", "Karin Smeets"), roles={0: "public_official"}) == [
        ownership.PRIVATE
    ]


def test_self_introduction_is_own_name():
    assert owners("Hoi, ik ben Sanne Bakker.", ("PERSON", "Sanne Bakker")) == [ownership.OWN]
    assert owners("Ik ben het zat met Sanne Bakker.", ("PERSON", "Sanne Bakker")) == [
        ownership.PRIVATE
    ]


def test_a_signed_post_names_its_author():
    text = "Happy to chat about fostering, drop me a line at fran.k@example.org. Fran x"
    assert owners(text, ("EMAIL_ADDRESS", "fran.k@example.org"), ("PERSON", "Fran")) == [
        ownership.OWN, ownership.OWN
    ]
    # a name at the end without a kiss is someone addressed: "Schaam je, Femke."
    assert owners("Schaam je, Femke.", ("PERSON", "Femke")) == [ownership.PRIVATE]
    assert owners("Liefs, Femke", ("PERSON", "Femke")) == [ownership.OWN]


@pytest.mark.parametrize(
    "text, number",
    [
        ("Nieuw telefoon! Sla het even op: 06-31415926.", "06-31415926"),
        ("New phone, new number, save it: 07700 900158", "07700 900158"),
        ("Reacties graag naar 06-27182818.", "06-27182818"),
    ],
)
def test_own_data_said_in_more_ways(text, number):
    assert owners(text, ("PHONE_NUMBER", number)) == [ownership.OWN]


def test_a_firms_named_contact_is_the_firm_unless_a_role_word_makes_it_a_worker():
    advert = "Advocatenkantoor Smit staat voor u klaar. Bel mr. Hester Smit op 030-2739814."
    found = owners(advert, ("PERSON", "Hester Smit"), ("PHONE_NUMBER", "030-2739814"))
    assert found == [ownership.BUSINESS, ownership.BUSINESS]
    side_job = "Tjeerd Feenstra, kvk van zijn coachbedrijf: 61239407, bel 06-11223344."
    found = owners(side_job, ("PERSON", "Tjeerd Feenstra"), ("NL_KVK", "61239407"),
                   roles={0: "youth_protection"})
    assert found[0] == ownership.PRIVATE


def test_a_number_with_office_hours_is_the_organisations():
    text = "Het nieuwe jongerenloket is open ma-vr 9:00-17:00, bel 038-4982700."
    assert owners(text, ("PHONE_NUMBER", "038-4982700")) == [ownership.ORGANISATION]


def test_a_name_after_a_closing_dash_is_the_author():
    text = "Studente zoekt oppaswerk in Leuven. Contact: ines.m@example.org — Ines"
    assert owners(text, ("PERSON", "Ines")) == [ownership.OWN]
    assert owners("Het is weer die Ines - echt.", ("PERSON", "Ines")) == [ownership.PRIVATE]
