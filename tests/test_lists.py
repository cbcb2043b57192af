import pytest

from piiscore.lists import load_list, load_raw_list


def test_missing_list_raises_clear_error():
    with pytest.raises(FileNotFoundError):
        load_raw_list("no_such_list_here")


def test_lists_are_cached_and_lower_cased():
    import piiscore.data.lists as lists_pkg
    from importlib import resources

    names = [p.name for p in resources.files(lists_pkg).iterdir() if p.is_dir() and p.joinpath("items.txt").is_file()]
    assert names, "no lookup lists are packaged"
    first = load_list(names[0])
    assert first is load_list(names[0])
    assert all(item == item.lower() for item in first)
