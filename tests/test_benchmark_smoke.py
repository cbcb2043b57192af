"""The benchmark script runs end to end on a few posts (no timing assertions)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import tldextract
from presidio_analyzer.predefined_recognizers.generic import email_recognizer

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_scan.py"


def _load_bench():
    spec = importlib.util.spec_from_file_location("bench_scan", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


def test_benchmark_runs_on_five_posts(capsys):
    assert bench.main(["--limit", "5", "--scans", "10", "--warmup", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["posts"] == 5
    assert report["rounds"] == 2
    for runner in ("vanilla", "piiscore_analyze"):
        timing = report["timing"][runner]
        assert timing["scans"] == 10
        assert 0 < timing["p50_ms"] <= timing["p95_ms"]
    assert report["ratio_piiscore_vs_vanilla"] > 0
    assert report["build_s"]["vanilla"] > 0 and report["build_s"]["piiscore"] >= 0
    assert report["peak_rss_mb"]["at_end"] >= report["peak_rss_mb"]["at_start"] > 0
    # The offline patch of Presidio's e-mail recognizer is undone afterwards.
    assert email_recognizer.tldextract is tldextract


def test_benchmark_runs_on_the_load_test_posts(capsys):
    assert bench.main(["--load-posts", "--limit", "4", "--scans", "4", "--warmup", "0",
                       "--breakdown", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["posts"] == 4 and report["timing"]["piiscore_scan"]["scans"] == 4
    assert report["timing"]["piiscore_phrases"]["scans"] == 4
    assert isinstance(report["phrase_passes_overhead_pct"], float)
    assert "phrase passes alone" in bench.format_report(report)
    posts = bench.load_scan_posts(None)
    assert len(posts) == 500 and {lang for _, lang in posts} == {"nl", "en"}
    assert all(len(text) == 280 for text, _ in posts)


def test_vanilla_engine_finds_an_email_offline():
    with bench.offline_presidio_email():
        assert email_recognizer.tldextract.extract.suffix_list_urls == ()
        engine = bench.build_vanilla()
        results = engine.analyze(text="mail sanne@example.com now", language="en")
    assert ("EMAIL_ADDRESS", 5, 22) in [(r.entity_type, r.start, r.end) for r in results]


def test_text_report_and_percentile():
    assert bench.percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.0
    assert bench.percentile([1.0, 2.0, 3.0, 4.0], 95) == 4.0
    assert bench.main(["--limit", "2", "--scans", "2", "--warmup", "0"]) == 0


def test_bad_data_path_is_an_error(tmp_path):
    assert bench.main(["--data", str(tmp_path / "none.jsonl")]) == 2


@pytest.mark.parametrize("flags, label", [([], "scan stubbed out"), (["--bare"], "bare WSGI app")])
def test_http_floor_runs_end_to_end(flags, label):
    """benchmarks/http_floor.py starts its stubbed one-process server (or the bare WSGI app)
    and drives it (no timing assertions: only that requests were answered without errors)."""
    import subprocess
    import sys

    script = SCRIPT.parent / "http_floor.py"
    done = subprocess.run([sys.executable, str(script), "--clients", "2", "--duration", "1",
                           "--warmup", "0.2", *flags], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    assert label in done.stdout and "errors 0" in done.stdout
