"""The /api/cases routes, against SQLite and (when configured) PostgreSQL."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib

import pytest

from casedata import FICTITIOUS_PHONE, PNG, POST_NL, POST_URL, evidence_body

UTC = dt.timezone.utc


def _iso(value: dt.datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _parse(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _status(client, auth, case_id, status, **extra):
    return client.post(f"/api/cases/{case_id}/status", json={"status": status, **extra}, headers=auth)


# -- create and read ----------------------------------------------------------------------------

def test_create_scans_the_text_and_keeps_it_only_redacted(case):
    assert case["id"] > 0
    assert case["status"] == "new"
    assert case["created_by"] == "anna"
    assert case["platform"] == "x" and case["url"] == POST_URL
    assert case["account_handle"] == "@example_account" and case["post_id"] == "1234567890"
    assert "PHONE_NUMBER" in case["data_kinds"]
    assert case["risk"]["level"] in ("high", "critical")
    assert case["risk"]["reasons"] and all(isinstance(r, str) for r in case["risk"]["reasons"])
    assert case["target_role"] == "youth_protection"
    assert FICTITIOUS_PHONE not in case["text_redacted"]
    assert "<PHONE_NUMBER>" in case["text_redacted"]
    assert [h["to"] for h in case["history"]] == ["new"]
    # The original text is evidence item 1, with its hash, and its storage is in the custody log.
    (item,) = case["evidence"]
    assert item["kind"] == "text"
    assert item["sha256"] == hashlib.sha256(POST_NL.encode()).hexdigest()
    assert [(c["action"], c["evidence_id"], c["moderator"]) for c in case["custody_log"]] == [("store", item["id"], "anna")]


def test_create_with_a_client_scan_uses_its_levels_but_still_redacts(client, auth):
    start = POST_NL.index(FICTITIOUS_PHONE)
    scan = {"language": "nl",
            "entities": [{"type": "PHONE_NUMBER", "start": start, "end": start + len(FICTITIOUS_PHONE),
                          "score": 0.9, "text": FICTITIOUS_PHONE}],
            "score": {"value": 55, "level": "medium", "reasons": [{"code": "moderator_checked", "message": "x"}],
                      "flags": {"threat": False, "call_to_action": False, "obfuscation": False,
                                "target_role": "teacher"}}}
    response = client.post("/api/cases", json={"text": POST_NL, "url": POST_URL, "scan": scan}, headers=auth)
    assert response.status_code == 201
    case = response.get_json()
    assert case["risk"] == {"level": "medium", "value": 55, "reasons": ["moderator_checked"]}
    assert case["target_role"] == "teacher"
    assert case["data_kinds"] == ["PHONE_NUMBER"]
    assert case["platform"] == "other"
    assert FICTITIOUS_PHONE not in case["text_redacted"]


def test_a_client_scan_that_misses_the_phone_number_does_not_put_it_in_clear(client, auth):
    scan = {"entities": [], "score": {"value": 0, "level": "none", "reasons": [], "flags": {}}}
    response = client.post("/api/cases", json={"text": POST_NL, "url": POST_URL, "scan": scan}, headers=auth)
    assert response.status_code == 201
    assert FICTITIOUS_PHONE not in response.get_json()["text_redacted"]


@pytest.mark.parametrize("body, fragment", [
    ({"url": POST_URL}, "'text' is required"),
    ({"text": POST_NL}, "'url' is required"),
    ({"text": POST_NL, "url": POST_URL, "platform": "myspace"}, "'platform' must be one of"),
    ({"text": POST_NL, "url": POST_URL, "scan": []}, "'scan' must be"),
    ({"text": POST_NL, "url": POST_URL, "scan": {"entities": [{"type": "PHONE_NUMBER", "start": 5, "end": 999}],
                                                 "score": {"value": 1, "level": "low"}}}, "within the text"),
    ({"text": POST_NL, "url": POST_URL, "scan": {"entities": [], "score": {"value": 1, "level": "extreme"}}},
     "'scan.score.level'"),
    ({"text": POST_NL, "url": POST_URL, "scan": {"entities": [], "score": {"value": 101, "level": "low"}}},
     "'scan.score.value'"),
])
def test_create_rejects_bad_input_with_a_message(client, auth, body, fragment):
    response = client.post("/api/cases", json=body, headers=auth)
    assert response.status_code == 400
    assert fragment in response.get_json()["message"]


def test_every_case_route_needs_a_key(client, case):
    cid = case["id"]
    for method, path in [("get", "/api/cases"), ("post", "/api/cases"), ("get", f"/api/cases/{cid}"),
                         ("post", f"/api/cases/{cid}/status"), ("post", f"/api/cases/{cid}/evidence"),
                         ("get", f"/api/cases/{cid}/evidence/1"), ("get", f"/api/cases/{cid}/export"),
                         ("post", f"/api/cases/{cid}/drafts")]:
        response = getattr(client, method)(path, json={})
        assert response.status_code == 401, path
        assert response.get_json()["error"] == "unauthorized"


def test_malformed_bodies_and_unknown_cases_are_json_4xx(client, auth, case):
    response = client.post("/api/cases", data="{not json", content_type="application/json", headers=auth)
    assert response.status_code == 400 and response.is_json
    huge = 2**40
    for method, path in [("get", "/api/cases/999999"), ("get", f"/api/cases/{huge}"),
                         ("post", f"/api/cases/{huge}/status"), ("get", f"/api/cases/{case['id']}/evidence/{huge}"), ("post", "/api/cases/999999/status"),
                         ("get", "/api/cases/999999/export"), ("get", f"/api/cases/{case['id']}/evidence/999999")]:
        response = getattr(client, method)(path, json={"status": "reported"}, headers=auth)
        assert response.status_code == 404, path
        assert response.is_json and "message" in response.get_json()


def test_get_case_returns_history_evidence_and_custody(client, auth, case):
    response = client.get(f"/api/cases/{case['id']}", headers=auth)
    assert response.status_code == 200
    body = response.get_json()
    assert body["history"][0]["to"] == "new"
    assert len(body["evidence"]) == 1
    assert body["custody_log"][0]["action"] == "store"


# -- listing ------------------------------------------------------------------------------------

def test_list_filters_and_paginates(client, auth, case):
    second = client.post("/api/cases", json={"text": "Mooi weer vandaag in het park.", "url": "https://example.org/p/2",
                                             "platform": "reddit"}, headers=auth).get_json()
    assert second["risk"]["level"] in ("none", "low")
    everything = client.get("/api/cases", headers=auth).get_json()
    assert everything["total"] == 2 and [c["id"] for c in everything["items"]] == [second["id"], case["id"]]

    def ids(query):
        response = client.get(f"/api/cases?{query}", headers=auth)
        assert response.status_code == 200, response.get_json()
        return [c["id"] for c in response.get_json()["items"]]

    assert ids("platform=reddit") == [second["id"]]
    assert ids(f"level={case['risk']['level']}") == [case["id"]]
    assert ids("level=none,low") == [second["id"]]
    assert ids("status=reported") == []
    past = _iso(dt.datetime.now(UTC) - dt.timedelta(days=1))
    assert _status(client, auth, case["id"], "reported", follow_up_at=past).status_code == 200
    assert ids("status=reported") == [case["id"]]
    assert ids("overdue=true") == [case["id"]]
    assert ids("overdue=false") == [second["id"]]
    page = client.get("/api/cases?limit=1&offset=1", headers=auth).get_json()
    assert page["total"] == 2 and page["limit"] == 1 and page["offset"] == 1
    assert [c["id"] for c in page["items"]] == [case["id"]]
    assert page["items"][0]["overdue"] is True


@pytest.mark.parametrize("query", ["limit=0", "limit=201", "limit=x", "offset=-1", "status=lost",
                                   "level=severe", "overdue=maybe", "platform=myspace"])
def test_list_rejects_bad_filters(client, auth, query):
    response = client.get(f"/api/cases?{query}", headers=auth)
    assert response.status_code == 400 and response.is_json


# -- status -------------------------------------------------------------------------------------

def test_status_history_records_every_change_with_who_and_when(client, auth, other_auth, case):
    cid = case["id"]
    assert _status(client, auth, cid, "reported", note="DSA-melding verstuurd").status_code == 200
    assert _status(client, other_auth, cid, "acknowledged").status_code == 200
    response = _status(client, auth, cid, "removed", note=f"weg; melder belde {FICTITIOUS_PHONE}")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "removed"
    history = body["history"]
    assert [(h["from"], h["to"], h["moderator"]) for h in history] == [
        (None, "new", "anna"), ("new", "reported", "anna"), ("reported", "acknowledged", "bram"),
        ("acknowledged", "removed", "anna")]
    assert history[1]["note"] == "DSA-melding verstuurd"
    assert FICTITIOUS_PHONE not in history[3]["note"]  # notes are redacted like the post
    for h in history:
        assert abs(_parse(h["at"]) - dt.datetime.now(UTC)) < dt.timedelta(minutes=1)
    # removed -> reappeared -> reported is the "it came back" loop
    assert _status(client, auth, cid, "reappeared").status_code == 200
    assert _status(client, auth, cid, "reported").status_code == 200


def test_invalid_transitions_are_refused_and_leave_no_trace(client, auth, case):
    response = _status(client, auth, case["id"], "removed")
    assert response.status_code == 409
    assert "cannot go from 'new' to 'removed'" in response.get_json()["message"]
    response = _status(client, auth, case["id"], "lost")
    assert response.status_code == 400
    after = client.get(f"/api/cases/{case['id']}", headers=auth).get_json()
    assert after["status"] == "new" and len(after["history"]) == 1


def test_follow_up_dates_per_channel_and_overdue(client, auth, case, make_app):
    cid = case["id"]
    reported = _status(client, auth, cid, "reported").get_json()
    due = _parse(reported["follow_up_at"]) - _parse(reported["status_changed_at"])
    assert due == dt.timedelta(days=3)  # DSA notice: chase after three days
    assert reported["follow_up_kind"] == "dsa_notice" and reported["overdue"] is False
    acknowledged = _status(client, auth, cid, "acknowledged").get_json()
    assert acknowledged["follow_up_at"] == reported["follow_up_at"]  # the decision is still due
    rejected = _status(client, auth, cid, "rejected").get_json()
    assert rejected["follow_up_at"] is None and rejected["overdue"] is False
    gdpr = _status(client, auth, cid, "reported", follow_up_kind="gdpr_erasure").get_json()
    changed, due = _parse(gdpr["status_changed_at"]), _parse(gdpr["follow_up_at"])
    assert gdpr["follow_up_kind"] == "gdpr_erasure"
    assert (due.year * 12 + due.month) - (changed.year * 12 + changed.month) == 1  # one calendar month
    assert dt.timedelta(days=28) <= due - changed <= dt.timedelta(days=31)


def test_follow_up_periods_are_configurable(make_app):
    app = make_app(CASE_FOLLOW_UP={"dsa_notice": "1D"})
    client = app.test_client()
    auth = {"Authorization": "Bearer " + app.extensions["piiscore_keys"].add("anna")}
    cid = client.post("/api/cases", json={"text": POST_NL, "url": POST_URL}, headers=auth).get_json()["id"]
    body = _status(client, auth, cid, "reported").get_json()
    assert _parse(body["follow_up_at"]) - _parse(body["status_changed_at"]) == dt.timedelta(days=1)


def test_police_report_number_is_kept(client, auth, case):
    body = _status(client, auth, case["id"], "escalated", follow_up_kind="police_report",
                   police_report_number="PL1700-2026123456").get_json()
    assert body["police_report_number"] == "PL1700-2026123456"
    assert body["follow_up_kind"] == "police_report"


# -- evidence -----------------------------------------------------------------------------------

def test_evidence_is_stored_with_hash_time_source_and_moderator(client, auth, case):
    captured = "2026-03-01T09:30:00+01:00"
    response = client.post(f"/api/cases/{case['id']}/evidence",
                           json=evidence_body(PNG, captured_at=captured, source_url=POST_URL), headers=auth)
    assert response.status_code == 201
    item = response.get_json()
    assert item["sha256"] == hashlib.sha256(PNG).hexdigest() and item["size"] == len(PNG)
    assert item["captured_at"] == "2026-03-01T08:30:00Z"  # kept in UTC
    assert item["source_url"] == POST_URL and item["captured_by"] == "anna"
    html = "<html><body><p>Kopie van het bericht</p></body></html>".encode()
    assert client.post(f"/api/cases/{case['id']}/evidence", json=evidence_body(html, "html"),
                       headers=auth).status_code == 201
    body = client.get(f"/api/cases/{case['id']}", headers=auth).get_json()
    assert [e["kind"] for e in body["evidence"]] == ["text", "screenshot", "html"]
    stores = [c for c in body["custody_log"] if c["action"] == "store"]
    assert [c["evidence_id"] for c in stores] == [e["id"] for e in body["evidence"]]


def test_evidence_hash_mismatch_is_400_and_nothing_is_stored(client, auth, case):
    body = evidence_body(PNG)
    body["sha256"] = hashlib.sha256(PNG + b"x").hexdigest()
    response = client.post(f"/api/cases/{case['id']}/evidence", json=body, headers=auth)
    assert response.status_code == 400
    assert "sha256 does not match" in response.get_json()["message"]
    assert len(client.get(f"/api/cases/{case['id']}", headers=auth).get_json()["evidence"]) == 1


@pytest.mark.parametrize("change, status, fragment", [
    ({"kind": "video"}, 400, "'kind' must be one of"),
    ({"sha256": "abc"}, 400, "64 hex digits"),
    ({"content_base64": "!!!not base64"}, 400, "not valid base64"),
    ({"content_base64": ""}, 400, "'content_base64' is required"),
    ({"captured_at": "yesterday"}, 400, "ISO 8601"),
    ({"captured_at": "2026-03-01T09:30:00"}, 400, "time zone"),
    ({"captured_at": "2999-01-01T00:00:00Z"}, 400, "future"),
])
def test_evidence_input_errors(client, auth, case, change, status, fragment):
    response = client.post(f"/api/cases/{case['id']}/evidence", json={**evidence_body(PNG), **change}, headers=auth)
    assert response.status_code == status
    assert fragment in response.get_json()["message"]


def test_a_screenshot_must_be_a_png(client, auth, case):
    response = client.post(f"/api/cases/{case['id']}/evidence", json=evidence_body(b"GIF89a..."), headers=auth)
    assert response.status_code == 400 and "PNG" in response.get_json()["message"]


def test_evidence_size_limits_per_kind(make_app):
    app = make_app(EVIDENCE_MAX_BYTES={"screenshot": len(PNG) - 1})
    client = app.test_client()
    auth = {"Authorization": "Bearer " + app.extensions["piiscore_keys"].add("anna")}
    cid = client.post("/api/cases", json={"text": POST_NL, "url": POST_URL}, headers=auth).get_json()["id"]
    response = client.post(f"/api/cases/{cid}/evidence", json=evidence_body(PNG), headers=auth)
    assert response.status_code == 413
    assert "limit" in response.get_json()["message"]
    small = b"Kopie van het bericht"
    assert client.post(f"/api/cases/{cid}/evidence", json=evidence_body(small, "text"), headers=auth).status_code == 201


def test_the_default_screenshot_limit_fits_the_upload_ceiling(app):
    settings = app.extensions["piiscore_cases"].settings
    encoded = 4 * -(-settings.max_bytes["screenshot"] // 3)
    assert encoded + 1000 < app.config["MAX_CONTENT_LENGTH"]


def test_download_returns_the_bytes_and_logs_the_read(client, auth, other_auth, case):
    item = client.post(f"/api/cases/{case['id']}/evidence", json=evidence_body(PNG), headers=auth).get_json()
    response = client.get(f"/api/cases/{case['id']}/evidence/{item['id']}", headers=other_auth)
    assert response.status_code == 200
    assert response.data == PNG
    assert response.headers["X-Evidence-SHA256"] == item["sha256"]
    assert response.headers["Content-Disposition"].startswith("attachment")
    custody = client.get(f"/api/cases/{case['id']}", headers=auth).get_json()["custody_log"]
    assert (custody[-1]["action"], custody[-1]["evidence_id"], custody[-1]["moderator"]) == ("read", item["id"], "bram")


# -- drafts -------------------------------------------------------------------------------------

def test_a_draft_is_made_from_the_case_and_recorded(client, auth, case):
    response = client.post(f"/api/cases/{case['id']}/drafts",
                           json={"kind": "dsa_notice", "language": "en",
                                 "details": {"notifier_name": "A. Moderator", "notifier_email": "meldingen@example.org"}},
                           headers=auth)
    assert response.status_code == 201
    draft = response.get_json()
    assert draft["kind"] == "dsa_notice" and draft["language"] == "en"
    assert POST_URL in draft["body"]
    assert FICTITIOUS_PHONE not in draft["body"]
    body = client.get(f"/api/cases/{case['id']}", headers=auth).get_json()
    assert [(d["kind"], d["language"], d["moderator"]) for d in body["drafts"]] == [("dsa_notice", "en", "anna")]
    assert body["custody_log"][-1]["action"] == "read"  # the draft read the original text


def test_draft_input_errors(client, auth, case):
    assert client.post(f"/api/cases/{case['id']}/drafts", json={"kind": "letter"}, headers=auth).status_code == 400
    assert client.post(f"/api/cases/{case['id']}/drafts", json={"kind": "dsa_notice", "details": []},
                       headers=auth).status_code == 400


def test_case_routes_are_in_the_openapi_description(client):
    paths = client.get("/openapi.json").get_json()["paths"]
    assert {"/api/cases", "/api/cases/{case_id}", "/api/cases/{case_id}/status",
            "/api/cases/{case_id}/evidence", "/api/cases/{case_id}/export"} <= set(paths)


def test_base64_with_whitespace_or_urlsafe_alphabet_is_refused(client, auth, case):
    body = evidence_body(PNG)
    body["content_base64"] = base64.urlsafe_b64encode(b"\xfb\xff" * 50).decode()
    body["sha256"] = hashlib.sha256(b"\xfb\xff" * 50).hexdigest()
    assert client.post(f"/api/cases/{case['id']}/evidence", json=body, headers=auth).status_code == 400


def test_nul_characters_and_extreme_times_are_4xx_not_500(client, auth, case):
    # PostgreSQL text cannot hold NUL; the evidence keeps the original bytes, the redacted copy does not.
    response = client.post("/api/cases", json={"text": f"a\x00b bel {FICTITIOUS_PHONE}", "url": POST_URL}, headers=auth)
    assert response.status_code == 201
    created = response.get_json()
    assert "\x00" not in created["text_redacted"]
    assert client.get(f"/api/cases/{created['id']}/evidence/{created['evidence'][0]['id']}",
                      headers=auth).data.startswith(b"a\x00b")
    for field in ("url", "account_handle", "post_id"):
        body = {"text": POST_NL, "url": POST_URL, field: "x\x00y"}
        response = client.post("/api/cases", json=body, headers=auth)
        assert response.status_code == 400 and "NUL" in response.get_json()["message"], field
    response = _status(client, auth, case["id"], "reported", note="a\x00b", police_report_number="P\x00")
    assert response.status_code == 400
    response = _status(client, auth, case["id"], "reported", note="a\x00b")
    assert response.status_code == 200 and "\x00" not in response.get_json()["history"][-1]["note"]
    response = client.post(f"/api/cases/{case['id']}/evidence",
                           json=evidence_body(PNG, captured_at="0001-01-01T00:00:00+23:59"), headers=auth)
    assert response.status_code == 400 and "out of range" in response.get_json()["message"]
