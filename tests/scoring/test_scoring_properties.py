"""The scorer never raises and always returns a well-formed score, whatever it is given."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from piiscore.scoring import BANDS, score_post
from piiscore.types import RISK_LEVELS, Entity

TYPES = ["PERSON", "NL_ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS", "LOCATION", "ORGANIZATION",
         "SOCIAL_HANDLE", "NL_KVK", "IBAN_CODE", "DATE_OF_BIRTH", "URL", "UNKNOWN_TYPE"]
WORDS = ["we", "weten", "waar", "je", "woont", "deel", "dit", "kinderdief", "Sanne", "Bakker",
         "'", '"', ":", ".", ",", "niet", "als", "gezinsvoogd", "bel", "haar", "maar", "İ", "ǂ",
         "w e", "4", "0", "\n", "😀", "elke", "ochtend", "om", "8", "uur", "kind", "zit", "op"]


@st.composite
def posts(draw):
    text = " ".join(draw(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=40)))
    entities = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(-3, len(text) + 3))
        end = draw(st.integers(-3, len(text) + 3))
        obfuscated = draw(st.booleans())
        entities.append(Entity(draw(st.sampled_from(TYPES)), start, end, 0.5,
                               text[max(0, start):max(0, end)], obfuscated))
    return text, entities


@settings(max_examples=300, deadline=None)
@given(posts(), st.sampled_from(["nl", "en", "fr", ""]))
def test_any_input_gives_a_well_formed_score(post, language):
    text, entities = post
    score = score_post(text, entities, language)
    assert score.level in RISK_LEVELS
    low, high = BANDS[score.level]
    assert low <= score.value <= high
    assert score.reasons and all(r.code and r.message for r in score.reasons)
    assert isinstance(score.flags["threat"], bool)
