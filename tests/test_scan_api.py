"""piiscore.scan(): the Python API of DESIGN.md contract 2, and the default watchlist."""
import piiscore
from piiscore.config import reset_settings


def test_scan_contract():
    result = piiscore.scan("Gezinsvoogd Sanne Bakker woont op de Kerkstraat 12a in Ede. Deel dit!")
    assert result.language == "nl"
    types = {e.type for e in result.entities}
    assert {"PERSON", "NL_ADDRESS"} <= types
    person = next(e for e in result.entities if e.type == "PERSON")
    assert result.text[person.start:person.end] == "Sanne Bakker"
    d = result.to_dict()
    assert set(d) == {"language", "entities", "score"}
    assert d["score"]["level"] in ("high", "critical")
    assert {"threat", "call_to_action", "obfuscation", "target_role"} <= set(d["score"]["flags"])


def test_forced_language():
    assert piiscore.scan("Sanne Bakker", "en").language == "en"


def test_default_watchlist_from_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("PIISCORE_DATA_DIR", str(tmp_path))
    reset_settings()
    try:
        text = "Die M. de Vries van de jeugdzorg, wie weet waar ze woont?"
        assert piiscore.scan(text).score.flags.get("watchlist_match") is False
        from piiscore.watchlist import Watchlist

        wl = Watchlist.load()
        wl.add("Marieke de Vries")
        wl.save()
        assert piiscore.scan(text).score.flags["watchlist_match"] is True
        assert piiscore.scan(text, watchlist=None).score.flags.get("watchlist_match") is False
    finally:
        monkeypatch.delenv("PIISCORE_DATA_DIR")
        reset_settings()
