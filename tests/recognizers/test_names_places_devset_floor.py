"""Regression floor for the list-and-rule recognizers of names, places, organisations and
addresses on the development set: a change that loses recall or precision there fails here.
The floors sit a little under the measured figures (see the commit log), not at them."""
from pathlib import Path

import pytest

from piiscore.evaluation import evaluate, load_jsonl

DEVSET = Path(__file__).resolve().parent.parent / "data" / "devset" / "devset.jsonl"
TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NL_ADDRESS"})


@pytest.fixture(scope="module")
def report():
    return evaluate(load_jsonl(DEVSET), types=TYPES, with_scoring=False)


@pytest.mark.parametrize(
    "mode, entity_type, floor",
    [
        ("exact", "PERSON", 0.93),
        ("overlap", "PERSON", 0.95),
        ("overlap", "LOCATION", 0.93),
        ("overlap", "ORGANIZATION", 0.93),
        ("overlap", "NL_ADDRESS", 0.95),
    ],
)
def test_f1_per_type_stays_above_its_floor(report, mode, entity_type, floor):
    assert report["detection"][mode]["per_type"][entity_type]["f1"] >= floor


def test_micro_f1_over_the_four_types_stays_above_its_floor(report):
    assert report["detection"]["exact"]["micro"]["f1"] >= 0.94
    assert report["detection"]["overlap"]["micro"]["f1"] >= 0.95
