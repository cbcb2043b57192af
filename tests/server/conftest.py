import pytest

from server.app import create_app


@pytest.fixture
def app(tmp_path):
    return create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data")})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def api_key(app):
    return app.extensions["piiscore_keys"].add("anna")


@pytest.fixture
def auth(api_key):
    return {"Authorization": f"Bearer {api_key}"}
