"""Shared fixtures for the recognizer tests: one engine for the whole session (building it
loads every list and pipeline; the recognizers are stateless)."""
import pytest

from piiscore.engine import PiiEngine


@pytest.fixture(scope="session")
def engine():
    return PiiEngine()



@pytest.fixture(scope="session")
def pii_engine(engine):
    """The same shared engine, under the name the name/place/organisation/address tests use."""
    return engine
