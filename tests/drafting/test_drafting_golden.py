"""Golden drafts for every kind x language x situation (threat, plain, missing inputs).

Regenerate after an intended wording change with ``PIISCORE_REGEN_GOLDEN=1 pytest tests/drafting``
and read the diff of tests/drafting/golden/ before committing it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from piiscore.drafting import KINDS, LANGUAGES, make_draft

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("PIISCORE_REGEN_GOLDEN") == "1"


@pytest.mark.parametrize("case", ["threat", "plain", "missing"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_draft_matches_golden(kind, language, case, posts):
    text, scan, details = posts.case_inputs(case, language)
    draft = make_draft(text, scan, kind, language, details)
    path = GOLDEN / f"{kind}.{language}.{case}.json"
    if REGENERATE:
        path.write_text(json.dumps(draft, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}; run with PIISCORE_REGEN_GOLDEN=1"
    assert draft == json.loads(path.read_text(encoding="utf-8"))


def test_every_golden_file_belongs_to_a_case():
    expected = {f"{k}.{l}.{c}.json" for k in KINDS for l in LANGUAGES for c in ("threat", "plain", "missing")}
    assert {p.name for p in GOLDEN.glob("*.json")} == expected
