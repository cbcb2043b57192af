import pytest

from piiscore.recognizers.generic.social_handle_recognizer import SocialHandleRecognizer


@pytest.fixture(scope="module")
def recognizer():
    return SocialHandleRecognizer()


def spans(results):
    return [(r.start, r.end) for r in results]


@pytest.mark.parametrize(
    "text, expected_len, expected_positions",
    [
        # valid: @handles
        ("@lotte.vdberg", 1, [(0, 13)]),
        ("Haar insta is @lotte.vdberg 👀 Ja die Lotte.", 1, [(14, 27)]),
        ("Twitter van die vent: @rvanderlinden_jz. Rick van der Linden", 1, [(22, 39)]),
        ("Maaike (@maaike_vdh) post foto's", 1, [(8, 19)]),
        ("@sanne_b.", 1, [(0, 8)]),
        ("@a_b en @c.d", 2, [(0, 4), (8, 12)]),
        # valid: a name after a platform label
        ("insta: sanne_b", 1, [(7, 14)]),
        ("ig: sanne.b", 1, [(4, 11)]),
        ("IG: jess.brown.sw — yes, Jessica Brown", 1, [(4, 17)]),
        ("tiktok: sanneb", 1, [(8, 14)]),
        ("snap: sanneb123", 1, [(6, 15)]),
        ("twitter: @sanne_b", 1, [(9, 17)]),
        ("account naam_xyz", 1, [(8, 16)]),
        ("zijn insta sanne_b1 is openbaar", 1, [(11, 19)]),
        ("zit op insta als sanne_fit te posten", 1, [(17, 26)]),
        ("op insta is hij bert.vdbr. Tag hem", 1, [(16, 25)]),
        ("op insta is hij actief", 0, []),
        # invalid: e-mail addresses, links, ordinary words after a label, digits only
        ("mail jan.devries@gmail.com", 0, []),
        ("mail jan @gmail.com", 0, []),
        ("b.vandijk @ jbbrabant . nl", 0, []),
        ("instagram.com/sanne_b", 0, []),
        ("https://www.tiktok.com/@sanne_b", 0, []),
        ("facebook: facebook.com/ilse.meijer.1986", 0, []),
        ("zet het in je insta story", 0, []),
        ("account verwijderd", 0, []),
        ("insta: zoek maar", 0, []),
        ("@2024", 0, []),
        ("@ 10 uur", 0, []),
        ("@all kijk hier even naar", 0, []),
        ("RT @piet_01: wat een verhaal", 1, [(3, 11)]),
    ],
)
def test_when_handle_in_text_then_all_handles_found(text, expected_len, expected_positions, recognizer):
    results = recognizer.analyze(text, ["SOCIAL_HANDLE"])
    assert len(results) == expected_len
    assert spans(results) == expected_positions


def test_handle_and_email_and_url_through_the_engine(engine):
    text = ("Volg @lotte.vdberg of mail l.vdberg@example.nl, profiel op "
            "https://instagram.com/lotte_vdb en insta: lotte_b2")
    found = [(e.start, e.end, e.type) for e in engine.analyze(text, "nl")
             if e.type in ("SOCIAL_HANDLE", "EMAIL_ADDRESS", "URL")]
    assert found == [
        (5, 18, "SOCIAL_HANDLE"),
        (27, 46, "EMAIL_ADDRESS"),
        (59, 90, "URL"),
        (101, 109, "SOCIAL_HANDLE"),
    ]
