"""``piiscore draft``: the library's scan is replaced by a hand-built result, so only drafting is tested."""
from __future__ import annotations

import io
import json

import pytest

import piiscore
from piiscore.drafting.cli import main


@pytest.fixture
def fake_scan(monkeypatch, posts):
    calls = []

    def scan(text, language=None, **kwargs):
        calls.append(language)
        result = posts.build_scan("nl", threat=True)
        return type(result)(text, "nl", posts.entities_for(text, [v for v in posts.VALUES["nl"] if v[1] in text]),
                            result.score)

    monkeypatch.setattr(piiscore, "scan", scan, raising=False)
    return calls


@pytest.fixture
def post_file(tmp_path, posts):
    path = tmp_path / "post.txt"
    path.write_text(posts.POSTS["nl"], encoding="utf-8")
    return path


def test_json_draft_from_a_file(fake_scan, post_file, capsys, posts):
    code = main([str(post_file), "--kind", "dsa_notice", "--url", "https://social.example/p/1",
                 "--platform", "telegram", "--notifier-name", "M. Janssen",
                 "--notifier-email", "meldingen@jeugdzorg-voorbeeld.example", "--organisation", "Stichting X"])
    assert code == 0
    draft = json.loads(capsys.readouterr().out)
    assert set(draft) == {"kind", "language", "subject", "body", "channel", "missing"}
    assert draft["language"] == "nl" and draft["kind"] == "dsa_notice"
    assert draft["channel"]["url"] == "https://telegram.org/dsa-report"
    assert "https://social.example/p/1" in draft["body"] and "Stichting X" in draft["body"]
    assert draft["missing"] == []
    assert "06-12345678" not in json.dumps(draft)
    assert fake_scan == ["auto"]


def test_language_flag_sets_draft_and_scan_language(fake_scan, post_file, capsys):
    assert main([str(post_file), "--kind", "police_report", "--lang", "en"]) == 0
    draft = json.loads(capsys.readouterr().out)
    assert draft["language"] == "en" and draft["subject"].startswith("Police report")
    assert fake_scan == ["en"]
    assert "url" in draft["missing"] and "evidence" in draft["missing"]


def test_text_format_from_stdin(fake_scan, monkeypatch, capsys, posts):
    monkeypatch.setattr("sys.stdin", io.StringIO(posts.POSTS["nl"]))
    assert main(["-", "--kind", "gdpr_erasure", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Verzoek om gegevenswissing (art. 17 AVG)")
    assert "\n----\nChannel: " in out
    assert "Missing: url, platform, notifier_name, notifier_email, authorisation" in out


def test_details_file_fills_the_rest(fake_scan, post_file, tmp_path, capsys, posts):
    details = tmp_path / "details.json"
    details.write_text(json.dumps({**posts.full_details("x"), "notifier_name": "from file"}), encoding="utf-8")
    assert main([str(post_file), "--kind", "police_report", "--details", str(details),
                 "--notifier-name", "from flag"]) == 0
    draft = json.loads(capsys.readouterr().out)
    assert draft["missing"] == []
    assert "from flag" in draft["body"] and "from file" not in draft["body"]


@pytest.mark.parametrize("argv", [
    ["--kind", "dsa_notice", "--platform", "myspace"],
    ["--kind", "takedown"],
    [],
])
def test_bad_usage_exits_2(argv, fake_scan, post_file, capsys):
    assert main([str(post_file), *argv]) == 2
    assert capsys.readouterr().out == ""


def test_empty_post_and_missing_file_exit_2(fake_scan, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main([str(empty), "--kind", "dsa_notice"]) == 2
    assert main([str(tmp_path / "nope.txt"), "--kind", "dsa_notice"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "piiscore draft:" in captured.err


def test_bad_details_exit_2_without_echoing_the_post(fake_scan, post_file, tmp_path, capsys):
    details = tmp_path / "details.json"
    details.write_text(json.dumps({"evidence": [{"kind": "html", "sha256": "xyz"}]}), encoding="utf-8")
    assert main([str(post_file), "--kind", "dsa_notice", "--details", str(details)]) == 2
    err = capsys.readouterr().err
    assert "sha256" in err and "Sanne" not in err
