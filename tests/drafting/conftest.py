"""Fictitious doxing posts with hand-built scan results, so the drafting tests never depend on detection."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from piiscore.types import Entity, RiskScore, ScanResult

SHA_SCREENSHOT = "3f" * 32
SHA_HTML = "5e" * 32

POSTS = {
    "nl": (
        "Dit is die kinderdief Sanne Bakker van Jeugdbescherming Regio Noord. Ze woont op Kerkstraat 12a, "
        "3012 AB Rotterdam. Bel haar: 06-12345678 of mail s.bakker@example.nl. Haar auto: XX-123-B. "
        "BSN 111222333. Rekening NL91ABNA0417164300. We weten waar je woont."
    ),
    "en": (
        "This is the child snatcher Mark de Vries from Youth Care West. He lives at Dorpsstraat 5, "
        "1234 AB Utrecht. Call him on +31 6 87654321 or mail mark.devries@example.com. "
        "His car: 12-ABC-3. Go pay him a visit, we know where you live."
    ),
}
VALUES = {
    "nl": [
        ("PERSON", "Sanne Bakker"),
        ("ORGANIZATION", "Jeugdbescherming Regio Noord"),
        ("NL_ADDRESS", "Kerkstraat 12a"),
        ("NL_POSTCODE", "3012 AB"),
        ("LOCATION", "Rotterdam"),
        ("PHONE_NUMBER", "06-12345678"),
        ("EMAIL_ADDRESS", "s.bakker@example.nl"),
        ("NL_LICENSE_PLATE", "XX-123-B"),
        ("NL_BSN", "111222333"),
        ("IBAN_CODE", "NL91ABNA0417164300"),
    ],
    "en": [
        ("PERSON", "Mark de Vries"),
        ("ORGANIZATION", "Youth Care West"),
        ("NL_ADDRESS", "Dorpsstraat 5"),
        ("NL_POSTCODE", "1234 AB"),
        ("LOCATION", "Utrecht"),
        ("PHONE_NUMBER", "+31 6 87654321"),
        ("EMAIL_ADDRESS", "mark.devries@example.com"),
        ("NL_LICENSE_PLATE", "12-ABC-3"),
    ],
}

# Three situations each golden test covers.
CASES = ("threat", "plain", "missing")


def entities_for(text: str, values: list[tuple[str, str]]) -> tuple[Entity, ...]:
    found = []
    for kind, value in values:
        start = text.index(value)
        found.append(Entity(kind, start, start + len(value), 0.9, value))
    return tuple(found)


def build_scan(language: str, *, threat: bool, call_to_action: bool = True, obfuscation: bool = False,
               target_role: str = "youth_protection") -> ScanResult:
    text = POSTS[language]
    flags = {"threat": threat, "call_to_action": call_to_action, "obfuscation": obfuscation,
             "target_role": target_role}
    level = "critical" if threat else "high"
    return ScanResult(text, language, entities_for(text, VALUES[language]),
                      RiskScore(95 if threat else 80, level, (), flags))


def full_details(platform: str = "x") -> dict:
    return {
        "url": "https://social.example/post/4711",
        "platform": platform,
        "account_handle": "@doxer_account",
        "post_id": "4711",
        "notifier_name": "M. Janssen",
        "notifier_email": "meldingen@jeugdzorg-voorbeeld.example",
        "organisation": "Stichting Jeugdzorg Voorbeeld",
        "captured_at": "2026-11-28T10:15:00+01:00",
        "evidence": [
            {"kind": "screenshot", "sha256": SHA_SCREENSHOT, "captured_at": "2026-11-28T09:15:00Z"},
            {"kind": "html", "sha256": SHA_HTML, "captured_at": "2026-11-28T09:15:02Z"},
        ],
    }


def case_inputs(case: str, language: str) -> tuple[str, ScanResult, dict]:
    """(text, scan_result, details) for one named situation."""
    if case == "threat":
        details = {**full_details("x"), "trusted_flagger": True, "stalking": True, "authorisation": True,
                   "police_report_number": "2026-123456"}
        return POSTS[language], build_scan(language, threat=True), details
    if case == "plain":
        details = {**full_details("facebook"), "authorisation": True}
        return POSTS[language], build_scan(language, threat=False, call_to_action=False, obfuscation=True), details
    if case == "missing":
        scan = build_scan(language, threat=False, call_to_action=False, target_role="none")
        return POSTS[language], scan, {}
    raise KeyError(case)


@pytest.fixture
def posts():
    """The helpers above, for tests (test modules cannot import conftest)."""
    return SimpleNamespace(POSTS=POSTS, VALUES=VALUES, CASES=CASES, case_inputs=case_inputs,
                           build_scan=build_scan, full_details=full_details, entities_for=entities_for,
                           SHA_SCREENSHOT=SHA_SCREENSHOT)
