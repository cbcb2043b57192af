"""Evaluate detection (and, when the scorer is installed, scoring) against a gold JSON Lines set.

    python -m piiscore.evaluation [--data PATH] [--types T ...] [--errors] [--json]

Each input line is ``{"id", "lang", "text", "annotations": [{"type", "start", "end", "text"}],
"level"?, "flags"?: {"threat", "call_to_action"}}``; the default set is the development set in
``tests/data/devset/devset.jsonl``. Detection is scored per entity type twice: exact span match
(same type, same start and end) and overlap match (same type, any overlap). The metric functions
are pure Python so that they can be tested on hand-made cases.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .types import RISK_LEVELS

# DESIGN.md "Entity types (the output vocabulary)".
ENTITY_TYPES = (
    "PERSON",
    "LOCATION",
    "NL_ADDRESS",
    "NL_POSTCODE",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "IBAN_CODE",
    "NL_BSN",
    "NL_LICENSE_PLATE",
    "NL_ID_DOCUMENT",
    "NL_KVK",
    "DATE_OF_BIRTH",
    "DATE_TIME",
    "SOCIAL_HANDLE",
    "URL",
    "IP_ADDRESS",
    "CREDIT_CARD",
    "ORGANIZATION",
)

MATCH_MODES = ("exact", "overlap")
DOXING_LEVELS = ("high", "critical")
DEFAULT_DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "devset" / "devset.jsonl"


# ---------------------------------------------------------------------------------------------
# Span metrics


@dataclass(frozen=True)
class Span:
    type: str
    start: int
    end: int


@dataclass
class Counts:
    """Matched gold spans drive recall, matched predicted spans drive precision.

    In exact mode both matched counts are equal. In overlap mode they can differ: one predicted
    span that covers two gold spans matches both of them (and counts once for precision).
    """

    gold: int = 0
    pred: int = 0
    matched_gold: int = 0
    matched_pred: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.matched_gold += other.matched_gold
        self.matched_pred += other.matched_pred

    @property
    def precision(self) -> float:
        if self.pred == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.matched_pred / self.pred

    @property
    def recall(self) -> float:
        if self.gold == 0:
            return 1.0 if self.pred == 0 else 0.0
        return self.matched_gold / self.gold

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)


def f1_score(precision: float, recall: float) -> float:
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def spans_match(gold: Span, pred: Span, mode: str) -> bool:
    if gold.type != pred.type:
        return False
    if mode == "exact":
        return gold.start == pred.start and gold.end == pred.end
    if mode == "overlap":
        return gold.start < pred.end and pred.start < gold.end
    raise ValueError(f"unknown match mode {mode!r}")


def match_spans(gold: Iterable[Span], pred: Iterable[Span], mode: str) -> dict[str, Counts]:
    """Per-type counts for one document."""
    gold = list(dict.fromkeys(gold))
    pred = list(dict.fromkeys(pred))
    counts: dict[str, Counts] = {}
    for span in gold:
        c = counts.setdefault(span.type, Counts())
        c.gold += 1
        if any(spans_match(span, p, mode) for p in pred):
            c.matched_gold += 1
    for span in pred:
        c = counts.setdefault(span.type, Counts())
        c.pred += 1
        if any(spans_match(g, span, mode) for g in gold):
            c.matched_pred += 1
    return counts


def micro_average(per_type: dict[str, Counts]) -> Counts:
    total = Counts()
    for counts in per_type.values():
        total.add(counts)
    return total


def unmatched(gold: Iterable[Span], pred: Iterable[Span], mode: str) -> tuple[list[Span], list[Span]]:
    """(missed gold spans, spurious predicted spans) for one document."""
    gold = list(dict.fromkeys(gold))
    pred = list(dict.fromkeys(pred))
    missed = [g for g in gold if not any(spans_match(g, p, mode) for p in pred)]
    spurious = [p for p in pred if not any(spans_match(g, p, mode) for g in gold)]
    return missed, spurious


# ---------------------------------------------------------------------------------------------
# Scoring metrics


def level_accuracy(gold: Sequence[str], pred: Sequence[str], tolerance: int = 0) -> float:
    """Share of posts whose predicted level is within `tolerance` steps of the gold level."""
    if len(gold) != len(pred):
        raise ValueError("gold and predicted levels differ in length")
    if not gold:
        return 0.0
    hits = sum(
        1 for g, p in zip(gold, pred) if abs(RISK_LEVELS.index(g) - RISK_LEVELS.index(p)) <= tolerance
    )
    return hits / len(gold)


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float | None:
    """Probability that a random positive scores above a random negative (ties count half).

    None when one of the two classes is empty.
    """
    if len(scores) != len(labels):
        raise ValueError("scores and labels differ in length")
    positives = [s for s, y in zip(scores, labels) if y]
    negatives = [s for s, y in zip(scores, labels) if not y]
    if not positives or not negatives:
        return None
    # Rank-sum (Mann-Whitney U) with average ranks for ties: O(n log n).
    ordered = sorted((s, bool(y)) for s, y in zip(scores, labels))
    rank_sum = 0.0
    i = 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and ordered[j][0] == ordered[i][0]:
            j += 1
        average_rank = (i + 1 + j) / 2
        rank_sum += average_rank * sum(1 for _, y in ordered[i:j] if y)
        i = j
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


@dataclass(frozen=True)
class BinaryScores:
    precision: float
    recall: float
    f1: float
    support: int


def binary_scores(gold: Sequence[bool], pred: Sequence[bool]) -> BinaryScores:
    if len(gold) != len(pred):
        raise ValueError("gold and predicted flags differ in length")
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    c = Counts(gold=tp + fn, pred=tp + fp, matched_gold=tp, matched_pred=tp)
    return BinaryScores(c.precision, c.recall, c.f1, tp + fn)


# ---------------------------------------------------------------------------------------------
# Running the engine over a set


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError(f"{path}:{number}: needs an object with a text")
            records.append(record)
    return records


def gold_spans(record: dict[str, Any], types: frozenset[str] | None) -> list[Span]:
    return [
        Span(a["type"], a["start"], a["end"])
        for a in record.get("annotations", [])
        if types is None or a["type"] in types
    ]


def _scorer_available() -> bool:
    try:
        from .scoring import score_post  # noqa: F401
    except ImportError:
        return False
    return True


def evaluate(
    records: Sequence[dict[str, Any]],
    *,
    types: frozenset[str] | None = None,
    with_scoring: bool = True,
) -> dict[str, Any]:
    """Run the engine (and the scorer) over `records`; return counts, metrics and errors."""
    import piiscore

    engine = piiscore.get_engine()
    per_mode: dict[str, dict[str, Counts]] = {m: {} for m in MATCH_MODES}
    errors: list[dict[str, Any]] = []
    scored = with_scoring and _scorer_available() and any("level" in r for r in records)
    gold_levels: list[str] = []
    pred_levels: list[str] = []
    values: list[float] = []
    flag_gold: dict[str, list[bool]] = {"threat": [], "call_to_action": []}
    flag_pred: dict[str, list[bool]] = {"threat": [], "call_to_action": []}

    for record in records:
        text = record["text"]
        lang = record.get("lang") or piiscore.detect_language(text)
        entities = engine.analyze(text, lang)
        pred = [
            Span(e.type, e.start, e.end) for e in entities if types is None or e.type in types
        ]
        gold = gold_spans(record, types)
        for mode in MATCH_MODES:
            for entity_type, counts in match_spans(gold, pred, mode).items():
                per_mode[mode].setdefault(entity_type, Counts()).add(counts)
        missed, spurious = unmatched(gold, pred, "exact")
        if missed or spurious:
            errors.append(
                {
                    "id": record.get("id"),
                    "text": text,
                    "missed": [_span_dict(s, text) for s in missed],
                    "spurious": [_span_dict(s, text) for s in spurious],
                }
            )
        if scored and "level" in record:
            result = piiscore.scan(text, lang)
            gold_levels.append(record["level"])
            pred_levels.append(result.score.level)
            values.append(float(result.score.value))
            for flag in flag_gold:
                flag_gold[flag].append(bool(record.get("flags", {}).get(flag, False)))
                flag_pred[flag].append(bool(result.score.flags.get(flag, False)))

    report: dict[str, Any] = {"posts": len(records), "detection": {}, "errors": errors}
    for mode in MATCH_MODES:
        per_type = per_mode[mode]
        report["detection"][mode] = {
            "per_type": {t: _metrics(c) for t, c in sorted(per_type.items())},
            "micro": _metrics(micro_average(per_type)),
        }
    if scored:
        doxing = [g in DOXING_LEVELS for g in gold_levels]
        report["scoring"] = {
            "posts": len(gold_levels),
            "level_exact": level_accuracy(gold_levels, pred_levels, 0),
            "level_within_one": level_accuracy(gold_levels, pred_levels, 1),
            "doxing_auc": roc_auc(values, doxing),
            "flags": {
                flag: vars(binary_scores(flag_gold[flag], flag_pred[flag])) for flag in flag_gold
            },
            "level_errors": [
                {"id": r.get("id"), "gold": g, "pred": p}
                for r, g, p in zip((r for r in records if "level" in r), gold_levels, pred_levels)
                if g != p
            ],
        }
    return report


def _span_dict(span: Span, text: str) -> dict[str, Any]:
    return {"type": span.type, "start": span.start, "end": span.end, "text": text[span.start:span.end]}


def _metrics(counts: Counts) -> dict[str, Any]:
    return {
        "gold": counts.gold,
        "pred": counts.pred,
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
    }


# ---------------------------------------------------------------------------------------------
# Output


def format_report(report: dict[str, Any], *, show_errors: bool = False) -> str:
    lines = [f"posts: {report['posts']}", ""]
    exact = report["detection"]["exact"]
    overlap = report["detection"]["overlap"]
    header = (
        f"{'type':<18} {'gold':>5} {'pred':>5} | {'P exact':>7} {'R exact':>7} {'F1 exact':>8}"
        f" | {'P ovl':>6} {'R ovl':>6} {'F1 ovl':>6}"
    )
    lines += [header, "-" * len(header)]
    rows = list(exact["per_type"].items()) + [("MICRO", exact["micro"])]
    for entity_type, m in rows:
        o = overlap["micro"] if entity_type == "MICRO" else overlap["per_type"][entity_type]
        if entity_type == "MICRO":
            lines.append("-" * len(header))
        lines.append(
            f"{entity_type:<18} {m['gold']:>5} {m['pred']:>5} | {m['precision']:>7.3f}"
            f" {m['recall']:>7.3f} {m['f1']:>8.3f} | {o['precision']:>6.3f} {o['recall']:>6.3f}"
            f" {o['f1']:>6.3f}"
        )
    scoring = report.get("scoring")
    if scoring:
        auc = scoring["doxing_auc"]
        lines += [
            "",
            f"scoring over {scoring['posts']} posts:",
            f"  level exact            {scoring['level_exact']:.3f}",
            f"  level within one step  {scoring['level_within_one']:.3f}",
            f"  doxing AUC (value)     {'n/a' if auc is None else format(auc, '.3f')}",
        ]
        for flag, s in scoring["flags"].items():
            lines.append(
                f"  {flag:<22} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
                f"  (support {s['support']})"
            )
    else:
        lines += ["", "scoring: not evaluated (no piiscore.scoring, or no gold levels)"]
    if show_errors:
        lines += ["", f"detection errors (exact match) in {len(report['errors'])} posts:"]
        for error in report["errors"]:
            lines.append(f"- {error['id']}: {error['text']!r}")
            for kind in ("missed", "spurious"):
                for s in error[kind]:
                    lines.append(f"    {kind:<8} {s['type']:<16} {s['start']:>4}-{s['end']:<4} {s['text']!r}")
        if scoring:
            lines += ["", f"level errors in {len(scoring['level_errors'])} posts:"]
            for e in scoring["level_errors"]:
                lines.append(f"- {e['id']}: gold {e['gold']}, predicted {e['pred']}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m piiscore.evaluation",
        description="Precision, recall and F1 per entity type against a gold JSON Lines set.",
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="gold JSON Lines file")
    parser.add_argument("--types", nargs="+", metavar="TYPE", help="only these entity types")
    parser.add_argument("--errors", action="store_true", help="list missed and spurious spans")
    parser.add_argument("--no-scoring", action="store_true", help="detection only")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)

    types = None
    if args.types:
        unknown = sorted(set(args.types) - set(ENTITY_TYPES))
        if unknown:
            parser.error(f"unknown entity type(s): {', '.join(unknown)}")
        types = frozenset(args.types)
    try:
        records = load_jsonl(args.data)
    except (OSError, ValueError) as exc:
        print(f"error: cannot read {args.data}: {exc}", file=sys.stderr)
        return 2

    report = evaluate(records, types=types, with_scoring=not args.no_scoring)
    if args.json:
        if not args.errors:
            report.pop("errors")
            report.get("scoring", {}).pop("level_errors", None)
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report, show_errors=args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
