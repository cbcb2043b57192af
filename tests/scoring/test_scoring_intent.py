"""Intent signals: threats (explicit, veiled), labels, calls to action; quoted, reported and
negated phrases are not the author's."""
from __future__ import annotations

import pytest

from piiscore.scoring import intent
from piiscore.scoring._patterns import fold


def analyse(text: str) -> intent.Intent:
    return intent.analyse(fold(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ik maak je af.",
        "We gaan haar vermoorden.",
        "Doodstraf voor dat soort mensen.",
        "Ze verdient een kogel.",
        "Ik hoop dat hij doodgaat.",
        "Ik steek zijn huis in de fik.",
        "I'm going to kill her.",
        "She deserves to die.",
        "Death penalty for all of them.",
        "Ge zijt dood.",
        "Jij ben dood als ik je zie.",
    ],
)
def test_explicit_threats(text):
    assert analyse(text).has("threat_explicit")
    assert analyse(text).threat


@pytest.mark.parametrize(
    "text",
    [
        "We weten waar je woont.",
        "WIJ WETEN WAAR JE KINDEREN OP SCHOOL ZITTEN",
        "Morgen komen we je halen.",
        "Ik heb het adres van die vent al.",
        "Zaterdag demonstratie bij haar huis.",
        "Je weet wat je moet doen.",
        "Hij zal boeten voor wat hij deed.",
        "We know where you live.",
        "We're coming for you.",
        "It would be a shame if something happened to your car.",
        "Protest outside her house on Sunday.",
        "Zondag om 12 uur verzamelen voor de woning van die gezinsvoogd.",
        "We gaan morgen eens goeiendag zeggen bij Tom thuis.",
        "We gaan pas weg als hij naar buiten komt.",
        "Rally in front of the home of that caseworker, bring signs.",
        "We're not going to leave until she comes out.",
        "Dan gaan we vannacht eens aanbellen.",
        "Wie weet wie er straks bij jou aanbelt.",
        "Ze gaat er spijt van krijgen.",
        "Enjoy your garden while you still can.",
        "People like you end up in a ditch.",
        "Her kind should be scared to open the door.",
    ],
)
def test_veiled_threats(text):
    assert analyse(text).has("threat_veiled")


@pytest.mark.parametrize(
    "text",
    [
        # quoted or reported: someone else's words
        "Ik kreeg dit bericht: 'we weten waar je woont'. Onacceptabel.",
        "Ik kreeg vandaag dit bericht: we weten waar je woont. Dit is onacceptabel.",
        'Someone sent me this: "we know where you live". I reported it.',
        "Jeugdbeschermers krijgen berichten als “je gaat eraan”.",
        # negated
        "Ik wens niemand de dood.",
        "We komen niet langs.",
        "I would never say she deserves to die.",
        "Ik hoop niet dat hij doodgaat.",
        # a call to find, not a threat
        "Wie weet waar ze woont?",
        "Ik wil weten waar ze woont.",
        "Weet iemand waar ze woont?",
        # everyday words
        "We're going to beat them on Saturday.",
        "Kill them with kindness.",
        "Steek die vuurpijl maar af.",
        "Hang your coats up.",
        "Ik kreeg een bericht dat ze gaan boeten.",
    ],
)
def test_not_the_authors_threat(text):
    assert not analyse(text).threat


def test_a_verb_of_receiving_reports_only_a_message():
    # "krijgen" here is no reporting: the warning after it is the author's own
    own = analyse("Jij gaat hier echt spijt van krijgen, dat beloof ik.")
    assert own.phrases and all(p.counted for p in own.phrases)
    assert analyse("Ik kreeg een bericht dat ze gaan boeten.").discounted_threat
    assert analyse("Ik kreeg te horen dat ze gaan boeten.").discounted_threat


def test_condition_with_negation_still_threatens():
    assert analyse("Als ze mijn zoon niet terugbrengt steek ik haar huis in de fik.").threat


def test_quoted_threat_is_reported_not_dropped():
    found = analyse("Ik kreeg dit: 'we weten waar je woont'.")
    assert found.discounted_threat and not found.threat


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Deel dit!!", "share"),
        ("DELEN DELEN DELEN", "share"),
        ("Share this everywhere.", "share"),
        ("Wie weet waar ze woont?", "find"),
        ("Zoek hem op.", "find"),
        ("Who knows where she lives?", "find"),
        ("Bel haar maar allemaal plat.", "contact"),
        ("Spam zijn inbox vol.", "contact"),
        ("Flood her inbox.", "contact"),
    ],
)
def test_calls_to_action(text, kind):
    assert kind in analyse(text).cta_kinds


@pytest.mark.parametrize(
    "text",
    [
        "Deel dit niet.",
        "Don't share this.",
        "Bel mij gerust.",
        "Leuk om te delen.",
        "Wie gaat er mee naar het strand?",
        "Tip aan iedereen: neem een paraplu mee.",
    ],
)
def test_not_a_call_to_action(text):
    assert not analyse(text).call_to_action


def test_pay_a_visit_is_threat_and_call_to_action():
    found = analyse("Pay him a visit.")
    assert found.threat and found.cta_kinds == ("contact",)


@pytest.mark.parametrize("text", ["Die kinderdief weer.", "child snatchers, all of them"])
def test_dehumanising_labels(text):
    assert analyse(text).has("label")


def test_label_negated_or_reported():
    assert not analyse("Ik ben geen kinderdief.").has("label")
    assert not analyse("Ze noemen mij een kinderdief.").has("label")


@pytest.mark.parametrize(
    "text",
    [
        "Pas maar op.", "Morgen komen we langs.", "Laatste waarschuwing.", "Watch your back.",
        "Ze mag best eens voelen hoe het is.", "She'll learn.", "Fancy a quiet word with him.",
        "Banden zijn tegenwoordig snel lek.", "Maybe someone else will.",
    ],
)
def test_weak_warnings_are_their_own_kind(text):
    found = analyse(text)
    assert found.has("threat_weak") and not found.threat


def test_pas_op_voor_is_no_warning():
    assert not analyse("Pas op voor nepberichten.").has("threat_weak")


def test_name_mask_lets_a_pattern_say_a_name():
    text = "Find Sophie Laurent."
    masked = fold(text, [(5, 19)])
    assert intent.analyse(masked).cta_kinds == ("find",)
    assert not intent.analyse(fold(text)).call_to_action


def test_generic_insult_is_hostile_but_names_no_role():
    found = analyse("Wat een tuig.")
    assert found.dehumanising and not found.has("label")
    assert analyse("Kinderdief!").has("label")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("$500 to whoever can get me the home address of that investigator.", "cta_weak"),
        ("Get me her home address and I'll handle the rest.", "cta_find"),
        ("I need her private mobile, DM me.", "cta_find"),
        ("Ik zoek haar privé nummer.", "cta_find"),
        ("250 euro voor wie mij zijn adres geeft.", "cta_weak"),
    ],
)
def test_bounties_and_requests_for_private_contact_details(text, kind):
    assert analyse(text).has(kind)


def test_leetspeak_is_undone_when_the_post_looks_written_in_it():
    from piiscore.scoring import _patterns

    text = "k3v1n from c4fc4ss u r d3ad m8"
    assert _patterns.looks_leet(text)
    assert intent.analyse(fold(text, leet=True)).threat
    assert _patterns.unleet("die j€ugdz0rg gaat het m€rk€n, k!ll") == "die jeugdzorg gaat het merken, kill"
    # prices, exclamations and codes are no leetspeak
    assert not _patterns.looks_leet("kost €50 of $20, hallo! ok")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Zaterdag gaan we met z'n allen op bezoek. Neem borden en toeters mee!", "cta_weak"),
        ("Bring eggs, bring paint, bring friends.", "cta_weak"),
        ("Weet iemand met wie hij getrouwd is?", "cta_find"),
        ("Iemand zijn privé nummer?", "cta_find"),
        ("Ring it all night.", "cta_contact"),
        ("De dag van afrekening komt.", "threat_veiled"),
        ("Tell her we know all about the house in Rhoon.", "threat_veiled"),
        ("En zeg erbij dat we weten met welke fiets ze naar kantoor rijdt.", "threat_veiled"),
        ("We'll deliver it in person.", "threat_veiled"),
        ("Ik wil dat hij merkt hoe het voelt als vreemden zich ermee bemoeien.", "threat_weak"),
        ("Ze zijn gewaarschuwd.", "threat_weak"),
    ],
)
def test_organising_and_more_veiled_wording(text, kind):
    assert analyse(text).has(kind)
