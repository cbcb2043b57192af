"""Fixtures for the case log: an app per database (SQLite always, PostgreSQL when
``PIISCORE_TEST_POSTGRES_URL`` is set; ``scripts/ci-postgres.sh`` starts one and prints it)."""
from __future__ import annotations

import os
import secrets
import urllib.parse

import pytest

from server.app import create_app
from server.cases.db import normalize_url

from casedata import POST_NL, POST_URL

POSTGRES_ENV = "PIISCORE_TEST_POSTGRES_URL"


def _postgres_param():
    if os.environ.get(POSTGRES_ENV):
        return pytest.param("postgresql", marks=pytest.mark.postgres, id="postgresql")
    return pytest.param("postgresql", id="postgresql", marks=[pytest.mark.postgres, pytest.mark.skip(
        reason=f"PostgreSQL: {POSTGRES_ENV} is not set (scripts/ci-postgres.sh starts a server and prints it)")])


@pytest.fixture(params=["sqlite", _postgres_param()])
def database_url(request, tmp_path):
    """None (the default SQLite file in DATA_DIR) or a PostgreSQL URL with a schema of its own."""
    if request.param == "sqlite":
        yield None
        return
    import psycopg

    base = os.environ[POSTGRES_ENV]
    schema = "t_" + secrets.token_hex(6)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield normalize_url(base) + sep + "options=" + urllib.parse.quote(f"-csearch_path={schema}")
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def make_app(data_dir, database_url, monkeypatch):
    """Build an app on the test's database; call again for a 'restarted' server."""
    monkeypatch.delenv("PIISCORE_EVIDENCE_KEY", raising=False)
    monkeypatch.delenv("PIISCORE_DATABASE_URL", raising=False)
    apps = []

    def make(**config):
        base = {"TESTING": True, "DATA_DIR": str(data_dir), "WARM_ENGINE": False, "RATE_LIMIT": 0}
        if database_url:
            base["DATABASE_URL"] = database_url
        app = create_app({**base, **config})
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["piiscore_cases"].db.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def auth(app):
    return {"Authorization": "Bearer " + app.extensions["piiscore_keys"].add("anna")}


@pytest.fixture
def other_auth(app):
    return {"Authorization": "Bearer " + app.extensions["piiscore_keys"].add("bram")}


@pytest.fixture
def case(client, auth):
    response = client.post("/api/cases", json={"text": POST_NL, "url": POST_URL, "platform": "x",
                                               "account_handle": "@example_account", "post_id": "1234567890"},
                           headers=auth)
    assert response.status_code == 201, response.get_json()
    return response.get_json()
