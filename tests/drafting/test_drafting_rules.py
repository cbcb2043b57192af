"""The rules every draft keeps: minimal disclosure, no template injection, nothing invented."""
from __future__ import annotations

import json
import re

import pytest

from piiscore.drafting import KINDS, LANGUAGES, PLATFORM_IDS, labels, make_draft
from piiscore.types import Entity, RiskScore, ScanResult

# Values of these types must never reach a draft (ORGANIZATION may: the notifier's own employer).
SECRET_TYPES = {"PERSON", "NL_ADDRESS", "NL_POSTCODE", "PHONE_NUMBER", "EMAIL_ADDRESS", "NL_BSN",
                "NL_LICENSE_PLATE", "IBAN_CODE", "LOCATION"}


def _squash(text: str) -> str:
    return re.sub(r"[\s\-.()+]", "", text.lower())


def _leaks(draft: dict, values: list[tuple[str, str]]) -> list[str]:
    everything = json.dumps(draft, ensure_ascii=False)
    return [value for kind, value in values if kind in SECRET_TYPES
            and (value.lower() in everything.lower() or _squash(value) in _squash(everything))]


@pytest.mark.parametrize("platform", PLATFORM_IDS)
@pytest.mark.parametrize("case", ["threat", "plain", "missing"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_no_detected_value_appears_in_any_draft(kind, language, case, platform, posts):
    text, scan, details = posts.case_inputs(case, language)
    if details:
        details = {**details, "platform": platform}
    for draft_language in LANGUAGES:
        draft = make_draft(text, scan, kind, draft_language, details)
        assert _leaks(draft, posts.VALUES[language]) == []


def test_leak_check_itself_catches_a_value(posts):
    values = posts.VALUES["nl"]
    assert _leaks({"body": "bel 06 1234 5678"}, values) == ["06-12345678"]


def test_a_value_the_detector_found_once_is_redacted_everywhere_in_the_excerpt(posts):
    text = "Bel 06-12345678! Nogmaals: 06-12345678. Dreiging volgt."
    first = text.index("06-12345678")
    scan = ScanResult(text, "nl", (Entity("PHONE_NUMBER", first, first + 11, 0.9, "06-12345678"),),
                      RiskScore(90, "high", (), {"threat": True, "target_role": "youth_protection"}))
    draft = make_draft(text, scan, "police_report", "nl", posts.full_details())
    assert "12345678" not in draft["body"]
    assert "> Bel <PHONE_NUMBER>! Nogmaals: <PHONE_NUMBER>. Dreiging volgt." in draft["body"]


def test_only_the_police_summary_quotes_the_post(posts):
    text, scan, details = posts.case_inputs("threat", "en")
    for kind in KINDS:
        draft = make_draft(text, scan, kind, "en", details)
        assert ("child snatcher" in draft["body"]) == (kind == "police_report")


INJECTION = "{{ 7*7 }}{% if true %}X{% endif %}"


@pytest.mark.parametrize("kind", KINDS)
def test_template_syntax_in_inputs_is_rendered_literally(kind, posts):
    text = f"{posts.POSTS['nl']} {INJECTION}"
    scan = posts.build_scan("nl", threat=True)
    scan = ScanResult(text, "nl", scan.entities, scan.score)
    details = {**posts.full_details(), "notifier_name": INJECTION, "organisation": INJECTION,
               "account_handle": INJECTION, "url": "https://social.example/" + INJECTION, "context": INJECTION,
               "post_id": INJECTION}
    draft = make_draft(text, scan, kind, "nl", details)
    assert INJECTION in draft["body"]
    assert "49" not in draft["body"]


def test_inputs_cannot_add_lines_to_a_draft(posts):
    text, scan, details = posts.case_inputs("plain", "en")
    details = {**details, "notifier_name": "A. Person\n\nStatement: fake\r\u2028x"}
    body = make_draft(text, scan, "dsa_notice", "en", details)["body"]
    assert "A. Person Statement: fake x" in body
    assert "\nStatement: fake" not in body


def test_missing_inputs_are_listed_and_shown_not_invented(posts):
    text, scan, _ = posts.case_inputs("missing", "en")
    draft = make_draft(text, scan, "dsa_notice", "en", {})
    assert draft["missing"] == ["url", "platform", "notifier_name", "notifier_email", "context"]
    for placeholder in ("[post URL]", "[notifier name]", "[notifier e-mail]", "[platform]"):
        assert placeholder in draft["body"]
    assert "@" not in draft["body"]


def test_complete_inputs_leave_nothing_missing(posts):
    text, scan, details = posts.case_inputs("threat", "nl")
    for kind in KINDS:
        draft = make_draft(text, scan, kind, "nl", details)
        assert draft["missing"] == []
        shown = [p["nl"] for p in labels.PLACEHOLDERS.values() if p["nl"] in draft["body"]]
        assert shown == []


def test_gdpr_erasure_needs_the_persons_authorisation(posts):
    text, scan, details = posts.case_inputs("plain", "en")
    without = {k: v for k, v in details.items() if k != "authorisation"}
    draft = make_draft(text, scan, "gdpr_erasure", "en", without)
    assert "authorisation" in draft["missing"]
    assert "[written authorisation of the person concerned]" in draft["body"]
    assert "one month" in draft["body"] and "art. 12(3) GDPR" in draft["body"]
    assert make_draft(text, scan, "gdpr_erasure", "en", details)["missing"] == []
    own = make_draft(text, scan, "gdpr_erasure", "en", {**without, "filer_role": "person_concerned"})
    assert own["missing"] == [] and "about me" in own["body"]


def test_first_party_only_channel_warns_and_asks_for_authorisation(posts):
    text, scan, details = posts.case_inputs("plain", "en")
    without = {k: v for k, v in details.items() if k != "authorisation"}
    youtube = make_draft(text, scan, "platform_report", "en", {**without, "platform": "youtube"})
    assert youtube["missing"] == ["authorisation"]
    assert any("only from the person concerned" in note for note in youtube["channel"]["notes"])
    # X's first-party rule is unconfirmed: warn, but do not block.
    x = make_draft(text, scan, "platform_report", "en", {**without, "platform": "x"})
    assert x["missing"] == []
    assert any(note.startswith("Unconfirmed: who may use this channel") for note in x["channel"]["notes"])
    # The art. 16 DSA channel is open to anyone.
    dsa = make_draft(text, scan, "dsa_notice", "en", {**without, "platform": "youtube"})
    assert "authorisation" not in dsa["missing"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_threat_brings_art_18_and_285_only_when_flagged(language, posts):
    text, _, details = posts.case_inputs("plain", language)
    with_threat = make_draft(text, posts.build_scan(language, threat=True), "dsa_notice", language, details)
    without = make_draft(text, posts.build_scan(language, threat=False), "dsa_notice", language, details)
    assert "art. 18 DSA" in with_threat["body"] and "art. 18 DSA" in with_threat["subject"]
    assert "art. 285 Sr" in with_threat["body"]
    assert "art. 18" not in without["body"] and "art. 285 Sr" not in without["body"]
    assert "285b" not in with_threat["body"]  # stalking only when the moderator says so
    stalking = make_draft(text, posts.build_scan(language, threat=False), "dsa_notice", language,
                          {**details, "stalking": True})
    assert "art. 285b Sr" in stalking["body"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_moderator_can_confirm_a_threat_the_scorer_missed(language, posts):
    text, _, details = posts.case_inputs("plain", language)
    confirmed = make_draft(text, posts.build_scan(language, threat=False), "dsa_notice", language,
                           {**details, "threat": True})
    assert "art. 18 DSA" in confirmed["body"] and "art. 285 Sr" in confirmed["body"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_dsa_notice_holds_the_four_art_16_elements(language, posts):
    text, scan, details = posts.case_inputs("threat", language)
    draft = make_draft(text, scan, "dsa_notice", language, details)
    body = draft["body"]
    assert draft["subject"].startswith("Art. 16 DSA notice – illegal content (art. 285d Sr)" if language == "en"
                                       else "Melding art. 16 DSA – illegale inhoud (art. 285d Sr)")
    for article in ("art. 285d Sr", "art. 16 DSA", "art. 18 DSA"):
        assert article in body
    assert details["url"] in body
    assert details["notifier_name"] in body and details["notifier_email"] in body
    assert ("bona fide" if language == "en" else "te goeder trouw") in body
    assert "art. 22 DSA" in body  # trusted flagger
    assert posts.SHA_SCREENSHOT in body and "2026-11-28 09:15:00 UTC" in body


def test_trusted_flagger_needs_an_organisation(posts):
    text, scan, details = posts.case_inputs("plain", "en")
    details = {**details, "trusted_flagger": True, "organisation": ""}
    draft = make_draft(text, scan, "dsa_notice", "en", details)
    assert "organisation" in draft["missing"] and "[organisation] is a trusted flagger" in draft["body"]


def test_times_are_shown_in_utc(posts):
    text, scan, details = posts.case_inputs("plain", "en")
    details = {**details, "captured_at": "2026-07-01T14:30:00+02:00", "evidence": []}
    body = make_draft(text, scan, "police_report", "en", details)["body"]
    assert "Captured: 2026-07-01 12:30:00 UTC" in body


@pytest.mark.parametrize("bad", [
    {"evidence": [{"kind": "screenshot", "sha256": "not-a-hash"}]},
    {"captured_at": "yesterday"},
    {"platform": "myspace"},
    {"filer_role": "neighbour"},
    {"data_kinds": ["shoe_size"]},
])
def test_malformed_details_are_refused(bad, posts):
    text, scan, details = posts.case_inputs("plain", "en")
    with pytest.raises(ValueError):
        make_draft(text, scan, "dsa_notice", "en", {**details, **bad})


@pytest.mark.parametrize("kind, language", [("takedown", "en"), ("dsa_notice", "de")])
def test_unknown_kind_or_language_is_refused(kind, language, posts):
    text, scan, details = posts.case_inputs("plain", "en")
    with pytest.raises(ValueError):
        make_draft(text, scan, kind, language, details)


def test_scan_result_in_dict_form_gives_the_same_draft(posts):
    text, scan, details = posts.case_inputs("threat", "nl")
    assert make_draft(text, scan.to_dict(), "dsa_notice", "nl", details) == make_draft(
        text, scan, "dsa_notice", "nl", details)


def test_moderator_confirmed_kinds_are_named(posts):
    text, scan, details = posts.case_inputs("plain", "en")
    details = {**details, "data_kinds": ["home_address", "photo", "children"]}
    body = make_draft(text, scan, "dsa_notice", "en", details)["body"]
    assert "home address" in body and "photo" in body and "children" in body
    assert "street address" not in body


@pytest.mark.parametrize("platform", PLATFORM_IDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_platform_report_reason_fits_the_length_limit(platform, language, posts):
    text, scan, details = posts.case_inputs("threat", language)
    details = {**details, "platform": platform, "data_kinds": ["home_address", "photo", "children", "family"],
               "context": "The post labels the person a child thief. " * 5}
    draft = make_draft(text, scan, "platform_report", language, details)
    reason = draft["body"].rstrip("\n").split("\n")[-1]
    assert 100 < len(reason) <= 500
    assert "285d" in reason


def test_video_timestamp_is_part_of_the_location(posts):
    text, scan, details = posts.case_inputs("plain", "nl")
    for kind in ("dsa_notice", "platform_report", "police_report"):
        body = make_draft(text, scan, kind, "nl", {**details, "video_timestamp": "01:23"})["body"]
        assert "Tijdstip in de video: 01:23" in body


def test_trusted_flagger_advice_only_for_trusted_flaggers(posts):
    text, scan, details = posts.case_inputs("plain", "en")
    plain = make_draft(text, scan, "dsa_notice", "en", {**details, "platform": "x"})
    flagger = make_draft(text, scan, "dsa_notice", "en", {**details, "platform": "x", "trusted_flagger": True})
    assert not any("English version" in n for n in plain["channel"]["notes"])
    assert any("English version" in n for n in flagger["channel"]["notes"])


def test_phone_kind_says_mobile_only_for_mobile_numbers(posts):
    text = "Bel 010-1234567 of 06-12345678."
    scan = ScanResult(text, "nl", posts.entities_for(text, [("PHONE_NUMBER", "010-1234567")]),
                      RiskScore(60, "high", (), {"call_to_action": True}))
    body = make_draft(text, scan, "dsa_notice", "en", posts.full_details())["body"]
    assert ": phone number." in body
    scan = ScanResult(text, "nl", posts.entities_for(text, [("PHONE_NUMBER", "06-12345678")]), scan.score)
    assert ": mobile phone number." in make_draft(text, scan, "dsa_notice", "en", posts.full_details())["body"]


def test_long_posts_are_quoted_shortened(posts):
    text = "Zij woont hier. " * 400
    scan = ScanResult(text, "nl", (), RiskScore(40, "medium", (), {"threat": True}))
    body = make_draft(text, scan, "police_report", "nl", posts.full_details())["body"]
    quoted = "\n".join(line for line in body.splitlines() if line.startswith("> "))
    assert 1500 < len(quoted) <= 2003 and quoted.endswith(" …")
