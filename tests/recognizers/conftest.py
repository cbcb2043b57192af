"""Shared fixtures for the recognizer tests: one engine for the whole session (building it
loads every list and pipeline; the recognizers are stateless)."""
import pytest

from piiscore.engine import PiiEngine


@pytest.fixture(scope="session")
def engine():
    return PiiEngine()

