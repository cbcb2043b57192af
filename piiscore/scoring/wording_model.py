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
import operator
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from ..types import Entity
from . import _patterns

# chosen by leave-one-set-out cross-validation of the whole scorer (tools/cv_wording_model.py)
THRESHOLD = 0.6
NAMED_ONLY_THRESHOLD = 0.7  # for a post that names someone but shows no data or hostility
# scikit-learn's default token pattern: two or more word characters
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_WORDS = re.compile(r"\w\w+")  # the same matches as _TOKEN (whole runs of 2+), found faster


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


def model_text(text: str, entities: Sequence[Entity]) -> str:
    """What the model reads: the post with its entities cut out (:func:`mask_entities`), and
    leetspeak undone when the post looks written in it ("u r d3ad m8")."""
    masked = mask_entities(text, entities)
    return _patterns.unleet(masked) if _patterns.looks_leet(masked) else masked


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
    idf = data["idf"]
    flags = {name: (m["coef"], m["intercept"]) for name, m in data["flags"].items()}
    coefs = list(zip(*(coef for coef, _ in flags.values())))  # per term, per flag
    # per term: its idf, its flag weights, and, for a term seen once (weight = idf), the terms
    # of the sums: weight * weight, then weight * flag weight per flag (the same products)
    rows = [
        (idf[i], coefs[i], (idf[i] * idf[i], *(c * idf[i] for c in coefs[i])))
        for i in range(len(vocab))
    ]
    return {
        "index": {term: i for i, term in enumerate(vocab)},
        "idf": idf,
        "flags": flags,
        "unigrams": {term: row for term, row in zip(vocab, rows) if " " not in term},
        # bigrams are looked up by their pair of words
        "bigrams": {
            tuple(term.split(" ")): row for term, row in zip(vocab, rows) if " " in term
        },
    }


def probabilities(masked: str, flags: Sequence[str] | None = None) -> dict[str, float]:
    """{flag: probability} for "threat" and "call_to_action" (or only for ``flags``)."""
    model = _model()
    tokens = _WORDS.findall(masked)
    # the terms of features(masked) in the same order (unigrams, then bigrams, each by first
    # occurrence) with the same counts, so the same sums; counted in plain dicts (two Counters
    # cost a third of the call on a post of a dozen words)
    unigram_counts: dict = {}
    for term in tokens:
        unigram_counts[term] = unigram_counts.get(term, 0) + 1
    bigrams = model["bigrams"]
    bigram_counts: dict = {}
    for pair in zip(tokens, tokens[1:]):
        if pair in bigrams:
            bigram_counts[pair] = bigram_counts.get(pair, 0) + 1
    parts = []  # per term: weight * weight, then weight * flag weight per flag
    for table, counts in ((model["unigrams"], unigram_counts), (bigrams, bigram_counts)):
        for row, count in zip(map(table.get, counts), counts.values()):
            if row is not None:
                if count == 1:  # (1.0 + log(1)) * idf is idf, to the bit
                    parts.append(row[2])
                else:
                    weight = (1.0 + math.log(count)) * row[0]
                    parts.append((weight * weight, *(c * weight for c in row[1])))
    norm = math.sqrt(sum(map(operator.itemgetter(0), parts))) or 1.0
    out = {}
    for column, (name, (_, intercept)) in enumerate(model["flags"].items(), 1):
        if flags is not None and name not in flags:
            continue
        z = intercept + sum(map(operator.itemgetter(column), parts)) / norm
        out[name] = 1.0 / (1.0 + math.exp(-z))
    return out
