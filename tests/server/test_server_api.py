"""/api/scan, /api/anonymize, /api/drafts and /openapi.json through the test client."""
import pytest

from server_testdata import FICTITIOUS_PHONE, POST_NL


def test_scan_returns_the_library_result_with_utf16_offsets(client, auth):
    import piiscore

    response = client.post("/api/scan", json={"text": POST_NL, "url": "https://x.com/a/status/1",
                                              "platform": "x"}, headers=auth)
    assert response.status_code == 200
    expected = piiscore.scan(POST_NL).to_dict()
    body = response.json
    assert body["language"] == expected["language"] == "nl"
    assert body["score"] == expected["score"]
    assert [{k: v for k, v in e.items() if not k.endswith("_utf16")} for e in body["entities"]] == expected["entities"]
    phone = next(e for e in body["entities"] if e["type"] == "PHONE_NUMBER")
    assert POST_NL[phone["start"]:phone["end"]] == FICTITIOUS_PHONE
    # No astral characters: both counts agree.
    assert all(e["start_utf16"] == e["start"] and e["end_utf16"] == e["end"] for e in body["entities"])


def test_scan_utf16_offsets_count_emoji_as_two_units(client, auth):
    text = "😡😡 bel " + FICTITIOUS_PHONE + " 🙂 of mail s.bakkerveld@example.nl"
    body = client.post("/api/scan", json={"text": text, "language": "nl"}, headers=auth).json
    for entity in body["entities"]:
        utf16 = text.encode("utf-16-le")
        assert utf16[2 * entity["start_utf16"]:2 * entity["end_utf16"]].decode("utf-16-le") == entity["text"]
    phone = next(e for e in body["entities"] if e["type"] == "PHONE_NUMBER")
    assert phone["start_utf16"] == phone["start"] + 2
    email = next(e for e in body["entities"] if e["type"] == "EMAIL_ADDRESS")
    assert email["start_utf16"] == email["start"] + 3


@pytest.mark.parametrize("offsets, expected", [
    ([0, 1, 2, 3, 4, 5, 6], {0: 0, 1: 1, 2: 3, 3: 4, 4: 6, 5: 7, 6: 8}),
    ([], {}),
])
def test_utf16_offset_table(offsets, expected):
    from server.validation import utf16_offsets

    assert utf16_offsets("a😀b😀cd", offsets) == expected


def test_scan_honours_the_language(client, auth):
    text = "Call me on 06-12345678 please"
    assert client.post("/api/scan", json={"text": text, "language": "en"}, headers=auth).json["language"] == "en"
    assert client.post("/api/scan", json={"text": text, "language": "nl"}, headers=auth).json["language"] == "nl"


def test_scan_replaces_lone_surrogates_keeping_offsets(client, auth):
    text = "\ud83d bel " + FICTITIOUS_PHONE
    body = client.post("/api/scan", json={"text": text}, headers=auth).json
    phone = next(e for e in body["entities"] if e["type"] == "PHONE_NUMBER")
    assert phone["start"] == text.index(FICTITIOUS_PHONE)


def test_anonymize_redacts_what_scan_finds(client, auth):
    response = client.post("/api/anonymize", json={"text": POST_NL}, headers=auth)
    assert response.status_code == 200
    assert FICTITIOUS_PHONE not in response.json["text"]
    assert "<PHONE_NUMBER>" in response.json["text"]
    assert {i["entity_type"] for i in response.json["items"]} >= {"PHONE_NUMBER"}
    assert all(FICTITIOUS_PHONE not in i["text"] for i in response.json["items"])


def test_draft_rescans_the_text_and_ignores_client_entities(client, auth):
    fake_scan = {"language": "nl", "entities": [{"type": "NL_BSN", "start": 0, "end": 3, "score": 1,
                                                 "text": "Dit"}],
                 "score": {"value": 0, "level": "none", "reasons": [], "flags": {}}}
    response = client.post("/api/drafts", json={
        "text": POST_NL, "kind": "dsa_notice", "url": "https://x.com/a/status/1", "platform": "x",
        "scan": fake_scan,
        "details": {"notifier_name": "M. Moderator", "notifier_email": "moderatie@example.org",
                    "organisation": "Voorbeeldorganisatie"}}, headers=auth)
    assert response.status_code == 200
    draft = response.json
    assert set(draft) >= {"kind", "language", "subject", "body", "channel", "missing"}
    assert draft["kind"] == "dsa_notice" and draft["language"] == "nl"
    assert "https://x.com/a/status/1" in draft["body"]
    assert "BSN" not in draft["body"]  # the client's made-up entity was not used
    assert FICTITIOUS_PHONE not in draft["body"]  # drafts name kinds of data, not values


def test_draft_in_english_for_a_dutch_post(client, auth):
    response = client.post("/api/drafts", json={"text": POST_NL, "kind": "platform_report",
                                                "language": "en", "platform": "x"}, headers=auth)
    assert response.status_code == 200
    assert response.json["language"] == "en"
    assert "url" in response.json["missing"]


@pytest.mark.parametrize("body, status, fragment", [
    ({"text": POST_NL}, 400, "'kind' is required"),
    ({"text": POST_NL, "kind": "tweet"}, 400, "'kind' must be one of"),
    ({"text": POST_NL, "kind": "dsa_notice", "language": "de"}, 400, "'language' must be one of nl, en, auto"),
    ({"text": POST_NL, "kind": "dsa_notice", "scan": "x"}, 400, "'scan'"),
    ({"text": POST_NL, "kind": "dsa_notice", "details": ["x"]}, 400, "'details'"),
    ({"text": POST_NL, "kind": "dsa_notice", "details": {"a": {"b": {"c": 1}}}}, 400, "'details'"),
    ({"text": POST_NL, "kind": "police_report", "details": {"evidence": [{"sha256": "nothex"}]}}, 422, "'evidence'"),
    ({"text": POST_NL, "kind": "police_report", "details": {"captured_at": "gisteren"}}, 422, "'captured_at'"),
])
def test_bad_draft_requests(client, auth, body, status, fragment):
    response = client.post("/api/drafts", json=body, headers=auth)
    assert response.status_code == status, response.json
    assert fragment in response.json["message"]
    assert "gisteren" not in response.json["message"] and "nothex" not in response.json["message"]


def test_openapi_describes_every_route(client):
    spec = client.get("/openapi.json").json
    assert spec["openapi"].startswith("3.")
    for path in ("/health", "/api/scan", "/api/anonymize", "/api/drafts", "/analyze", "/anonymize",
                 "/openapi.json"):
        assert path in spec["paths"], path
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert spec["paths"]["/health"]["get"]["security"] == []


def test_register_paths_merges_extra_routes(client):
    from server import openapi

    openapi.register_paths({"/api/example-extra": {"get": {"summary": "x", "responses": {
        "200": {"description": "OK"}}}}}, schemas={"ExampleExtra": {"type": "object"}})
    try:
        spec = client.get("/openapi.json").json
        assert "/api/example-extra" in spec["paths"]
        assert "ExampleExtra" in spec["components"]["schemas"]
        assert "/api/scan" in spec["paths"]
    finally:
        openapi._extra_paths.pop("/api/example-extra")
        openapi._extra_schemas.pop("ExampleExtra")


def test_moderator_is_set_for_api_requests(app, auth):
    from flask import g

    with app.test_request_context("/api/scan", method="POST", headers=auth, json={"text": "x"}):
        app.preprocess_request()
        assert g.moderator == "anna"


def test_concurrent_requests_get_the_same_results_as_sequential_ones(app, auth):
    """waitress serves from several threads; the shared engine must not mix requests up."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [POST_NL.replace("12a", f"{n}b").replace("3012 AB", f"{3000 + n} KL") for n in range(1, 25)]
    texts += [f"Call {name} on +31 6 {n:08d}, she lives in Zwolle" for n, name in
              enumerate(["Joris", "Fatima", "Pieter", "Lotte"], start=11111111)]

    def scan(text):
        response = app.test_client().post("/api/scan", json={"text": text}, headers=auth)
        return response.status_code, response.json

    sequential = [scan(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        concurrent = list(pool.map(scan, texts * 3))
    assert all(status == 200 for status, _ in sequential)
    assert concurrent == sequential * 3
