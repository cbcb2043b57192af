"""The application factory (flaskr's shape): defaults, then a config file, then ``PIISCORE_*``."""
from __future__ import annotations

import json
import logging
import os
import tomllib
from pathlib import Path

from flask import Config, Flask
from werkzeug.routing import IntegerConverter

from server import access_log, auth, errors, limits, ratelimit, security

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765

# Third-party loggers that write analysed text at DEBUG/INFO (Presidio logs each context window).
_CHATTY_LOGGERS = ("presidio-analyzer", "presidio-anonymizer")

# Config keys that must be integers even when they arrive as strings from a file.
_INT_KEYS = ("PORT", "MAX_TEXT_CHARS", "MAX_CONTENT_LENGTH", "MAX_JSON_BYTES", "RATE_LIMIT",
             "REQUEST_TIMEOUT", "THREADS", "WORKERS", "MAX_ANALYZER_RESULTS", "MAX_AD_HOC_PATTERNS")


class BoundedIntConverter(IntegerConverter):
    """``<int:...>`` that stops at a 64-bit id: a larger one names nothing and is a 404, not a
    database overflow."""

    def __init__(self, map, fixed_digits=0, min=None, max=2**63 - 1, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def default_data_dir() -> str:
    """``PIISCORE_DATA_DIR`` or the per-user folder, as the library's settings define it."""
    try:
        from piiscore.config import get_settings
    except ImportError:  # the library without its settings module (an older checkout)
        env = os.environ.get("PIISCORE_DATA_DIR")
        if env:
            return env
        base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
        return os.path.join(base, "piiscore")
    return str(get_settings().data_dir)


def load_config(test_config: dict | None = None) -> Config:
    """Defaults, then ``PIISCORE_CONFIG_FILE`` (TOML or JSON) and ``PIISCORE_*``, or ``test_config``."""
    config = Config(os.getcwd())
    config.from_mapping(
        DATA_DIR=default_data_dir(),
        HOST=DEFAULT_HOST,
        PORT=DEFAULT_PORT,
        # A post is a few hundred characters; a long thread pasted whole stays far below this.
        MAX_TEXT_CHARS=100_000,
        # The ceiling, for evidence uploads (views marked @limits.large_body) ...
        MAX_CONTENT_LENGTH=12 * 1024 * 1024,
        # ... and every other body: 100 000 characters of JSON-escaped text fit.
        MAX_JSON_BYTES=1024 * 1024,
        # Requests per API key per minute (0: no limit).
        RATE_LIMIT=600,
        # Exact extension origins, e.g. ["chrome-extension://<id>"]; empty: no CORS at all.
        CORS_ORIGINS=[],
        # Seconds a connection may stay idle / a slow client may take (waitress channel_timeout);
        # also the time budget for client-supplied regexes (Presidio ad-hoc recognizers).
        REQUEST_TIMEOUT=30,
        # waitress threads in each worker process; 0: 1 with two or more workers, 8 with one
        # (server.cli.default_threads, docs/server.md "Threads").
        THREADS=0,
        # Worker processes (piiscore-server --workers); 0: one per CPU, at most 2 (docs/server.md).
        WORKERS=0,
        # Tests only: answer with an X-Piiscore-Worker header naming the worker's process id.
        WORKER_HEADER=False,
        # Presidio-compatible /analyze and /anonymize: Presidio clients send no key.
        PRESIDIO_REQUIRE_KEY=False,
        OPTIONAL_AUTH_PATHS=("/analyze", "/anonymize"),
        MAX_ANALYZER_RESULTS=2000,
        MAX_AD_HOC_PATTERNS=20,
        # Build the detection engine while starting, not on the first request.
        WARM_ENGINE=True,
    )
    if test_config is None:
        config_file = os.environ.get("PIISCORE_CONFIG_FILE")
        if config_file:
            if config_file.endswith(".toml"):
                config.from_file(config_file, load=tomllib.load, text=False)
            else:
                config.from_file(config_file, load=json.load)
        config.from_prefixed_env("PIISCORE")
    else:
        config.from_mapping(test_config)
    for key in _INT_KEYS:
        value = config.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ValueError(f"config {key} must be an integer")
        config[key] = int(value)
    config["DATA_DIR"] = str(Path(config["DATA_DIR"]).expanduser())
    return config


def create_app(test_config: dict | None = None) -> Flask:
    for name in _CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    app = Flask(__name__)
    app.url_map.converters["int"] = BoundedIntConverter
    app.config.update(load_config(test_config))
    app.json.sort_keys = False

    app.extensions["piiscore_keys"] = auth.KeyStore.in_data_dir(app.config["DATA_DIR"])
    app.extensions["piiscore_limiter"] = ratelimit.SlidingWindowLimiter(app.config["RATE_LIMIT"])

    # Order matters: time everything, then who is asking, then how often, then what they send.
    app.before_request(access_log.start_timer)
    app.before_request(auth.require_api_key)
    app.before_request(ratelimit.enforce_rate_limit)
    app.before_request(limits.enforce_request_limits)
    app.after_request(security.add_security_headers)
    app.after_request(access_log.log_request)
    errors.register_error_handlers(app)
    security.init_cors(app)

    from server import api, health, openapi, presidio_compat

    app.register_blueprint(health.bp)
    app.register_blueprint(openapi.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(presidio_compat.bp)
    presidio_compat.init_app(app)

    # case log
    from server.cases import register as register_cases; register_cases(app)

    if app.config["WORKER_HEADER"]:
        @app.after_request
        def _worker_header(response):
            response.headers["X-Piiscore-Worker"] = str(os.getpid())
            return response

    if app.config["WARM_ENGINE"]:
        api.warm_engine()
    return app
