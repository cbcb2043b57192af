"""`piiscore watchlist ...`: return codes, output that never repeats a name."""
from __future__ import annotations

import pytest

from piiscore.config import reset_settings
from piiscore.watchlist import Watchlist
from piiscore.watchlist_cli import main


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PIISCORE_DATA_DIR", str(tmp_path))
    reset_settings()
    yield tmp_path
    reset_settings()


def test_add_list_count_remove(capsys):
    assert main(["add", "Marieke", "de", "Vries"]) == 0
    assert main(["add", "M. de Vries"]) == 0
    assert main(["add", "MARIEKE DE VRIES"]) == 0
    assert main(["list-count"]) == 0
    out = capsys.readouterr().out
    assert out.split() == ["added", "added", "already", "listed", "2"]
    assert "vries" not in out.lower()
    assert main(["remove", "Marieke de Vries"]) == 0
    assert main(["remove", "Marieke de Vries"]) == 1
    captured = capsys.readouterr()
    assert "vries" not in (captured.out + captured.err).lower()
    assert len(Watchlist.load()) == 1


def test_import_file_and_stdin(tmp_path, capsys, monkeypatch):
    names = tmp_path / "staff.txt"
    names.write_text("# team Noord\nSanne Bakker\nKees Mulder\nSanne Bakker\n", "utf-8")
    assert main(["import", str(names)]) == 0
    assert capsys.readouterr().out.strip() == "added 2, skipped 1"
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Fatima El Amrani\n"))
    assert main(["import", "-"]) == 0
    assert main(["list-count"]) == 0
    assert capsys.readouterr().out.split()[-1] == "3"


def test_explicit_files(tmp_path, capsys):
    target = tmp_path / "elsewhere" / "list.json"
    key = tmp_path / "keys" / "list.key"
    assert main(["--file", str(target), "--key-file", str(key), "add", "Sanne Bakker"]) == 0
    assert target.exists() and key.exists()
    assert main(["--file", str(target), "--key-file", str(key), "list-count"]) == 0
    assert capsys.readouterr().out.split()[-1] == "1"


def test_errors_are_reported_not_raised(tmp_path, capsys):
    assert main(["add", "Marieke"]) == 1
    assert main(["import", str(tmp_path / "missing.txt")]) == 1
    with pytest.raises(SystemExit):
        main([])
    err = capsys.readouterr().err
    assert "marieke" not in err.lower()
