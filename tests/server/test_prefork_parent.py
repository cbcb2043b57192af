"""A worker never outlives the server's parent process (server/prefork.py).

Two mechanisms, each tested on its own: the kernel's parent-death signal, and the worker's
own watch of its parent id, which also covers a kernel or sandbox that does not deliver the
signal, and a graceful stop that hangs.
"""
import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prefork is Linux only")


def _state(pid):
    """The /proc state letter, or None when the process is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


def _running(pid):
    return _state(pid) not in (None, "Z", "X")


def _middle_and_grandchild(grandchild_code):
    """Start a middle process that forks a grandchild running ``grandchild_code``; both pids."""
    script = textwrap.dedent("""
        import os, sys, time
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            try:
                exec(sys.argv[1])
            finally:
                os._exit(0)
        print(pid, flush=True)
        time.sleep(60)
    """)
    middle = subprocess.Popen([sys.executable, "-c", script, textwrap.dedent(grandchild_code)],
                              cwd=REPO, stdout=subprocess.PIPE, text=True)
    grandchild = int(middle.stdout.readline())
    return middle, grandchild


def _wait_gone(pid, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _running(pid):
        time.sleep(0.05)
    return not _running(pid)


def _kill_middle(middle):
    middle.kill()
    middle.wait()
    middle.stdout.close()


def test_parent_death_signal_is_armed_and_checked():
    out = subprocess.run(
        [sys.executable, "-c",
         "import os; from server.prefork import _set_parent_death_signal as s; "
         "print(s(os.getppid()))"],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "True"


@contextlib.contextmanager
def _orphaned(grandchild_code, ready):
    """Start a grandchild running ``grandchild_code`` (which prints ``ready`` when set up), kill
    its parent with SIGKILL and yield its pid; SIGKILL it afterwards if it is still there."""
    middle, grandchild = _middle_and_grandchild(grandchild_code)
    try:
        assert middle.stdout.readline().strip() == ready
        _kill_middle(middle)
        yield grandchild
    finally:
        if middle.poll() is None:
            _kill_middle(middle)
        if _running(grandchild):
            os.kill(grandchild, signal.SIGKILL)


@pytest.mark.parametrize("setup", [
    # the kernel's parent-death signal alone
    "from server.prefork import _set_parent_death_signal\n"
    "assert _set_parent_death_signal(parent)",
    # no parent-death signal: only the watch thread notices and sends SIGTERM
    "from server.prefork import _watch_parent\n"
    "_watch_parent(parent, interval=0.1)",
], ids=["kernel-signal", "watch-thread"])
def test_an_orphaned_worker_stops(setup):
    with _orphaned(f"import time\n{setup}\nprint('ready', flush=True)\ntime.sleep(60)\n",
                   "ready") as grandchild:
        assert _wait_gone(grandchild, 10), _state(grandchild)


def test_the_watch_ends_a_worker_whose_graceful_stop_hangs():
    # SIGTERM is ignored, as if the graceful stop hung: the watch exits the process itself.
    code = """
        import signal, time
        from server.prefork import _watch_parent
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        _watch_parent(parent, interval=0.1, grace=3)
        print("watching", flush=True)
        time.sleep(60)
    """
    with _orphaned(code, "watching") as grandchild:
        time.sleep(0.5)
        assert _running(grandchild)  # SIGTERM sent and ignored; the grace runs
        assert _wait_gone(grandchild, 10), _state(grandchild)
