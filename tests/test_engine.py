"""The engine: built once, no model download, offsets into the text as given."""
import dataclasses

import pytest
import spacy

from piiscore.config import get_settings
from piiscore.engine import PiiEngine, UnsupportedLanguageError, get_engine


@pytest.fixture(scope="module")
def engine():
    return get_engine()


def test_engine_is_built_once(engine):
    assert get_engine() is engine


def test_no_model_is_downloaded(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("a spaCy model download was attempted")

    monkeypatch.setattr(spacy.cli, "download", refuse)
    PiiEngine()  # builds on blank pipelines without calling download


def test_optional_spacy_pipeline_from_a_path(tmp_path):
    # A user's own pipeline is loaded from a path by config; a saved blank one stands in here.
    spacy.blank("nl").to_disk(tmp_path / "nl_pipeline")
    settings = dataclasses.replace(get_settings(), spacy_model_nl=str(tmp_path / "nl_pipeline"))
    eng = PiiEngine(settings)
    assert eng.nlp_engine.get_nlp("nl").meta["lang"] == "nl"
    assert any(e.type == "EMAIL_ADDRESS" for e in eng.analyze("mail a.b@voorbeeld.nl", "nl"))


def test_offsets_are_code_points_into_the_original(engine):
    text = "😡😡 mail haar: m.devries (at) voorbeeld (punt) nl!!"
    [email] = [e for e in engine.analyze(text, "nl") if e.type == "EMAIL_ADDRESS"]
    assert text[email.start:email.end] == "m.devries (at) voorbeeld (punt) nl"
    assert email.text == text[email.start:email.end]
    assert email.obfuscated


def test_plain_values_are_not_marked_obfuscated(engine):
    [email] = [e for e in engine.analyze("mail: m.devries@voorbeeld.nl", "nl") if e.type == "EMAIL_ADDRESS"]
    assert not email.obfuscated


def test_unsupported_language(engine):
    with pytest.raises(UnsupportedLanguageError):
        engine.analyze("tekst", "fr")


def test_empty_text(engine):
    assert engine.analyze("   ", "nl") == []


def test_blank_pipelines_are_built_only_when_asked_for():
    eng = PiiEngine()
    assert eng.nlp_engine.nlp.loaded() == ()          # start-up builds no tokenizer
    eng.analyze("Bel 06-12345678", "nl")
    assert eng.nlp_engine.nlp.loaded() == ()          # nor does a scan without a model
    assert len(eng.nlp_engine.process_text("Hallo daar", "nl").tokens) == 2
    assert eng.nlp_engine.nlp.loaded() == ("nl",)     # Presidio's interface still works
