"""The dashboard in a real headless Chromium (Debian's ``chromium`` + playwright-core from
``tests/cases/browser``): log in, see the list, open a case, change its status. Screenshots are
written to ``artifacts/``."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from casedata import POST_NL, POST_URL
from serverproc import ROOT, call_api, server_env, start_server
from server.auth import KeyStore

BROWSER_DIR = Path(__file__).parent / "browser"
CHROMIUM = next((p for p in ("/usr/lib/chromium/chromium", "/usr/bin/chromium") if Path(p).exists()), None)
NODE = shutil.which("node")
# Our own install (npm ci --prefix tests/cases/browser), else the extension's (same package).
PLAYWRIGHT_DIRS = [BROWSER_DIR, ROOT / "extension"]
ARTIFACTS = ROOT / "artifacts"

pytestmark = pytest.mark.browser


def _missing() -> str | None:
    if CHROMIUM is None:
        return "Debian's chromium is not installed (apt-get install -y chromium)"
    if NODE is None:
        return "node is not installed"
    if not any((d / "node_modules" / "playwright-core").is_dir() for d in PLAYWRIGHT_DIRS):
        return "playwright-core is not installed: npm ci --prefix tests/cases/browser (no browser download)"
    return None


@pytest.fixture(autouse=True)
def _browser_available():
    reason = _missing()
    if reason and os.environ.get("PIISCORE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser test required (PIISCORE_REQUIRE_BROWSER=1) but {reason}")
    if reason:
        pytest.skip(f"browser test: {reason}")


def test_log_in_see_the_list_open_a_case_and_change_its_status(tmp_path):
    data_dir = tmp_path / "data"
    key = KeyStore.in_data_dir(data_dir).add("anna")
    proc, base = start_server(server_env(data_dir))
    try:
        code, case = call_api(f"{base}/api/cases", key, "POST",
                              {"text": POST_NL, "url": POST_URL, "platform": "x", "account_handle": "@example_account"})
        assert code == 201
        playwright_dir = next(d for d in PLAYWRIGHT_DIRS if (d / "node_modules" / "playwright-core").is_dir())
        run = subprocess.run([NODE, str(BROWSER_DIR / "dashboard.mjs"), base, key, str(case["id"]), str(ARTIFACTS)],
                             cwd=BROWSER_DIR, capture_output=True, text=True, timeout=120,
                             env={**os.environ, "PLAYWRIGHT_DIR": str(playwright_dir)})
        lines = run.stdout.strip().splitlines()
        assert lines, run.stderr[-2000:]
        result = json.loads(lines[-1])
        assert run.returncode == 0 and result["ok"], result["error"]
        seen = result["seen"]
        assert seen["loginUrl"] == "/login"
        assert seen["rows"] == 1 and case["risk"]["level"] in seen["listText"]
        assert seen["cookie"]["httpOnly"] is True and seen["cookie"]["sameSite"] == "Strict"
        assert seen["title"].startswith(f"Case {case['id']}")
        assert seen["flash"] == "Status changed to reported."
        assert seen["statusBadge"] == "reported"
        assert "DSA notice sent through the platform form" in seen["history"]
        assert seen["afterLogout"] == "/login"
        assert seen["consoleErrors"] == []  # no CSP violation, no script error
        code, after = call_api(f"{base}/api/cases/{case['id']}", key)
        assert [(h["to"], h["moderator"]) for h in after["history"]] == [("new", "anna"), ("reported", "anna")]
        for name in ("dashboard-1-login.png", "dashboard-2-list.png", "dashboard-3-case.png",
                     "dashboard-4-status-changed.png"):
            assert (ARTIFACTS / name).stat().st_size > 5000
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
        proc.stdout.close()
