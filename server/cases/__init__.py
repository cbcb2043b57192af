"""The case log: cases with status history, encrypted evidence with a custody log, exports,
follow-up dates, and a server-rendered dashboard at ``/``.

``register(app)`` (called by ``create_app``) reads the settings, migrates the database to the
newest schema and adds the ``/api/cases`` and dashboard blueprints.
"""
from __future__ import annotations

import logging

from flask import Flask
from sqlalchemy.exc import DataError, OperationalError

from server.cases.crypto import EvidenceKeyError, read_or_create_secret
from server.cases.db import Database
from server.cases.settings import CaseSettings
from server.cases.store import CaseError, CaseStore
from server.errors import error_response

log = logging.getLogger(__name__)

SECRET_FILENAME = "secret.key"


def build_store(config) -> CaseStore:
    """The store for a config mapping (the app's, or the CLI's); migrates the database first."""
    settings = CaseSettings.from_config(config)
    db = Database(settings.database_url)
    db.upgrade()
    return CaseStore(db, settings)


def register(app: Flask) -> None:
    from server.cases import api, dashboard, openapi_paths

    store = build_store(app.config)
    app.extensions["piiscore_cases"] = store
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = read_or_create_secret(store.settings.data_dir / SECRET_FILENAME)
    dashboard.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(dashboard.bp)
    openapi_paths.register()

    @app.errorhandler(CaseError)
    def _case_error(exc: CaseError):
        return error_response(exc.status, exc.message)

    @app.errorhandler(EvidenceKeyError)
    def _key_error(exc: EvidenceKeyError):
        log.error("evidence key problem: %s", exc)
        return error_response(409, "This evidence cannot be decrypted with the server's evidence key.")

    @app.errorhandler(DataError)
    def _bad_value(exc: DataError):
        # A value the database refuses (the views check what they know of): the type only.
        log.warning("case database refused a value: %s", type(exc.orig).__name__)
        return error_response(400, "A value in the request cannot be stored.")

    @app.errorhandler(OperationalError)
    def _db_busy(exc: OperationalError):
        log.error("case database unavailable: %s", type(exc.orig).__name__)
        return error_response(503, "The case database is busy or unavailable; retry shortly.")
