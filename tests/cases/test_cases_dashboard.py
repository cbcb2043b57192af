"""The dashboard with Flask's test client: login, session cookie, CSRF, escaping, custody.
(``test_cases_browser.py`` drives the same pages in a real Chromium.)"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from casedata import PNG, POST_NL, POST_URL, evidence_body

HOSTILE_HANDLE = '<img src=x onerror="alert(1)">'


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture
def key(app):
    return app.extensions["piiscore_keys"].add("anna")


@pytest.fixture
def logged_in(client, key):
    token = _csrf(client.get("/login").get_data(as_text=True))
    response = client.post("/login", json={"csrf_token": token, "api_key": key})
    assert response.status_code == 200 and response.get_json() == {"redirect": "/"}
    return client


@pytest.fixture
def hostile_case(client, key):
    response = client.post("/api/cases", json={"text": POST_NL, "url": POST_URL, "platform": "x",
                                               "account_handle": HOSTILE_HANDLE},
                           headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 201
    return response.get_json()


def test_pages_need_a_login(client, hostile_case):
    for path in ("/", f"/cases/{hostile_case['id']}", f"/cases/{hostile_case['id']}/export",
                 f"/cases/{hostile_case['id']}/evidence/1"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login?next=")


def test_login_rejects_a_wrong_key_and_a_missing_csrf_token(client, key):
    token = _csrf(client.get("/login").get_data(as_text=True))
    response = client.post("/login", json={"csrf_token": token, "api_key": "pk_wrong"})
    assert response.status_code == 401
    assert "not valid" in client.get("/login").get_data(as_text=True)
    response = client.post("/login", json={"api_key": key})
    assert response.status_code == 400
    assert client.get("/").status_code == 302  # still not logged in


def test_session_cookie_flags(client, key):
    token = _csrf(client.get("/login").get_data(as_text=True))
    response = client.post("/login", json={"csrf_token": token, "api_key": key})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Secure" not in cookie  # plain http on loopback
    assert key not in cookie  # only a fingerprint of the key


def test_session_cookie_is_secure_over_https(app, key):
    client = app.test_client()
    token = _csrf(client.get("/login", base_url="https://localhost").get_data(as_text=True))
    response = client.post("/login", base_url="https://localhost", json={"csrf_token": token, "api_key": key})
    assert response.status_code == 200
    assert "Secure" in response.headers["Set-Cookie"]


def test_login_only_redirects_within_the_site(client, key):
    token = _csrf(client.get("/login").get_data(as_text=True))
    response = client.post("/login?next=//evil.example/x", json={"csrf_token": token, "api_key": key})
    assert response.get_json() == {"redirect": "/"}


def test_list_shows_level_status_overdue_and_filters(logged_in, hostile_case, key):
    auth = {"Authorization": f"Bearer {key}"}
    past = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)).isoformat()
    logged_in.post(f"/api/cases/{hostile_case['id']}/status", json={"status": "reported", "follow_up_at": past},
                   headers=auth)
    other = logged_in.post("/api/cases", json={"text": "Mooi weer vandaag.", "url": "https://example.org/2"},
                           headers=auth).get_json()
    html = logged_in.get("/").get_data(as_text=True)
    assert f'href="/cases/{hostile_case["id"]}"' in html and f'href="/cases/{other["id"]}"' in html
    assert f"level-{hostile_case['risk']['level']}" in html
    assert "OVERDUE" in html and "reported" in html
    filtered = logged_in.get("/?status=reported").get_data(as_text=True)
    assert f'href="/cases/{hostile_case["id"]}"' in filtered and f'href="/cases/{other["id"]}"' not in filtered
    assert "OVERDUE" not in logged_in.get("/?overdue=no").get_data(as_text=True)


def test_case_page_escapes_user_content_and_has_no_inline_script(logged_in, hostile_case):
    response = logged_in.get(f"/cases/{hostile_case['id']}")
    html = response.get_data(as_text=True)
    assert HOSTILE_HANDLE not in html
    assert "&lt;img src=x onerror=" in html
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html))
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_status_change_needs_the_csrf_token_and_records_the_moderator(logged_in, hostile_case, key):
    cid = hostile_case["id"]
    token = _csrf(logged_in.get(f"/cases/{cid}").get_data(as_text=True))
    response = logged_in.post(f"/cases/{cid}/status", json={"status": "reported"})
    assert response.status_code == 400
    response = logged_in.post(f"/cases/{cid}/status", json={"status": "reported", "csrf_token": "forged"})
    assert response.status_code == 400
    response = logged_in.post(f"/cases/{cid}/status", json={"status": "reported", "note": "gemeld", "csrf_token": token})
    assert response.get_json() == {"redirect": f"/cases/{cid}"}
    response = logged_in.post(f"/cases/{cid}/status", json={"status": "new", "csrf_token": token})
    assert "cannot go from" in logged_in.get(f"/cases/{cid}").get_data(as_text=True)
    case = logged_in.get(f"/api/cases/{cid}", headers={"Authorization": f"Bearer {key}"}).get_json()
    assert [(h["to"], h["moderator"], h["note"]) for h in case["history"]] == [
        ("new", "anna", None), ("reported", "anna", "gemeld")]


def test_form_encoded_posts_also_work_where_the_server_accepts_them(logged_in, hostile_case):
    token = _csrf(logged_in.get(f"/cases/{hostile_case['id']}").get_data(as_text=True))
    response = logged_in.post(f"/cases/{hostile_case['id']}/status", data={"status": "reported", "csrf_token": token})
    # The server's request limits take JSON bodies only (forms.js sends JSON): 415, never a 500.
    assert response.status_code in (302, 415)


def test_downloads_from_the_dashboard_are_custody_logged(logged_in, hostile_case, key):
    cid = hostile_case["id"]
    auth = {"Authorization": f"Bearer {key}"}
    item = logged_in.post(f"/api/cases/{cid}/evidence", json=evidence_body(PNG), headers=auth).get_json()
    html = logged_in.get(f"/cases/{cid}").get_data(as_text=True)
    assert f'/cases/{cid}/evidence/{item["id"]}' in html and item["sha256"] in html
    response = logged_in.get(f"/cases/{cid}/evidence/{item['id']}")
    assert response.status_code == 200 and response.data == PNG
    assert response.headers["Content-Disposition"].startswith("attachment")
    response = logged_in.get(f"/cases/{cid}/export")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    custody = logged_in.get(f"/api/cases/{cid}", headers=auth).get_json()["custody_log"]
    assert ("read", item["id"], "anna", "download via dashboard") in [
        (c["action"], c["evidence_id"], c["moderator"], c["detail"]) for c in custody]
    assert custody[-1]["action"] == "export"


def test_unknown_case_is_an_html_404(logged_in):
    response = logged_in.get("/cases/424242")
    assert response.status_code == 404 and response.mimetype == "text/html"


def test_revoking_the_key_ends_the_session(app, logged_in, hostile_case):
    assert logged_in.get("/").status_code == 200
    app.extensions["piiscore_keys"].revoke("anna")
    assert logged_in.get("/").status_code == 302


def test_logout_needs_csrf_and_ends_the_session(logged_in):
    token = _csrf(logged_in.get("/").get_data(as_text=True))
    assert logged_in.post("/logout", json={}).status_code == 400
    assert logged_in.get("/").status_code == 200
    response = logged_in.post("/logout", json={"csrf_token": token})
    assert response.get_json() == {"redirect": "/login"}
    assert logged_in.get("/").status_code == 302
