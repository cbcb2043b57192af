"""``/api/scan``, ``/api/anonymize``, ``/api/drafts``: the extension's routes (key required)."""
from __future__ import annotations

from flask import Blueprint, jsonify

import piiscore
from piiscore.anonymize import anonymize as redact
from piiscore.drafting import make_draft
from server.errors import ApiError
from server.validation import (PLATFORMS, get_choice, get_language, get_optional_str, get_text,
                               json_body, utf16_offsets)

bp = Blueprint("api", __name__, url_prefix="/api")

DRAFT_KINDS = ("dsa_notice", "platform_report", "gdpr_erasure", "police_report")
# Case details a draft can use; more string fields pass through to make_draft.
MAX_DETAIL_FIELDS = 30
MAX_DETAIL_CHARS = 5000


# Fictitious; touches the recognizers and the scorer's lazily loaded lists.
_WARM_UP_TEXT = "Opwarmen: bel Jan op 06-00000000, Kerkstraat 1, 1234 AB Dorp. We weten waar je woont."


def warm_engine() -> None:
    """Build the engine and run one scan per language now, so the first request is not slow."""
    piiscore.get_engine()
    for language in ("nl", "en"):
        piiscore.scan(_WARM_UP_TEXT, language)


def scan_payload(text: str, result) -> dict:
    """``ScanResult.to_dict()`` with UTF-16 offsets added for JavaScript callers."""
    payload = result.to_dict()
    entities = payload["entities"]
    mapping = utf16_offsets(text, [e["start"] for e in entities] + [e["end"] for e in entities])
    for entity in entities:
        entity["start_utf16"] = mapping[entity["start"]]
        entity["end_utf16"] = mapping[entity["end"]]
    return payload


def _scan_request(body: dict):
    text = get_text(body)
    language = get_language(body)
    get_optional_str(body, "url")
    get_choice(body, "platform", PLATFORMS)
    return text, language


@bp.post("/scan")
def scan():
    body = json_body()
    text, language = _scan_request(body)
    return jsonify(scan_payload(text, piiscore.scan(text, language)))


@bp.post("/anonymize")
def anonymize():
    body = json_body()
    text, language = _scan_request(body)
    result = piiscore.scan(text, language)
    redacted = redact(text, list(result.entities))
    return jsonify({"text": redacted["text"], "items": redacted["items"]})


def _is_scalar(value) -> bool:
    return value is None or isinstance(value, (str, bool, int, float))


def _details(body: dict) -> dict:
    """Case details for make_draft: text fields, flags, lists (urls, data_kinds, evidence items)."""
    details = body.get("details")
    if details is None:
        details = {}
    if not isinstance(details, dict) or len(details) > MAX_DETAIL_FIELDS or not all(
            _is_scalar(v) or (isinstance(v, list) and len(v) <= 100 and all(
                _is_scalar(i) or (isinstance(i, dict) and len(i) <= 10
                                  and all(_is_scalar(x) for x in i.values())) for i in v))
            for v in details.values()):
        raise ApiError(400, f"'details' must be an object of at most {MAX_DETAIL_FIELDS} fields "
                            "(notifier_name, notifier_email, organisation, evidence, ...).")
    if any(isinstance(v, str) and len(v) > MAX_DETAIL_CHARS for v in details.values()):
        raise ApiError(400, f"A field of 'details' is longer than {MAX_DETAIL_CHARS} characters.")
    details = {k: v for k, v in details.items() if v is not None}
    for field in ("url", "platform"):
        if body.get(field) is not None:
            details[field] = body[field]
    return details


def _draft_error(exc: Exception) -> ApiError:
    # make_draft names the field first ("evidence: sha256 must be ..."); only the name goes out,
    # the rest of its message may quote what was sent.
    field = str(exc).split(":", 1)[0].split(" ", 1)[0]
    if field.replace("_", "").isalpha() and len(field) <= 40:
        return ApiError(422, f"The case detail '{field}' is malformed (hashes are 64 hex digits, "
                             "times ISO 8601, data_kinds from the documented list).")
    return ApiError(422, "The case details cannot be used for this draft.")


@bp.post("/drafts")
def drafts():
    """A takedown / report draft. The text is rescanned here: client entities are not trusted."""
    body = json_body()
    text, _ = _scan_request(body)
    kind = get_choice(body, "kind", DRAFT_KINDS, required=True)
    draft_language = get_language(body)  # None ("auto" or absent): the post's language
    # A scan result sent along is used only for the post's language, which is a hint.
    client_scan = body.get("scan")
    if client_scan is not None and not isinstance(client_scan, dict):
        raise ApiError(400, "'scan' must be the object /api/scan returned.")
    post_language = get_language(client_scan or {}, allow_auto=True)
    details = _details(body)
    result = piiscore.scan(text, post_language)
    try:
        draft = make_draft(text, result, kind, draft_language or result.language, details)
    except (ValueError, TypeError) as exc:
        raise _draft_error(exc) from None
    return jsonify(draft)
