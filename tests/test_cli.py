"""The piiscore CLI: contract 1 of DESIGN.md."""
import io
import json
import sys

import pytest

from piiscore.cli import main


def run(monkeypatch, capsys, argv, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_scan_jsonl_in_order_with_per_line_errors(monkeypatch, capsys):
    lines = "\n".join([
        json.dumps({"id": "p1", "text": "Bel gezinsvoogd Sanne Bakker op 06-12345678, deel dit!"}),
        "{not json",
        json.dumps({"id": "p3", "text": 42}),
        json.dumps({"id": "p4", "text": "Call Sanne Bakker on 06-12345678", "lang": "en"}),
        json.dumps({"id": "p5", "text": "hallo", "lang": "fr"}),
    ]) + "\n"
    code, out, _ = run(monkeypatch, capsys, ["scan"], lines)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r.get("id") for r in rows] == ["p1", None, "p3", "p4", "p5"]
    assert rows[0]["language"] == "nl"
    assert {"PHONE_NUMBER", "PERSON"} <= {e["type"] for e in rows[0]["entities"]}
    phone = next(e for e in rows[0]["entities"] if e["type"] == "PHONE_NUMBER")
    assert phone["text"] == "06-12345678"
    assert rows[0]["score"]["flags"]["call_to_action"] is True
    assert "error" in rows[1] and "error" in rows[2] and "error" in rows[4]
    assert rows[3]["language"] == "en"


def test_scan_all_good_exits_zero_and_writes_file(monkeypatch, capsys, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "Mooi weer vandaag."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, _ = run(monkeypatch, capsys, ["scan", str(src), "-o", str(out), "--lang", "nl"])
    assert code == 0
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["id"] == 1 and row["score"]["level"] == "none"


def test_scan_table_for_people(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, ["scan", "--format", "table"],
                       json.dumps({"id": "x", "text": "Bel 06-12345678"}) + "\n")
    assert code == 0
    assert "PHONE_NUMBER" in out and out.startswith("x\t")


def test_missing_file_is_a_clear_error(monkeypatch, capsys, tmp_path):
    code, _, err = run(monkeypatch, capsys, ["scan", str(tmp_path / "nope.jsonl")])
    assert code == 2 and "cannot read" in err


def test_too_long_text_is_a_line_error(monkeypatch, capsys):
    monkeypatch.setenv("PIISCORE_MAX_TEXT_CHARS", "10")
    from piiscore.config import reset_settings

    reset_settings()
    try:
        code, out, _ = run(monkeypatch, capsys, ["scan"], json.dumps({"id": 1, "text": "x" * 11}) + "\n")
    finally:
        monkeypatch.delenv("PIISCORE_MAX_TEXT_CHARS")
        reset_settings()
    assert code == 1 and "longer than 10" in json.loads(out)["error"]


def test_subcommands_dispatch(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("PIISCORE_DATA_DIR", str(tmp_path))
    from piiscore.config import reset_settings

    reset_settings()
    try:
        code, out, _ = run(monkeypatch, capsys, ["watchlist", "list-count"])
        assert code == 0 and "0" in out
        code, out, _ = run(monkeypatch, capsys, ["draft", "-", "--kind", "dsa_notice", "--lang", "en"],
                           "Call social worker Sanne Bakker on 06-12345678. Share this!")
        assert code == 0
        draft = json.loads(out)
        assert draft["kind"] == "dsa_notice" and "06-12345678" not in draft["body"]
    finally:
        monkeypatch.delenv("PIISCORE_DATA_DIR")
        reset_settings()


def test_no_command_prints_help(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, [])
    assert code == 2 and "scan" in out


def test_version(monkeypatch, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
