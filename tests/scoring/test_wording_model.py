"""The wording model: plain-Python inference over the shipped weights, and its place in the
scorer (it adds flags the phrase lists miss, only where a post points at someone)."""
import json
from importlib import resources

import pytest

from piiscore.scoring import score_post, wording_model
from piiscore.types import Entity


def test_model_file_is_consistent():
    data = json.loads(resources.files("piiscore.scoring.data").joinpath("wording_model.json")
                      .read_text(encoding="utf-8"))
    n = len(data["vocabulary"])
    assert n > 1000 and len(data["idf"]) == n
    assert set(data["flags"]) == {"threat", "call_to_action"}
    assert all(len(m["coef"]) == n for m in data["flags"].values())


def test_entities_are_cut_out_of_the_wording():
    text = "Bel Sanne Bakker op 06-12345678!"
    masked = wording_model.mask_entities(text, [
        Entity("PERSON", 4, 16, 0.9, "Sanne Bakker"), Entity("PHONE_NUMBER", 20, 31, 0.9, "06-12345678")])
    assert "sanne" not in masked and "123" not in masked
    assert dict(wording_model.features(masked)) == {"bel": 1, "op": 1, "bel op": 1}


def test_probabilities_are_probabilities_and_need_evidence():
    empty = wording_model.probabilities("")
    assert set(empty) == {"threat", "call_to_action"}
    assert all(0.0 < p < wording_model.THRESHOLD for p in empty.values())


def _reference_probabilities(masked: str) -> dict[str, float]:
    """The model's definition, written out plainly: sublinear TF-IDF over features(), l2
    normalised, then a logistic regression per flag."""
    import math

    data = json.loads(resources.files("piiscore.scoring.data").joinpath("wording_model.json")
                      .read_text(encoding="utf-8"))
    index = {term: i for i, term in enumerate(data["vocabulary"])}
    weights = {index[t]: (1.0 + math.log(c)) * data["idf"][index[t]]
               for t, c in wording_model.features(masked).items() if t in index}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {name: 1.0 / (1.0 + math.exp(-(m["intercept"] + sum(
        w * m["coef"][i] for i, w in weights.items()) / norm)))
        for name, m in data["flags"].items()}


@pytest.mark.parametrize("masked", [
    "",
    "we weten waar je woont en we komen langs",
    "deel deel deel dit bericht, deel het overal en bel haar bel haar op",  # repeated terms
    "ze heeft een mooie tuin met rozen en een mooie mooie schuur",
    "you will regret this, we know where you live, share share share",
])
def test_fast_inference_equals_the_plain_definition(masked):
    fast = wording_model.probabilities(masked)
    reference = _reference_probabilities(masked)
    assert fast.keys() == reference.keys()
    for flag in fast:
        assert fast[flag] == pytest.approx(reference[flag], abs=1e-12)
    assert wording_model.probabilities(masked, ("threat",)) == {"threat": fast["threat"]}


@pytest.mark.parametrize("text,flag,high", [
    ("ze zal nog wensen dat ze die brief nooit had ondertekend", "threat", True),
    ("ze heeft een mooie tuin met rozen", "threat", False),
])
def test_wording_separates_menace_from_small_talk(text, flag, high):
    assert (wording_model.probabilities(text)[flag] >= wording_model.THRESHOLD) is high


def _post():
    text = ("Gezinsvoogd Mirjam Kuiper woont aan de Dorpsstraat 4 in Epe. "
            "Ze zal nog wensen dat ze die brief nooit had ondertekend.")
    return text, [Entity("PERSON", 12, 25, 0.9, "Mirjam Kuiper"),
                  Entity("NL_ADDRESS", 39, 52, 0.9, "Dorpsstraat 4"), Entity("LOCATION", 56, 59, 0.9, "Epe")]


def test_scorer_flags_fresh_menace_the_phrase_lists_miss():
    text, entities = _post()
    score = score_post(text, entities, "nl")
    assert score.flags["threat"] is True and score.level == "critical"


def test_wording_alone_never_raises_a_post_that_points_at_nobody():
    text = "Ze zal nog wensen dat ze die brief nooit had ondertekend."
    score = score_post(text, [], "nl")
    assert score.flags["threat"] is False
