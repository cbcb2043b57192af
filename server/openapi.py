"""``GET /openapi.json``: a hand-written OpenAPI 3.0 description of every route.

Other parts of the server add their routes with :func:`register_paths` at import time, e.g.
the case log: ``register_paths({"/api/cases": {...}}, schemas={"Case": {...}})``.
"""
from __future__ import annotations

import copy

from flask import Blueprint, jsonify

import piiscore
from server.validation import PLATFORMS

bp = Blueprint("openapi", __name__)

_extra_paths: dict = {}
_extra_schemas: dict = {}


def register_paths(paths: dict, schemas: dict | None = None) -> None:
    """Merge ``paths`` (OpenAPI path items) and ``schemas`` (components) into the description."""
    for path, item in paths.items():
        _extra_paths.setdefault(path, {}).update(copy.deepcopy(item))
    _extra_schemas.update(copy.deepcopy(schemas or {}))


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict) -> dict:
    return {"content": {"application/json": {"schema": schema}}}


def error_responses(*statuses: int) -> dict:
    """Response objects for error statuses, all with the Error body; for register_paths users."""
    text = {400: "Malformed input", 401: "Missing or wrong API key", 404: "Not found",
            413: "Body or text too large", 415: "Not JSON", 422: "Values cannot be processed",
            429: "Rate limited"}
    return {str(s): {"description": text.get(s, "Error"), **_json(_ref("Error"))} for s in statuses}


_API_ERRORS = (400, 401, 413, 415, 422, 429)
_LANG = {"type": "string", "enum": ["auto", "nl", "en"], "default": "auto"}
_TEXT = {"type": "string", "minLength": 1, "maxLength": 100000, "pattern": r"\S",
         "description": "The post's text."}

_SCHEMAS = {
    "Error": {
        "type": "object", "required": ["error", "message"],
        "properties": {"error": {"type": "string", "description": "short code, e.g. bad_request"},
                       "message": {"type": "string"}},
    },
    "Health": {
        "type": "object", "required": ["status", "version"],
        "properties": {"status": {"type": "string", "enum": ["ok"]}, "version": {"type": "string"}},
    },
    "ScanRequest": {
        "type": "object", "required": ["text"],
        "properties": {
            "text": _TEXT, "language": _LANG,
            "url": {"type": "string", "maxLength": 2048},
            "platform": {"type": "string", "enum": list(PLATFORMS)},
        },
    },
    "Entity": {
        "type": "object", "required": ["type", "start", "end", "score", "text", "start_utf16", "end_utf16"],
        "properties": {
            "type": {"type": "string"},
            "start": {"type": "integer", "description": "code-point offset"},
            "end": {"type": "integer", "description": "code-point offset, exclusive"},
            "start_utf16": {"type": "integer", "description": "UTF-16 offset (JavaScript)"},
            "end_utf16": {"type": "integer"},
            "score": {"type": "number"},
            "text": {"type": "string"},
        },
    },
    "RiskScore": {
        "type": "object", "required": ["value", "level", "reasons", "flags"],
        "properties": {
            "value": {"type": "integer", "minimum": 0, "maximum": 100},
            "level": {"type": "string", "enum": ["none", "low", "medium", "high", "critical"]},
            "reasons": {"type": "array", "items": {
                "type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}},
            "flags": {"type": "object"},
        },
    },
    "ScanResult": {
        "type": "object", "required": ["language", "entities", "score"],
        "properties": {"language": {"type": "string", "enum": ["nl", "en"]},
                       "entities": {"type": "array", "items": _ref("Entity")},
                       "score": _ref("RiskScore")},
    },
    "AnonymizeTextRequest": {
        "type": "object", "required": ["text"],
        "properties": {"text": _TEXT, "language": _LANG},
    },
    "AnonymizeResult": {
        "type": "object", "required": ["text", "items"],
        "properties": {
            "text": {"type": "string"},
            "items": {"type": "array", "items": {
                "type": "object",
                "properties": {"operator": {"type": "string"}, "entity_type": {"type": "string"},
                               "start": {"type": "integer"}, "end": {"type": "integer"},
                               "text": {"type": "string"}}}},
        },
    },
    "DraftRequest": {
        "type": "object", "required": ["text", "kind"],
        "properties": {
            "text": _TEXT,
            "kind": {"type": "string", "enum": ["dsa_notice", "platform_report", "gdpr_erasure",
                                                "police_report"]},
            "language": {"type": "string", "enum": ["auto", "nl", "en"],
                         "description": "the draft's language (auto, the default: the post's)"},
            "url": {"type": "string", "maxLength": 2048},
            "platform": {"type": "string", "enum": list(PLATFORMS)},
            "scan": {"type": "object", "description": "a /api/scan result; only its language is "
                                                      "used, the text is always rescanned",
                     "properties": {"language": {"type": "string", "enum": ["nl", "en"]}}},
            "details": {"type": "object", "maxProperties": 30,
                        "additionalProperties": {"type": "string", "maxLength": 5000},
                        "properties": {"notifier_name": {"type": "string", "maxLength": 5000},
                                       "notifier_email": {"type": "string", "maxLength": 5000},
                                       "organisation": {"type": "string", "maxLength": 5000}}},
        },
    },
    "Draft": {
        "type": "object", "required": ["kind", "language", "subject", "body", "channel", "missing"],
        "properties": {
            "kind": {"type": "string"}, "language": {"type": "string"},
            "subject": {"type": "string"}, "body": {"type": "string"},
            "channel": {"type": "object", "properties": {
                "name": {"type": "string"}, "url": {"type": "string", "nullable": True},
                "notes": {"type": "string", "nullable": True}}},
            "missing": {"type": "array", "items": {"type": "string"}},
        },
    },
    "PresidioAnalyzeRequest": {
        "type": "object", "required": ["text", "language"],
        "properties": {
            "text": {"oneOf": [_TEXT, {"type": "array", "minItems": 1, "maxItems": 100,
                                       "items": {"type": "string", "maxLength": 1000}}]},
            "language": {"type": "string", "enum": ["nl", "en"]},
            "entities": {"type": "array", "maxItems": 200, "items": {"type": "string"}},
            "correlation_id": {"type": "string", "maxLength": 200},
            "score_threshold": {"type": "number", "minimum": 0, "maximum": 1},
            "return_decision_process": {"type": "boolean"},
            "ad_hoc_recognizers": {"type": "array", "maxItems": 5, "items": _ref("PatternRecognizer")},
            "context": {"type": "array", "items": {"type": "string", "maxLength": 200}},
            "allow_list": {"type": "array", "items": {"type": "string", "maxLength": 1000}},
            "allow_list_match": {"type": "string", "enum": ["exact", "regex"]},
            "regex_flags": {"type": "integer", "enum": [0, 2, 8, 16, 26, 32, 64]},
        },
    },
    "PatternRecognizer": {
        "type": "object", "required": ["supported_entity"],
        "properties": {
            "name": {"type": "string"},
            "supported_language": {"type": "string"},
            "supported_entity": {"type": "string", "minLength": 1, "maxLength": 100},
            "patterns": {"type": "array", "maxItems": 4, "items": {
                "type": "object", "required": ["name", "regex", "score"],
                "properties": {"name": {"type": "string"},
                               "regex": {"type": "string", "maxLength": 1000},
                               "score": {"type": "number", "minimum": 0, "maximum": 1}}}},
            "deny_list": {"type": "array", "items": {"type": "string", "minLength": 1}},
            "context": {"type": "array", "items": {"type": "string"}},
        },
    },
    "RecognizerResultWithAnalysis": {
        "type": "object", "required": ["entity_type", "start", "end", "score"],
        "properties": {"entity_type": {"type": "string"}, "start": {"type": "integer"},
                       "end": {"type": "integer"}, "score": {"type": "number"},
                       "analysis_explanation": {"type": "object", "nullable": True}},
    },
    "PresidioAnonymizeRequest": {
        "type": "object", "required": ["text", "analyzer_results"],
        "properties": {
            "text": {"type": "string", "maxLength": 100000},
            "anonymizers": {"type": "object", "additionalProperties": {
                "type": "object", "required": ["type"],
                "properties": {"type": {"type": "string", "enum": ["replace", "redact", "mask",
                                                                   "hash", "encrypt", "keep"]}}}},
            "analyzer_results": {"type": "array", "maxItems": 2000, "items": {
                "type": "object", "required": ["entity_type", "start", "end", "score"],
                "properties": {"entity_type": {"type": "string", "minLength": 1},
                               "start": {"type": "integer", "minimum": 0},
                               "end": {"type": "integer", "minimum": 0},
                               "score": {"type": "number", "minimum": 0, "maximum": 1}}}},
        },
    },
}

_PATHS = {
    "/health": {"get": {
        "summary": "Liveness and version (no key needed)", "security": [],
        "responses": {"200": {"description": "OK", **_json(_ref("Health"))}},
    }},
    "/openapi.json": {"get": {
        "summary": "This description", "security": [],
        "responses": {"200": {"description": "OpenAPI 3 document", **_json({"type": "object"})}},
    }},
    "/api/scan": {"post": {
        "summary": "Find personal data in a post and score its doxing risk",
        "requestBody": {"required": True, **_json(_ref("ScanRequest"))},
        "responses": {"200": {"description": "Scan result", **_json(_ref("ScanResult"))},
                      **error_responses(*_API_ERRORS)},
    }},
    "/api/anonymize": {"post": {
        "summary": "Redact the personal data piiscore finds in a post",
        "requestBody": {"required": True, **_json(_ref("AnonymizeTextRequest"))},
        "responses": {"200": {"description": "Redacted text", **_json(_ref("AnonymizeResult"))},
                      **error_responses(*_API_ERRORS)},
    }},
    "/api/drafts": {"post": {
        "summary": "A takedown notice, platform report, erasure request or police-report draft",
        "requestBody": {"required": True, **_json(_ref("DraftRequest"))},
        "responses": {"200": {"description": "Draft", **_json(_ref("Draft"))},
                      **error_responses(*_API_ERRORS)},
    }},
    "/analyze": {"post": {
        "summary": "Presidio-compatible analyze (nl, en); a key is optional",
        "security": [{}, {"bearerAuth": []}],
        "requestBody": {"required": True, **_json(_ref("PresidioAnalyzeRequest"))},
        "responses": {"200": {"description": "Detected entities (a list of lists for a batch)",
                              **_json({"type": "array", "items": {"oneOf": [
                                  _ref("RecognizerResultWithAnalysis"),
                                  {"type": "array", "items": _ref("RecognizerResultWithAnalysis")}]}})},
                      **error_responses(*_API_ERRORS)},
    }},
    "/anonymize": {"post": {
        "summary": "Presidio-compatible anonymize; a key is optional",
        "security": [{}, {"bearerAuth": []}],
        "requestBody": {"required": True, **_json(_ref("PresidioAnonymizeRequest"))},
        "responses": {"200": {"description": "Anonymized text", **_json(_ref("AnonymizeResult"))},
                      **error_responses(*_API_ERRORS)},
    }},
}


def build_spec() -> dict:
    paths = copy.deepcopy(_PATHS)
    for path, item in _extra_paths.items():
        paths.setdefault(path, {}).update(copy.deepcopy(item))
    return {
        "openapi": "3.0.3",
        "info": {"title": "piiscore server", "version": piiscore.__version__,
                 "description": "Personal data in doxing posts: scan, redact, draft takedown "
                                "requests, keep a case log. Every /api route needs "
                                "'Authorization: Bearer <key>' (piiscore-server keys add NAME)."},
        "paths": paths,
        "components": {
            "schemas": {**copy.deepcopy(_SCHEMAS), **copy.deepcopy(_extra_schemas)},
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"bearerAuth": []}],
    }


@bp.get("/openapi.json")
def openapi_json():
    return jsonify(build_spec())
