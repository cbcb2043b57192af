import pytest

from server.app import create_app

# Fictitious: a name and a mobile number that exist only in these tests.
FICTITIOUS_NAME = "Sanne Bakkerveld"
FICTITIOUS_PHONE = "06-12345678"
POST_NL = (f"Dit is jeugdbeschermer {FICTITIOUS_NAME} van Jeugdbescherming Rotterdam. Ze woont op "
           f"Kerkstraat 12a, 3012 AB Rotterdam, bel haar op {FICTITIOUS_PHONE}. We weten waar je woont.")


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
