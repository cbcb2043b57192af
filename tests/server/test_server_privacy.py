"""Nothing of a post reaches the logs, and nothing leaves the machine."""
import logging
import socket

import pytest

from server_testdata import FICTITIOUS_NAME, FICTITIOUS_PHONE, POST_NL

SECRETS = (FICTITIOUS_NAME, FICTITIOUS_PHONE, "Bakkerveld", "12345678")


def _all_routes(client, auth):
    text_only = {"text": POST_NL}
    yield client.post("/api/scan", json=text_only, headers=auth)
    yield client.post("/api/anonymize", json=text_only, headers=auth)
    yield client.post("/api/drafts", json={"text": POST_NL, "kind": "police_report",
                                           "details": {"notifier_name": FICTITIOUS_NAME}}, headers=auth)
    yield client.post("/analyze", json={"text": POST_NL, "language": "nl",
                                        "return_decision_process": True})
    yield client.post("/anonymize", json={"text": POST_NL, "analyzer_results": [
        {"start": 0, "end": 5, "score": 0.9, "entity_type": "PERSON"}]})
    # Errors too: a rejected request must not be logged with its content.
    yield client.post("/api/scan", json={"text": POST_NL, "language": FICTITIOUS_NAME}, headers=auth)
    yield client.post("/api/drafts", json={"text": POST_NL, "kind": "police_report",
                                           "details": {"captured_at": FICTITIOUS_PHONE}}, headers=auth)
    yield client.post("/analyze", json={"text": POST_NL, "language": "nl", "entities": [FICTITIOUS_NAME]})
    yield client.post("/api/scan", json={"text": POST_NL})  # no key


def test_no_post_content_in_any_log_record(client, auth, caplog):
    caplog.set_level(logging.DEBUG)
    statuses = [r.status_code for r in _all_routes(client, auth)]
    assert statuses[:5] == [200] * 5 and all(400 <= s < 500 for s in statuses[5:])
    logged = caplog.text + "\n".join(str(r.args) + r.getMessage() for r in caplog.records)
    for secret in SECRETS:
        assert secret not in logged
    # The access lines are there, with route, status and moderator.
    access = [r.getMessage() for r in caplog.records if r.name == "server.access_log"]
    assert "POST /api/scan 200" in access[0] and access[0].endswith(" anna")
    assert any(line.startswith("POST /api/scan 401") and line.endswith(" -") for line in access)
    assert len(access) == len(statuses)


def test_an_internal_error_logs_the_type_only(app, auth, caplog, monkeypatch):
    import piiscore

    def failing_scan(text, language=None):
        raise ValueError(f"cannot handle {text}")

    monkeypatch.setattr(piiscore, "scan", failing_scan)
    caplog.set_level(logging.DEBUG)
    response = app.test_client().post("/api/scan", json={"text": POST_NL}, headers=auth)
    assert response.status_code == 500
    assert "unhandled ValueError" in caplog.text
    for secret in SECRETS:
        assert secret not in caplog.text
        assert secret not in response.get_data(as_text=True)


@pytest.fixture
def offline(monkeypatch):
    """Refuse every connection that is not to loopback; record the attempts."""
    attempts = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def is_loopback(address):
        host = address[0] if isinstance(address, tuple) else address
        return isinstance(host, str) and (host in ("localhost", "::1") or host.startswith("127.")
                                          or host.startswith("/"))

    def guarded(real):
        def connect(self, address):
            if self.family == socket.AF_UNIX or is_loopback(address):
                return real(self, address)
            attempts.append(address)
            raise ConnectionRefusedError(f"test: outbound connection to {address!r} blocked")
        return connect

    monkeypatch.setattr(socket.socket, "connect", guarded(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(real_connect_ex))
    return attempts


def test_scan_and_draft_work_with_outbound_sockets_blocked(offline, tmp_path, monkeypatch):
    import piiscore.engine
    from server.app import create_app

    # Build the engine again under the block, so loading lists and models is covered too.
    monkeypatch.setattr(piiscore.engine, "_engine", None)
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path)})
    auth = {"Authorization": "Bearer " + app.extensions["piiscore_keys"].add("anna")}
    client = app.test_client()
    scan = client.post("/api/scan", json={"text": POST_NL}, headers=auth)
    assert scan.status_code == 200
    assert any(e["type"] == "PHONE_NUMBER" for e in scan.json["entities"])
    draft = client.post("/api/drafts", json={"text": POST_NL, "kind": "dsa_notice",
                                             "url": "https://x.com/a/status/1", "platform": "x"},
                        headers=auth)
    assert draft.status_code == 200 and draft.json["body"]
    assert client.post("/api/anonymize", json={"text": POST_NL}, headers=auth).status_code == 200
    assert offline == []


def test_the_block_itself_works(offline):
    with socket.socket() as sock, pytest.raises(ConnectionRefusedError):
        sock.connect(("192.0.2.1", 443))  # TEST-NET-1, documentation address
    assert offline == [("192.0.2.1", 443)]
