"""Leave-one-set-out cross-validation of the wording model inside the whole scorer.

    pip install scikit-learn && python tools/cv_wording_model.py [--threshold 0.6] [--named-only 0.7]

For each training set of ``tools/train_wording_model.py`` in turn, the wording model is trained
on all the others (and the regression cases) and the scorer is run over the left-out set with
that model's probabilities: threat and call-to-action F1, level within one step and doxing AUC
per set, as a model never trained on the set would give them. The phrase lists were tuned on
these sets, so the figures are kinder than a blind set's; they compare settings of the model
(the thresholds were chosen with it), they do not replace a blind measurement.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import piiscore  # noqa: E402
from piiscore.evaluation import DOXING_LEVELS, binary_scores, level_accuracy, roc_auc  # noqa: E402
from piiscore.scoring import wording_model  # noqa: E402
from train_wording_model import FLAGS, SETS  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=wording_model.THRESHOLD)
    parser.add_argument("--named-only", type=float, default=wording_model.NAMED_ONLY_THRESHOLD)
    parser.add_argument("--C", type=float, default=4.0)
    parser.add_argument("--add", nargs="*", default=[], metavar="JSONL",
                        help="more training posts to try: in every fold's training, not scored")
    args = parser.parse_args(argv)

    engine = piiscore.get_engine()
    sets = {Path(p).stem: [json.loads(line) for line in (ROOT / p).read_text(encoding="utf-8").splitlines()]
            for p in SETS}
    cases = [c for c in json.loads((ROOT / "tests/scoring/data/cases.json").read_text(encoding="utf-8"))
             if all(f in c.get("expected_flags", {}) for f in FLAGS)]

    def masked(text: str, lang: str) -> str:
        return wording_model.model_text(text, engine.analyze(text, lang))

    texts = {name: [masked(r["text"], r["lang"]) for r in rows] for name, rows in sets.items()}
    case_texts = [masked(c["text"], c["lang"]) for c in cases]
    added = [json.loads(line) for path in args.add
             for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    case_texts += [masked(r["text"], r["lang"]) for r in added]
    cases += [{"expected_flags": r["flags"]} for r in added]
    held_out: dict[str, dict[str, float]] = {}
    for name in sets:
        train = [t for other in sets if other != name for t in texts[other]] + case_texts
        labels = [r["flags"] for other in sets if other != name for r in sets[other]]
        labels += [c["expected_flags"] for c in cases]
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        matrix = vectorizer.fit_transform(train)
        test = vectorizer.transform(texts[name])
        columns = {}
        for flag in FLAGS:
            clf = LogisticRegression(C=args.C, max_iter=3000, class_weight="balanced")
            clf.fit(matrix, [bool(f[flag]) for f in labels])
            columns[flag] = clf.predict_proba(test)[:, 1]
        for i, text in enumerate(texts[name]):
            held_out[text] = {flag: float(columns[flag][i]) for flag in FLAGS}

    shipped = wording_model.probabilities

    def probabilities(text, flags=None):
        found = held_out.get(text) or shipped(text)
        return {f: p for f, p in found.items() if flags is None or f in flags}

    wording_model.probabilities = probabilities
    wording_model.THRESHOLD, wording_model.NAMED_ONLY_THRESHOLD = args.threshold, args.named_only
    print(f"{'left out':<14}{'exact':>7}{'within1':>8}{'AUC':>7}{'threat F1':>11}{'CTA F1':>8}")
    summary = []
    for name, rows in sets.items():
        if "level" not in rows[0]:
            continue  # posts written for the model carry flags only
        gold_levels, levels, values, flags_gold, flags_pred = [], [], [], {f: [] for f in FLAGS}, {f: [] for f in FLAGS}
        for r in rows:
            result = piiscore.scan(r["text"], r["lang"], watchlist=None)
            gold_levels.append(r["level"])
            levels.append(result.score.level)
            values.append(result.score.value)
            for flag in FLAGS:
                flags_gold[flag].append(bool(r["flags"].get(flag)))
                flags_pred[flag].append(bool(result.score.flags[flag]))
        row = (level_accuracy(gold_levels, levels, 0), level_accuracy(gold_levels, levels, 1),
               roc_auc(values, [g in DOXING_LEVELS for g in gold_levels]) or 0.0,
               *(binary_scores(flags_gold[f], flags_pred[f]).f1 for f in FLAGS))
        summary.append(row)
        print(f"{name:<14}{row[0]:>7.3f}{row[1]:>8.3f}{row[2]:>7.3f}{row[3]:>11.3f}{row[4]:>8.3f}")
    means = [statistics.fmean(col) for col in zip(*summary)]
    print(f"{'mean':<14}{means[0]:>7.3f}{means[1]:>8.3f}{means[2]:>7.3f}{means[3]:>11.3f}{means[4]:>8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
