"""POST /analyze and POST /anonymize: Presidio's documented requests work unchanged.

The request bodies below are copied from Presidio's API reference (docs/api-docs/api-docs.yml).
"""
import json

import pytest

PRESIDIO_ANALYZE_MINIMAL = {"text": "John Smith drivers license is AC432223", "language": "en"}
PRESIDIO_ANALYZE_ENHANCED = {
    "text": "John Smith drivers license is AC432223 and the zip code is 12345",
    "language": "en",
    "return_decision_process": False,
    "correlation_id": "123e4567-e89b-12d3-a456-426614174000",
    "score_threshold": 0.6,
    "entities": ["US_DRIVER_LICENSE", "ZIP"],
    "trace": False,
    "ad_hoc_recognizers": [{
        "name": "Zip code Recognizer",
        "supported_language": "en",
        "patterns": [{"name": "zip code (weak)", "regex": "(\\b\\d{5}(?:\\-\\d{4})?\\b)", "score": 0.01}],
        "context": ["zip", "code"],
        "supported_entity": "ZIP",
    }],
}
PRESIDIO_ANONYMIZE_REPLACE_AND_REDACT = {
    "text": "hello world, my name is Jane Doe. My number is: 034453334",
    "anonymizers": {
        "PERSON": {"type": "redact"},
        "PHONE_NUMBER": {"type": "replace", "new_value": "ANONYMIZED"},
    },
    "analyzer_results": [
        {"start": 24, "end": 32, "score": 0.8, "entity_type": "PERSON"},
        {"start": 48, "end": 57, "score": 0.95, "entity_type": "PHONE_NUMBER"},
    ],
}
PRESIDIO_ANONYMIZE_DEFAULT = {
    "text": "hello world, my name is Jane Doe.",
    "anonymizers": {"DEFAULT": {"type": "replace", "new_value": "ANONYMIZED"}},
    "analyzer_results": [{"start": 24, "end": 32, "score": 0.8, "entity_type": "PERSON"}],
}


def test_presidio_minimal_analyze_request(client):
    response = client.post("/analyze", json=PRESIDIO_ANALYZE_MINIMAL)
    assert response.status_code == 200
    assert isinstance(response.json, list)
    for result in response.json:
        assert set(result) == {"analysis_explanation", "end", "entity_type", "score", "start"}


def test_presidio_enhanced_analyze_request_runs_the_ad_hoc_recognizer(client):
    response = client.post("/analyze", json=PRESIDIO_ANALYZE_ENHANCED)
    assert response.status_code == 200
    # The zip pattern scores 0.01, under the request's 0.6 threshold: nothing is returned,
    # as with Presidio itself when no context word lifts the score.
    assert response.json == []
    lowered = dict(PRESIDIO_ANALYZE_ENHANCED, score_threshold=0.0, return_decision_process=True)
    found = client.post("/analyze", json=lowered).json
    assert [(r["entity_type"], r["start"], r["end"]) for r in found] == [("ZIP", 59, 64)]
    assert found[0]["analysis_explanation"]["recognizer"] == "Zip code Recognizer"
    assert found[0]["analysis_explanation"]["pattern_name"] == "zip code (weak)"


def test_analyze_dutch_post_in_presidio_shape(client):
    text = "Bel haar op 06-12345678 of mail naar s.bakkerveld@example.nl"
    response = client.post("/analyze", json={"text": text, "language": "nl",
                                             "return_decision_process": True})
    assert response.status_code == 200
    found = {(r["entity_type"], text[r["start"]:r["end"]]) for r in response.json}
    assert ("PHONE_NUMBER", "06-12345678") in found
    assert ("EMAIL_ADDRESS", "s.bakkerveld@example.nl") in found
    assert all(r["analysis_explanation"]["recognizer"] for r in response.json)
    # Presidio serialises with sorted keys.
    first = response.data.decode()
    assert first.index('"analysis_explanation"') < first.index('"entity_type"') < first.index('"start"')


def test_analyze_entity_filter_threshold_and_allow_list(client):
    text = "Bel haar op 06-12345678 of mail naar s.bakkerveld@example.nl"
    only_phone = client.post("/analyze", json={"text": text, "language": "nl",
                                               "entities": ["PHONE_NUMBER"]}).json
    assert {r["entity_type"] for r in only_phone} == {"PHONE_NUMBER"}
    allowed = client.post("/analyze", json={"text": text, "language": "nl",
                                            "allow_list": ["06-12345678"]}).json
    assert "PHONE_NUMBER" not in {r["entity_type"] for r in allowed}
    regex_allowed = client.post("/analyze", json={"text": text, "language": "nl",
                                                  "allow_list": ["^06"], "allow_list_match": "regex"}).json
    assert "PHONE_NUMBER" not in {r["entity_type"] for r in regex_allowed}
    none = client.post("/analyze", json={"text": text, "language": "nl", "score_threshold": 1.0}).json
    assert all(r["score"] >= 1.0 for r in none)


def test_analyze_batch_returns_a_list_per_text(client):
    response = client.post("/analyze", json={"text": ["bel 06-12345678", "niets hier"], "language": "nl"})
    assert response.status_code == 200
    assert len(response.json) == 2
    assert any(r["entity_type"] == "PHONE_NUMBER" for r in response.json[0])


@pytest.mark.parametrize("body, status, fragment", [
    ({"language": "en"}, 400, "'text' is required"),
    ({"text": "", "language": "en"}, 400, "empty"),
    ({"text": "hello"}, 400, "'language' is required"),
    ({"text": "hello", "language": "xx"}, 400, "'language' must be one of nl, en"),
    ({"text": "hello", "language": "en", "entities": ["NOT_A_TYPE"]}, 400, "Unknown entity type"),
    ({"text": "hello", "language": "en", "entities": "PERSON"}, 400, "list of strings"),
    ({"text": "hello", "language": "en", "score_threshold": "high"}, 400, "must be a number"),
    ({"text": "hello", "language": "en", "score_threshold": 7}, 400, "between"),
    ({"text": "hello", "language": "en", "ad_hoc_recognizers": [{"supported_entity": "X",
      "patterns": [{"name": "p", "regex": "(unclosed", "score": 0.5}]}]}, 400, "regular expression"),
    ({"text": "hello", "language": "en", "ad_hoc_recognizers": [{"name": "no entity"}]}, 400, "supported_entity"),
    ({"text": "hello", "language": "en", "ad_hoc_recognizers": "x"}, 400, "list of recognizer"),
    ({"text": "hello", "language": "en", "regex_flags": -1}, 400, "regex_flags"),
    ({"text": "hello", "language": "en", "regex_flags": 512}, 400, "regex_flags"),
    ({"text": [1, 2], "language": "en"}, 400, "string or a non-empty list"),
])
def test_bad_analyze_requests_are_4xx_with_a_message(client, body, status, fragment):
    response = client.post("/analyze", json=body)
    assert response.status_code == status
    assert fragment in response.json["message"]


def test_catastrophic_ad_hoc_regex_is_stopped(tmp_path):
    from server.app import create_app

    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "REQUEST_TIMEOUT": 1})
    body = {"text": "a" * 5000 + "!", "language": "en", "ad_hoc_recognizers": [{
        "supported_entity": "X", "supported_language": "en",
        "patterns": [{"name": "evil", "regex": "(a+)+$", "score": 0.5}]}]}
    response = app.test_client().post("/analyze", json=body)
    assert response.status_code == 422
    assert "too long" in response.json["message"]


def test_presidio_anonymize_replace_and_redact_example(client):
    response = client.post("/anonymize", json=PRESIDIO_ANONYMIZE_REPLACE_AND_REDACT)
    assert response.status_code == 200
    assert response.json["text"] == "hello world, my name is . My number is: ANONYMIZED"
    items = sorted(response.json["items"], key=lambda i: i["start"])
    assert items == [
        {"start": 24, "end": 24, "entity_type": "PERSON", "text": "", "operator": "redact"},
        {"start": 40, "end": 50, "entity_type": "PHONE_NUMBER", "text": "ANONYMIZED", "operator": "replace"},
    ]


def test_presidio_anonymize_default_operator_example(client):
    response = client.post("/anonymize", json=PRESIDIO_ANONYMIZE_DEFAULT)
    assert response.status_code == 200
    assert response.json == {"text": "hello world, my name is ANONYMIZED.", "items": [
        {"start": 24, "end": 34, "entity_type": "PERSON", "text": "ANONYMIZED", "operator": "replace"}]}


def test_anonymize_mask_and_hash(client):
    body = {"text": "bel 0612345678", "analyzer_results": [
        {"start": 4, "end": 14, "score": 1.0, "entity_type": "PHONE_NUMBER"}],
        "anonymizers": {"PHONE_NUMBER": {"type": "mask", "masking_char": "*", "chars_to_mask": 6,
                                         "from_end": True}}}
    assert client.post("/anonymize", json=body).json["text"] == "bel 0612******"
    body["anonymizers"] = {"DEFAULT": {"type": "hash"}}
    hashed = client.post("/anonymize", json=body).json["text"]
    assert "0612345678" not in hashed and len(hashed) > 20


@pytest.mark.parametrize("body, status, fragment", [
    ({"text": "abc"}, 400, "'analyzer_results' is required"),
    ({"analyzer_results": []}, 400, "'text' is required"),
    ({"text": "abc", "analyzer_results": "x"}, 400, "must be a list"),
    ({"text": "abc", "analyzer_results": [5]}, 400, "must be an object"),
    ({"text": "abc", "analyzer_results": [{"start": 0, "end": 9, "score": 1, "entity_type": "X"}]}, 422, "outside the text"),
    ({"text": "abc", "analyzer_results": [{"start": 2, "end": 1, "score": 1, "entity_type": "X"}]}, 422, "outside the text"),
    ({"text": "abc", "analyzer_results": [{"start": "0", "end": 1, "score": 1, "entity_type": "X"}]}, 400, "integers"),
    ({"text": "abc", "analyzer_results": [{"start": 0, "end": 1, "score": 2, "entity_type": "X"}]}, 400, "score"),
    ({"text": "abc", "analyzer_results": [{"start": 0, "end": 1, "score": 1}]}, 400, "entity_type"),
    ({"text": "abc", "analyzer_results": [], "anonymizers": {"X": {"type": "custom"}}}, 400, "one of"),
    ({"text": "abc", "analyzer_results": [], "anonymizers": []}, 400, "'anonymizers'"),
    ({"text": "abc", "analyzer_results": [{"start": 0, "end": 1, "score": 1, "entity_type": "X"}],
      "anonymizers": {"DEFAULT": {"type": "encrypt", "key": "short"}}}, 422, "parameters"),
    ({"text": "abc", "analyzer_results": [{"start": 0, "end": 1, "score": 1, "entity_type": "X"}],
      "anonymizers": {"DEFAULT": {"type": "mask", "chars_to_mask": "many"}}}, 422, "parameters"),
])
def test_bad_anonymize_requests_are_4xx(client, body, status, fragment):
    response = client.post("/anonymize", json=body)
    assert response.status_code == status, response.json
    assert fragment in response.json["message"]


def test_too_many_analyzer_results_is_413(client):
    results = [{"start": 0, "end": 1, "score": 0.5, "entity_type": "X"}] * 2001
    response = client.post("/anonymize", json={"text": "abc", "analyzer_results": results})
    assert response.status_code == 413


def test_presidio_routes_take_an_optional_key(client, auth):
    assert client.post("/analyze", json=PRESIDIO_ANALYZE_MINIMAL, headers=auth).status_code == 200
    wrong = client.post("/analyze", json=PRESIDIO_ANALYZE_MINIMAL, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_presidio_routes_can_require_a_key(tmp_path):
    from server.app import create_app

    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "PRESIDIO_REQUIRE_KEY": True})
    client = app.test_client()
    assert client.post("/analyze", json=PRESIDIO_ANALYZE_MINIMAL).status_code == 401
    assert client.post("/anonymize", data=json.dumps(PRESIDIO_ANONYMIZE_DEFAULT),
                       content_type="application/json").status_code == 401
