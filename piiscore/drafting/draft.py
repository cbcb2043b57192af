"""Build takedown notices, platform reports, GDPR erasure requests and police-report summaries.

Only *kinds* of data reach a draft, never values from the post: the only excerpt (in the police
summary) is redacted first. Inputs the moderator has not given come back in ``missing`` and show
as a visible placeholder in the body; nothing is invented and nothing is sent.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

import jinja2

from piiscore.drafting import labels
from piiscore.drafting._redact import redact
from piiscore.drafting.platforms import PLATFORM_IDS, get_platform, load_platforms
from piiscore.types import Entity, Reason, RiskScore, ScanResult

KINDS = ("dsa_notice", "platform_report", "gdpr_erasure", "police_report")
LANGUAGES = ("nl", "en")
FILER_ROLES = ("organisation", "representative", "person_concerned")

# Inputs each kind cannot do without. Besides these, "authorisation" is required where the law or
# the channel gives the right to the person concerned only, and "context" / "data_kinds" when the
# scan gives nothing to substantiate the notice with.
_REQUIRED = {
    "dsa_notice": ("url", "platform", "notifier_name", "notifier_email"),
    "platform_report": ("url", "platform"),
    "gdpr_erasure": ("url", "platform", "notifier_name", "notifier_email"),
    "police_report": ("url", "platform", "account_handle", "captured_at", "evidence"),
}

_MISSING_ORDER = (
    "url", "platform", "account_handle", "notifier_name", "notifier_email", "organisation",
    "authorisation", "captured_at", "evidence", "data_kinds", "context",
)
_TRUSTED_FLAGGER_ONLY = {"non_english_form_misroutes_trusted_flaggers"}
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_MOBILE = re.compile(r"^\s*(?:(?:\+|00)\s*31[\s\-.()]*0?[\s\-.()]*|0)6")
_EXCERPT_MAX_CHARS = 2000


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # Plain text, not HTML: autoescape off. StrictUndefined turns a typo in a template into an
    # error instead of a silent gap. User input is only ever a variable, never template source.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("piiscore.drafting", "templates"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def make_draft(
    text: str,
    scan_result: ScanResult | Mapping[str, Any],
    kind: str,
    language: str,
    details: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Return ``{kind, language, subject, body, channel: {name, url, notes}, missing}``.

    ``details`` (all optional): url / urls, platform, account_handle, post_id, video_timestamp,
    notifier_name, notifier_email, organisation, trusted_flagger, authorisation,
    police_report_number, captured_at and posted_at (ISO 8601, shown in UTC; no offset = UTC), evidence
    ([{kind, sha256, captured_at}]), stalking, filer_role (organisation | representative |
    person_concerned; a truthy on_behalf_of means representative), context (the moderator's own words on why the post intimidates),
    data_kinds (kinds only the moderator can confirm: home_address, photo, family, children,
    daily_routine).

    Raises ``ValueError`` for an unknown kind, language or platform, or a malformed hash or time.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected nl or en")
    scan = _as_scan_result(scan_result, text)
    context, missing = _context(text, scan, kind, language, dict(details or {}))

    template = _environment().get_template(f"{kind}.{language}.txt.j2")
    subject = _render_block(template, "subject", context).strip()
    if "reason" in template.blocks:
        context["reason"] = _reason(template, context)
    body = _tidy(_render_block(template, "body", context))
    return {
        "kind": kind,
        "language": language,
        "subject": subject,
        "body": body,
        "channel": context["channel"],
        "missing": missing,
    }


def _render_block(template: jinja2.Template, name: str, context: dict[str, Any]) -> str:
    return "".join(template.blocks[name](template.new_context(context)))


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"


def _reason(template: jinja2.Template, context: dict[str, Any]) -> str:
    """The form's reason text within its length limit: drop the optional sentences before cutting."""
    limit = context["max_chars"]
    shorter = {"brief": True, "policy": "", "data_kinds": context["data_kinds_short"]}
    for variant in ({}, {"brief": True}, shorter):
        reason = " ".join(_render_block(template, "reason", {**context, **variant}).split())
        if len(reason) <= limit:
            return reason
    return reason[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# --------------------------------------------------------------------------- inputs


def _clean(value: Any) -> str:
    """One line of plain text: a newline in a name must not start a fake paragraph."""
    if value is None:
        return ""
    return " ".join(_CONTROL.sub(" ", str(value)).split())


def _utc(value: Any, field: str) -> str:
    raw = _clean(value)
    if not raw:
        return ""
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"{field}: not an ISO 8601 time") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def _urls(details: Mapping[str, Any]) -> list[str]:
    found: list[str] = []
    raw = details.get("urls") or []
    if isinstance(raw, str):
        raw = [raw]
    for value in [details.get("url"), *raw]:
        url = _clean(value)
        if url and url not in found:
            found.append(url)
    return found


def _evidence(details: Mapping[str, Any], language: str) -> list[dict[str, str]]:
    items = []
    for item in details.get("evidence") or []:
        if not isinstance(item, Mapping):
            raise ValueError("evidence: each item must be an object {kind, sha256, captured_at}")
        sha = _clean(item.get("sha256"))
        if not _SHA256.match(sha):
            raise ValueError("evidence: sha256 must be 64 hexadecimal characters")
        kind = _clean(item.get("kind")) or "file"
        items.append(
            {
                "kind": labels.EVIDENCE_KINDS.get(kind, {}).get(language, kind),
                "sha256": sha.lower(),
                "captured_at": _utc(item.get("captured_at"), "evidence captured_at"),
            }
        )
    return items


def _as_scan_result(value: ScanResult | Mapping[str, Any], text: str) -> ScanResult:
    """Accept a ScanResult or its ``to_dict()`` form (as the server receives it)."""
    if isinstance(value, ScanResult):
        return value
    if not isinstance(value, Mapping):
        raise ValueError("scan_result must be a ScanResult or its dict form")
    entities = tuple(
        Entity(
            type=str(e["type"]),
            start=int(e["start"]),
            end=int(e["end"]),
            score=float(e.get("score", 0.0)),
            text=str(e.get("text") or text[int(e["start"]) : int(e["end"])]),
        )
        for e in value.get("entities") or []
    )
    score = value.get("score") or {}
    return ScanResult(
        text=text,
        language=str(value.get("language") or ""),
        entities=entities,
        score=RiskScore(
            value=int(score.get("value", 0)),
            level=str(score.get("level", "none")),
            reasons=tuple(Reason(str(r["code"]), str(r.get("message", ""))) for r in score.get("reasons") or []),
            flags=dict(score.get("flags") or {}),
        ),
    )


def _data_kinds(scan: ScanResult, details: Mapping[str, Any], language: str) -> list[str]:
    keys: set[str] = set()
    for entity in scan.entities:
        if entity.type == "PHONE_NUMBER" and _MOBILE.match(entity.text):
            keys.add("MOBILE_NUMBER")
        elif entity.type in labels.DATA_KINDS:
            keys.add(entity.type)
    for extra in details.get("data_kinds") or []:
        key = _clean(extra).upper()
        if key not in labels.MODERATOR_KINDS:
            raise ValueError(f"data_kinds: unknown kind {extra!r}")
        keys.add(key)
    if "HOME_ADDRESS" in keys:
        keys.discard("NL_ADDRESS")
    if "LOCATION" in keys and keys & {"HOME_ADDRESS", "NL_ADDRESS"}:
        keys.discard("LOCATION")
    if "MOBILE_NUMBER" in keys and not any(
        e.type == "PHONE_NUMBER" and not _MOBILE.match(e.text) for e in scan.entities
    ):
        keys.discard("PHONE_NUMBER")
    return [label[language] for key, label in labels.DATA_KINDS.items() if key in keys]


def _join(items: list[str], language: str, conjunction: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    word = {"and": {"nl": "en", "en": "and"}, "or": {"nl": "of", "en": "or"}}[conjunction][language]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


# --------------------------------------------------------------------------- context


def _context(
    text: str, scan: ScanResult, kind: str, language: str, details: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    missing: list[str] = []

    def given_or_placeholder(field: str, value: str) -> str:
        if value or field not in _REQUIRED[kind]:
            return value
        if field not in missing:
            missing.append(field)
        return labels.PLACEHOLDERS[field][language]

    platform_id = _clean(details.get("platform")).lower()
    if platform_id and platform_id not in PLATFORM_IDS:
        raise ValueError(f"unknown platform {platform_id!r}; expected one of {', '.join(PLATFORM_IDS)}")
    if not platform_id and "platform" in _REQUIRED[kind]:
        missing.append("platform")
    platform = get_platform(platform_id or "other")
    if platform["name"]:
        platform_name = platform["name"]
    elif platform_id:  # "other"
        platform_name = labels.CHANNEL_NOTES["generic_platform"][language]
    else:
        platform_name = labels.PLACEHOLDERS["platform"][language]

    urls = _urls(details)
    if not urls:
        urls = [given_or_placeholder("url", "")]

    flags = scan.score.flags or {}
    # The moderator can confirm what the scorer missed: veiled threats are often worded in
    # ways no rule knows.
    threat = bool(flags.get("threat")) or bool(details.get("threat"))
    call_to_action = bool(flags.get("call_to_action")) or bool(details.get("call_to_action"))
    stalking = bool(details.get("stalking"))
    role_key = str(flags.get("target_role") or "none")
    role = labels.ROLES.get(role_key, {}).get(language, "")
    signals = [
        labels.INTENT_SIGNALS[key][language]
        for key, on in (
            ("job_link", bool(role)),
            ("call_to_action", call_to_action),
            ("threat", threat),
            ("stalking", stalking),
            ("obfuscation", bool(flags.get("obfuscation"))),
        )
        if on
    ]
    moderator_context = _clean(details.get("context"))
    if not signals and not moderator_context and kind != "gdpr_erasure":
        missing.append("context")
        moderator_context = labels.PLACEHOLDERS["context"][language]

    kinds = _data_kinds(scan, details, language)
    if not kinds:
        missing.append("data_kinds")
        kinds = [labels.PLACEHOLDERS["data_kinds"][language]]

    filer_role = _clean(details.get("filer_role")).lower() or (
        "representative" if details.get("on_behalf_of") else "organisation"
    )
    if filer_role not in FILER_ROLES:
        raise ValueError(f"unknown filer_role {filer_role!r}; expected one of {', '.join(FILER_ROLES)}")
    authorised = bool(details.get("authorisation")) or filer_role == "person_concerned"

    trusted_flagger = bool(details.get("trusted_flagger"))
    organisation = _clean(details.get("organisation"))
    if trusted_flagger and not organisation:
        missing.append("organisation")  # only organisations can be trusted flaggers (recital 61 DSA)

    captured_at = given_or_placeholder("captured_at", _utc(details.get("captured_at"), "captured_at"))
    evidence = _evidence(details, language)
    if not evidence:
        given_or_placeholder("evidence", "")

    channel, channel_missing = _channel(kind, platform, language, authorised, trusted_flagger)
    for field in channel_missing:
        if field not in missing:
            missing.append(field)
    if kind == "gdpr_erasure" and not authorised:
        missing.append("authorisation")

    max_chars = platform.get("max_chars") or load_platforms()["default_max_chars"]
    if kind == "platform_report" and not platform.get("max_chars"):
        channel["notes"].append(labels.CHANNEL_NOTES["length_limit_unknown"][language].format(max_chars=max_chars))

    context = {
        "platform_name": platform_name,
        "policy": platform.get("policy") or "",
        "urls": urls,
        "account_handle": given_or_placeholder("account_handle", _clean(details.get("account_handle"))),
        "post_id": _clean(details.get("post_id")),
        "video_timestamp": _clean(details.get("video_timestamp")),
        "notifier_name": given_or_placeholder("notifier_name", _clean(details.get("notifier_name"))),
        "notifier_email": given_or_placeholder("notifier_email", _clean(details.get("notifier_email"))),
        "organisation": organisation or (labels.PLACEHOLDERS["organisation"][language] if trusted_flagger else ""),
        "trusted_flagger": trusted_flagger,
        "filer_role": filer_role,
        "authorised": authorised,
        "authorisation_placeholder": labels.PLACEHOLDERS["authorisation"][language],
        "police_report_number": _clean(details.get("police_report_number")),
        "captured_at": captured_at,
        "posted_at": _utc(details.get("posted_at"), "posted_at"),
        "evidence": evidence,
        "evidence_placeholder": labels.PLACEHOLDERS["evidence"][language],
        "threat": threat,
        "stalking": stalking,
        "role": role,
        "role_key": role_key,
        "signals": _join(signals, language),
        "moderator_context": moderator_context,
        "data_kinds": _join(kinds, language),
        "data_kinds_short": _join(kinds[:3] + [labels.CHANNEL_NOTES["more"][language]] if len(kinds) > 3 else kinds, language),
        "excerpt": _excerpt(text, scan) if kind == "police_report" else "",
        "channel": channel,
        "max_chars": max_chars,
        "reason": "",
        "brief": False,
    }
    return context, sorted(missing, key=_MISSING_ORDER.index)


def _channel(
    kind: str, platform: Mapping[str, Any], language: str, authorised: bool, trusted_flagger: bool
) -> tuple[dict[str, Any], list[str]]:
    notes_text = labels.CHANNEL_NOTES
    if kind == "gdpr_erasure":
        notes = [notes_text["gdpr_authorisation"][language], notes_text["gdpr_complaint"][language]]
        return {"name": notes_text["gdpr_channel"][language], "url": None, "notes": notes}, []
    if kind == "police_report":
        notes = [notes_text["police_phone"][language], notes_text["police_summary_only"][language]]
        return {"name": notes_text["police_channel"][language], "url": None, "notes": notes}, []

    data = platform["dsa_channel" if kind == "dsa_notice" else "report_channel"]
    notes: list[str] = []
    missing: list[str] = []
    if data.get("unconfirmed"):
        notes.append(notes_text["unconfirmed"][language].format(what=notes_text["unconfirmed_channel"][language]))
    elif data.get("url_unconfirmed"):
        notes.append(notes_text["unconfirmed"][language].format(what=notes_text["unconfirmed_url"][language]))
    if data.get("who_may_report") == "first_party_only":
        exceptions = [notes_text[name][language] for name in data.get("first_party_exceptions", [])]
        joined = notes_text["first_party_exceptions"][language].format(names=_join(exceptions, language, "or")) if exceptions else ""
        notes.append(notes_text["first_party_only"][language].format(exceptions=joined))
        if data.get("who_may_report_unconfirmed"):
            notes.append(notes_text["unconfirmed"][language].format(what=notes_text["unconfirmed_who"][language]))
        elif not authorised:
            missing.append("authorisation")
    if data.get("requirements_unconfirmed") and data.get("requirements"):
        notes.append(notes_text["unconfirmed"][language].format(what=notes_text["unconfirmed_requirements"][language]))
    notes.extend(
        notes_text[code][language]
        for code in data.get("requirements", [])
        if trusted_flagger or code not in _TRUSTED_FLAGGER_ONLY
    )
    if kind == "dsa_notice":
        notes.append(notes_text["role_based_email"][language])
    notes.append(notes_text["one_post_per_notice"][language])
    name = data["name"] or notes_text["generic_dsa_channel" if kind == "dsa_notice" else "generic_report_channel"][language]
    return {"name": name, "url": data.get("url"), "notes": notes}, missing


def _excerpt(text: str, scan: ScanResult) -> str:
    redacted = redact(text, scan.entities).strip()
    if len(redacted) > _EXCERPT_MAX_CHARS:
        redacted = redacted[: _EXCERPT_MAX_CHARS - 1].rsplit(" ", 1)[0] + " …"
    return redacted
