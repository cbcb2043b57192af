"""A small linear model of intent wording: threats and calls to action that no phrase list knows.

The phrase lists (``data/threat_*.txt``, ``data/cta_*.txt``) are precise but miss fresh wording
("geniet er nog maar van", "one day the kids won't be the only ones who don't come home"). This
model is a logistic regression over word unigrams and bigrams (TF-IDF, sublinear term
frequency, l2-normalised), trained by ``tools/train_wording_model.py`` on the project's
fictitious annotated posts with every detected entity cut out, so it learns wording, not
names, numbers or which kinds of data a post holds. Inference is plain Python over ``data/wording_model.json``:
no scikit-learn at run time. It only adds flags the rules did not raise, and only where the
post points at someone and no quoted or condemned threat is involved (the scorer decides).
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from ..types import Entity

THRESHOLD = 0.5
# scikit-learn's default token pattern: two or more word characters
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def mask_entities(text: str, entities: Sequence[Entity]) -> str:
    """The post with every detected span cut out, lower-cased: intent lies in the wording, and
    names, numbers and entity types (doxing posts name people more often) would only teach
    the model who is mentioned, not what is said about them."""
    out, pos = [], 0
    for e in sorted(entities, key=lambda e: e.start):
        if e.start < pos:
            continue
        out.append(text[pos:e.start])
        out.append(" \u00a7 ")  # a non-word mark: it makes no token
        pos = e.end
    out.append(text[pos:])
    return "".join(out).lower()


def features(masked: str) -> Counter:
    tokens = _TOKEN.findall(masked)
    grams = Counter(tokens)
    grams.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:]))
    return grams


@lru_cache(maxsize=1)
def _model() -> dict:
    raw = resources.files("piiscore.scoring.data").joinpath("wording_model.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    vocab = data["vocabulary"]
    return {
        "index": {term: i for i, term in enumerate(vocab)},
        "idf": data["idf"],
        "flags": {name: (m["coef"], m["intercept"]) for name, m in data["flags"].items()},
    }


def probabilities(masked: str) -> dict[str, float]:
    """{flag: probability} for "threat" and "call_to_action"."""
    model = _model()
    index, idf = model["index"], model["idf"]
    weights: dict[int, float] = {}
    for gram, count in features(masked).items():
        i = index.get(gram)
        if i is not None:
            weights[i] = (1.0 + math.log(count)) * idf[i]
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    out = {}
    for name, (coef, intercept) in model["flags"].items():
        z = intercept + sum(coef[i] * w for i, w in weights.items()) / norm
        out[name] = 1.0 / (1.0 + math.exp(-z))
    return out
