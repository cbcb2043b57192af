"""Evidence at rest and in exports: encryption, custody, retention, export verification, restarts."""
from __future__ import annotations

import datetime as dt
import json
import stat
import zipfile

import pytest

from casedata import FICTITIOUS_PHONE, PNG, POST_NL, POST_URL, evidence_body
from server.cases import cli as cases_cli
from server.cases.crypto import generate_key_text
from server.cli import main as server_main


def _export(client, auth, case_id, tmp_path, name="export.zip"):
    response = client.get(f"/api/cases/{case_id}/export", headers=auth)
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert "attachment" in response.headers["Content-Disposition"]
    path = tmp_path / name
    path.write_bytes(response.data)
    return path


def _rewrite_member(source, target, member, change):
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, change(data) if info.filename == member else data)


# -- the database holds no personal data in clear ----------------------------------------------

@pytest.mark.parametrize("database_url", [None], ids=["sqlite"])
def test_the_database_file_never_holds_the_phone_number(make_app, data_dir):
    app = make_app()
    client = app.test_client()
    auth = {"Authorization": "Bearer " + app.extensions["piiscore_keys"].add("anna")}
    cid = client.post("/api/cases", json={"text": POST_NL, "url": POST_URL}, headers=auth).get_json()["id"]
    text = f"Schermtekst: bel {FICTITIOUS_PHONE}".encode()
    assert client.post(f"/api/cases/{cid}/evidence", json=evidence_body(text, "text"), headers=auth).status_code == 201
    assert client.post(f"/api/cases/{cid}/status", json={"status": "reported", "note": f"nummer {FICTITIOUS_PHONE}"},
                       headers=auth).status_code == 200
    files = [p for p in data_dir.iterdir() if p.name.startswith("cases.sqlite3")]
    assert {p.name for p in files} >= {"cases.sqlite3", "cases.sqlite3-wal"}  # WAL mode, file not yet checkpointed
    needles = [FICTITIOUS_PHONE.encode(), FICTITIOUS_PHONE.replace("-", "").encode(),
               FICTITIOUS_PHONE.encode("utf-16-le")]
    for path in files:
        content = path.read_bytes()
        assert content, path
        for needle in needles:
            assert needle not in content, f"{needle!r} in clear in {path.name}"
    # The post is there, redacted: the grep above looked at the right data.
    assert any(b"<PHONE_NUMBER>" in p.read_bytes() for p in files)


def test_no_table_holds_the_phone_number(app, client, auth, case):
    from sqlalchemy import text as sql

    store = app.extensions["piiscore_cases"]
    with store.db.engine.connect() as conn:
        for table in ("cases", "status_changes", "drafts", "evidence_items", "custody_log"):
            for row in conn.execute(sql(f"SELECT * FROM {table}")):
                for value in row:
                    raw = bytes(value) if isinstance(value, (bytes, memoryview)) else str(value).encode()
                    assert FICTITIOUS_PHONE.encode() not in raw, table


def test_evidence_is_encrypted_with_a_key_file_created_private(app, data_dir, client, auth, case):
    key_file = data_dir / "evidence.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE((data_dir / "secret.key").stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    if (data_dir / "cases.sqlite3").exists():
        assert stat.S_IMODE((data_dir / "cases.sqlite3").stat().st_mode) == 0o600
    store = app.extensions["piiscore_cases"]
    with store.db.engine.connect() as conn:
        from sqlalchemy import text as sql

        (sealed,) = conn.execute(sql("SELECT ciphertext FROM evidence_items")).one()
    assert POST_NL.encode() not in bytes(sealed)
    assert len(bytes(sealed)) == len(POST_NL.encode()) + 12 + 16  # nonce + AES-GCM tag


def test_an_evidence_key_from_the_environment_is_used(make_app, data_dir, monkeypatch):
    monkeypatch.setenv("PIISCORE_EVIDENCE_KEY", generate_key_text())
    app = make_app()
    client = app.test_client()
    auth = {"Authorization": "Bearer " + app.extensions["piiscore_keys"].add("anna")}
    cid = client.post("/api/cases", json={"text": POST_NL, "url": POST_URL}, headers=auth).get_json()["id"]
    assert not (data_dir / "evidence.key").exists()
    assert client.get(f"/api/cases/{cid}/evidence/1", headers=auth).data == POST_NL.encode()
    # Another key cannot open it, and says so without a 500.
    monkeypatch.setenv("PIISCORE_EVIDENCE_KEY", generate_key_text())
    other = make_app()
    auth2 = {"Authorization": "Bearer " + other.extensions["piiscore_keys"].add("bram")}
    response = other.test_client().get(f"/api/cases/{cid}/evidence/1", headers=auth2)
    assert response.status_code == 409
    assert "evidence key" in response.get_json()["message"]


def test_a_malformed_evidence_key_stops_the_start(make_app, monkeypatch):
    monkeypatch.setenv("PIISCORE_EVIDENCE_KEY", "too-short")
    with pytest.raises(ValueError, match="32 bytes"):
        make_app()


# -- restart ------------------------------------------------------------------------------------

def test_a_case_survives_a_restart_and_its_export_verifies(make_app, tmp_path):
    first = make_app()
    key = first.extensions["piiscore_keys"].add("anna")
    auth = {"Authorization": f"Bearer {key}"}
    client = first.test_client()
    case = client.post("/api/cases", json={"text": POST_NL, "url": POST_URL}, headers=auth).get_json()
    client.post(f"/api/cases/{case['id']}/evidence", json=evidence_body(PNG), headers=auth)
    client.post(f"/api/cases/{case['id']}/status", json={"status": "reported"}, headers=auth)
    first.extensions["piiscore_cases"].db.dispose()

    second = make_app()
    client = second.test_client()
    again = client.get(f"/api/cases/{case['id']}", headers=auth).get_json()
    assert again["status"] == "reported" and len(again["history"]) == 2
    assert [e["kind"] for e in again["evidence"]] == ["text", "screenshot"]
    assert again["text_redacted"] == case["text_redacted"]
    path = _export(client, auth, case["id"], tmp_path)
    assert cases_cli.main(["verify", str(path)]) == 0


# -- export and verify --------------------------------------------------------------------------

def test_export_holds_manifest_files_and_an_escaped_summary(client, auth, case, tmp_path):
    cid = case["id"]
    html = b"<html><body><script>alert('x')</script></body></html>"
    client.post(f"/api/cases/{cid}/evidence", json=evidence_body(PNG, captured_at="2026-02-01T10:00:00Z"), headers=auth)
    client.post(f"/api/cases/{cid}/evidence", json=evidence_body(html, "html"), headers=auth)
    client.post(f"/api/cases/{cid}/status", json={"status": "reported", "note": "<b>melding</b> verstuurd"}, headers=auth)
    path = _export(client, auth, cid, tmp_path)
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format"] == "piiscore-evidence/1"
        assert manifest["exported_by"] == "anna"
        assert [i["kind"] for i in manifest["items"]] == ["text", "screenshot", "html"]
        for item in manifest["items"]:
            assert zf.read(item["file"]) and item["sha256"] and item["captured_at"].endswith("Z")
        assert zf.read(manifest["items"][0]["file"]).decode() == POST_NL  # the original, decrypted
        assert zf.read(manifest["items"][1]["file"]) == PNG
        assert manifest["items"][1]["captured_at"] == "2026-02-01T10:00:00Z"
        assert manifest["case"]["history"][-1]["to"] == "reported"
        actions = [c["action"] for c in manifest["custody_log"]]
        assert actions.count("store") == 3 and actions.count("export") == 4  # each item + the package
        summary = zf.read("summary.html").decode()
    assert "&lt;b&gt;melding&lt;/b&gt;" in summary and "<b>melding" not in summary
    assert POST_URL in summary and manifest["items"][1]["sha256"] in summary
    assert FICTITIOUS_PHONE not in summary


def test_export_is_custody_logged_per_item(client, auth, case, tmp_path):
    _export(client, auth, case["id"], tmp_path)
    custody = client.get(f"/api/cases/{case['id']}", headers=auth).get_json()["custody_log"]
    exports = [c for c in custody if c["action"] == "export"]
    assert [(c["evidence_id"], c["moderator"]) for c in exports] == [(1, "anna"), (None, "anna")]


def test_a_modified_file_in_the_export_is_reported_tampered(client, auth, case, tmp_path, capsys):
    client.post(f"/api/cases/{case['id']}/evidence", json=evidence_body(PNG), headers=auth)
    good = _export(client, auth, case["id"], tmp_path)
    assert server_main(["verify", str(good)]) == 0  # through piiscore-server's own dispatcher
    out = capsys.readouterr().out
    assert "OK: all 3 file(s)" in out

    with zipfile.ZipFile(good) as zf:
        screenshot = next(i["file"] for i in json.loads(zf.read("manifest.json"))["items"] if i["kind"] == "screenshot")
    bad = tmp_path / "tampered.zip"
    _rewrite_member(good, bad, screenshot, lambda data: data[:-1] + bytes([data[-1] ^ 1]))
    assert server_main(["verify", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{screenshot}: TAMPERED" in out
    assert "evidence/0001-text.txt: ok" in out


def test_verify_reports_missing_extra_and_unreadable(client, auth, case, tmp_path, capsys):
    good = _export(client, auth, case["id"], tmp_path)
    missing = tmp_path / "missing.zip"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(missing, "w") as zout:
        for info in zin.infolist():
            if info.filename != "summary.html":
                zout.writestr(info, zin.read(info.filename))
        zout.writestr("evidence/extra.png", PNG)
    assert cases_cli.main(["verify", str(missing)]) == 1
    out = capsys.readouterr().out
    assert "summary.html: missing" in out and "evidence/extra.png: not listed" in out
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    assert cases_cli.main(["verify", str(junk)]) == 1
    assert "not a readable zip" in capsys.readouterr().out
    no_manifest = tmp_path / "nomanifest.zip"
    with zipfile.ZipFile(no_manifest, "w") as zf:
        zf.writestr("a.txt", "x")
    assert cases_cli.main(["verify", str(no_manifest)]) == 1


# -- retention ----------------------------------------------------------------------------------

def test_purge_deletes_evidence_past_retention_and_logs_it(make_app, tmp_path):
    app = make_app(EVIDENCE_RETENTION_DAYS=30)
    client = app.test_client()
    auth = {"Authorization": "Bearer " + app.extensions["piiscore_keys"].add("anna")}
    cid = client.post("/api/cases", json={"text": POST_NL, "url": POST_URL}, headers=auth).get_json()["id"]
    store = app.extensions["piiscore_cases"]
    now = dt.datetime.now(dt.timezone.utc)
    assert store.purge(now=now + dt.timedelta(days=29)) == []
    preview = store.purge(now=now + dt.timedelta(days=31), dry_run=True)
    assert [i["id"] for i in preview] == [1]
    assert client.get(f"/api/cases/{cid}/evidence/1", headers=auth).status_code == 200  # dry run kept it
    purged = store.purge(now=now + dt.timedelta(days=31))
    assert [i["id"] for i in purged] == [1]
    response = client.get(f"/api/cases/{cid}/evidence/1", headers=auth)
    assert response.status_code == 410 and response.is_json
    body = client.get(f"/api/cases/{cid}", headers=auth).get_json()
    assert body["evidence"][0]["purged_at"] is not None
    assert [(c["action"], c["evidence_id"], c["moderator"]) for c in body["custody_log"]][-2:] == [
        ("read", 1, "anna"), ("delete", 1, "system")]
    # An export still lists the deleted item (without a file) and verifies.
    path = _export(client, auth, cid, tmp_path)
    with zipfile.ZipFile(path) as zf:
        assert json.loads(zf.read("manifest.json"))["items"][0]["file"] is None
    assert cases_cli.main(["verify", str(path)]) == 0
    with store.db.engine.connect() as conn:
        from sqlalchemy import text as sql

        assert conn.execute(sql("SELECT ciphertext FROM evidence_items")).scalar() is None


def test_purge_command_uses_the_configured_data_dir(make_app, data_dir, monkeypatch, capsys, database_url):
    app = make_app(EVIDENCE_RETENTION_DAYS=1)
    client = app.test_client()
    auth = {"Authorization": "Bearer " + app.extensions["piiscore_keys"].add("anna")}
    assert client.post("/api/cases", json={"text": POST_NL, "url": POST_URL}, headers=auth).status_code == 201
    with app.extensions["piiscore_cases"].db.write() as session:
        from server.cases.models import EvidenceItem

        session.get(EvidenceItem, 1).retain_until = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)
    monkeypatch.setenv("PIISCORE_DATA_DIR", str(data_dir))
    if database_url:
        monkeypatch.setenv("PIISCORE_DATABASE_URL", database_url)
    from piiscore.config import reset_settings

    reset_settings()
    try:
        assert server_main(["purge", "--dry-run"]) == 0
        assert "1 item(s) would be deleted" in capsys.readouterr().out
        assert server_main(["purge"]) == 0
        assert "1 item(s) deleted" in capsys.readouterr().out
        assert server_main(["db", "current"]) == 0
        assert capsys.readouterr().out.strip() == "0001"
    finally:
        reset_settings()
