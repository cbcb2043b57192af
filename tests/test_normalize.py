"""De-obfuscation: each trick is undone, and offsets always map back into the original text."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piiscore.normalize import normalize

CASES = [
    # (original, expected normalised, the hidden value's original text)
    ("bel 06\u200b1234\u200b5678 nu", "bel 0612345678 nu", "06\u200b1234\u200b5678"),
    ("0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣", "0612345678", "0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣"),
    ("nummer: 0 6 - 1 2 3 4 5 6 7 8!", "nummer: 0612345678!", "0 6 - 1 2 3 4 5 6 7 8"),
    ("nul zes een twee drie vier vijf zes zeven acht", "0612345678",
     "nul zes een twee drie vier vijf zes zeven acht"),
    ("call zero six one two three four five six seven eight", "call 0612345678",
     "zero six one two three four five six seven eight"),
    ("０６－１２３４５６７８", "06-12345678", "０６－１２３４５６７８"),
    ("m.devries (at) gmail (punt) com", "m.devries@gmail.com", "m.devries (at) gmail (punt) com"),
    ("m.devries[at]gmail[dot]com", "m.devries@gmail.com", "m.devries[at]gmail[dot]com"),
    ("mail m.devries at gmail dot com", "mail m.devries@gmail.com", "m.devries at gmail dot com"),
    ("M4rieke woont daar", "Marieke woont daar", "M4rieke"),
    ("Ѕаnnе Bаkkеr", "Sanne Bakker", "Ѕаnnе Bаkkеr"),
    ("nummer achterstevoren: 87654321-60", "nummer achterstevoren: 0612345678", "87654321-60"),
    ("achterstevoren zodat de bots het niet zien: 87654321-60",
     "achterstevoren zodat de bots het niet zien: 0612345678", "87654321-60"),
    ("bel nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig", "bel 0612345678",
     "nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig"),
    ("06 (één twee) 34 56 78 bellen", "0612345678 bellen", "06 (één twee) 34 56 78"),
    ("call oh six, twelve, thirty-four, fifty-six, seventy-eight", "call 0612345678",
     "oh six, twelve, thirty-four, fifty-six, seventy-eight"),
    ("of O6-1234 5678 bellen", "of 06-1234 5678 bellen", "O6-1234 5678"),
    ("mail m punt devries apenstaartje gmail punt com", "mail m.devries@gmail.com",
     "m punt devries apenstaartje gmail punt com"),
    ("bel O6-I234 5678 nu", "bel 06-1234 5678 nu", "O6-I234 5678"),
    ("mail m.devries[@]gmail[.]com", "mail m.devries@gmail.com", "m.devries[@]gmail[.]com"),
    ("ring oh six one two three four five six seven eight", "ring 0612345678",
     "oh six one two three four five six seven eight"),
    ("bel nul zes twaalf drie vier vijf zes zeven acht", "bel 0612345678",
     "nul zes twaalf drie vier vijf zes zeven acht"),
]


def test_repeated_digits_said_double_or_triple():
    norm = normalize("ring oh seven seven double oh, nine double oh, three eight two now")
    assert norm.text == "ring 07700900382 now"
    assert norm.to_original(5, 16) == (5, 62)
    assert normalize("bel nul zes dubbel vier twee drie vijf zes zeven acht").text == "bel 0644235678"
    assert normalize("triple seven, two two, one").text == "triple seven, two two, one"  # too short
    assert not normalize("a double espresso and two coffees").changed


def test_north_american_number_spelled_digit_by_digit():
    norm = normalize("cell 3 1 2 - 5 5 5 - 0 1 9 3, call")
    assert norm.text == "cell 312-555-0193, call"
    assert norm.to_original(5, 17) == (5, 28)


def test_north_american_number_spelled_in_words():
    norm = normalize("num: (four oh five) five five five - zero one nine one. call her")
    assert norm.text.startswith("num: (405-555-0191")


def test_spelled_house_number():
    norm = normalize("huisnummer drieënveertig van de Esdoornlaan")
    assert norm.text == "huisnummer 43 van de Esdoornlaan"
    assert norm.to_original(11, 13) == (11, 24)


@pytest.mark.parametrize("original,expected,hidden", CASES)
def test_obfuscation_is_undone_and_maps_back(original, expected, hidden):
    norm = normalize(original)
    assert norm.text == expected
    assert norm.changed
    # the whole normalised value maps back to exactly the obfuscated original
    value = re.search(r"06-?1234 ?5678|m\.devries@gmail\.com|Marieke|Sanne Bakker", norm.text)
    start, end = norm.to_original(value.start(), value.end())
    assert original[start:end] == hidden
    assert norm.is_obfuscated(value.start(), value.end())


@pytest.mark.parametrize("plain", [
    "Kerkstraat 12a, 3012 AB Rotterdam. Bel 06-12345678.",
    "De wedstrijd eindigde 3-1 om 20:15, bestelnummer 2024-118-77.",
    "kenteken GX-412-B en postcode 3012AB, huisnummer 12a",
    "win10 en mp3 en covid19 en H2O",
    "Jeugdbescherming Rotterdam Rijnmond, één keer per week",
    "Café Noël in Zürich",
    "Uitslagen: 3-1, 2-2, 1-0, 4-4 en 1-1.",
    "kaart 4111 1111 1111 1111 en IBAN NL91 ABNA 0417 1643 00",
    "een twee drie vier kinderen",
    "Hij is 5O jaar, O2 en 5G, OOK",
])
def test_plain_text_is_left_alone(plain):
    norm = normalize(plain)
    assert norm.text == plain
    assert not norm.changed
    assert norm.to_original(3, 7) == (3, 7)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    list("abc Xyz0123456789-.()@[]") + ["\u200b", "\ufe0f", "\u20e3", "а", "е", "０", " at ", " punt ",
                                        "zes ", "nul ", "(at)", "(punt)", "M4r", "achterstevoren "]),
    max_size=40).map("".join))
def test_any_span_maps_inside_the_original_and_monotone(text):
    norm = normalize(text)
    n = len(norm.text)
    previous = (0, 0)
    for start in range(n):
        for end in range(start + 1, min(n, start + 12) + 1):
            o_start, o_end = norm.to_original(start, end)
            assert 0 <= o_start < o_end <= len(text)
        o = norm.to_original(start, start + 1)
        assert o[0] >= previous[0]
        previous = o


_OBFUSCATIONS = [
    lambda d: "\u200b".join(d),
    lambda d: "".join(c + "\ufe0f\u20e3" for c in d),
    lambda d: " ".join(d),
    lambda d: " - ".join(d),
    lambda d: ".".join(d),
    lambda d: " ".join(["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"][int(c)] for c in d),
    lambda d: "".join(chr(0xFF10 + int(c)) for c in d),
]


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.text(alphabet="abcdefghij klm.,!?", max_size=30),
    suffix=st.text(alphabet="abcdefghij klm.,!?", max_size=30),
    digits=st.text(alphabet="0123456789", min_size=8, max_size=8),
    how=st.integers(min_value=0, max_value=len(_OBFUSCATIONS) - 1),
)
def test_hidden_phone_number_is_recovered_and_covered(prefix, suffix, digits, how):
    value = "06" + digits
    hidden = _OBFUSCATIONS[how](value)
    # "tel:" keeps a prefix ending in a number word ("... elf") out of the spoken number
    original = f"{prefix} tel: {hidden} ; {suffix}"
    norm = normalize(original)
    found = norm.text.find(value)
    assert found >= 0, norm.text
    o_start, o_end = norm.to_original(found, found + len(value))
    hidden_start = len(prefix) + len(" tel: ")
    # the mapped span covers the obfuscated value and stays inside the original
    assert 0 <= o_start <= hidden_start
    assert hidden_start + len(hidden) <= o_end <= len(original)
    assert original[o_start:o_end].strip() == hidden


@pytest.mark.parametrize("original,expected", [
    ("W00nt K4str33lstr44t 19 in H3lm0nd", "Woont Kastreelstraat 19 in Helmond"),
    ("J4n1ck V3rh03v3n", "Janick Verhoeven"),
    # codes and plates stay as they are
    ("kenteken gx41bb, covid19, H2O, A4, 3012AB, 12a", "kenteken gx41bb, covid19, H2O, A4, 3012AB, 12a"),
])
def test_leetspeak_in_words_only(original, expected):
    assert normalize(original).text == expected
