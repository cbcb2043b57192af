"""``piiscore-server``: run the server under waitress, manage API keys, reach the case-log tools.

    piiscore-server [--host 127.0.0.1] [--port 8765] [--threads N]
    piiscore-server keys add NAME | keys list | keys revoke NAME
    piiscore-server verify EXPORT.zip | purge ... | db ...     (the case log's commands)
"""
from __future__ import annotations

import argparse
import ipaddress
import logging
import signal
import sys

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


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="piiscore-server",
                                     description="Run the piiscore server (waitress) on loopback.",
                                     epilog="Other commands: keys add|list|revoke, verify, purge, db.")
    parser.add_argument("--host", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default 8765; 0 picks a free one)")
    parser.add_argument("--threads", type=int, help="waitress worker threads (default 8)")
    args = parser.parse_args(argv)

    from waitress.server import create_server

    from server.app import create_app

    try:
        app = create_app()
    except (ValueError, OSError) as exc:
        print(f"piiscore-server: cannot start: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    host = args.host or app.config["HOST"]
    port = app.config["PORT"] if args.port is None else args.port
    threads = args.threads or app.config["THREADS"]
    if not _is_loopback(host):
        print(f"piiscore-server: warning: listening on {host}, not loopback; the API then "
              "answers other machines (keys still required).", file=sys.stderr)
    try:
        server = create_server(
            app, host=host, port=port, threads=threads, ident="piiscore",
            # A client that stalls mid-request (slowloris) is dropped after REQUEST_TIMEOUT s;
            # waitress looks for such channels every cleanup_interval s.
            channel_timeout=app.config["REQUEST_TIMEOUT"],
            cleanup_interval=max(1, min(30, app.config["REQUEST_TIMEOUT"] // 2)),
            # A little above Flask's own limit, so Flask answers 413 in JSON first; waitress
            # only stops bodies far too large to buffer.
            max_request_body_size=app.config["MAX_CONTENT_LENGTH"] + 1024 * 1024,
            clear_untrusted_proxy_headers=True,
        )
    except OSError as exc:
        print(f"piiscore-server: cannot listen on {host}:{port}: {exc.strerror or exc}",
              file=sys.stderr)
        return 2
    # One write, so a parent reading our stdout never sees half a line.
    sys.stdout.write(f"piiscore server listening on {_url(host, server.effective_port)}\n")
    sys.stdout.flush()
    if not app.extensions["piiscore_keys"].entries():
        sys.stdout.write("No API keys yet: create one with `piiscore-server keys add NAME` "
                         "and paste it into the extension's options.\n")
        sys.stdout.flush()

    def _stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "keys":
        return keys_main(argv[1:])
    if argv and argv[0] in CASE_COMMANDS:
        from server.cases.cli import main as cases_main

        return cases_main(argv)
    return serve(argv)
