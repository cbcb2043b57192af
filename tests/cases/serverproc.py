"""A piiscore server in a subprocess, and a tiny JSON client for it (tests only)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def server_env(data_dir, database_url: str | None = None) -> dict:
    """The environment for a server on ``data_dir``: no PIISCORE_* setting leaks in from outside."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIISCORE_")}
    env.update(PIISCORE_DATA_DIR=str(data_dir), PIISCORE_WARM_ENGINE="false", PIISCORE_RATE_LIMIT="0",
               PYTHONUNBUFFERED="1")
    if database_url:
        env["PIISCORE_DATABASE_URL"] = database_url
    return env


def start_server(env: dict) -> tuple[subprocess.Popen, str]:
    """Start ``python -m server --port 0`` and return it with its base URL once it listens."""
    log = tempfile.TemporaryFile(mode="w+")  # the server's stderr, shown if it does not start
    proc = subprocess.Popen([sys.executable, "-m", "server", "--port", "0", "--threads", "4"], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=log, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if "listening on" in line:
            log.close()
            return proc, line.strip().rsplit(" ", 1)[-1]
        if not line and proc.poll() is not None:
            break
    proc.kill()
    proc.wait()
    proc.stdout.close()
    log.seek(0)
    stderr = log.read()[-2000:]
    log.close()
    raise AssertionError(f"the server did not start:\n{stderr}")


def call_api(url: str, key: str, method: str = "GET", body: dict | None = None):
    request = urllib.request.Request(url, method=method, headers={"Authorization": f"Bearer {key}",
                                                                  "Content-Type": "application/json"},
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read())
