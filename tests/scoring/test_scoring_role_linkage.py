"""Target role from role words near a name; linkage of a name to locating data."""
from __future__ import annotations

import pytest

from piiscore.scoring import score_post


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Gezinsvoogd Sanne Bakker is een kinderdief.", "Sanne Bakker", "youth_protection"),
        ("Sanne Bakker van de Raad voor de Kinderbescherming, schaam je.", "Sanne Bakker",
         "youth_protection"),
        ("Wijkagent Sanne Bakker is een corrupte leugenaar.", "Sanne Bakker", "police"),
        ("Juf Sanne Bakker heeft mijn zoon gestraft, corrupt mens.", "Sanne Bakker", "teacher"),
        ("Journalist Sanne Bakker liegt, corrupt.", "Sanne Bakker", "journalist"),
        ("Wethouder Sanne Bakker, we weten waar je woont.", "Sanne Bakker", "public_official"),
        ("Sanne Bakker is een corrupte leugenaar.", "Sanne Bakker", "private_person"),
        ("Social worker Sanne Bakker is a liar.", "Sanne Bakker", "youth_protection"),
    ],
)
def test_target_role(ents, text, name, role):
    assert score_post(text, ents(text, ("PERSON", name)), "nl").flags["target_role"] == role


def test_no_target_no_role():
    assert score_post("Mooi weer vandaag.", [], "nl").flags["target_role"] == "none"


def test_label_alone_points_at_youth_protection():
    text = "Die kinderdieven weer. We weten waar je woont."
    assert score_post(text, [], "nl").flags["target_role"] == "youth_protection"


def level(ents, text, *specs):
    return score_post(text, ents(text, *specs), "nl").level


def test_name_with_address_is_high_city_alone_is_low(ents):
    name = ("PERSON", "Sanne Bakker")
    address = ("NL_ADDRESS", "Kerkstraat 12")
    assert level(ents, "Sanne Bakker, Kerkstraat 12.", name, address) == "high"
    assert level(ents, "Sanne Bakker uit Utrecht.", name, ("LOCATION", "Utrecht")) == "low"


def test_residence_counts_as_locating(ents):
    text = "Gezinsvoogd Sanne Bakker woont in Utrecht."
    specs = (("PERSON", "Sanne Bakker"), ("LOCATION", "Utrecht"))
    result = score_post(text, ents(text, *specs), "nl")
    assert result.level == "high"
    assert "name_with_residence" in {r.code for r in result.reasons}


@pytest.mark.parametrize(
    "text, code",
    [
        ("Sanne Bakker staat elke ochtend om 8 uur op het parkeerterrein.", "name_with_routine"),
        ("Sanne Bakker brengt haar kinderen elke dag om 8 uur naar school.", "name_with_routine"),
        ("Sanne Bakker drops her kids off at 8 every morning.", "name_with_routine"),
        ("Het zoontje van Sanne Bakker zit op basisschool De Klimop.", "name_with_child_school"),
        ("Sanne Bakker? Haar dochter zit op het Stedelijk Lyceum.", "name_with_child_school"),
        ("Sanne Bakker's son goes to Oakfield Primary School.", "name_with_child_school"),
    ],
)
def test_text_signals_link_a_name(ents, text, code):
    result = score_post(text, ents(text, ("PERSON", "Sanne Bakker")), "nl")
    assert result.level == "high"
    assert code in {r.code for r in result.reasons}


def test_routine_without_anyone_is_nothing():
    text = "De bakker is elke ochtend om 7 uur open."
    assert score_post(text, [], "nl").level == "none"


def test_name_and_employer_hostile_is_medium(ents):
    text = "Sanne Bakker werkt bij Jeugdbescherming Utrecht. Schaam je."
    specs = (("PERSON", "Sanne Bakker"), ("ORGANIZATION", "Jeugdbescherming Utrecht"))
    result = score_post(text, ents(text, *specs), "nl")
    assert result.level == "medium"
    assert "name_with_employer" in {r.code for r in result.reasons}


def test_name_and_employer_thanked_is_low(ents):
    text = "Bedankt Sanne Bakker van Jeugdbescherming Utrecht!"
    specs = (("PERSON", "Sanne Bakker"), ("ORGANIZATION", "Jeugdbescherming Utrecht"))
    assert level(ents, text, *specs) == "low"


def test_online_account_of_a_named_worker(ents):
    text = "Haar insta: @sanne.jbrr. Sanne Bakker, gezinsvoogd."
    specs = (("SOCIAL_HANDLE", "@sanne.jbrr"), ("PERSON", "Sanne Bakker"))
    assert level(ents, text, *specs) == "high"


def test_generic_insult_points_at_no_role(ents):
    text = "Sanne Bakker is tuig."
    result = score_post(text, ents(text, ("PERSON", "Sanne Bakker")), "nl")
    assert result.level == "medium" and result.flags["target_role"] == "private_person"
