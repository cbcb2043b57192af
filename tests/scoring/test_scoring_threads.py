"""score_post keeps per-text facts in module state (the word keys of the text last scored, see
piiscore/scoring/_wordkeys.py). The server scores in many threads at once: results must not
depend on what another thread scores at the same time."""
from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

from piiscore import get_engine
from piiscore.scoring import score_post, warm_up

DATA = Path(__file__).resolve().parents[1] / "data"


def _summary(score):
    return (score.value, score.level, tuple(sorted(score.flags.items())),
            tuple((r.code, r.message) for r in score.reasons))


def test_concurrent_scoring_gives_the_sequential_results():
    warm_up()
    engine = get_engine()
    posts = []
    for name in ("devset", "heldout2"):
        for line in (DATA / name / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            posts.append((record["text"], engine.analyze(record["text"], record["lang"]),
                          record["lang"]))
    expected = [_summary(score_post(t, e, lang, watchlist=None)) for t, e, lang in posts]
    mismatches: list[int] = []
    start = threading.Barrier(8)

    def worker(offset: int) -> None:
        start.wait()
        for _ in range(3):
            for k in range(len(posts)):
                i = (k * 7 + offset * 13) % len(posts)   # every thread in its own order
                text, entities, lang = posts[i]
                if _summary(score_post(text, entities, lang, watchlist=None)) != expected[i]:
                    mismatches.append(i)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)   # switch threads often, inside score_post, not between calls
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(300)
    finally:
        sys.setswitchinterval(interval)
    assert not mismatches, sorted(set(mismatches))[:10]
