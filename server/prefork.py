"""Pre-forked waitress workers sharing one listening socket (``piiscore-server --workers N``).

One process runs Python under one GIL, so one waitress process uses one core however many
threads it has. The parent builds the app and warms the engine once, binds the socket once,
then forks the workers: each serves the inherited socket with its own waitress threads, and the
engine, the lists and the rest of the parent's memory are shared copy-on-write.

The parent serves nothing. It waits for signals: a worker that dies is replaced (at most once a
second per worker), SIGTERM or SIGINT is passed on to the workers, which finish and exit, and
then the parent exits. Workers ask the kernel for SIGTERM when the parent dies
(``PR_SET_PDEATHSIG``) and also look at their parent id twice a second, so none outlives it.
Linux only; elsewhere ``serve`` runs one worker in-process.
"""
from __future__ import annotations

import ctypes
import gc
import logging
import mmap
import os
import signal
import socket
import sys
import threading
import time

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
PR_GET_PDEATHSIG = 2
PARENT_WATCH_SECONDS = 0.5
STOP_GRACE_SECONDS = 10
_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
_WATCHED = {getattr(signal, "SIGCHLD", signal.SIGTERM), *_STOP_SIGNALS}  # no SIGCHLD: no fork
_GONE = 2**62  # the open-connection count of a worker slot with no running worker


class ConnectionBalance:
    """Open-connection counts of the workers in shared memory; only the least loaded accepts.

    A client's keep-alive connection stays with the worker that accepted it, and when many
    clients connect at once the worker the scheduler runs first would take most of them. Each
    worker publishes its count whenever waitress builds its select set, and offers to accept
    only while no other worker has fewer connections. The least loaded worker always accepts,
    so a connection never waits for one that holds back (which looks again within a second).
    """

    def __init__(self, workers: int):
        self._counts = memoryview(mmap.mmap(-1, 8 * workers)).cast("q")
        for slot in range(workers):
            self._counts[slot] = _GONE

    def gone(self, slot: int) -> None:
        self._counts[slot] = _GONE

    def install(self, server, slot: int) -> None:
        """Make the waitress ``server``'s listening sockets accept only when this worker is least loaded."""
        from waitress.server import BaseWSGIServer

        socket_map = getattr(server, "map", None) or server._map
        listeners = [obj for obj in list(socket_map.values()) if isinstance(obj, BaseWSGIServer)]
        counts = self._counts
        others = [i for i in range(len(counts)) if i != slot]
        counts[slot] = 0
        for listener in listeners:
            listener.readable = _balanced(listener.readable, listeners, counts, slot, others)


def _balanced(readable, listeners, counts, slot, others):
    def balanced_readable() -> bool:
        accepting = readable()  # waitress's own check (connection limit, channel clean-up)
        mine = sum(len(listener.active_channels) for listener in listeners)
        counts[slot] = mine
        return accepting and all(mine <= counts[i] for i in others)
    return balanced_readable


def can_fork() -> bool:
    return (hasattr(os, "fork") and hasattr(signal, "sigtimedwait")
            and hasattr(signal, "pthread_sigmask") and sys.platform.startswith("linux"))


def default_workers() -> int:
    """One per CPU this process may run on, at most 2 (see docs/server.md, "Workers")."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 2)) if can_fork() else 1


def bind_sockets(listen: list[tuple], backlog: int) -> list[socket.socket]:
    """Listening sockets for waitress's resolved ``listen`` entries; port 0 picks one port for all.

    They listen at once, so a client that connects before a worker runs waits in the backlog.
    """
    sockets: list[socket.socket] = []
    port = None
    try:
        for family, socktype, proto, sockaddr in listen:
            sock = socket.socket(family, socktype, proto)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            if port is not None and sockaddr[1] == 0:
                sockaddr = (sockaddr[0], port, *sockaddr[2:])
            sock.bind(sockaddr)
            sock.listen(backlog)
            port = sock.getsockname()[1]
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


def _set_parent_death_signal(parent: int) -> bool:
    """Ask the kernel for SIGTERM when the parent dies; False when it could not be armed."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the running program's libc; no ldconfig run
        armed = libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0) == 0
        got = ctypes.c_int(0)
        armed = armed and libc.prctl(PR_GET_PDEATHSIG, ctypes.byref(got), 0, 0, 0) == 0
        armed = armed and got.value == int(signal.SIGTERM)
    except (OSError, AttributeError):
        armed = False
    if not armed:
        log.warning("cannot ask the kernel to stop this worker with the parent; "
                    "the parent watch alone will do it")
    if os.getppid() != parent:  # the parent died before prctl took effect
        os.kill(os.getpid(), signal.SIGTERM)
    return armed


def _watch_parent(parent: int, interval: float = PARENT_WATCH_SECONDS,
                  grace: float = STOP_GRACE_SECONDS) -> threading.Thread:
    """A daemon thread that stops this worker if its parent is gone.

    Belt and braces for the parent-death signal: it also covers a kernel or sandbox that does
    not deliver it. It sends SIGTERM (a graceful stop, like the signal would) and, if the worker
    still runs ``grace`` seconds later, ends it with ``os._exit``.
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(grace)
        log.error("worker did not stop %g s after its parent died; exiting", grace)
        os._exit(1)

    thread = threading.Thread(target=watch, name="piiscore-parent-watch", daemon=True)
    thread.start()
    return thread


class Supervisor:
    """Forks ``workers`` processes running ``serve_worker(slot)`` and keeps them running."""

    def __init__(self, workers: int, serve_worker, before_fork=None, after_fork=None):
        self.workers = workers
        self.serve_worker = serve_worker   # called in the worker with its slot number
        self.balance = ConnectionBalance(workers)
        self.after_fork = after_fork
        self.before_fork = before_fork
        self.children: dict[int, int] = {}      # pid -> worker slot
        self.not_before = [0.0] * workers       # earliest restart time per slot
        self.stopping = False

    # -- in the worker -----------------------------------------------------------------------
    def _run_child(self, parent: int, slot: int) -> None:
        code = 1
        try:
            signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
            signal.signal(signal.SIGINT, _raise_keyboard_interrupt)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _WATCHED)
            _set_parent_death_signal(parent)
            _watch_parent(parent)
            if self.after_fork:
                self.after_fork()
            self.serve_worker(slot)
            code = 0
        except KeyboardInterrupt:
            code = 0
        except BaseException as exc:  # never return into the parent's code
            log.error("worker %d stopped by %s", slot, type(exc).__name__)
        finally:
            try:
                logging.shutdown()
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)

    # -- in the parent -----------------------------------------------------------------------
    def _spawn(self, slot: int) -> None:
        parent = os.getpid()
        # Nothing buffered may be inherited: a worker would write it again.
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            self._run_child(parent, slot)
        self.children[pid] = slot
        self.not_before[slot] = time.monotonic() + 1.0

    def _reap(self) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                self.children.clear()
                return
            if pid == 0:
                return
            slot = self.children.pop(pid, None)
            if slot is not None:
                self.balance.gone(slot)
            if slot is not None and not self.stopping:
                if os.WIFSIGNALED(status):
                    how = f"signal {os.WTERMSIG(status)}"
                else:
                    how = f"exit status {os.waitstatus_to_exitcode(status)}"
                log.warning("worker %d (pid %d) ended by %s; starting another", slot, pid, how)

    def _missing_slots(self) -> list[int]:
        running = set(self.children.values())
        return [slot for slot in range(self.workers) if slot not in running]

    def start(self) -> None:
        """Fork the workers. Call before printing the listening line."""
        signal.pthread_sigmask(signal.SIG_BLOCK, _WATCHED)
        if self.before_fork:
            self.before_fork()
        # Objects built so far are never collected: the collector then does not write to their
        # pages, which stay shared with the workers. (No gc.collect() first: it costs 0.1 s of
        # start-up for little garbage.)
        gc.freeze()
        for slot in range(self.workers):
            self._spawn(slot)

    def run(self) -> int:
        """Supervise until SIGTERM/SIGINT; returns the exit status."""
        while not self.stopping:
            info = signal.sigtimedwait(_WATCHED, 1.0)
            if info is not None and info.si_signo in _STOP_SIGNALS:
                self.stopping = True
                break
            self._reap()
            now = time.monotonic()
            for slot in self._missing_slots():
                if now >= self.not_before[slot]:
                    try:
                        self._spawn(slot)
                    except OSError as exc:  # out of memory or processes: try again in a second
                        log.error("cannot start worker %d: %s", slot, exc.strerror or exc)
                        self.not_before[slot] = now + 1.0
        return self.stop()

    def stop(self) -> int:
        self.stopping = True
        for pid in list(self.children):
            _kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        while self.children and time.monotonic() < deadline:
            self._reap()
            if self.children:
                signal.sigtimedwait({signal.SIGCHLD}, 0.1)
        for pid in list(self.children):
            log.warning("worker pid %d did not stop in %d s; killing it", pid, STOP_GRACE_SECONDS)
            _kill(pid, signal.SIGKILL)
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
            self.children.pop(pid, None)
        return 0


def _kill(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt
