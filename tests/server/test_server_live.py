"""A real server process on loopback: `python -m server --port 0`, started by the test suite."""
import http.client
import json
import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from server_testdata import FICTITIOUS_NAME, FICTITIOUS_PHONE, POST_NL

REPO = Path(__file__).resolve().parents[2]
EXTENSION = "chrome-extension://" + "c" * 32
REQUEST_TIMEOUT = 2
LISTENING = re.compile(rb"^piiscore server listening on http://127\.0\.0\.1:(\d+)\n$")


def _read_line(stream, timeout):
    """One line from a pipe, without blocking past ``timeout``."""
    selector = selectors.DefaultSelector()
    selector.register(stream, selectors.EVENT_READ)
    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not selector.select(left):
            break
        chunk = os.read(stream.fileno(), 1)
        if not chunk:
            break
        data += chunk
    selector.close()
    return data


def _cpu_seconds(pid):
    """CPU time (user + system) a process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        payload = json.dumps(body).encode() if body is not None else None
        all_headers = {"Content-Type": "application/json"} if payload else {}
        all_headers.update(headers or {})
        conn.request(method, path, body=payload, headers=all_headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("live-data")
    env = dict(os.environ, PIISCORE_DATA_DIR=str(data_dir), PIISCORE_CORS_ORIGINS=EXTENSION,
               PIISCORE_REQUEST_TIMEOUT=str(REQUEST_TIMEOUT), PYTHONUNBUFFERED="1")
    env.pop("PIISCORE_CONFIG_FILE", None)
    added = subprocess.run([sys.executable, "-m", "server", "keys", "add", "live-tester"], cwd=REPO,
                           env=env, capture_output=True, text=True, timeout=60, check=True)
    key = added.stdout.strip().splitlines()[-1]
    stderr_path = data_dir.parent / "server-stderr.log"
    with open(stderr_path, "wb") as stderr:
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "server", "--port", "0"], cwd=REPO, env=env,
                                stdout=subprocess.PIPE, stderr=stderr)
        line = _read_line(proc.stdout, timeout=30)
        match = LISTENING.match(line)
        if not match:
            proc.kill()
            proc.wait()
            proc.stdout.close()
            pytest.fail(f"no listening line: {line!r}\n{stderr_path.read_text(errors='replace')}")
        port = int(match.group(1))
        status, _, _ = _request(port, "GET", "/health")
        ready_after = time.monotonic() - started
        yield {"port": port, "key": key, "ready_after": ready_after, "first_health": status,
               "cpu_to_ready": _cpu_seconds(proc.pid), "load": os.getloadavg()[0],
               "proc": proc, "stderr_path": stderr_path}
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)
        proc.stdout.close()


def test_ready_within_three_seconds(live):
    """Listening line printed and /health answered within 3 s of the start.

    The engine is built before the line is printed, so "ready" means ready to scan. The work it
    takes is measured as CPU time (the same on a busy machine); the wall-clock bound holds when
    the machine is not oversubscribed by other jobs (load average above the core count).
    """
    assert live["first_health"] == 200
    assert live["cpu_to_ready"] < 3.0, f"{live['cpu_to_ready']:.2f} s of CPU to get ready"
    if live["load"] <= os.cpu_count():
        assert live["ready_after"] < 3.0, f"ready after {live['ready_after']:.2f} s"


def test_health_and_scan_over_http(live):
    status, headers, body = _request(live["port"], "GET", "/health")
    assert status == 200 and json.loads(body)["status"] == "ok"
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, headers, body = _request(live["port"], "POST", "/api/scan", {"text": POST_NL},
                                     {"Authorization": f"Bearer {live['key']}"})
    assert status == 200, body
    result = json.loads(body)
    assert any(e["type"] == "PHONE_NUMBER" and e["text"] == FICTITIOUS_PHONE for e in result["entities"])
    assert headers["Cache-Control"] == "no-store"


def test_served_by_waitress_not_the_development_server(live):
    _, headers, _ = _request(live["port"], "GET", "/health")
    assert headers["Server"] == "piiscore"  # waitress's ident; Werkzeug's would name itself


def test_a_stalled_request_is_dropped_after_the_timeout(live):
    with socket.create_connection(("127.0.0.1", live["port"]), timeout=15) as sock:
        sock.sendall(b"POST /api/scan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{")
        started = time.monotonic()
        assert sock.recv(1024) == b""  # closed by the server, no answer
        assert time.monotonic() - started < REQUEST_TIMEOUT + 8


def test_unauthenticated_scan_is_401_over_http(live):
    status, _, body = _request(live["port"], "POST", "/api/scan", {"text": POST_NL})
    assert status == 401 and json.loads(body)["error"] == "unauthorized"


def test_cors_over_http(live):
    preflight = {"Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "authorization, content-type"}
    _, granted, _ = _request(live["port"], "OPTIONS", "/api/scan", headers={"Origin": EXTENSION, **preflight})
    assert granted.get("Access-Control-Allow-Origin") == EXTENSION
    _, refused, _ = _request(live["port"], "OPTIONS", "/api/scan",
                             headers={"Origin": "https://evil.example", **preflight})
    assert "Access-Control-Allow-Origin" not in refused


def test_oversized_body_is_a_json_413_over_http(live):
    status, _, body = _request(live["port"], "POST", "/api/scan", {"text": "a" * (3 * 1024 * 1024)},
                               {"Authorization": f"Bearer {live['key']}"})
    assert status == 413 and json.loads(body)["error"] == "payload_too_large"


def test_stderr_has_access_lines_but_no_post_content(live):
    # Runs last in this module: every request above has been logged by now.
    _request(live["port"], "POST", "/api/drafts", {"text": POST_NL, "kind": "dsa_notice"},
             {"Authorization": f"Bearer {live['key']}"})
    live["proc"].send_signal(signal.SIGTERM)
    assert live["proc"].wait(timeout=10) == 0
    log = live["stderr_path"].read_text(errors="replace")
    assert "POST /api/scan 200" in log and "live-tester" in log
    assert "POST /api/drafts 200" in log
    for secret in (FICTITIOUS_NAME, FICTITIOUS_PHONE, "Bakkerveld", "12345678"):
        assert secret not in log
