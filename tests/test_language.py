import pytest

from piiscore.language import detect_language


@pytest.mark.parametrize("text,lang", [
    ("Deze gezinsvoogd heeft mijn kinderen afgepakt, deel dit!", "nl"),
    ("wie weet waar ze woont? ze werkt bij de jeugdbescherming", "nl"),
    ("Ge moet da eens zien, die madam van de jeugdzorg woont in Gent", "nl"),
    ("This social worker took my kids, share this everywhere!", "en"),
    ("Does anyone know where she lives? She works for child protection.", "en"),
])
def test_detects_dutch_and_english(text, lang):
    assert detect_language(text) == lang


def test_no_function_words_falls_back_to_default():
    assert detect_language("06-12345678 !!!") == "nl"
    assert detect_language("06-12345678 !!!", default="en") == "en"
