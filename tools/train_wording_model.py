"""Train piiscore/scoring/data/wording_model.json (needs scikit-learn; not a run-time dependency).

    pip install scikit-learn && python tools/train_wording_model.py

Training data: the development set, the held-out sets `heldout` to `heldout8` (each after its
blind measurement), 400 posts written for this model (`tools/wording_data/extra_posts.jsonl`,
by an author who saw no code, list or test set), 400 annotated posts by two more such authors
(`tools/wording_data/train_a`, `train_b`, measured once as blind sets first: README), and the
scorer's regression cases, all fictitious. `heldout9` is kept out: it tests the scorer (README "Measured"). Entities are
found by piiscore's own engine and cut out, as at run time. Hyper-parameters are
scikit-learn's defaults except C=4 and balanced classes; the decision threshold
(``wording_model.THRESHOLD``, 0.6) was chosen by leave-one-set-out cross-validation of the
whole scorer over those sets (`tools/cv_wording_model.py`), never on heldout9.
"""
from __future__ import annotations

import json
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from piiscore.engine import get_engine
from piiscore.scoring import wording_model
from piiscore.scoring.wording_model import model_text

ROOT = Path(__file__).resolve().parents[1]
SETS = ["tests/data/devset/devset.jsonl", "tests/data/heldout/heldout.jsonl",
        "tests/data/heldout2/heldout2.jsonl", "tests/data/heldout3/heldout3.jsonl",
        "tests/data/heldout4/heldout4.jsonl", "tests/data/heldout5/heldout5.jsonl",
        "tests/data/heldout6/heldout6.jsonl", "tests/data/heldout7/heldout7.jsonl",
        "tests/data/heldout8/heldout8.jsonl",
        "tools/wording_data/extra_posts.jsonl", "tools/wording_data/train_a/train_a.jsonl",
        "tools/wording_data/train_b/train_b.jsonl"]
OUT = ROOT / "piiscore" / "scoring" / "data" / "wording_model.json"
FLAGS = ("threat", "call_to_action")


def examples() -> list[tuple[str, str, dict]]:
    rows = []
    for path in SETS:
        for line in (ROOT / path).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            rows.append((r["text"], r["lang"], r["flags"]))
    for case in json.loads((ROOT / "tests/scoring/data/cases.json").read_text(encoding="utf-8")):
        flags = case.get("expected_flags", {})
        if all(f in flags for f in FLAGS):
            rows.append((case["text"], case["lang"], flags))
    return rows


def main() -> int:
    engine = get_engine()
    rows = examples()
    texts = [model_text(t, engine.analyze(t, lang)) for t, lang, _ in rows]
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    matrix = vectorizer.fit_transform(texts)
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    model = {"vocabulary": vocabulary, "idf": [round(float(x), 6) for x in vectorizer.idf_],
             "examples": len(rows), "flags": {}}
    expected = {}
    for flag in FLAGS:
        labels = [bool(f[flag]) for _, _, f in rows]
        clf = LogisticRegression(C=4, max_iter=2000, class_weight="balanced").fit(matrix, labels)
        model["flags"][flag] = {"coef": [round(float(x), 6) for x in clf.coef_[0]],
                                "intercept": round(float(clf.intercept_[0]), 6)}
        expected[flag] = clf.predict_proba(matrix)[:, 1]
    OUT.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    # the plain-Python inference over the written file gives scikit-learn's probabilities
    wording_model._model.cache_clear()
    worst = max(abs(wording_model.probabilities(text)[flag] - expected[flag][i])
                for i, text in enumerate(texts) for flag in FLAGS)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(vocabulary)} terms from {len(rows)} posts; "
          f"largest difference from predict_proba {worst:.1e}")
    if worst > 1e-4:
        print("error: the shipped inference does not reproduce the trained model")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
