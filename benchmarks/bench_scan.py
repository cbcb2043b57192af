"""Time vanilla Presidio against piiscore on the same posts, in one process.

    python benchmarks/bench_scan.py [--data PATH | --load-posts] [--limit N] [--scans N] [--warmup N]
                                    [--breakdown] [--json]

``--load-posts``: the 500 address- and phone-dense 280-character posts that
``benchmarks/load_scan.py`` sends to the server, each in the language piiscore detects for it
(what the server does for a request without a language), instead of a data file.

Three runners over the same texts:

- vanilla: Presidio's AnalyzerEngine with its default (English) recognizers on a blank spaCy
  "en" pipeline (no model download), every post analysed as "en";
- piiscore analyze: ``piiscore.get_engine().analyze(text, lang)`` (detection only);
- piiscore scan: ``piiscore.scan(text, lang)`` (detection + scoring), when the scorer exists;
- with ``--breakdown``, detection + the scorer's phrase passes alone (:func:`phrase_passes`).

The posts (the development set by default) are repeated until every runner has done at least
``--scans`` scans; the runners take turns round by round so that drift hits all of them alike.
Everything runs offline: Presidio's e-mail recognizer is pointed at tldextract's bundled
public-suffix snapshot for the duration of the run.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import logging
import math
import resource
import statistics
import sys
import time
import types
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "tests" / "data" / "devset" / "devset.jsonl"


# ---------------------------------------------------------------------------------------------
# Engines


@contextlib.contextmanager
def offline_presidio_email() -> Iterator[None]:
    """Make Presidio's EmailRecognizer use tldextract's bundled snapshot instead of the network."""
    import tldextract
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    original = email_recognizer.tldextract
    email_recognizer.tldextract = types.SimpleNamespace(extract=extractor)
    try:
        yield
    finally:
        email_recognizer.tldextract = original


def build_vanilla():
    """Presidio as it comes: default recognizers, English, on spacy.blank("en")."""
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    class BlankSpacyEnglish(SpacyNlpEngine):
        """SpacyNlpEngine whose load() never downloads a model."""

        def __init__(self):
            super().__init__(models=[{"lang_code": "en", "model_name": "blank:en"}])

        def load(self) -> None:
            self.nlp = {"en": spacy.blank("en")}

    nlp_engine = BlankSpacyEnglish()
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=["en"])
    # The default registry file also lists es/it/pl recognizers; Presidio warns once for each
    # one it skips. Expected here, so keep them out of the benchmark's output.
    presidio_logger = logging.getLogger("presidio-analyzer")
    level = presidio_logger.level
    presidio_logger.setLevel(logging.ERROR)
    try:
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
        return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])
    finally:
        presidio_logger.setLevel(level)


def scorer_available() -> bool:
    try:
        from piiscore.scoring import score_post  # noqa: F401
    except ImportError:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# Measuring


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def timed(build: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = build()
    return value, time.perf_counter() - start


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of an already sorted list."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def summarize(samples_s: Sequence[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in samples_s)
    return {
        "scans": len(ms),
        "mean_ms": statistics.fmean(ms),
        "p50_ms": percentile(ms, 50),
        "p95_ms": percentile(ms, 95),
    }


def load_posts(path: Path, limit: int | None) -> list[tuple[str, str]]:
    posts = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                posts.append((record["text"], record.get("lang") or "nl"))
    return posts[:limit] if limit else posts


def load_scan_posts(limit: int | None) -> list[tuple[str, str]]:
    """The server load test's posts, with the language piiscore detects for each."""
    if str(ROOT / "benchmarks") not in sys.path:
        sys.path.insert(0, str(ROOT / "benchmarks"))
    from load_scan import make_posts

    from piiscore import detect_language

    posts = [(text, detect_language(text)) for text in make_posts(500)]
    return posts[:limit] if limit else posts


def phrase_passes(text: str, entities) -> None:
    """The least a phrase-list scorer does: fold the text and run the scorer's phrase passes
    (intent, contexts, role words), with nothing else of ``score_post`` (no ownership, no
    wording model, no rules, no reasons). For ``--breakdown`` only."""
    from piiscore.scoring import _patterns, intent, role, scorer

    folded = _patterns.fold(text, [(e.start, e.end) for e in entities if e.type == "PERSON"])
    intent.analyse(folded)
    scorer._contexts(folded)
    role.role_words(folded, [])


def run(posts: list[tuple[str, str]], min_scans: int, warmup: int,
        breakdown: bool = False) -> dict[str, Any]:
    import piiscore

    report: dict[str, Any] = {"posts": len(posts)}
    rss_start = peak_rss_mb()
    # Shared by both engines, so timed apart from either build.
    _, import_s = timed(lambda: __import__("presidio_analyzer.predefined_recognizers"))

    with offline_presidio_email():
        vanilla, vanilla_build = timed(build_vanilla)
        rss_vanilla = peak_rss_mb()
        engine, piiscore_build = timed(piiscore.get_engine)
        rss_piiscore = peak_rss_mb()

        runners: dict[str, Callable[[str, str], Any]] = {
            "vanilla": lambda text, lang: vanilla.analyze(text=text, language="en"),
            "piiscore_analyze": lambda text, lang: engine.analyze(text, lang),
        }
        if scorer_available():
            runners["piiscore_scan"] = lambda text, lang: piiscore.scan(text, lang)
            if breakdown:
                from piiscore.scoring import warm_up

                warm_up()
                runners["piiscore_phrases"] = lambda text, lang: phrase_passes(
                    text, engine.analyze(text, lang))

        for fn in runners.values():
            for i in range(warmup):
                fn(*posts[i % len(posts)])

        rounds = max(1, math.ceil(min_scans / len(posts)))
        samples: dict[str, list[float]] = {name: [] for name in runners}
        clock = time.perf_counter
        for _ in range(rounds):
            for name, fn in runners.items():
                bucket = samples[name]
                for text, lang in posts:
                    start = clock()
                    fn(text, lang)
                    bucket.append(clock() - start)

    report["rounds"] = rounds
    report["build_s"] = {"shared_imports": import_s, "vanilla": vanilla_build, "piiscore": piiscore_build}
    report["timing"] = {name: summarize(s) for name, s in samples.items()}
    report["timing"].setdefault("piiscore_scan", None)
    vanilla_mean = report["timing"]["vanilla"]["mean_ms"]
    analyze_mean = report["timing"]["piiscore_analyze"]["mean_ms"]
    report["ratio_piiscore_vs_vanilla"] = analyze_mean / vanilla_mean
    scan = report["timing"]["piiscore_scan"]
    report["ratio_scan_vs_vanilla"] = scan["mean_ms"] / vanilla_mean if scan else None
    phrases = report["timing"].get("piiscore_phrases")
    if phrases:
        report["phrase_passes_overhead_pct"] = (phrases["mean_ms"] - analyze_mean) / analyze_mean * 100
    report["scoring_overhead_pct"] = (
        (scan["mean_ms"] - analyze_mean) / analyze_mean * 100 if scan else None
    )
    report["peak_rss_mb"] = {
        "at_start": rss_start,
        "after_vanilla_build": rss_vanilla,
        "after_piiscore_build": rss_piiscore,
        "at_end": peak_rss_mb(),
    }
    return report


def format_report(report: dict[str, Any]) -> str:
    t = report["timing"]
    lines = [
        f"posts: {report['posts']} distinct, {report['rounds']} round(s), "
        f"{t['vanilla']['scans']} scans per runner",
        f"engine build: vanilla {report['build_s']['vanilla']:.2f} s, "
        f"piiscore {report['build_s']['piiscore']:.2f} s "
        f"(after {report['build_s']['shared_imports']:.2f} s of shared Presidio/spaCy imports)",
        "",
        f"{'ms per post':<28} {'mean':>8} {'p50':>8} {'p95':>8}",
    ]
    labels = {
        "vanilla": "vanilla Presidio (en)",
        "piiscore_analyze": "piiscore analyze",
        "piiscore_scan": "piiscore scan (+ scoring)",
    }
    if t.get("piiscore_phrases"):
        labels["piiscore_phrases"] = "analyze + phrase passes only"
    for name, label in labels.items():
        s = t.get(name)
        if s is None:
            lines.append(f"{label:<28} {'(no scorer installed)':>26}")
        else:
            lines.append(f"{label:<28} {s['mean_ms']:>8.3f} {s['p50_ms']:>8.3f} {s['p95_ms']:>8.3f}")
    lines.append("")
    lines.append(f"ratio piiscore analyze / vanilla (mean): {report['ratio_piiscore_vs_vanilla']:.2f}")
    if report["ratio_scan_vs_vanilla"] is not None:
        lines.append(f"ratio piiscore scan / vanilla (mean):    {report['ratio_scan_vs_vanilla']:.2f}")
        lines.append(f"scoring overhead: {report['scoring_overhead_pct']:+.1f}% of analyze")
    if report.get("phrase_passes_overhead_pct") is not None:
        lines.append(f"phrase passes alone (--breakdown): "
                     f"{report['phrase_passes_overhead_pct']:+.1f}% of analyze")
    rss = report["peak_rss_mb"]
    lines.append(
        f"peak RSS: {rss['at_end']:.0f} MB (start {rss['at_start']:.0f}, after vanilla build "
        f"{rss['after_vanilla_build']:.0f}, after piiscore build {rss['after_piiscore_build']:.0f})"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSON Lines with text and lang")
    source.add_argument("--load-posts", action="store_true",
                        help="the posts benchmarks/load_scan.py sends, instead of a data file")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N posts")
    parser.add_argument("--scans", type=int, default=1000, help="minimum scans per runner")
    parser.add_argument("--warmup", type=int, default=20, help="untimed scans per runner first")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time detection + the scorer's phrase passes alone")
    args = parser.parse_args(argv)
    if args.scans < 1 or args.warmup < 0 or (args.limit is not None and args.limit < 1):
        parser.error("--scans and --limit must be positive, --warmup not negative")

    if args.load_posts:
        posts = load_scan_posts(args.limit)
    else:
        try:
            posts = load_posts(args.data, args.limit)
        except (OSError, ValueError, KeyError) as exc:
            print(f"error: cannot read {args.data}: {exc}", file=sys.stderr)
            return 2
        if not posts:
            print(f"error: no posts in {args.data}", file=sys.stderr)
            return 2

    report = run(posts, args.scans, args.warmup, args.breakdown)
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
