"""The phrase lists: well-formed, lower-case, and fast to match."""
from __future__ import annotations

from importlib import resources

import pytest

from piiscore.scoring import _patterns, intent, role, scorer

LISTS = sorted(
    p.name[:-4]
    for p in resources.files("piiscore.scoring.data").iterdir()
    if p.name.endswith(".txt") and p.name not in ("macros.txt", "helpline_numbers.txt")
)
MERGED = (intent._LISTS, scorer.CONTEXT_LISTS, role._ROLE_LISTS)


@pytest.mark.parametrize("name", LISTS)
def test_every_list_compiles_and_is_lower_case(name):
    assert _patterns.load_lines(name)
    _patterns.pattern(name)
    for line in _patterns.load_lines(name):
        # matching runs on lower-cased text without IGNORECASE
        stripped = line.replace("\\S", "").replace("\\W", "").replace("\\D", "").replace("\\B", "")
        assert stripped == stripped.lower(), line


@pytest.mark.parametrize("names", MERGED)
def test_every_merged_phrase_has_known_first_characters(names):
    # A phrase that can start anywhere is tried at every position: one such phrase once made
    # the intent pass five times slower.
    for name in names:
        for line in _patterns.load_lines(name):
            assert _patterns._first_chars(_patterns._expand(line)), (name, line)


def test_fold_keeps_offsets_masks_names_and_undoes_leet():
    text = "Hé MARIEKE, w3 w3t3n w44r j3 w00nt"
    folded = _patterns.fold(text, [(3, 10)], leet=True)
    assert len(folded) == len(text)
    assert folded == "hé " + _patterns.NAME_MASK * 7 + ", we weten waar je woont"
    assert _patterns.fold("İstanbul").endswith("stanbul") and len(_patterns.fold("İstanbul")) == 8


def test_find_all_reports_the_list_of_each_match():
    found = _patterns.find_all(("label", "cta_share"), "kinderdief! deel dit")
    assert [name for name, _, _ in found] == ["label", "cta_share"]


@pytest.mark.parametrize(
    "spelled, joined",
    [
        ("w e  w e t e n  w a a r", "we weten waar"),
        ("w.i.e. k.e.n.t. haar?", "wie kent haar?"),
        ("omzet 4.5% hoger", "omzet 4.5% hoger"),
        ("gewoon een zin", "gewoon een zin"),
    ],
)
def test_despace(spelled, joined):
    assert _patterns.despace(spelled) == joined


@pytest.mark.parametrize("names", MERGED)
def test_dispatch_finds_what_a_plain_alternation_finds(names):
    # the merged regex dispatches on the first two characters; it must find exactly what one
    # plain alternation in list order finds (same lists win at the same places)
    import json
    import re
    from pathlib import Path

    alternatives = [(n, _patterns._expand(line)) for n in names for line in _patterns.load_lines(n)]
    plain = re.compile(
        r"(?<!\w)(?:" + "|".join(f"({fragment})" for _, fragment in alternatives) + r")(?!\w)"
    )
    cases = json.loads((Path(__file__).parent / "data" / "cases.json").read_text("utf-8"))
    texts = [c["text"].lower() for c in cases] + [
        "u bent gewaarschuwd, ik zie je. we know where you live. i'll find you",
    ]
    for text in texts:
        expected = [
            (alternatives[m.lastindex - 1][0], m.start(), m.end()) for m in plain.finditer(text)
        ]
        assert _patterns.find_all(names, text) == expected, text


def test_prefixes_of_a_phrase():
    assert _patterns._prefixes("(?:ik|we|wij)\\s+zou", 2) == {"ik", "we", "wi"}
    assert _patterns._prefixes("(?:het\\s+)?zou", 2) == {"he", "zo"}
    assert _patterns._prefixes("u\\s+bent", 2) == {"u" + _patterns._SPACE}
    assert _patterns._prefixes("x*y", 2) is None  # "y" may be the whole match
