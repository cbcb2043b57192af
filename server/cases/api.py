"""``/api/cases``: the case log's JSON API. ``server.auth`` has checked the key (``g.moderator``)."""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import math
import re

from flask import Blueprint, Response, current_app, g, jsonify, request

from server.cases.store import (DRAFT_KINDS, EVIDENCE_EXTENSIONS, EVIDENCE_KINDS, FOLLOW_UP_KINDS, STATUSES,
                                CaseStore, utcnow)
from server.errors import ApiError
from server.limits import large_body
from server.validation import PLATFORMS, get_choice, get_optional_str, get_text, json_body
from piiscore.types import RISK_LEVELS, TARGET_ROLES

bp = Blueprint("cases_api", __name__, url_prefix="/api/cases")

MAX_PAGE = 200
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


def store() -> CaseStore:
    """The app's case store (``server.cases.register`` puts it there)."""
    return current_app.extensions["piiscore_cases"]


# -- request parsing ----------------------------------------------------------------------------

def parse_time(value, field: str) -> dt.datetime | None:
    """An ISO 8601 time with a zone (``Z`` or an offset), returned in UTC."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ApiError(400, f"'{field}' must be an ISO 8601 time string.")
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ApiError(400, f"'{field}' is not an ISO 8601 time, e.g. 2026-01-31T12:00:00Z.") from None
    if parsed.tzinfo is None:
        raise ApiError(400, f"'{field}' needs a time zone (Z for UTC).")
    try:
        return parsed.astimezone(dt.timezone.utc)
    except OverflowError:
        raise ApiError(400, f"'{field}' is out of range.") from None


def get_field(body: dict, field: str, max_chars: int) -> str | None:
    """An optional short string that is stored as is (PostgreSQL text cannot hold NUL)."""
    value = get_optional_str(body, field, max_chars=max_chars)
    if value is not None and "\x00" in value:
        raise ApiError(400, f"'{field}' contains a NUL character.")
    return value


def parse_scan(scan, text: str) -> dict:
    """A client's scan result (``/api/scan``'s object): check its shape, keep what a case needs."""
    if not isinstance(scan, dict):
        raise ApiError(400, "'scan' must be the object /api/scan returned.")
    entities = scan.get("entities", [])
    score = scan.get("score")
    if not isinstance(entities, list) or not isinstance(score, dict):
        raise ApiError(400, "'scan' needs 'entities' (a list) and 'score' (an object).")
    clean = []
    for e in entities:
        if not (isinstance(e, dict) and isinstance(e.get("type"), str) and re.fullmatch(r"[A-Z][A-Z0-9_]{0,39}", e["type"])
                and all(isinstance(e.get(k), int) and not isinstance(e.get(k), bool) for k in ("start", "end"))
                and 0 <= e["start"] < e["end"] <= len(text)):
            raise ApiError(400, "Each entity in 'scan' needs 'type' (upper-case) and 'start' < 'end' within the text.")
        clean.append({"type": e["type"], "start": e["start"], "end": e["end"]})
    level, value = score.get("level"), score.get("value")
    if level not in RISK_LEVELS:
        raise ApiError(400, f"'scan.score.level' must be one of {', '.join(RISK_LEVELS)}.")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or not 0 <= value <= 100:
        raise ApiError(400, "'scan.score.value' must be a number from 0 to 100.")
    reasons = score.get("reasons") or []
    if not isinstance(reasons, list) or not all(isinstance(r, dict) and isinstance(r.get("code"), str)
                                                 and len(r["code"]) <= 80 for r in reasons):
        raise ApiError(400, "'scan.score.reasons' must be a list of objects with a 'code'.")
    flags = score.get("flags") or {}
    if not isinstance(flags, dict):
        raise ApiError(400, "'scan.score.flags' must be an object.")
    role = flags.get("target_role", "none")
    if role not in TARGET_ROLES:
        raise ApiError(400, f"'scan.score.flags.target_role' must be one of {', '.join(TARGET_ROLES)}.")
    clean_flags = {k: bool(v) for k, v in flags.items()
                   if isinstance(k, str) and len(k) <= 40 and isinstance(v, bool)}
    language = scan.get("language")
    return {"language": language if language in ("nl", "en") else None, "entities": clean,
            "score": {"level": level, "value": int(round(value)),
                      "reasons": [{"code": r["code"]} for r in reasons],
                      "flags": {**clean_flags, "target_role": role}}}


def _multi(name: str, choices) -> list[str] | None:
    values = [v for raw in request.args.getlist(name) for v in raw.split(",") if v]
    bad = [v for v in values if v not in choices]
    if bad:
        raise ApiError(400, f"'{name}' must be one of {', '.join(choices)}.")
    return values or None


def _int_arg(name: str, default: int, minimum: int, maximum: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or not minimum <= int(raw) <= maximum:
        raise ApiError(400, f"'{name}' must be a whole number from {minimum} to {maximum}.")
    return int(raw)


def list_filters() -> dict:
    overdue = request.args.get("overdue")
    if overdue not in (None, "", "true", "false", "1", "0"):
        raise ApiError(400, "'overdue' must be true or false.")
    return {
        "status": _multi("status", STATUSES),
        "level": _multi("level", RISK_LEVELS),
        "platform": _multi("platform", PLATFORMS),
        "overdue": None if overdue in (None, "") else overdue in ("true", "1"),
        "limit": _int_arg("limit", 50, 1, MAX_PAGE),
        "offset": _int_arg("offset", 0, 0, 10**9),
    }


# -- routes -------------------------------------------------------------------------------------

@bp.post("")
def create_case():
    body = json_body()
    text = get_text(body)
    url = get_field(body, "url", 2000)
    if not url:
        raise ApiError(400, "'url' is required: the post's address.")
    scan = parse_scan(body["scan"], text) if body.get("scan") is not None else None
    case = store().create_case(
        text=text, url=url, moderator=g.moderator,
        platform=get_choice(body, "platform", PLATFORMS, default="other"),
        account_handle=get_field(body, "account_handle", 200), post_id=get_field(body, "post_id", 200),
        scan=scan)
    return jsonify(case), 201, {"Location": f"{bp.url_prefix}/{case['id']}"}


@bp.get("")
def list_cases():
    return jsonify(store().list_cases(**list_filters()))


@bp.get("/<int:case_id>")
def get_case(case_id: int):
    return jsonify(store().get_case(case_id))


@bp.post("/<int:case_id>/status")
def change_status(case_id: int):
    body = json_body()
    case = store().change_status(
        case_id, status=get_choice(body, "status", STATUSES, required=True), moderator=g.moderator,
        note=get_optional_str(body, "note", max_chars=2000),
        follow_up_kind=get_choice(body, "follow_up_kind", FOLLOW_UP_KINDS),
        follow_up_at=parse_time(body.get("follow_up_at"), "follow_up_at"),
        police_report_number=get_field(body, "police_report_number", 100))
    return jsonify(case)


@bp.post("/<int:case_id>/evidence")
@large_body
def add_evidence(case_id: int):
    body = json_body()
    kind = get_choice(body, "kind", tuple(EVIDENCE_KINDS), required=True)
    sha256 = body.get("sha256")
    if not isinstance(sha256, str) or not _SHA256.match(sha256):
        raise ApiError(400, "'sha256' must be the 64 hex digits of the content's SHA-256.")
    encoded = body.get("content_base64")
    if not isinstance(encoded, str) or not encoded:
        raise ApiError(400, "'content_base64' is required: the item's bytes, base64 encoded.")
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(400, "'content_base64' is not valid base64.") from None
    captured_at = parse_time(body.get("captured_at"), "captured_at")
    if captured_at is not None and captured_at > utcnow() + dt.timedelta(minutes=5):
        raise ApiError(400, "'captured_at' lies in the future.")
    item = store().add_evidence(
        case_id, kind=kind, content=content, sha256=sha256, moderator=g.moderator,
        captured_at=captured_at, source_url=get_field(body, "source_url", 2000))
    return jsonify(item), 201


@bp.get("/<int:case_id>/evidence/<int:evidence_id>")
def download_evidence(case_id: int, evidence_id: int):
    meta, content = store().read_evidence(case_id, evidence_id, moderator=g.moderator, via="api")
    return evidence_response(meta, content)


@bp.get("/<int:case_id>/export")
def export_case(case_id: int):
    return export_response(case_id, store().export_case(case_id, moderator=g.moderator))


@bp.post("/<int:case_id>/drafts")
def make_draft(case_id: int):
    from piiscore.drafting import make_draft as draft_for

    body = json_body()
    kind = get_choice(body, "kind", DRAFT_KINDS, required=True)
    language = get_choice(body, "language", ("nl", "en"), default=None)
    details = body.get("details")
    details = {} if details is None else details
    if not isinstance(details, dict):
        raise ApiError(400, "'details' must be an object (notifier_name, notifier_email, organisation, ...).")
    case = store().get_case(case_id)
    text = store().original_text(case_id, moderator=g.moderator, purpose=f"{kind} draft")
    language = language or case["language"] or "nl"
    details = {**details, "url": case["url"], "platform": case["platform"],
               "account_handle": case["account_handle"], "post_id": case["post_id"],
               "police_report_number": case["police_report_number"],
               "evidence": [{"kind": e["kind"], "sha256": e["sha256"], "captured_at": e["captured_at"]}
                            for e in case["evidence"]]}
    try:
        draft = draft_for(text, store().scan(text), kind, language, details)
    except ValueError:
        raise ApiError(400, "The draft details are not valid (check platform, times and hashes).") from None
    record = store().add_draft(case_id, kind=kind, language=language, moderator=g.moderator)
    return jsonify({**draft, "record": record}), 201


# -- responses shared with the dashboard --------------------------------------------------------

def evidence_response(meta: dict, content: bytes) -> Response:
    name = f"case-evidence-{meta['id']}.{EVIDENCE_EXTENSIONS[meta['kind']]}"
    # Served as a download, never rendered: saved HTML must not run on the dashboard's origin.
    return Response(content, mimetype="application/octet-stream", headers={
        "Content-Disposition": f'attachment; filename="{name}"', "X-Evidence-SHA256": meta["sha256"]})


def export_response(case_id: int, data: bytes) -> Response:
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    return Response(data, mimetype="application/zip", headers={
        "Content-Disposition": f'attachment; filename="case-{case_id}-evidence-{stamp}.zip"'})
