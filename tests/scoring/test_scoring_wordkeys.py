"""The word-keyed matching (piiscore/scoring/_wordkeys.py, _patterns.find_all and friends) is a
shortcut: it must find exactly what the plain regexes find. Checked on every post we have (the
five annotated sets, the wording model's training posts, the regression cases), folded as the
scorer folds them, for every pass and every single list. A phrase added to a list whose words
the shortcut reads wrongly fails here as soon as some post holds a match of it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from piiscore.scoring import _patterns, intent, role, scorer

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "tests" / "data").glob("*/*.jsonl")),
           *sorted((ROOT / "tools" / "wording_data").glob("**/*.jsonl"))]


def _texts() -> list[str]:
    texts = []
    for path in SOURCES:
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    cases = json.loads((ROOT / "tests" / "scoring" / "data" / "cases.json").read_text(encoding="utf-8"))
    texts += [case["text"] for case in cases]
    folded = [_patterns.fold(t) for t in texts]
    # and some with leetspeak undone, as the scorer folds posts that hide values
    return folded + [_patterns.fold(t, leet=True) for t in texts[:300]]


TEXTS = _texts()
PASSES = (intent._LISTS, scorer.CONTEXT_LISTS, role._ROLE_LISTS)
SINGLE = sorted(scorer._SINGLE_LISTS)


@pytest.fixture(scope="module", autouse=True)
def _warm():
    scorer.warm_up()


@pytest.mark.parametrize("names", PASSES, ids=["intent", "contexts", "roles"])
def test_find_all_equals_the_merged_regex(names):
    differ = [t for t in TEXTS
              if _patterns.find_all(names, t) != _patterns._find_all_merged(names, t)]
    assert not differ, differ[:3]


def test_list_searches_equal_the_plain_regex():
    checked = 0
    for name in SINGLE:
        plain = _patterns.pattern(name)
        for text in TEXTS:
            _patterns.find_all(PASSES[0], text)   # make it the text being scored
            expected = plain.search(text) is not None
            assert _patterns.search(name, text) is expected, (name, text)
            assert _patterns.may_match(name, text) or not expected, (name, text)
            for start in range(0, len(text), 37):
                end = min(len(text), start + 60)
                window = plain.search(text[start:end]) is not None
                assert _patterns.search_in(name, text, start, end) is window, (name, text, start)
                checked += 1
    assert checked > 10_000


def test_the_corpus_exercises_the_lists():
    # the test above means little if the posts match nothing: most lists must match somewhere
    matched = {name for name in SINGLE for t in TEXTS if _patterns.pattern(name).search(t)}
    assert len(matched) >= 0.6 * len(SINGLE), sorted(set(SINGLE) - matched)


def test_every_phrase_of_a_pass_has_a_known_first_word():
    """A phrase whose first word the shortcut cannot read (one that starts with an apostrophe,
    "'s avonds") may start anywhere: its whole pass then falls back to the merged regex for
    every post, the same results at half the speed. Such a phrase is written without it."""
    scorer.warm_up()
    for names in (intent._LISTS, scorer.CONTEXT_LISTS):
        for name in names:
            for fragment in _patterns._fragments(name):
                first, _, _ = _patterns._phrase(fragment, True)
                assert first is not None, (name, fragment)
