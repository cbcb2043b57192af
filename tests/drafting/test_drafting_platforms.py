"""The platforms data file: complete, and faithful to the reference's UNCONFIRMED markers."""
from __future__ import annotations

import datetime

import pytest

from piiscore.drafting import PLATFORM_IDS, get_platform, load_platforms

WHO = {"anyone", "first_party_only"}


def test_every_platform_is_in_the_file():
    assert set(load_platforms()["platforms"]) == set(PLATFORM_IDS)
    assert isinstance(load_platforms()["default_max_chars"], int)


@pytest.mark.parametrize("platform_id", PLATFORM_IDS)
def test_entry_shape(platform_id):
    entry = get_platform(platform_id)
    datetime.date.fromisoformat(entry["last_checked"])
    assert entry["max_chars"] is None or entry["max_chars"] > 0
    for key in ("dsa_channel", "report_channel"):
        channel = entry[key]
        assert channel["who_may_report"] in WHO
        assert channel["url"] is None or channel["url"].startswith("https://")
        assert isinstance(channel["requirements"], list)
    if platform_id != "other":
        assert entry["name"] and entry["policy"]


def test_first_party_rules_follow_the_reference():
    youtube = get_platform("youtube")["report_channel"]
    assert youtube["who_may_report"] == "first_party_only" and not youtube.get("who_may_report_unconfirmed")
    x_privacy = get_platform("x")["report_channel"]
    assert x_privacy["who_may_report"] == "first_party_only" and x_privacy["who_may_report_unconfirmed"]
    # art. 16(1) DSA: the illegal-content channel is open to anyone.
    assert all(get_platform(p)["dsa_channel"]["who_may_report"] == "anyone" for p in PLATFORM_IDS)


@pytest.mark.parametrize("platform_id", ["youtube", "reddit", "linkedin"])
def test_unconfirmed_dsa_forms_are_marked(platform_id):
    channel = get_platform(platform_id)["dsa_channel"]
    assert channel["unconfirmed"] and channel["url"] is None


def test_instagram_legal_form_url_is_unconfirmed():
    assert get_platform("instagram")["dsa_channel"]["url_unconfirmed"]
