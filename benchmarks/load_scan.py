"""Load test for POST /api/scan over real HTTP on loopback.

Starts ``python -m server`` itself (a temporary data folder, a fresh API key, no rate limit),
then runs N client threads, each with its own keep-alive ``http.client`` connection, sending
280-character fictitious posts back to back for a fixed duration. Prints latency percentiles,
throughput, errors, the CPU time the server and this load generator used per request, the
server's memory (RSS and PSS of the parent and each worker; PSS splits the copy-on-write pages
the workers share with the parent) and how long the server took to be ready.

    python benchmarks/load_scan.py                      # 16 clients, 20 s
    python benchmarks/load_scan.py --clients 4 --duration 5 --threads 4 --workers 1
    python benchmarks/load_scan.py --url http://127.0.0.1:8765 --key pk_...   # a running server
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
POST_CHARS = 280

# Fictitious people, places and numbers; recombined so no two consecutive posts are equal.
_NAMES = ["Sanne Bakkerveld", "Joris van Dijkhuizen", "Fatima El Khattabi", "Pieter de Roozendaal",
          "Lotte Verhoevenaar", "Emma Hoogstraten", "Noah Kuipersma"]
_ROLES = ["jeugdbeschermer", "gezinsvoogd", "medewerker van Veilig Thuis", "wijkagent", "juf"]
_STREETS = ["Kerkstraat", "Dorpsweg", "Laan van Meerdervoort", "Molenstraat", "Stationsplein"]
_CITIES = ["Rotterdam", "Utrecht", "Zwolle", "Tilburg", "Groningen", "Den Haag"]
_TEMPLATES = [
    "Dit is {role} {name} die onze kinderen heeft weggehaald. Ze woont op {street} {nr}, "
    "{pc} {city}. Bel haar maar op 06-{phone} en laat weten wat je ervan vindt. We weten waar je "
    "woont en we komen langs. Deel dit bericht zodat iedereen weet wie zij is!! ",
    "Weet iemand waar {name} ({role}) woont? Ergens rond de {street} in {city}, auto met kenteken "
    "{plate}. Mail me op tips.{nr}@example.nl of stuur een DM. Ze verdient het niet om rustig te "
    "slapen na wat ze gedaan heeft. RT graag ",
    "This {role}, {name}, lives at {street} {nr} in {city}. Her number is +31 6 {phone}. Everyone "
    "should call her and tell her what we think. She won't feel safe anymore, we know where she "
    "lives. Share this everywhere please ",
    "Mooie dag gehad in {city} met de kinderen, daarna lekker gegeten bij het strand. Morgen weer "
    "naar school en werk, het weekend ging veel te snel voorbij. Wie gaat er ook naar de markt op "
    "zaterdag? Groetjes aan iedereen ",
]


def make_posts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    posts = []
    for _ in range(count):
        text = rng.choice(_TEMPLATES).format(
            role=rng.choice(_ROLES), name=rng.choice(_NAMES), street=rng.choice(_STREETS),
            nr=rng.randint(1, 250), pc=f"{rng.randint(1000, 9999)} {rng.choice(['AB', 'KL', 'XZ'])}",
            city=rng.choice(_CITIES), phone=f"{rng.randint(10000000, 99999999)}",
            plate=f"{rng.randint(10, 99)}-{rng.choice(['GHJ', 'KLN', 'TRX'])}-{rng.randint(1, 9)}")
        while len(text) < POST_CHARS:
            text += " #" + rng.choice(_CITIES).lower()
        posts.append(text[:POST_CHARS])
    return posts


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time ``pid`` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_kib(pid: int) -> tuple[int, int]:
    """(current, peak) resident set size of ``pid`` in KiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0])
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


def _pss_kib(pid: int) -> int | None:
    """Proportional set size of ``pid`` in KiB: shared pages divided among their sharers."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _children(pid: int) -> list[int]:
    """Child processes of ``pid`` (the workers of a ``--workers N`` server)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


def server_processes(pid: int) -> list[int]:
    return [pid] + _children(pid)


def memory_report(pid: int) -> dict:
    """RSS and PSS (MiB) of the server's parent and each worker, and their sums."""
    per = []
    for p in server_processes(pid):
        rss, peak = _rss_kib(p)
        pss = _pss_kib(p)
        per.append({"pid": p, "rss_mib": round(rss / 1024, 1), "peak_rss_mib": round(peak / 1024, 1),
                    "pss_mib": round(pss / 1024, 1) if pss is not None else None})
    total_pss = [x["pss_mib"] for x in per]
    return {"processes": per,
            "rss_sum_mib": round(sum(x["rss_mib"] for x in per), 1),
            "pss_sum_mib": round(sum(total_pss), 1) if None not in total_pss else None}


def _processes_cpu(pids: list[int]) -> float:
    total = 0.0
    for p in pids:
        try:
            total += _cpu_seconds(p)
        except OSError:
            pass
    return total


class ServerProcess:
    """``python -m server --port 0`` in a temporary data folder, with one API key."""

    def __init__(self, threads: int | None, workers: int | None = None):
        self.tmp = tempfile.TemporaryDirectory(prefix="piiscore-bench-")
        # WORKER_HEADER: each answer names its worker, to count the connections per worker.
        self.env = dict(os.environ, PIISCORE_DATA_DIR=self.tmp.name, PIISCORE_RATE_LIMIT="0",
                        PIISCORE_WORKER_HEADER="true")
        self.threads = threads
        self.workers = workers
        self.proc = None

    def __enter__(self):
        added = subprocess.run([sys.executable, "-m", "server", "keys", "add", "bench"], cwd=REPO,
                               env=self.env, capture_output=True, text=True, check=True)
        self.key = added.stdout.strip().splitlines()[-1]
        cmd = [sys.executable, "-m", "server", "--port", "0"]
        if self.threads:
            cmd += ["--threads", str(self.threads)]
        if self.workers:
            cmd += ["--workers", str(self.workers)]
        started = time.monotonic()
        self.proc = subprocess.Popen(cmd, cwd=REPO, env=self.env, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        line = self.proc.stdout.readline().decode()
        self.startup_seconds = time.monotonic() - started
        if "listening on" not in line:
            raise SystemExit(f"server did not start: {line!r}")
        self.url = line.rsplit(" ", 1)[1].strip()
        # Ready: the first /health answered (a worker has taken the connection).
        parts = urlsplit(self.url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        conn.request("GET", "/health")
        conn.getresponse().read()
        conn.close()
        self.ready_seconds = time.monotonic() - started
        return self

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        if self.proc:
            self.proc.stdout.close()
        self.tmp.cleanup()


def run_clients(url: str, key: str, clients: int, duration: float, warmup: float,
                route: str = "scan", server_pid: int | None = None) -> dict:
    parts = urlsplit(url)
    posts = make_posts(500)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    bodies = [json.dumps({"text": p}).encode() for p in posts]
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    workers_seen: list[set] = [set() for _ in range(clients)]
    error_kinds: dict[str, int] = {}
    kinds_lock = threading.Lock()

    def record_error(kind: str) -> None:
        with kinds_lock:
            error_kinds[kind] = error_kinds.get(kind, 0) + 1
    start_at = time.monotonic() + 0.2
    measure_from = start_at + warmup
    stop_at = measure_from + duration

    def client(index: int) -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        i = index
        while time.monotonic() < start_at:
            time.sleep(0.001)
        while True:
            now = time.perf_counter(), time.monotonic()
            if now[1] >= stop_at:
                break
            body = bodies[i % len(bodies)]
            i += clients
            try:
                if route == "health":  # the HTTP + Flask cost alone, as a baseline
                    conn.request("GET", "/health")
                else:
                    conn.request("POST", "/api/scan", body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                worker = response.getheader("X-Piiscore-Worker")
                if worker:
                    workers_seen[index].add(worker)
                ok = response.status == 200
                kind = f"HTTP {response.status}"
            except (OSError, http.client.HTTPException) as exc:
                ok = False
                kind = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            elapsed = time.perf_counter() - now[0]
            if now[1] >= measure_from:
                if ok:
                    latencies[index].append(elapsed)
                else:
                    errors[index] += 1
                    record_error(kind)
        conn.close()

    cpu = {}

    def sample_server_cpu() -> None:
        # The server's CPU time over the measured window (parent and workers): the cost of a
        # request without the queueing, and the same on a busy machine. And this process's own.
        time.sleep(max(0.0, measure_from - time.monotonic()))
        pids = server_processes(server_pid)
        cpu["start"] = _processes_cpu(pids)
        cpu["client_start"] = sum(os.times()[:2])
        time.sleep(max(0.0, stop_at - time.monotonic()))
        cpu["stop"] = _processes_cpu(pids)
        cpu["client_stop"] = sum(os.times()[:2])

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    if server_pid:
        threads.append(threading.Thread(target=sample_server_cpu, daemon=True))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    all_latencies = sorted(x for per in latencies for x in per)
    cpu_seconds = cpu["stop"] - cpu["start"] if cpu else None
    client_cpu = cpu["client_stop"] - cpu["client_start"] if cpu else None
    per_worker: dict[str, int] = {}
    for seen in workers_seen:  # a client keeps one connection, so normally one worker
        for worker in seen:
            per_worker[worker] = per_worker.get(worker, 0) + 1
    return {"latencies": all_latencies, "errors": sum(errors), "error_kinds": error_kinds,
            "clients_per_worker": sorted(per_worker.values(), reverse=True),
            "duration": duration, "server_cpu_seconds": cpu_seconds,
            "client_cpu_seconds": client_cpu}


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds first")
    parser.add_argument("--threads", type=int, help="server threads per worker (default: server's)")
    parser.add_argument("--workers", type=int, help="server worker processes (default: server's)")
    parser.add_argument("--url", help="use a running server instead of starting one")
    parser.add_argument("--key", help="API key for --url")
    parser.add_argument("--route", choices=("scan", "health"), default="scan",
                        help="health: GET /health instead, the server's own overhead")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)

    if args.url:
        if not args.key:
            parser.error("--url needs --key")
        result = run_clients(args.url, args.key, args.clients, args.duration, args.warmup, args.route)
        memory = startup = ready = None
    else:
        with ServerProcess(args.threads, args.workers) as server:
            startup, ready = server.startup_seconds, server.ready_seconds
            result = run_clients(server.url, server.key, args.clients, args.duration, args.warmup,
                                 args.route, server.proc.pid)
            memory = memory_report(server.proc.pid)

    lat = result["latencies"]
    summary = {
        "route": "GET /health" if args.route == "health" else "POST /api/scan",
        "clients": args.clients,
        "duration_s": args.duration,
        "requests": len(lat),
        "errors": result["errors"],
        "error_kinds": result["error_kinds"],
        "throughput_rps": round(len(lat) / args.duration, 1),
        "p50_ms": round(percentile(lat, 0.50) * 1000, 2),
        "p95_ms": round(percentile(lat, 0.95) * 1000, 2),
        "p99_ms": round(percentile(lat, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(lat) * 1000, 2) if lat else None,
        "max_ms": round(lat[-1] * 1000, 2) if lat else None,
        "server_cpu_ms_per_request": (round(result["server_cpu_seconds"] * 1000 / len(lat), 2)
                                      if result.get("server_cpu_seconds") and lat else None),
        "client_cpu_ms_per_request": (round(result["client_cpu_seconds"] * 1000 / len(lat), 2)
                                      if result.get("client_cpu_seconds") and lat else None),
        "clients_per_worker": result["clients_per_worker"],
        "server_workers": len(memory["processes"]) - 1 if memory and len(memory["processes"]) > 1 else (1 if memory else None),
        "server_memory": memory,
        "server_listening_s": round(startup, 2) if startup else None,
        "server_ready_s": round(ready, 2) if ready else None,
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"{summary['route']}, {POST_CHARS}-character posts, {args.clients} clients, "
              f"{args.duration:g} s measured ({os.cpu_count()} CPUs, load {summary['load_average_1m']})")
        print(f"  requests {summary['requests']}  errors {summary['errors']}  "
              f"throughput {summary['throughput_rps']} req/s")
        if result["errors"]:
            print(f"  error kinds {summary['error_kinds']}")
        if len(result["clients_per_worker"]) > 1:
            print(f"  clients per worker {result['clients_per_worker']}")
        print(f"  latency p50 {summary['p50_ms']} ms  p95 {summary['p95_ms']} ms  "
              f"p99 {summary['p99_ms']} ms  max {summary['max_ms']} ms")
        if summary["server_cpu_ms_per_request"]:
            print(f"  server CPU {summary['server_cpu_ms_per_request']} ms per request "
                  f"(load generator {summary['client_cpu_ms_per_request']} ms)")
        if memory:
            per = ", ".join(f"{x['pid']}: RSS {x['rss_mib']} / PSS {x['pss_mib']}"
                            for x in memory["processes"])
            print(f"  server memory MiB: RSS sum {memory['rss_sum_mib']}, PSS sum "
                  f"{memory['pss_sum_mib']} ({per}; parent first)")
            print(f"  listening line after {summary['server_listening_s']} s, first /health "
                  f"answered after {summary['server_ready_s']} s")
    return 0 if result["errors"] == 0 and lat else 1


if __name__ == "__main__":
    raise SystemExit(main())
