"""Every lookup list is data with a written-down source and licence, and every list the name,
place, organisation and address recognizers use is packaged and non-empty."""
from importlib import resources

import pytest

from piiscore.lists import load_raw_list

LISTS = resources.files("piiscore.data.lists")
FOLDERS = sorted(p.name for p in LISTS.iterdir() if p.is_dir() and p.joinpath("items.txt").is_file())
USED = ["first_names", "first_names_extra", "surnames", "surnames_extra", "interfixes",
        "person_titles", "ambiguous_names_nl", "ambiguous_names_en", "places_nl",
        "provinces_regions", "places_be", "places_extra", "countries", "world_cities",
        "ambiguous_places", "streets", "streets_common_words", "street_suffixes",
        "street_common_words", "organizations", "organization_acronyms", "common_words",
        "dictionary_words"]


def test_sources_file_names_every_list():
    sources = LISTS.joinpath("SOURCES.md").read_text(encoding="utf-8")
    assert [name for name in FOLDERS if f"| {name} |" not in sources] == []


@pytest.mark.parametrize("name", USED)
def test_every_list_the_recognizers_use_is_present_and_filled(name):
    assert name in FOLDERS
    assert len(load_raw_list(name)) > 5


def test_lists_keep_the_repository_small():
    total = sum(LISTS.joinpath(name, "items.txt").stat().st_size for name in FOLDERS)
    assert total < 3_000_000
