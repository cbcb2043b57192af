"""Helpers for the name/place/organisation/address test tables: expected spans are written as
the substrings they cover (in order), and turned into offsets here so every case checks them.
The shared runners below are what each recognizer's test module calls on its own tables."""
from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


def offsets(text: str, substrings: list[str]) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for sub in substrings:
        start = text.index(sub, cursor)
        out.append((start, start + len(sub)))
        cursor = start + len(sub)
    return out


def found(results, entity_type: str) -> list[tuple[int, int]]:
    return sorted((r.start, r.end) for r in results if getattr(r, "entity_type", None) == entity_type
                  or getattr(r, "type", None) == entity_type)


def check_spans_found(recognizer, entity_type: str, text: str, expected: list[str]) -> None:
    """The recognizer finds exactly the expected substrings of ``text`` as ``entity_type``."""
    results = recognizer.analyze(text, [entity_type])
    assert found(results, entity_type) == offsets(text, expected)


def check_nothing_found(recognizer, entity_type: str, text: str) -> None:
    assert recognizer.analyze(text, [entity_type]) == []


def check_spans_inside_the_text_and_scores_sane(recognizer, entity_type: str, text: str) -> None:
    for r in recognizer.analyze(text, [entity_type]):
        assert 0 <= r.start < r.end <= len(text)
        assert 0.4 <= r.score <= 1.0


# Property tests: arbitrary text, or runs of name/place/organisation/address pieces.
_PIECES = st.sampled_from(["van", "de", "'t", "Sanne", "Bakker", "Kerkstraat", "12", "a", "J.", ".",
                           "-", "Den", "Haag", "Jeugdbescherming", "St", "B.V.", "nr", "in", "VAN",
                           "'s-Hertogenbosch", "Laan", "str", "\u200b", "😀", "İ", "\n", ","])
PROPERTY_TEXTS = st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=20).map(" ".join))
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None,
                             suppress_health_check=[HealthCheck.function_scoped_fixture])
