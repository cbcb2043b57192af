import time

import pytest

from piiscore.recognizers.generic.phone_number_recognizer import PhoneNumberRecognizer


@pytest.fixture(scope="module")
def recognizer():
    return PhoneNumberRecognizer(supported_language="nl")


@pytest.fixture(scope="module")
def recognizer_en():
    return PhoneNumberRecognizer(supported_language="en")


def spans(results):
    return [(r.start, r.end) for r in results]


@pytest.mark.parametrize(
    "text, expected_len, expected_positions",
    [
        # valid: Dutch mobiles, area codes, service numbers, international forms
        ("06-12345678", 1, [(0, 11)]),
        ("06 1234 5678", 1, [(0, 12)]),
        ("0612345678", 1, [(0, 10)]),
        ("06.41.72.83.95", 1, [(0, 14)]),
        ("06 98 76 54 32", 1, [(0, 14)]),  # a range libphonenumber calls unassigned
        ("(06) 27183940", 1, [(0, 13)]),
        ("(010) 123 45 67", 1, [(0, 15)]),
        ("020 123 4567", 1, [(0, 12)]),
        ("050-5738291", 1, [(0, 11)]),
        ("0111 123456", 1, [(0, 11)]),
        ("085 123 4567", 1, [(0, 12)]),
        ("088 090 1234", 1, [(0, 12)]),
        ("0800-0432", 1, [(0, 9)]),
        ("0900-1234567", 1, [(0, 12)]),
        ("+31 6 12345678", 1, [(0, 14)]),
        ("+31 (0)6 12345678", 1, [(0, 17)]),
        ("+31612837465", 1, [(0, 12)]),
        ("0031 6 55 12 98 04", 1, [(0, 18)]),
        ("+32 470 12 34 56", 1, [(0, 16)]),
        ("+49 30 1234567", 1, [(0, 14)]),
        # in sentences: offsets, no trailing punctuation, no brackets left over
        ("TEL 06-18273645. WE WETEN WAAR JE WOONT", 1, [(4, 15)]),
        ("Zijn werknummer 088 090 1234, prive 06-3947 1826.", 2, [(16, 28), (36, 48)]),
        ("consulente Ellen (03 231 45 67) hebben", 1, [(18, 30)]),
        ("bel 06-12345678!", 1, [(4, 15)]),
        # invalid: dates, times, scores, order numbers, prices, BSNs, IBANs, postcodes
        ("12-11-2024", 0, []),
        ("01-03-1985", 0, []),
        ("op 12.11.2024 om 10:30", 0, []),
        ("2024-11-12", 0, []),
        ("de wedstrijd eindigde in 3-1", 0, []),
        ("bestelnummer 123456789", 0, []),
        ("ordernr 2024-001234", 0, []),
        ("het huis kostte € 1.250.000", 0, []),
        ("BSN 111222333", 0, []),
        ("NL91 ABNA 0417 1643 00", 0, []),
        ("NL91ABNA0417164300", 0, []),
        ("3012 AB Rotterdam", 0, []),
        ("06-123456", 0, []),  # too short
        ("(212) 555-0123", 0, []),  # US national form only in English text
        ("v2.0612345678", 0, []),
    ],
)
def test_when_phone_in_text_then_all_phones_found(text, expected_len, expected_positions, recognizer):
    results = recognizer.analyze(text, ["PHONE_NUMBER"])
    assert len(results) == expected_len
    assert spans(results) == expected_positions
    assert all(r.entity_type == "PHONE_NUMBER" for r in results)


@pytest.mark.parametrize(
    "text, expected_positions",
    [
        ("call her on (212) 555-0123.", [(12, 26)]),
        ("her office: 020 7946 0958", [(12, 25)]),
        ("ring 06-12345678", [(5, 16)]),
        # Irish mobiles and freephone numbers, US toll-free with its leading 1
        ("call Aisling on 086 319 2847", [(16, 28)]),
        ("Childline on 1800 66 66 66.", [(13, 26)]),
        ("hotline 1-800-422-4453, 24/7", [(8, 22)]),
        # written as a US number in a range not in use (555-01xx, exchange 0xx): still a number
        ("her work cell: (555) 014-2287.", [(15, 29)]),
    ],
)
def test_english_text_also_accepts_us_and_uk_national_forms(text, expected_positions, recognizer_en):
    assert spans(recognizer_en.analyze(text, ["PHONE_NUMBER"])) == expected_positions


@pytest.mark.parametrize(
    "text",
    ["Order 123-456-7890 shipped", "the score was 1850 points", "ref 555-0176"],
)
def test_number_shaped_codes_are_not_phones(text, recognizer_en):
    assert recognizer_en.analyze(text, ["PHONE_NUMBER"]) == []


def test_other_entities_requested_returns_nothing(recognizer):
    assert recognizer.analyze("06-12345678", ["EMAIL_ADDRESS"]) == []


def test_text_without_digit_runs_is_cheap(recognizer):
    text = "Gezinsvoogd Sanne Bakker woont in Schiedam en werkt in Rotterdam. " * 30
    started = time.perf_counter()
    for _ in range(50):
        assert recognizer.analyze(text, ["PHONE_NUMBER"]) == []
    assert (time.perf_counter() - started) / 50 < 0.005


def test_phone_in_a_post_through_the_engine(engine):
    text = "Haar tel is 06-51 82 93 04, bel haar gerust. Zaak op 12-11-2024."
    found = [(e.start, e.end, e.type) for e in engine.analyze(text, "nl")
             if e.type in ("PHONE_NUMBER", "DATE_TIME")]
    assert found == [(12, 26, "PHONE_NUMBER"), (53, 63, "DATE_TIME")]


@pytest.mark.parametrize(
    "text, expected_positions",
    [
        ("bel gratis 102 of chat via de website", [(11, 14)]),
        ("Bel 112 bij nood", [(4, 7)]),
        ("tel. 1400", [(5, 9)]),
        ("in 2024 was het erger", []),
        ("huisnummer 1234", []),
        ("bel me om 1234 uur", []),
    ],
)
def test_short_numbers_only_right_after_a_call_cue(text, expected_positions, recognizer):
    assert spans(recognizer.analyze(text, ["PHONE_NUMBER"])) == expected_positions


def test_uk_mobile_in_unassigned_range_counts_in_english_only():
    from piiscore.recognizers.generic.phone_number_recognizer import PhoneNumberRecognizer

    text = "Please call Tom on 07700 900 732 if you see him."
    en = PhoneNumberRecognizer(supported_language="en").analyze(text, ["PHONE_NUMBER"])
    assert [text[r.start:r.end] for r in en] == ["07700 900 732"]
    nl = PhoneNumberRecognizer(supported_language="nl").analyze(text, ["PHONE_NUMBER"])
    assert nl == []
