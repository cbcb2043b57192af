import pytest

from piiscore.recognizers.generic.nl_en_url_recognizer import NlEnUrlRecognizer


@pytest.fixture(scope="module")
def recognizer():
    return NlEnUrlRecognizer()


@pytest.mark.parametrize("text,expected", [
    # valid
    ("https://x.com/sanne_b/status/123", ["https://x.com/sanne_b/status/123"]),
    ("kijk op https://x.com/sanne_b/status/123.", ["https://x.com/sanne_b/status/123"]),
    ("(zie www.voorbeeld.nl/pagina)", ["www.voorbeeld.nl/pagina"]),
    ("insta: instagram.com/sanne_b!", ["instagram.com/sanne_b"]),
    ("https://nl.wikipedia.org/wiki/Foo_(bar) en meer", ["https://nl.wikipedia.org/wiki/Foo_(bar)"]),
    ("facebook.com/profile.php?id=1000, deel", ["facebook.com/profile.php?id=1000"]),
    ("two links: http://a.example.com and tiktok.com/@sanne", ["http://a.example.com", "tiktok.com/@sanne"]),
    # invalid
    ("mail s.bakker@gmail.com nu", []),
    ("om 20.15 uur, prijs 3.50 euro", []),
    ("J.P. de Wit en annelies.va", []),
    ("geen link hier", []),
])
def test_urls(recognizer, text, expected):
    found = [text[r.start:r.end] for r in recognizer.analyze(text, ["URL"])]
    assert found == expected


def test_offsets_in_sentence(recognizer):
    text = "Haar profiel: facebook.com/sanne.bakker.1 (deel!)"
    [r] = recognizer.analyze(text, ["URL"])
    assert (r.start, r.end) == (14, 41)
    assert r.score == pytest.approx(0.6)
