"""Auth, limits, errors, security headers and CORS, through the Flask test client."""
import json

import pytest

from server.app import create_app

EXTENSION = "chrome-extension://" + "a" * 32
FOREIGN = "https://evil.example"


def test_health_needs_no_key(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json["status"] == "ok"
    assert response.json["version"]


@pytest.mark.parametrize("path", ["/api/scan", "/api/anonymize", "/api/drafts"])
def test_api_without_key_is_401_json(client, path):
    response = client.post(path, json={"text": "hallo"})
    assert response.status_code == 401
    assert response.json["error"] == "unauthorized"
    assert "Bearer" in response.json["message"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", ["Bearer pk_wrong", "Bearer ", "Basic YWJjOmRlZg==", "pk_x", "Bearer " + "x" * 5000])
def test_api_with_wrong_key_is_401(client, api_key, header):
    response = client.post("/api/scan", json={"text": "hallo"}, headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json["error"] == "unauthorized"


def test_unknown_api_route_is_401_before_404(client):
    assert client.get("/api/nothing-here").status_code == 401


def test_unknown_route_is_404_json(client):
    response = client.get("/nothing-here")
    assert response.status_code == 404
    assert response.json == {"error": "not_found", "message": "There is no such resource."}


def test_wrong_method_is_405_json(client, auth):
    response = client.get("/api/scan", headers=auth)
    assert response.status_code == 405
    assert response.json["error"] == "method_not_allowed"
    assert "POST" in response.headers["Allow"]


def test_revoked_key_stops_working_at_once(client, app, auth):
    store = app.extensions["piiscore_keys"]
    assert client.post("/api/scan", data="{}", headers=auth, content_type="application/json").status_code == 400
    assert store.revoke("anna")
    response = client.post("/api/scan", json={"text": "hallo"}, headers=auth)
    assert response.status_code == 401


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", None])
def test_non_json_is_415(client, auth, content_type):
    headers = dict(auth)
    if content_type:
        headers["Content-Type"] = content_type
    response = client.post("/api/scan", data=b'{"text": "hallo"}', headers=headers)
    assert response.status_code == 415
    assert response.json["error"] == "unsupported_media_type"


def test_body_over_json_limit_is_413(client, auth):
    body = json.dumps({"text": "a" * (2 * 1024 * 1024)})
    response = client.post("/api/scan", data=body, headers=auth, content_type="application/json")
    assert response.status_code == 413
    assert response.json["error"] == "payload_too_large"


def test_text_over_char_limit_is_413(tmp_path):
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "MAX_TEXT_CHARS": 50})
    key = app.extensions["piiscore_keys"].add("anna")
    response = app.test_client().post("/api/scan", json={"text": "b" * 51},
                                      headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 413
    assert "50 characters" in response.json["message"]


@pytest.mark.parametrize("body, fragment", [
    (b"", "empty"),
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe\xfa", "not valid"),
    (b"[1, 2]", "must be an object"),
    (b'"text"', "must be an object"),
    (b"{}", "'text' is required"),
    (b'{"text": 12}', "must be a string"),
    (b'{"text": ["a"]}', "must be a string"),
    (b'{"text": "   "}', "empty"),
    (b'{"text": "hallo", "language": "de"}', "'language' must be one of"),
    (b'{"text": "hallo", "language": 1}', "'language' must be one of"),
    (b'{"text": "hallo", "platform": "myspace"}', "'platform' must be one of"),
    (b'{"text": "hallo", "url": 5}', "'url' must be a string"),
])
def test_bad_scan_bodies_are_400_with_a_clear_message(client, auth, body, fragment):
    response = client.post("/api/scan", data=body, headers=auth, content_type="application/json")
    assert response.status_code == 400
    assert response.json["error"] == "bad_request"
    assert fragment in response.json["message"]


def test_rate_limit_per_key_is_429_with_retry_after(tmp_path):
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "RATE_LIMIT": 3})
    store = app.extensions["piiscore_keys"]
    anna = {"Authorization": "Bearer " + store.add("anna")}
    bram = {"Authorization": "Bearer " + store.add("bram")}
    client = app.test_client()
    statuses = [client.post("/api/scan", data=b"{}", headers=anna,
                            content_type="application/json").status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]
    limited = client.post("/api/scan", data=b"{}", headers=anna, content_type="application/json")
    assert limited.json["error"] == "rate_limited"
    assert int(limited.headers["Retry-After"]) >= 1
    # Another moderator is not affected.
    assert client.post("/api/scan", data=b"{}", headers=bram,
                       content_type="application/json").status_code == 400


def test_sliding_window_frees_slots_as_time_passes():
    """Counts per one-second bucket: never more than the limit in any 60 s, and a request is
    refused at most one bucket (1 s) longer than an exact log of timestamps would."""
    from server.ratelimit import SlidingWindowLimiter

    now = [1000.0]
    limiter = SlidingWindowLimiter(2, 60, clock=lambda: now[0])
    assert limiter.hit("k") == 0 and limiter.hit("k") == 0
    assert 60 <= limiter.hit("k") <= 61
    now[0] += 30
    assert 30 <= limiter.hit("k") <= 31
    now[0] += 30.5
    assert 0 < limiter.hit("k") <= 1  # exactly 60.5 s later: the 1000 s bucket still counts
    now[0] += 0.5
    assert limiter.hit("k") == 0 and limiter.hit("k") == 0
    assert limiter.hit("k") > 0
    assert limiter.hit("other") == 0


def test_sliding_window_never_admits_more_than_the_limit_in_any_window():
    import random

    from server.ratelimit import SlidingWindowLimiter

    rng = random.Random(5)
    now = [500.0]
    limiter = SlidingWindowLimiter(10, 60, clock=lambda: now[0])
    admitted = []
    for _ in range(3000):
        now[0] += rng.expovariate(1 / 1.5)
        if limiter.hit("k") == 0:
            admitted.append(now[0])
    assert len(admitted) > 100  # it does let requests through as the window moves
    for i, t in enumerate(admitted):
        assert sum(1 for u in admitted[i:i + 11] if u - t < 60) <= 10


def test_limiter_forgets_idle_keys_and_keeps_busy_ones_apart():
    from server.ratelimit import SlidingWindowLimiter

    now = [0.0]
    limiter = SlidingWindowLimiter(1, 60, clock=lambda: now[0], slots=32)
    assert all(limiter.hit(f"addr:10.0.0.{i}") == 0 for i in range(200))  # more keys than slots
    now[0] += 120
    assert limiter.hit("key:anna") == 0 and limiter.hit("key:anna") > 0
    assert limiter.hit("key:bram") == 0


def test_security_headers_on_every_response(client, auth):
    responses = [client.get("/health"), client.get("/nothing"),
                 client.post("/api/scan", json={"text": "x"}),
                 client.post("/api/scan", data=b"{}", headers=auth, content_type="application/json"),
                 client.get("/openapi.json")]
    for response in responses:
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    for response in responses[1:]:
        assert response.headers["Cache-Control"] == "no-store"


def test_html_responses_get_a_page_csp():
    from flask import Flask

    from server.security import add_security_headers

    app = Flask(__name__)
    with app.test_request_context("/dashboard"):
        response = add_security_headers(app.make_response(("<p>x</p>", 200, {"Content-Type": "text/html"})))
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


@pytest.fixture
def cors_app(tmp_path):
    return create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "CORS_ORIGINS": [EXTENSION]})


def test_cors_grants_the_configured_extension_origin(cors_app):
    client = cors_app.test_client()
    preflight = client.options("/api/scan", headers={
        "Origin": EXTENSION, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == EXTENSION
    assert "authorization" in preflight.headers["Access-Control-Allow-Headers"].lower()
    # The error the extension reads is readable too.
    response = client.post("/api/scan", json={"text": "x"}, headers={"Origin": EXTENSION})
    assert response.status_code == 401
    assert response.headers["Access-Control-Allow-Origin"] == EXTENSION


@pytest.mark.parametrize("origin", [FOREIGN, "chrome-extension://" + "b" * 32, "null"])
def test_cors_refuses_foreign_origins(cors_app, origin):
    client = cors_app.test_client()
    preflight = client.options("/api/scan", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in preflight.headers
    response = client.get("/health", headers={"Origin": origin})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_no_cors_headers_without_configured_origins(client):
    response = client.get("/health", headers={"Origin": EXTENSION})
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("origins", ["*", ["*"], ["https://example.org"], "chrome-extension://*",
                                     ["http://127.0.0.1:8765"]])
def test_wildcard_or_web_origins_are_refused_at_start(tmp_path, origins):
    with pytest.raises(ValueError):
        create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "CORS_ORIGINS": origins})


def test_origins_from_environment_string(tmp_path, monkeypatch):
    moz = "moz-extension://0b4e2e3c-5f5a-4c36-9d51-2f3a7e1d9a10"
    monkeypatch.setenv("PIISCORE_CORS_ORIGINS", f"{EXTENSION}, {moz}")
    monkeypatch.setenv("PIISCORE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PIISCORE_RATE_LIMIT", "7")
    app = create_app()
    assert app.config["CORS_ORIGINS"] == [EXTENSION, moz]
    assert app.config["RATE_LIMIT"] == 7
    assert app.config["DATA_DIR"] == str(tmp_path)


def test_config_file(tmp_path, monkeypatch):
    config = tmp_path / "server.toml"
    config.write_text('PORT = 9999\nRATE_LIMIT = 5\n')
    monkeypatch.setenv("PIISCORE_CONFIG_FILE", str(config))
    monkeypatch.setenv("PIISCORE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PIISCORE_PORT", "9998")
    app = create_app()
    assert app.config["RATE_LIMIT"] == 5
    assert app.config["PORT"] == 9998  # the environment wins over the file


def test_unhandled_exception_is_500_json_without_its_text(app, auth, monkeypatch):
    import piiscore

    def boom(text, language=None):
        raise RuntimeError(f"secret detail {text}")

    monkeypatch.setattr(piiscore, "scan", boom)
    response = app.test_client().post("/api/scan", json={"text": "Sanne Bakkerveld"}, headers=auth)
    assert response.status_code == 500
    assert response.json["error"] == "internal_server_error"
    assert b"secret" not in response.data and b"Sanne" not in response.data
    assert b"Traceback" not in response.data
