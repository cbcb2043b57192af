"""``piiscore-server``: run the server under waitress, manage API keys, reach the case-log tools.

    piiscore-server [--host 127.0.0.1] [--port 8765] [--threads N] [--workers N]
    piiscore-server keys add NAME | keys list | keys revoke NAME
    piiscore-server verify EXPORT.zip | purge ... | db ...     (the case log's commands)
"""
from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import signal
import sys
import time

from server.auth import KeyStore, KeyStoreError

CASE_COMMANDS = ("verify", "purge", "db")


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _key_store() -> KeyStore:
    from server.app import load_config

    return KeyStore.in_data_dir(load_config()["DATA_DIR"])


def keys_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="piiscore-server keys",
                                     description="Per-moderator API keys (only hashes are stored).")
    sub = parser.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help="create a key for a moderator and print it once")
    add.add_argument("name")
    sub.add_parser("list", help="list key names and creation times")
    revoke = sub.add_parser("revoke", help="revoke a moderator's key")
    revoke.add_argument("name")
    args = parser.parse_args(argv)
    try:
        store = _key_store()
        if args.action == "add":
            key = store.add(args.name)
            print(f"New API key for {args.name}, stored only as a hash in {store.path}.")
            print("It is shown once: paste it into the extension's options now.")
            print(key, flush=True)
        elif args.action == "list":
            entries = store.names()
            if not entries:
                print("No API keys yet: create one with `piiscore-server keys add NAME`.")
            for entry in entries:
                print(f"{entry['name']}\t{entry['created_at']}")
        else:
            if not store.revoke(args.name):
                print(f"No key named {args.name!r}.", file=sys.stderr)
                return 1
            print(f"Revoked the key of {args.name}.")
    except KeyStoreError as exc:
        print(f"piiscore-server keys: {exc}", file=sys.stderr)
        return 1
    return 0


class _OncePerMinute(logging.Filter):
    """Passes one record a minute. waitress warns "Task queue depth is N" for every request that
    waits for a thread, which under steady load is every request: one line a minute still shows
    that requests queue, without a log write per request."""

    def __init__(self):
        super().__init__()
        self._next = 0.0

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        if now < self._next:
            return False
        self._next = now + 60
        return True


class LineWriteHandler(logging.Handler):
    """Writes each record as one line with one ``os.write`` on a file descriptor, without a lock.

    A StreamHandler holds its lock around write and flush; with a worker's threads all logging
    their access line, they queued on that lock (a fifth of a worker's time under load). One
    ``write(2)`` of a whole line needs no lock: the kernel does not interleave it with another
    line on a pipe (lines are far below PIPE_BUF), a terminal or an O_APPEND file.
    """

    def __init__(self, fd: int):
        super().__init__()
        self.fd = fd

    def handle(self, record: logging.LogRecord) -> bool:
        rv = self.filter(record)
        if rv:
            self.emit(record)
        return bool(rv)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            data = (self.format(record) + "\n").encode("utf-8", "backslashreplace")
            while data:
                data = data[os.write(self.fd, data):]
        except Exception:
            self.handleError(record)


def _stderr_fd() -> int | None:
    try:
        sys.stderr.flush()
        return sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # replaced by a test harness, or closed
        return None


def _configure_logging(workers: int) -> None:
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    if workers > 1:
        fmt = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"
    fd = _stderr_fd()
    handlers = None
    if fd is not None:
        handler = LineWriteHandler(fd)
        handler.setFormatter(logging.Formatter(fmt))
        handlers = [handler]
    logging.basicConfig(level=logging.INFO, format=fmt,
                        **({"handlers": handlers} if handlers else {"stream": sys.stderr}))
    # Per-record costs the format never shows (the logging HOWTO's "Optimization"): the caller's
    # file and line (a stack walk per record), the thread and multiprocessing names.
    logging._srcfile = None
    logging.logThreads = False
    logging.logMultiprocessing = False
    logging.getLogger("waitress.queue").addFilter(_OncePerMinute())


def _case_engine(app):
    store = app.extensions.get("piiscore_cases")
    return getattr(getattr(store, "db", None), "engine", None)


def default_threads(workers: int) -> int:
    """waitress threads per worker when none are configured (docs/server.md, "Threads").

    With two or more workers, one: a worker then serves its requests one after another in the
    order they came, at the same throughput as 8 threads, and p99 under load fell from about
    50 ms to about 30 ms (threads of one process take the GIL in no particular order). A long
    request holds up the ones behind it on its worker; the other workers go on serving. With
    one worker, 8: there one long request would otherwise hold up the whole server.
    """
    return 1 if workers > 1 else 8


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="piiscore-server",
                                     description="Run the piiscore server (waitress) on loopback.",
                                     epilog="Other commands: keys add|list|revoke, verify, purge, db.")
    parser.add_argument("--host", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default 8765; 0 picks a free one)")
    parser.add_argument("--threads", type=int,
                        help="waitress threads per worker (default: 1 with two or more workers, "
                             "8 with one)")
    parser.add_argument("--workers", type=int,
                        help="worker processes sharing the socket (default: one per CPU, at most 2)")
    args = parser.parse_args(argv)

    from waitress.adjustments import Adjustments
    from waitress.server import create_server

    from server import prefork
    from server.app import create_app

    try:
        app = create_app()
    except (ValueError, OSError) as exc:
        print(f"piiscore-server: cannot start: {exc}", file=sys.stderr)
        return 2
    host = args.host or app.config["HOST"]
    port = app.config["PORT"] if args.port is None else args.port
    workers = app.config["WORKERS"] if args.workers is None else args.workers
    if workers <= 0:
        workers = prefork.default_workers()
    _configure_logging(workers)
    if workers > 1 and not prefork.can_fork():
        print("piiscore-server: warning: worker processes need fork (Linux); running one.",
              file=sys.stderr)
        workers = 1
    threads = args.threads or app.config["THREADS"] or default_threads(workers)
    if not _is_loopback(host):
        print(f"piiscore-server: warning: listening on {host}, not loopback; the API then "
              "answers other machines (keys still required).", file=sys.stderr)
    options = dict(
        threads=threads, ident="piiscore",
        # A client that stalls mid-request (slowloris) is dropped after REQUEST_TIMEOUT s;
        # waitress looks for such channels every cleanup_interval s.
        channel_timeout=app.config["REQUEST_TIMEOUT"],
        cleanup_interval=max(1, min(30, app.config["REQUEST_TIMEOUT"] // 2)),
        # A little above Flask's own limit, so Flask answers 413 in JSON first; waitress
        # only stops bodies far too large to buffer.
        max_request_body_size=app.config["MAX_CONTENT_LENGTH"] + 1024 * 1024,
        clear_untrusted_proxy_headers=True,
    )
    try:
        adjustments = Adjustments(host=host, port=port, **options)
        # Bound once, here; every worker serves these sockets.
        sockets = prefork.bind_sockets(adjustments.listen, adjustments.backlog)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        print(f"piiscore-server: cannot listen on {host}:{port}: {reason}", file=sys.stderr)
        return 2
    bound_port = sockets[0].getsockname()[1]

    def serve_worker(slot: int | None = None, balance=None) -> None:
        server = create_server(app, sockets=sockets, **options)
        if balance is not None:
            balance.install(server, slot)
        try:
            server.run()  # returns after SIGTERM/SIGINT (KeyboardInterrupt), threads stopped
        finally:
            server.close()

    def announce() -> None:
        # One write, so a parent reading our stdout never sees half a line.
        sys.stdout.write(f"piiscore server listening on {_url(host, bound_port)}\n")
        sys.stdout.flush()
        if not app.extensions["piiscore_keys"].entries():
            sys.stdout.write("No API keys yet: create one with `piiscore-server keys add NAME` "
                             "and paste it into the extension's options.\n")
            sys.stdout.flush()

    try:
        if workers == 1:
            signal.signal(signal.SIGTERM, _stop)
            announce()
            try:
                serve_worker()
            except KeyboardInterrupt:
                pass
            return 0
        engine = _case_engine(app)
        supervisor = prefork.Supervisor(
            workers, lambda slot: serve_worker(slot, supervisor.balance),
            # The parent keeps no database connection; each worker opens its own (SQLAlchemy's
            # advice for forked processes: dispose(close=False) in the child).
            before_fork=engine.dispose if engine is not None else None,
            after_fork=(lambda: engine.dispose(close=False)) if engine is not None else None)
        supervisor.start()
        announce()
        return supervisor.run()
    finally:
        for sock in sockets:
            sock.close()


def _stop(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "keys":
        return keys_main(argv[1:])
    if argv and argv[0] in CASE_COMMANDS:
        from server.cases.cli import main as cases_main

        return cases_main(argv)
    return serve(argv)
