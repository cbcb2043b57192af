"""piiscore-server keys add|list|revoke, the key store on disk, and command dispatch."""
import json
import os
import stat
import sys
import types

import pytest

from server import cli
from server.auth import KeyStore, KeyStoreError, hash_key


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PIISCORE_DATA_DIR", str(tmp_path))
    return tmp_path


def test_keys_add_prints_the_key_last_and_stores_only_its_hash(data_dir, capsys):
    assert cli.main(["keys", "add", "anna"]) == 0
    key = capsys.readouterr().out.strip().splitlines()[-1]
    assert key.startswith("pk_") and len(key) > 40
    path = data_dir / "api_keys.json"
    stored = path.read_text()
    assert key not in stored
    assert json.loads(stored)["keys"][0]["hash"] == hash_key(key)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert KeyStore(path).verify(key) == "anna"


def test_keys_list_and_revoke(data_dir, capsys):
    assert cli.main(["keys", "list"]) == 0
    assert "No API keys yet" in capsys.readouterr().out
    cli.main(["keys", "add", "anna"])
    cli.main(["keys", "add", "bram"])
    capsys.readouterr()
    assert cli.main(["keys", "list"]) == 0
    listed = capsys.readouterr().out
    assert "anna" in listed and "bram" in listed and "pk_" not in listed
    assert cli.main(["keys", "revoke", "anna"]) == 0
    assert cli.main(["keys", "revoke", "anna"]) == 1
    capsys.readouterr()
    cli.main(["keys", "list"])
    assert "anna" not in capsys.readouterr().out


@pytest.mark.parametrize("name", ["", "a b", "x" * 65, "../etc", "-rf"])
def test_keys_add_refuses_bad_names(data_dir, name, capsys):
    assert cli.main(["keys", "add", "--", name] if name.startswith("-") else ["keys", "add", name]) == 1
    assert "key name" in capsys.readouterr().err


def test_keys_add_refuses_a_duplicate_name(data_dir, capsys):
    assert cli.main(["keys", "add", "anna"]) == 0
    assert cli.main(["keys", "add", "anna"]) == 1
    assert "exists already" in capsys.readouterr().err


def test_key_store_verifies_in_constant_time_over_all_entries(tmp_path):
    store = KeyStore(tmp_path / "api_keys.json")
    keys = {name: store.add(name) for name in ("anna", "bram", "chris")}
    for name, key in keys.items():
        assert store.verify(key) == name
    assert store.verify(keys["anna"] + "x") is None
    assert store.verify("") is None
    assert store.verify(None) is None


def test_corrupt_key_file_is_a_clear_error(tmp_path):
    path = tmp_path / "api_keys.json"
    path.write_text("{not json")
    with pytest.raises(KeyStoreError, match="cannot read"):
        KeyStore(path).entries()


def test_case_commands_are_dispatched_to_the_case_log(monkeypatch):
    seen = []
    fake = types.ModuleType("server.cases.cli")
    fake.main = lambda argv: seen.append(argv) or 7
    monkeypatch.setitem(sys.modules, "server.cases.cli", fake)
    assert cli.main(["verify", "export.zip"]) == 7
    assert cli.main(["db", "upgrade"]) == 7
    assert seen == [["verify", "export.zip"], ["db", "upgrade"]]


def test_server_refuses_a_bad_config(data_dir, monkeypatch, capsys):
    monkeypatch.setenv("PIISCORE_CORS_ORIGINS", "*")
    assert cli.main(["--port", "0"]) == 2
    assert "cannot start" in capsys.readouterr().err


def test_one_thread_per_worker_with_several_workers_eight_with_one():
    assert cli.default_threads(2) == 1 and cli.default_threads(4) == 1
    assert cli.default_threads(1) == 8


@pytest.mark.parametrize("argv, env, expected", [
    (["--workers", "1"], {}, 8),                         # the default for one worker
    (["--workers", "1", "--threads", "2"], {}, 2),       # the flag wins
    (["--workers", "1"], {"PIISCORE_THREADS": "3"}, 3),  # then the config
])
def test_serve_hands_waitress_the_thread_count(data_dir, monkeypatch, argv, env, expected):
    import signal

    import waitress.server

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    seen = []

    class Stub:
        def run(self):
            pass

        def close(self):
            pass

    def create_server(app, **options):
        seen.append(options["threads"])
        return Stub()

    monkeypatch.setattr(waitress.server, "create_server", create_server)
    handler = signal.getsignal(signal.SIGTERM)
    try:
        assert cli.main(["--port", "0", *argv]) == 0
    finally:
        signal.signal(signal.SIGTERM, handler)
    assert seen == [expected]


def test_url_formatting():
    assert cli._url("127.0.0.1", 8765) == "http://127.0.0.1:8765"
    assert cli._url("::1", 8765) == "http://[::1]:8765"
    assert cli._is_loopback("::1") and cli._is_loopback("127.0.0.2") and not cli._is_loopback("0.0.0.0")


def test_line_write_handler_writes_whole_lines_from_many_threads(tmp_path):
    import logging
    import threading

    from server.cli import LineWriteHandler

    path = tmp_path / "log"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    handler = LineWriteHandler(fd)
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    logger = logging.getLogger("piiscore.test.lines")
    logger.propagate = False
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def burst(n):
        for i in range(300):
            logger.info("thread %d line %d %s", n, i, "x" * 200)

    try:
        threads = [threading.Thread(target=burst, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        logger.removeHandler(handler)
        os.close(fd)
    lines = path.read_text().splitlines()
    assert len(lines) == 8 * 300
    assert all(line.startswith("piiscore.test.lines thread ") and line.endswith("x" * 200)
               for line in lines)
    assert len(set(lines)) == len(lines)
