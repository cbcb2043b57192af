"""The dashboard: server-rendered pages at ``/`` for moderators who log in with their API key.

The session cookie holds the moderator's name, a fingerprint of the key (so a revoked key ends
its sessions at once) and a CSRF token; it is HttpOnly, SameSite=Strict, and Secure whenever
the request came over TLS. Every form carries the CSRF token.

``static/forms.js`` posts the forms as JSON, because the server's request limits take only JSON
bodies; the views read either, and answer a JSON submission with ``{"redirect": url}``.
"""
from __future__ import annotations

import datetime as dt
import hmac
import secrets
from functools import wraps

from flask import (Blueprint, Flask, abort, flash, g, has_request_context, jsonify,
                   redirect, render_template, request, session, url_for)
from flask.sessions import SecureCookieSessionInterface

from server.auth import get_key_store, hash_key, verify_key
from server.cases.api import evidence_response, export_response, store
from server.cases.store import FOLLOW_UP_KINDS, STATUSES, TRANSITIONS, CaseError
from server.validation import PLATFORMS
from piiscore.types import RISK_LEVELS

bp = Blueprint("dashboard", __name__, template_folder="templates", static_folder="static",
               static_url_path="/static/cases")

SESSION_HOURS = 8
PAGE_SIZE = 50
_FINGERPRINT_CHARS = 16


class TlsAwareSessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie, marked Secure when this request arrived over https."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"]) or (has_request_context() and request.is_secure)

    def open_session(self, app: Flask, request):
        # API clients send no session cookie: an empty session, without building the signing
        # serializer Flask would build for every request. Flask saves nothing for it.
        if app.secret_key and not request.cookies.get(self.get_cookie_name(app)):
            return self.session_class()
        return super().open_session(app, request)


def init_app(app: Flask) -> None:
    app.config.update(
        SESSION_COOKIE_NAME="piiscore_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        PERMANENT_SESSION_LIFETIME=dt.timedelta(hours=SESSION_HOURS),
    )
    app.session_interface = TlsAwareSessionInterface()


# -- session and CSRF ---------------------------------------------------------------------------

def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def _key_still_valid(name: str, fingerprint: str) -> bool:
    return any(e["name"] == name and hmac.compare_digest(e["hash"][:_FINGERPRINT_CHARS], fingerprint)
               for e in get_key_store().entries())


@bp.context_processor
def _template_helpers():
    return {"csrf_token": csrf_token}


@bp.before_request
def _check_session_and_csrf():
    g.moderator = None
    name, fingerprint = session.get("moderator"), session.get("key_fingerprint", "")
    if name and _key_still_valid(name, fingerprint):
        g.moderator = name
    elif name:
        session.clear()
    if request.method == "POST":
        sent = form_field("csrf_token")
        if not sent or not session.get("csrf") or not hmac.compare_digest(sent, session["csrf"]):
            message = "The form expired or did not come from this dashboard; reload the page and retry."
            if request.is_json:
                flash(message, "error")
                return jsonify({"redirect": url_for("dashboard.case_list")}), 400
            abort(400, message)


def form_field(name: str, max_chars: int = 4000) -> str:
    """A field of the submitted form, sent as JSON (forms.js) or form-encoded."""
    data = request.get_json(silent=True) if request.is_json else request.form
    value = data.get(name, "") if isinstance(data, dict) else ""
    return value.replace("\x00", "").strip()[:max_chars] if isinstance(value, str) else ""


def done(target: str):
    """Where to go after a form: a redirect, or its URL for forms.js."""
    return jsonify({"redirect": target}) if request.is_json else redirect(target)


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.moderator is None:
            wanted = request.full_path.rstrip("?") if request.method == "GET" else None
            return redirect(url_for("dashboard.login", next=wanted))
        return view(*args, **kwargs)
    return wrapped


def _safe_next(target: str | None) -> str:
    # Only a path on this site: never //host or a scheme.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("dashboard.case_list")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        key = form_field("api_key", 300)
        name = verify_key(key) if key else None
        if name is None:
            flash("That API key is not valid.", "error")
            if request.is_json:
                return jsonify({"redirect": request.full_path.rstrip("?")}), 401
            return render_template("cases/login.html"), 401
        session.clear()
        session.permanent = True
        session["moderator"] = name
        session["key_fingerprint"] = hash_key(key)[:_FINGERPRINT_CHARS]
        session["csrf"] = secrets.token_urlsafe(32)  # a new token for the new session
        return done(_safe_next(request.args.get("next")))
    return render_template("cases/login.html")


@bp.post("/logout")
def logout():
    session.clear()
    flash("You are logged out.", "info")
    return done(url_for("dashboard.login"))


# -- pages --------------------------------------------------------------------------------------

def _filters() -> dict:
    def pick(name, choices):
        value = request.args.get(name) or None
        return value if value in choices else None

    overdue = request.args.get("overdue")
    page = request.args.get("page", "1")
    page = int(page) if page.isdigit() and 0 < int(page) < 10**6 else 1
    return {"status": pick("status", STATUSES), "level": pick("level", RISK_LEVELS),
            "platform": pick("platform", PLATFORMS),
            "overdue": {"yes": True, "no": False}.get(overdue or ""), "page": page}


@bp.get("/")
@login_required
def case_list():
    f = _filters()
    result = store().list_cases(
        status=[f["status"]] if f["status"] else None, level=[f["level"]] if f["level"] else None,
        platform=[f["platform"]] if f["platform"] else None, overdue=f["overdue"],
        limit=PAGE_SIZE, offset=(f["page"] - 1) * PAGE_SIZE)
    pages = max(1, -(-result["total"] // PAGE_SIZE))
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("cases/list.html", result=result, filters=f, pages=pages, args=args,
                           statuses=STATUSES, levels=RISK_LEVELS, platforms=PLATFORMS)


@bp.get("/cases/<int:case_id>")
@login_required
def case_page(case_id: int):
    case = store().get_case(case_id)
    return render_template("cases/case.html", case=case, next_statuses=sorted(TRANSITIONS[case["status"]]),
                           follow_up_kinds=FOLLOW_UP_KINDS)


@bp.post("/cases/<int:case_id>/status")
@login_required
def change_status(case_id: int):
    page = url_for("dashboard.case_page", case_id=case_id)
    status = form_field("status")
    if status not in STATUSES:
        flash("Choose a status.", "error")
        return done(page)
    kind = form_field("follow_up_kind")
    try:
        store().change_status(
            case_id, status=status, moderator=g.moderator, note=form_field("note", 2000) or None,
            follow_up_kind=kind if kind in FOLLOW_UP_KINDS else None,
            police_report_number=form_field("police_report_number", 100) or None)
    except CaseError as exc:
        if exc.status != 409:
            raise
        flash(exc.message, "error")
    else:
        flash(f"Status changed to {status}.", "info")
    return done(page)


@bp.get("/cases/<int:case_id>/evidence/<int:evidence_id>")
@login_required
def download_evidence(case_id: int, evidence_id: int):
    meta, content = store().read_evidence(case_id, evidence_id, moderator=g.moderator, via="dashboard")
    return evidence_response(meta, content)


@bp.get("/cases/<int:case_id>/export")
@login_required
def export_case(case_id: int):
    return export_response(case_id, store().export_case(case_id, moderator=g.moderator))


# -- errors on dashboard pages are pages, not JSON ---------------------------------------------

@bp.errorhandler(CaseError)
def _case_error(exc: CaseError):
    return render_template("cases/error.html", status=exc.status, message=exc.message), exc.status


@bp.errorhandler(400)
@bp.errorhandler(404)
@bp.errorhandler(405)
def _http_error(exc):
    message = exc.description if exc.code == 400 else {404: "There is no such page.",
                                                       405: "This page does not take that request."}[exc.code]
    return render_template("cases/error.html", status=exc.code, message=message), exc.code
