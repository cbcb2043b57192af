"""A bounded schemathesis run against /openapi.json through the WSGI app: no 5xx, ever.

Every operation the description lists (the case log's included) gets a fixed number of
schema-conforming requests drawn by Hypothesis; the key is valid, so requests reach the views.
"""
import tempfile

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from server.app import create_app

EXAMPLES_PER_OPERATION = 40

APP = create_app({"TESTING": True, "DATA_DIR": tempfile.mkdtemp(prefix="piiscore-fuzz-"),
                  "RATE_LIMIT": 0})
KEY = APP.extensions["piiscore_keys"].add("fuzzer")
SCHEMA = schemathesis.openapi.from_wsgi("/openapi.json", APP)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


def test_the_description_lists_every_route():
    listed = {(op.method.upper(), op.path) for op in OPERATIONS}
    assert {("POST", "/api/scan"), ("POST", "/api/anonymize"), ("POST", "/api/drafts"),
            ("POST", "/analyze"), ("POST", "/anonymize"), ("GET", "/health")} <= listed


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: f"{op.method.upper()} {op.path}")
def test_no_server_errors(operation):
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True,
              database=None, suppress_health_check=list(HealthCheck))
    def check(case):
        response = case.call(headers={"Authorization": f"Bearer {KEY}"})
        assert response.status_code < 500, (case.method, case.path, response.status_code)
        if response.status_code >= 400:
            assert set(response.json()) == {"error", "message"}

    check()
