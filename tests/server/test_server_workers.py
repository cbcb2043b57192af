"""`piiscore-server --workers 2`: pre-forked workers on one socket, supervised by the parent.

The server runs with WORKER_HEADER on (a test-only setting), so every answer names the process
that served it. Each request below opens its own connection, so the kernel hands them to either
worker.
"""
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from server_testdata import POST_NL

REPO = Path(__file__).resolve().parents[2]
RATE_LIMIT = 40
LISTENING = re.compile(rb"^piiscore server listening on http://127\.0\.0\.1:(\d+)\n$")


def _request(port, method, path, body=None, key=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        headers = {}
        payload = None
        if body is not None:
            payload = body if isinstance(body, bytes) else json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if key:
            headers["Authorization"] = f"Bearer {key}"
        conn.request(method, path, body=payload, headers=headers)
        response = conn.getresponse()
        return response.status, response.getheader("X-Piiscore-Worker"), response.read()
    finally:
        conn.close()


def _children(pid):
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return sorted(found)


def _alive(pid):
    """Running (not gone, not a zombie waiting for a reaper)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _describe(pids):
    """What the kernel says of processes that should be gone, for a failure message."""
    lines = []
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
            wchan = {t.name: Path(t, "wchan").read_text() for t in Path(f"/proc/{pid}/task").iterdir()}
            lines.append(f"pid {pid}: state {fields.get('State')}, ppid {fields.get('PPid')}, "
                         f"pending {fields.get('SigPnd')}/{fields.get('ShdPnd')}, "
                         f"blocked {fields.get('SigBlk')}, caught {fields.get('SigCgt')}, "
                         f"threads waiting in {wchan}")
        except OSError:
            lines.append(f"pid {pid}: gone")
    return "; ".join(lines)


def _wait_for(predicate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    return predicate()


def _add_key(env, name):
    added = subprocess.run([sys.executable, "-m", "server", "keys", "add", name], cwd=REPO,
                           env=env, capture_output=True, text=True, timeout=60, check=True)
    return added.stdout.strip().splitlines()[-1]


def _start(env, *args):
    proc = subprocess.Popen([sys.executable, "-m", "server", "--port", "0", *args], cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line = proc.stdout.readline()
    match = LISTENING.match(line)
    if not match:
        proc.kill()
        proc.wait()
        pytest.fail(f"no listening line: {line!r}")
    return proc, int(match.group(1))


def _serving_pids(port, want, tries=400):
    """Worker pids seen over fresh connections, until ``want`` distinct ones (or ``tries``)."""
    seen = set()
    for _ in range(tries):
        status, worker, _ = _request(port, "GET", "/health")
        assert status == 200
        seen.add(int(worker))
        if len(seen) >= want:
            break
    return seen


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("workers-data")
    env = dict(os.environ, PIISCORE_DATA_DIR=str(data_dir), PIISCORE_WORKER_HEADER="true",
               PIISCORE_RATE_LIMIT=str(RATE_LIMIT), PYTHONUNBUFFERED="1")
    env.pop("PIISCORE_CONFIG_FILE", None)
    return env


@pytest.fixture(scope="module")
def server(env):
    keys = {name: _add_key(env, name) for name in ("anna", "bram", "chris")}
    proc, port = _start(env, "--workers", "2")
    yield {"proc": proc, "port": port, "keys": keys}
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    proc.stdout.close()


def test_two_workers_forked_by_the_server_both_serve(server):
    proc = server["proc"]
    workers = _wait_for(lambda: len(_children(proc.pid)) == 2 and _children(proc.pid))
    assert len(workers) == 2
    assert _serving_pids(server["port"], 2) == set(workers)
    status, worker, body = _request(server["port"], "POST", "/api/scan", {"text": POST_NL},
                                    server["keys"]["anna"])
    assert status == 200 and int(worker) in workers
    assert any(e["type"] == "PHONE_NUMBER" for e in json.loads(body)["entities"])


def test_rate_limit_holds_across_workers(server):
    key = server["keys"]["bram"]
    statuses, served_by = [], set()
    for _ in range(RATE_LIMIT + 15):
        # An empty object is a 400 from the view, after the limit has counted the request.
        status, worker, _ = _request(server["port"], "POST", "/api/scan", b"{}", key)
        statuses.append(status)
        served_by.add(worker)
    assert len(served_by) == 2, "every worker must have taken part"
    assert statuses.count(400) == RATE_LIMIT
    assert statuses[RATE_LIMIT:] == [429] * 15


def test_a_case_created_through_one_worker_is_read_through_the_others(server):
    key = server["keys"]["chris"]
    status, _, body = _request(server["port"], "POST", "/api/cases",
                               {"text": POST_NL, "url": "https://x.com/example_account/status/1"},
                               key)
    assert status == 201, body
    case_id = json.loads(body)["id"]
    readers = set()
    for _ in range(200):
        status, worker, body = _request(server["port"], "GET", f"/api/cases/{case_id}", key=key)
        assert status == 200 and json.loads(body)["id"] == case_id
        readers.add(worker)
        if len(readers) == 2:
            break
    assert len(readers) == 2


def test_keep_alive_connections_are_spread_evenly_over_the_workers(server):
    """Each worker accepts only while no other holds fewer open connections."""
    conns, served_by = [], []
    try:
        for _ in range(12):
            conn = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=20)
            conns.append(conn)
            conn.request("GET", "/health")
            response = conn.getresponse()
            response.read()
            served_by.append(response.getheader("X-Piiscore-Worker"))
        for conn, worker in zip(conns, served_by):  # a keep-alive connection keeps its worker
            conn.request("GET", "/health")
            response = conn.getresponse()
            response.read()
            assert response.getheader("X-Piiscore-Worker") == worker
    finally:
        for conn in conns:
            conn.close()
    counts = sorted(served_by.count(worker) for worker in set(served_by))
    assert len(counts) == 2 and counts[1] - counts[0] <= 2, counts


def test_a_killed_worker_is_replaced(server):
    proc = server["proc"]
    before = _wait_for(lambda: len(_children(proc.pid)) == 2 and _children(proc.pid))
    victim = before[0]
    os.kill(victim, signal.SIGKILL)
    after = _wait_for(lambda: (lambda c: len(c) == 2 and victim not in c and c)(_children(proc.pid)))
    assert after and victim not in after and before[1] in after
    replacement = (set(after) - set(before)).pop()
    assert replacement in _serving_pids(server["port"], 2)
    assert proc.poll() is None


def test_sigterm_stops_the_parent_and_every_worker(env):
    proc, port = _start(env, "--workers", "2")
    try:
        workers = _wait_for(lambda: len(_children(proc.pid)) == 2 and _children(proc.pid))
        assert len(workers) == 2
        assert _request(port, "GET", "/health")[0] == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
        assert _wait_for(lambda: not any(_alive(pid) for pid in workers), timeout=5)
        rest = proc.stdout.read()
        assert b"listening on" not in rest  # the line was printed once, by the parent
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()


def test_workers_stop_when_the_parent_is_killed(env):
    proc, port = _start(env, "--workers", "2")
    try:
        workers = _wait_for(lambda: len(_children(proc.pid)) == 2 and _children(proc.pid))
        assert len(workers) == 2
        proc.kill()  # no chance to forward anything: the kernel's parent-death signal does it
        proc.wait()
        gone = _wait_for(lambda: not any(_alive(pid) for pid in workers), timeout=15)
        assert gone, _describe(workers)
    finally:
        for pid in _children(proc.pid):
            os.kill(pid, signal.SIGKILL)
        proc.stdout.close()


def test_one_worker_runs_in_the_server_process_itself(env):
    proc, port = _start(env, "--workers", "1")
    try:
        status, worker, _ = _request(port, "GET", "/health")
        assert status == 200 and int(worker) == proc.pid
        assert _children(proc.pid) == []
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
