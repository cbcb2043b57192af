"""The case log's part of ``GET /openapi.json``."""
from __future__ import annotations

from server import openapi
from server.cases.store import DRAFT_KINDS, EVIDENCE_KINDS, FOLLOW_UP_KINDS, STATUSES
from server.validation import PLATFORMS
from piiscore.types import RISK_LEVELS


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ID = {"name": "case_id", "in": "path", "required": True, "schema": {"type": "integer"}}
_EVIDENCE_ID = {"name": "evidence_id", "in": "path", "required": True, "schema": {"type": "integer"}}
_ZIP = {"description": "The evidence package", "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}}
_BYTES = {"description": "The item's bytes (a download)",
          "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}


def _query(name: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema}


SCHEMAS = {
    "CaseCreate": {
        "type": "object", "required": ["text", "url"],
        "properties": {
            "text": {"type": "string", "minLength": 1, "maxLength": 100000, "pattern": r"\S"},
            "url": {"type": "string", "minLength": 1, "maxLength": 2000},
            "platform": {"type": "string", "enum": list(PLATFORMS)},
            "account_handle": {"type": "string", "maxLength": 200},
            "post_id": {"type": "string", "maxLength": 200},
            "scan": {"type": "object", "description": "The object /api/scan returned (optional)"},
        },
    },
    "Case": {"type": "object", "required": ["id", "status", "risk", "url"], "properties": {
        "id": {"type": "integer"}, "status": {"type": "string", "enum": list(STATUSES)},
        "risk": {"type": "object"}, "url": {"type": "string"}, "overdue": {"type": "boolean"},
        "follow_up_at": {"type": "string", "nullable": True}, "history": {"type": "array", "items": {"type": "object"}},
        "evidence": {"type": "array", "items": {"type": "object"}},
        "custody_log": {"type": "array", "items": {"type": "object"}}}},
    "CaseList": {"type": "object", "required": ["items", "total", "limit", "offset"], "properties": {
        "items": {"type": "array", "items": _ref("Case")}, "total": {"type": "integer"},
        "limit": {"type": "integer"}, "offset": {"type": "integer"}}},
    "StatusChange": {"type": "object", "required": ["status"], "properties": {
        "status": {"type": "string", "enum": list(STATUSES)}, "note": {"type": "string", "maxLength": 2000},
        "follow_up_kind": {"type": "string", "enum": list(FOLLOW_UP_KINDS)},
        "follow_up_at": {"type": "string", "format": "date-time"},
        "police_report_number": {"type": "string", "maxLength": 100}}},
    "EvidenceUpload": {"type": "object", "required": ["kind", "content_base64", "sha256"], "properties": {
        "kind": {"type": "string", "enum": list(EVIDENCE_KINDS)}, "content_base64": {"type": "string"},
        "sha256": {"type": "string", "pattern": "^[0-9a-fA-F]{64}$"},
        "captured_at": {"type": "string", "format": "date-time"}, "source_url": {"type": "string", "maxLength": 2000}}},
    "EvidenceItem": {"type": "object", "required": ["id", "kind", "sha256"], "properties": {
        "id": {"type": "integer"}, "kind": {"type": "string"}, "sha256": {"type": "string"},
        "size": {"type": "integer"}, "captured_at": {"type": "string"}}},
    "CaseDraftRequest": {"type": "object", "required": ["kind"], "properties": {
        "kind": {"type": "string", "enum": list(DRAFT_KINDS)}, "language": {"type": "string", "enum": ["nl", "en"]},
        "details": {"type": "object"}}},
}

PATHS = {
    "/api/cases": {
        "post": {"summary": "Open a case from a post (scanned by the server when no scan is given)",
                 "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("CaseCreate")}}},
                 "responses": {"201": _json(_ref("Case"), "Created"), **openapi.error_responses(400, 401, 413, 415, 429)}},
        "get": {"summary": "List cases, newest first",
                "parameters": [_query("status", {"type": "string"}), _query("level", {"type": "string", "enum": list(RISK_LEVELS)}),
                               _query("platform", {"type": "string"}), _query("overdue", {"type": "boolean"}),
                               _query("limit", {"type": "integer", "minimum": 1, "maximum": 200}),
                               _query("offset", {"type": "integer", "minimum": 0})],
                "responses": {"200": _json(_ref("CaseList")), **openapi.error_responses(400, 401, 429)}},
    },
    "/api/cases/{case_id}": {"get": {
        "summary": "One case with its status history, drafts, evidence list and custody log", "parameters": [_ID],
        "responses": {"200": _json(_ref("Case")), **openapi.error_responses(401, 404, 429)}}},
    "/api/cases/{case_id}/status": {"post": {
        "summary": "Change the status (transitions are checked; 409 when not allowed)", "parameters": [_ID],
        "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("StatusChange")}}},
        "responses": {"200": _json(_ref("Case")), **openapi.error_responses(400, 401, 404, 409, 415, 429)}}},
    "/api/cases/{case_id}/evidence": {"post": {
        "summary": "Attach an evidence item; its SHA-256 is checked on arrival", "parameters": [_ID],
        "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("EvidenceUpload")}}},
        "responses": {"201": _json(_ref("EvidenceItem"), "Stored"), **openapi.error_responses(400, 401, 404, 413, 415, 429)}}},
    "/api/cases/{case_id}/evidence/{evidence_id}": {"get": {
        "summary": "Download one evidence item (custody-logged)", "parameters": [_ID, _EVIDENCE_ID],
        "responses": {"200": _BYTES, **openapi.error_responses(401, 404, 410, 429)}}},
    "/api/cases/{case_id}/export": {"get": {
        "summary": "The evidence package: manifest.json, files, summary.html (custody-logged)", "parameters": [_ID],
        "responses": {"200": _ZIP, **openapi.error_responses(401, 404, 429)}}},
    "/api/cases/{case_id}/drafts": {"post": {
        "summary": "Make a takedown / report draft from the case and record that it was made", "parameters": [_ID],
        "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("CaseDraftRequest")}}},
        "responses": {"201": _json({"type": "object"}, "Draft"), **openapi.error_responses(400, 401, 404, 410, 415, 429)}}},
}


def register() -> None:
    openapi.register_paths(PATHS, schemas=SCHEMAS)
