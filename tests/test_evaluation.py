"""Metric functions of piiscore.evaluation on hand-made cases, and the command on a fake engine."""
from __future__ import annotations

import json

import pytest

import piiscore
from piiscore import evaluation
from piiscore.evaluation import (
    Counts,
    Span,
    binary_scores,
    level_accuracy,
    match_spans,
    micro_average,
    roc_auc,
    unmatched,
)
from piiscore.types import Entity, RiskScore, ScanResult

P = "PERSON"
A = "NL_ADDRESS"


def test_exact_match_needs_same_type_and_boundaries():
    gold = [Span(P, 0, 12), Span(A, 20, 34)]
    pred = [Span(P, 0, 12), Span(A, 20, 33)]
    counts = match_spans(gold, pred, "exact")
    assert (counts[P].matched_gold, counts[P].matched_pred) == (1, 1)
    assert (counts[A].matched_gold, counts[A].matched_pred) == (0, 0)
    assert counts[A].precision == 0.0 and counts[A].recall == 0.0


def test_overlap_match_accepts_partial_span_but_not_other_type():
    gold = [Span(P, 0, 12), Span(A, 20, 34)]
    pred = [Span(P, 6, 12), Span("LOCATION", 20, 34)]
    counts = match_spans(gold, pred, "overlap")
    assert counts[P].f1 == 1.0
    assert counts[A].recall == 0.0
    assert counts["LOCATION"].precision == 0.0


def test_touching_spans_do_not_overlap():
    counts = match_spans([Span(P, 0, 5)], [Span(P, 5, 9)], "overlap")
    assert counts[P].matched_gold == 0 and counts[P].matched_pred == 0


def test_one_prediction_covering_two_gold_spans():
    gold = [Span(P, 0, 5), Span(P, 6, 11)]
    pred = [Span(P, 0, 11)]
    counts = match_spans(gold, pred, "overlap")[P]
    assert counts.recall == 1.0 and counts.precision == 1.0
    exact = match_spans(gold, pred, "exact")[P]
    assert exact.recall == 0.0 and exact.precision == 0.0


def test_precision_recall_f1_values():
    c = Counts(gold=4, pred=2, matched_gold=2, matched_pred=2)
    assert c.precision == 1.0
    assert c.recall == 0.5
    assert c.f1 == pytest.approx(2 / 3)


def test_empty_counts_conventions():
    assert Counts().precision == 1.0 and Counts().recall == 1.0
    missed_all = Counts(gold=3)
    assert missed_all.precision == 0.0 and missed_all.recall == 0.0 and missed_all.f1 == 0.0
    spurious_only = Counts(pred=2)
    assert spurious_only.precision == 0.0 and spurious_only.recall == 0.0


def test_micro_average_sums_counts_not_scores():
    per_type = {
        P: Counts(gold=9, pred=9, matched_gold=9, matched_pred=9),
        A: Counts(gold=1, pred=1, matched_gold=0, matched_pred=0),
    }
    micro = micro_average(per_type)
    assert micro.precision == pytest.approx(0.9)
    assert micro.recall == pytest.approx(0.9)


def test_duplicate_predictions_count_once():
    counts = match_spans([Span(P, 0, 3)], [Span(P, 0, 3), Span(P, 0, 3)], "exact")[P]
    assert counts.pred == 1 and counts.precision == 1.0


def test_unmatched_lists_missed_and_spurious():
    missed, spurious = unmatched([Span(P, 0, 3), Span(A, 5, 9)], [Span(P, 0, 3), Span(P, 10, 12)], "exact")
    assert missed == [Span(A, 5, 9)]
    assert spurious == [Span(P, 10, 12)]


def test_unknown_match_mode_is_an_error():
    with pytest.raises(ValueError):
        match_spans([Span(P, 0, 1)], [Span(P, 0, 1)], "fuzzy")


def test_level_accuracy_exact_and_within_one_step():
    gold = ["none", "low", "high", "critical"]
    pred = ["none", "medium", "medium", "low"]
    assert level_accuracy(gold, pred, 0) == 0.25
    assert level_accuracy(gold, pred, 1) == 0.75
    with pytest.raises(ValueError):
        level_accuracy(gold, pred[:2])


def test_auc_perfect_inverted_tied_and_undefined():
    labels = [False, False, True, True]
    assert roc_auc([10, 20, 80, 90], labels) == 1.0
    assert roc_auc([90, 80, 20, 10], labels) == 0.0
    assert roc_auc([50, 50, 50, 50], labels) == 0.5
    assert roc_auc([10, 60, 50, 90], labels) == 0.75
    assert roc_auc([1, 2], [True, True]) is None


def test_auc_with_partial_ties():
    # positive 50 ties with negative 50 (half), beats negative 10; positive 90 beats both.
    assert roc_auc([10, 50, 50, 90], [False, False, True, True]) == pytest.approx(3.5 / 4)


def test_binary_scores():
    s = binary_scores([True, True, False, False, True], [True, False, True, False, True])
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 / 3)
    assert s.support == 3
    assert binary_scores([False, False], [False, False]).f1 == 1.0
    assert binary_scores([True], [False]).f1 == 0.0


# --- the command, on a fake engine -------------------------------------------------------------

RECORDS = [
    {
        "id": "a",
        "lang": "nl",
        "text": "Gezinsvoogd Sanne Bakker woont op de Kerkstraat 12a.",
        "annotations": [
            {"type": "PERSON", "start": 12, "end": 24, "text": "Sanne Bakker"},
            {"type": "NL_ADDRESS", "start": 37, "end": 51, "text": "Kerkstraat 12a"},
        ],
        "level": "high",
        "flags": {"threat": False, "call_to_action": False},
    },
    {
        "id": "b",
        "lang": "en",
        "text": "Call Childline on 0800 1111.",
        "annotations": [{"type": "PHONE_NUMBER", "start": 18, "end": 27, "text": "0800 1111"}],
        "level": "none",
        "flags": {"threat": False, "call_to_action": False},
    },
]


class FakeEngine:
    """Finds the person exactly, the address one character short, the phone not at all,
    and a spurious LOCATION."""

    def analyze(self, text, language):
        if text.startswith("Gezinsvoogd"):
            return [
                Entity("PERSON", 12, 24, 0.9, text[12:24]),
                Entity("NL_ADDRESS", 37, 50, 0.9, text[37:50]),
                Entity("LOCATION", 0, 11, 0.5, text[0:11]),
            ]
        return []


def fake_scan(text, language=None):
    level, value = ("high", 80) if "Sanne" in text else ("low", 20)
    score = RiskScore(value=value, level=level, flags={"threat": False, "call_to_action": "Sanne" in text})
    return ScanResult(text=text, language=language, entities=(), score=score)


@pytest.fixture
def devset(tmp_path, monkeypatch):
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    monkeypatch.setattr(piiscore, "get_engine", lambda: FakeEngine())
    monkeypatch.setattr(piiscore, "scan", fake_scan)
    monkeypatch.setattr(evaluation, "_scorer_available", lambda: True)
    return path


def test_evaluate_counts_per_type(devset):
    report = evaluation.evaluate(evaluation.load_jsonl(devset))
    exact = report["detection"]["exact"]
    overlap = report["detection"]["overlap"]
    assert exact["per_type"]["PERSON"]["f1"] == 1.0
    assert exact["per_type"]["NL_ADDRESS"]["f1"] == 0.0
    assert overlap["per_type"]["NL_ADDRESS"]["f1"] == 1.0
    assert overlap["per_type"]["PHONE_NUMBER"]["recall"] == 0.0
    assert overlap["micro"]["precision"] == pytest.approx(2 / 3)
    assert overlap["micro"]["recall"] == pytest.approx(2 / 3)
    assert exact["micro"]["recall"] == pytest.approx(1 / 3)
    scoring = report["scoring"]
    assert scoring["level_exact"] == 0.5
    assert scoring["level_within_one"] == 1.0
    assert scoring["doxing_auc"] == 1.0
    assert scoring["flags"]["call_to_action"]["precision"] == 0.0


def test_main_prints_table_and_errors(devset, capsys):
    assert evaluation.main(["--data", str(devset), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "MICRO" in out and "PHONE_NUMBER" in out
    assert "missed   NL_ADDRESS" in out
    assert "spurious LOCATION" in out
    assert "level errors in 1 posts" in out


def test_main_types_filter_and_json(devset, capsys):
    assert evaluation.main(["--data", str(devset), "--types", "PERSON", "--json", "--no-scoring"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert list(report["detection"]["exact"]["per_type"]) == ["PERSON"]
    assert report["detection"]["exact"]["micro"]["f1"] == 1.0
    assert "scoring" not in report and "errors" not in report


def test_main_rejects_unknown_type_and_missing_file(devset, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        evaluation.main(["--data", str(devset), "--types", "SHOE_SIZE"])
    assert exc.value.code == 2
    assert evaluation.main(["--data", str(tmp_path / "missing.jsonl")]) == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert evaluation.main(["--data", str(bad)]) == 2
