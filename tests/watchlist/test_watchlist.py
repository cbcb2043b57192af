"""Protected-staff watchlist: keyed hashes only, matching across case, order and initials."""
from __future__ import annotations

import json
import stat

import pytest

from piiscore.config import reset_settings
from piiscore.scoring import score_post
from piiscore.types import Entity
from piiscore.watchlist import (
    KEY_FILE,
    LIST_FILE,
    Watchlist,
    WatchlistError,
    load_default,
    parse_name,
)

NAME = "Marieke de Vries"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PIISCORE_DATA_DIR", str(tmp_path))
    reset_settings()
    yield tmp_path
    reset_settings()


@pytest.fixture
def listed(data_dir):
    watchlist = Watchlist.load()
    assert watchlist.add(NAME)
    watchlist.save()
    return Watchlist.load()


@pytest.mark.parametrize(
    "text",
    [
        "de Vries, M. heeft ons dossier",
        "Marieke de Vries heeft ons dossier",
        "M. de Vries heeft ons dossier",
        "MARIEKE DE VRIES HEEFT ONS DOSSIER",
        "Vries, Marieke de, gezinsvoogd",
        "marieke de vries",
        "Mevrouw M. de Vries (JBRR)",
    ],
)
def test_forms_match_in_running_text(listed, text):
    assert listed.match(text, [])


@pytest.mark.parametrize(
    "text",
    ["Mark de Vries", "Marieke de Jong", "mevrouw de Vries", "Marieke", "de Vries", "M. Vries"],
)
def test_other_names_do_not_match(listed, text):
    assert not listed.match(text, [])


def test_person_entities_are_checked(listed):
    text = "Zij, ja zij: M. de Vries."
    entity = Entity("PERSON", 12, 23, 0.9, "M. de Vries")
    assert listed.match(text, [entity])
    assert listed.matches_name("de Vries, Marieke")


def test_files_hold_no_name_in_clear_text(listed, data_dir):
    stored = b"".join(p.read_bytes() for p in data_dir.iterdir()).lower()
    for part in ("marieke", "vries", "m de vries"):
        assert part.encode() not in stored
    assert sorted(p.name for p in data_dir.iterdir()) == sorted([KEY_FILE, LIST_FILE])


def test_key_is_separate_and_private(listed, data_dir):
    key_file = data_dir / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE((data_dir / LIST_FILE).stat().st_mode) == 0o600
    key = key_file.read_text().strip()
    assert key not in (data_dir / LIST_FILE).read_text()
    data = json.loads((data_dir / LIST_FILE).read_text())
    assert data["algorithm"] == "HMAC-SHA256" and len(data["entries"]) == 1


def test_hashes_depend_on_the_key(listed, data_dir, tmp_path_factory):
    other_dir = tmp_path_factory.mktemp("other")
    other = Watchlist.load(other_dir / LIST_FILE)
    other.add(NAME)
    other.save()
    mine = json.loads((data_dir / LIST_FILE).read_text())["entries"]
    theirs = json.loads((other_dir / LIST_FILE).read_text())["entries"]
    assert set(mine).isdisjoint(theirs)


def test_missing_key_with_entries_is_an_error(listed, data_dir):
    (data_dir / KEY_FILE).unlink()
    with pytest.raises(WatchlistError):
        Watchlist.load()


def test_unreadable_key_is_an_error(listed, data_dir):
    (data_dir / KEY_FILE).write_text("not hex")
    with pytest.raises(WatchlistError):
        Watchlist.load()


def test_add_remove_count(data_dir):
    watchlist = Watchlist.load()
    assert len(watchlist) == 0 and not watchlist.match(NAME, [])
    assert watchlist.add(NAME) and not watchlist.add("MARIEKE DE VRIES")
    assert len(watchlist) == 1
    assert watchlist.remove("de Vries, Marieke")
    assert not watchlist.remove(NAME)
    assert len(watchlist) == 0 and not watchlist.match(NAME, [])


def test_a_name_needs_given_name_and_surname(data_dir):
    with pytest.raises(ValueError):
        Watchlist.load().add("Marieke")


def test_import_skips_comments_duplicates_and_bad_lines(data_dir):
    watchlist = Watchlist.load()
    added, skipped = watchlist.import_names(
        ["# staff", "Marieke de Vries", "", "M. de Vries", "Jan", "Ahmed El Amrani"]
    )
    assert (added, skipped) == (3, 1)
    assert watchlist.match("Ahmed El Amrani werkt daar", [])


@pytest.mark.parametrize(
    "written, given, surname",
    [
        ("Marieke de Vries", ("marieke",), ("de", "vries")),
        ("de Vries, M.", ("m",), ("de", "vries")),
        ("M.A. van der Berg", ("m", "a"), ("van", "der", "berg")),
        ("Bart van 't Hof", ("bart",), ("van", "t", "hof")),
        ("Marieke Jansen-de Vries", ("marieke",), ("jansen-de", "vries")),
        ("Mustafa Çelik", ("mustafa",), ("celik",)),
    ],
)
def test_parse_name(written, given, surname):
    parts = parse_name(written)
    assert (parts.given, parts.surname) == (given, surname)


def test_scoring_flags_and_raises_a_listed_name(listed):
    text = "Fijne dag met M. de Vries gehad."
    entities = [Entity("PERSON", 14, 25, 0.9, "M. de Vries")]
    assert text[14:25] == "M. de Vries"
    result = score_post(text, entities, "nl", watchlist=listed)
    assert result.flags["watchlist_match"] and result.level == "medium"
    assert not score_post(text, entities, "nl").flags["watchlist_match"]


def test_load_default_follows_the_file(data_dir):
    assert load_default() is None
    watchlist = Watchlist.load()
    watchlist.add(NAME)
    watchlist.save()
    first = load_default()
    assert first is not None and first.match("M. de Vries", [])
    assert load_default() is first
    watchlist.add("Kees Mulder")
    watchlist.save()
    import os

    os.utime(data_dir / LIST_FILE, ns=(1, 1))  # a changed file, whatever the clock says
    assert len(load_default()) == 2


def test_load_default_sees_another_process_change_within_a_second(data_dir, monkeypatch):
    """A change written by another process (no save() here) is read on the first look at
    the file after RECHECK_SECONDS; until then the list already read is used."""
    from piiscore import watchlist as module

    clock = [1000.0]
    monkeypatch.setattr(module.time, "monotonic", lambda: clock[0])
    watchlist = Watchlist.load()
    watchlist.add(NAME)
    watchlist.add("Kees Mulder")
    watchlist.save()
    two_names = (data_dir / LIST_FILE).read_bytes()
    watchlist.remove("Kees Mulder")
    watchlist.save()
    assert len(load_default()) == 1
    (data_dir / LIST_FILE).write_bytes(two_names)  # as another process would
    import os

    os.utime(data_dir / LIST_FILE, ns=(1, 1))
    clock[0] += module.RECHECK_SECONDS / 2
    assert len(load_default()) == 1  # not looked at again yet
    clock[0] += module.RECHECK_SECONDS
    assert len(load_default()) == 2
    (data_dir / LIST_FILE).unlink()
    clock[0] += module.RECHECK_SECONDS
    assert load_default() is None
