"""What the HTTP path costs without the scan: POST /api/scan with the scan stubbed out.

Starts one waitress process (8 threads) serving the real app, in which ``piiscore.scan`` is
replaced by a lookup of results computed before the server starts, for exactly the posts
``load_scan.py`` sends. Every hook still runs (key check, rate limit, limits, JSON parsing,
UTF-16 offsets, jsonify, security headers, the access line). Then runs load_scan's clients
against it and prints throughput, latency and the server's CPU time per request. ``--real``
serves the real scan in the same one-process setup, for comparison; ``--bare`` serves a bare
WSGI function instead of the app (reads the body, answers 1.5 KB of JSON): waitress's own cost.

    python benchmarks/http_floor.py [--real | --bare] [--clients 16] [--duration 10]

Single process, on purpose: it uses one core, so CPU per request is what one worker spends.
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from load_scan import make_posts, percentile, run_clients  # noqa: E402


_BARE_BODY = b'{"ok":"' + b"x" * 1500 + b'"}'


def bare_app(environ, start_response):
    """No Flask, no hooks: what waitress itself costs per request."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if length:
        environ["wsgi.input"].read(length)
    start_response("200 OK", [("Content-Type", "application/json"),
                              ("Content-Length", str(len(_BARE_BODY)))])
    return [_BARE_BODY]


def serve(port: int, real: bool, bare: bool = False) -> None:
    from waitress import create_server

    if bare:
        server = create_server(bare_app, host="127.0.0.1", port=port, threads=8)
        print("ready", flush=True)
        server.run()
        return

    import piiscore

    from server.app import create_app

    app = create_app()
    if not real:
        scan = piiscore.scan
        results = {text: scan(text) for text in make_posts(500)}
        piiscore.scan = lambda text, language=None, **kw: results.get(text) or scan(text, language, **kw)
    server = create_server(app, host="127.0.0.1", port=port, threads=8)
    print("ready", flush=True)   # bound and listening: clients may connect now
    server.run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--real", action="store_true", help="serve the real scan instead")
    mode.add_argument("--bare", action="store_true", help="serve a bare WSGI function instead")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)  # the server side
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve, args.real, args.bare)
        return 0

    with tempfile.TemporaryDirectory(prefix="piiscore-floor-") as data:
        env = dict(os.environ, PIISCORE_DATA_DIR=data, PIISCORE_RATE_LIMIT="0")
        added = subprocess.run([sys.executable, "-m", "server", "keys", "add", "bench"], cwd=REPO,
                               env=env, capture_output=True, text=True, check=True)
        key = added.stdout.strip().splitlines()[-1]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        cmd = [sys.executable, __file__, "--serve", str(port)] + (
            ["--real"] if args.real else ["--bare"] if args.bare else [])
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
        try:
            if proc.stdout.readline().strip() != b"ready":
                raise SystemExit("the server did not start")
            result = run_clients(f"http://127.0.0.1:{port}", key, args.clients, args.duration,
                                 args.warmup, "scan", proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            proc.stdout.close()
    lat = result["latencies"]
    cpu = result.get("server_cpu_seconds")
    what = "real scan" if args.real else "bare WSGI app" if args.bare else "scan stubbed out"
    print(f"POST /api/scan, {what}, one process, "
          f"{args.clients} clients, {args.duration:g} s")
    print(f"  requests {len(lat)}  errors {result['errors']}  "
          f"throughput {len(lat) / args.duration:.1f} req/s")
    if lat:
        print(f"  latency p50 {percentile(lat, 0.50) * 1000:.2f} ms  "
              f"p99 {percentile(lat, 0.99) * 1000:.2f} ms")
    if cpu and lat:
        print(f"  server CPU {cpu * 1000 / len(lat):.2f} ms per request")
    return 0 if lat and not result["errors"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
