"""The malformed-input battery: whatever arrives, the answer is a 4xx JSON error, never a 5xx."""
import json
import os

import pytest

ROUTES = ["/api/scan", "/api/anonymize", "/api/drafts", "/analyze", "/anonymize"]

JSON = "application/json"
BATTERY = {
    "empty": (b"", JSON),
    "whitespace": (b" \n\t ", JSON),
    "null": (b"null", JSON),
    "number": (b"1e999999", JSON),
    "huge_int": (b'{"text": ' + b"9" * 5000 + b"}", JSON),
    "nan": (b'{"text": "x", "language": "nl", "score_threshold": NaN}', JSON),
    "binary": (os.urandom(4096), JSON),
    "invalid_utf8": (b'{"text": "\xff\xfe\xc3\x28 bel 06"}', JSON),
    "utf16_body": ('{"text": "hallo"}'.encode("utf-16"), JSON),
    "bom": (b'\xef\xbb\xbf{"text": "hallo"}', JSON),
    "deeply_nested_list": (b"[" * 100_000 + b"]" * 100_000, JSON),
    "deeply_nested_object": (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, JSON),
    "nested_in_text": (b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b"}", JSON),
    "ten_megabytes": (json.dumps({"text": "a" * (10 * 1024 * 1024)}).encode(), JSON),
    "truncated": (b'{"text": "hallo', JSON),
    "duplicate_keys": (b'{"text": 1, "text": "x", "language": "nl"}', JSON),
    "lone_surrogate_escape": (b'{"text": "\\udc00\\ud800 bel 0612345678", "language": "nl"}', JSON),
    "nul_chars": (b'{"text": "\\u0000\\u0000", "language": "nl"}', JSON),
    "text_plain": (b'{"text": "hallo"}', "text/plain"),
    "form": (b"text=hallo", "application/x-www-form-urlencoded"),
    "multipart": (b"--x\r\nContent-Disposition: form-data; name=text\r\n\r\nhallo\r\n--x--",
                  "multipart/form-data; boundary=x"),
    "no_content_type": (b'{"text": "hallo"}', None),
    "json_charset_latin1": (b'{"text": "h\xe9"}', "application/json; charset=latin-1"),
    "wrong_types": (b'{"text": {"a": 1}, "language": ["nl"], "kind": 3, "analyzer_results": "x"}', JSON),
    "array_of_texts": (b'[{"text": "hallo"}]', JSON),
}


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("name", list(BATTERY))
def test_malformed_input_never_gives_a_5xx(client, auth, route, name):
    body, content_type = BATTERY[name]
    headers = dict(auth)
    if content_type:
        headers["Content-Type"] = content_type
    response = client.post(route, data=body, headers=headers)
    assert response.status_code < 500, (name, response.status_code, response.get_data()[:200])
    if response.status_code >= 400:
        assert set(response.json) == {"error", "message"}
        assert "Traceback" not in response.json["message"]


def test_ten_megabytes_is_413(client, auth):
    body, _ = BATTERY["ten_megabytes"]
    response = client.post("/api/scan", data=body, headers=auth, content_type=JSON)
    assert response.status_code == 413


def test_deep_nesting_is_400(client, auth):
    body, _ = BATTERY["deeply_nested_list"]
    response = client.post("/api/scan", data=body, headers=auth, content_type=JSON)
    assert response.status_code == 400
    assert "nested" in response.json["message"] or "object" in response.json["message"]


def test_many_analyzer_results_at_the_limit_are_handled(client):
    text = "x" * 4000
    results = [{"start": i, "end": i + 1 + (i % 3), "score": 0.5, "entity_type": f"T{i % 7}"}
               for i in range(0, 2000)]
    response = client.post("/anonymize", json={"text": text, "analyzer_results": results})
    assert response.status_code == 200
    assert response.json["text"]


def test_a_huge_number_of_entities_is_refused(client):
    results = [{"start": 0, "end": 1, "score": 0.5, "entity_type": "X"}] * 15_000
    response = client.post("/anonymize", json={"text": "abc", "analyzer_results": results})
    assert response.status_code == 413


def test_a_huge_entity_filter_in_analyze_is_refused(client):
    response = client.post("/analyze", json={"text": "abc", "language": "nl",
                                             "entities": ["PERSON"] * 50_000})
    assert response.status_code in (400, 413)


def test_a_huge_batch_in_analyze_is_refused(client):
    response = client.post("/analyze", json={"text": ["a"] * 1000, "language": "nl"})
    assert response.status_code == 413


def test_many_ad_hoc_patterns_are_refused(client):
    recognizer = {"supported_entity": "X", "supported_language": "nl",
                  "patterns": [{"name": f"p{i}", "regex": "a", "score": 0.5} for i in range(50)]}
    response = client.post("/analyze", json={"text": "abc", "language": "nl",
                                             "ad_hoc_recognizers": [recognizer]})
    assert response.status_code == 400
    assert "Too many ad-hoc patterns" in response.json["message"]


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_405(client, auth, method):
    response = client.open("/api/scan", method=method, data=b"{}", headers=auth, content_type=JSON)
    assert response.status_code == 405
