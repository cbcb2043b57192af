"""The case log: cases, their status history, drafts, encrypted evidence and its custody log.

Every method is one transaction. Writers lock the case row first (``BEGIN IMMEDIATE`` on SQLite,
``SELECT ... FOR UPDATE`` on PostgreSQL), so concurrent status changes queue and none is lost.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
from typing import Any, Callable, Iterable, Optional

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import piiscore
from piiscore.anonymize import anonymize
from piiscore.types import Entity

from server.cases.crypto import EvidenceCipher
from server.cases.db import Database
from server.cases.models import Case, CustodyEntry, Draft, EvidenceItem, StatusChange, utcnow
from server.cases.settings import CaseSettings, add_duration

log = logging.getLogger(__name__)

STATUSES = ("new", "reported", "acknowledged", "removed", "rejected", "escalated", "reappeared")
# Which status may follow which. "reported": a notice went to the platform; "escalated": to the
# police, the DSC, a trusted flagger or a court; "reappeared": a removed post is back.
TRANSITIONS: dict[str, frozenset[str]] = {
    "new": frozenset({"reported", "escalated", "rejected"}),
    "reported": frozenset({"acknowledged", "removed", "rejected", "escalated"}),
    "acknowledged": frozenset({"removed", "rejected", "escalated"}),
    "removed": frozenset({"reappeared"}),
    "rejected": frozenset({"reported", "escalated"}),
    "escalated": frozenset({"reported", "acknowledged", "removed", "rejected"}),
    "reappeared": frozenset({"reported", "escalated", "removed"}),
}
# Statuses that wait for someone else; a follow-up date applies to them.
WAITING = frozenset({"reported", "acknowledged", "escalated", "reappeared"})
FOLLOW_UP_KINDS = ("dsa_notice", "platform_report", "gdpr_erasure", "police_report")
EVIDENCE_KINDS = {"text": "text/plain; charset=utf-8", "html": "text/html; charset=utf-8",
                  "screenshot": "image/png"}
EVIDENCE_EXTENSIONS = {"text": "txt", "html": "html", "screenshot": "png"}
DRAFT_KINDS = ("dsa_notice", "platform_report", "gdpr_erasure", "police_report")
SYSTEM = "system"
MAX_ID = 2**31 - 1  # the id columns are 32-bit: a larger id names nothing (and must not overflow)


class CaseError(Exception):
    """An expected failure with the HTTP status it maps to."""

    status = 400

    def __init__(self, message: str, status: Optional[int] = None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


class NotFound(CaseError):
    status = 404


class Conflict(CaseError):
    status = 409


def iso(value: Optional[dt.datetime]) -> Optional[str]:
    return None if value is None else value.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


class CaseStore:
    def __init__(self, db: Database, settings: CaseSettings, scan: Optional[Callable[[str], Any]] = None):
        self.db = db
        self.settings = settings
        self.cipher = EvidenceCipher(settings.evidence_key)
        self._scan = scan or piiscore.scan

    # -- scanning and redaction -------------------------------------------------------------

    def scan(self, text: str):
        return self._scan(text)

    def redact_text(self, text: str, extra: Iterable[Entity] = ()) -> tuple[str, Any]:
        """Redact with the server's own scan plus any spans a client sent; returns (text, scan).

        The server always scans: a client's scan with a missed span must not put data in clear.
        """
        result = self.scan(text)
        redacted = anonymize(text, [*result.entities, *extra])["text"]
        return redacted.replace("\x00", "\ufffd"), result  # PostgreSQL text cannot hold NUL

    # -- cases ------------------------------------------------------------------------------

    def create_case(self, *, text: str, url: str, moderator: str, platform: str = "other",
                    account_handle: Optional[str] = None, post_id: Optional[str] = None,
                    scan: Optional[dict] = None, now: Optional[dt.datetime] = None) -> dict:
        now = now or utcnow()
        client_spans = [Entity(e["type"], e["start"], e["end"], 1.0, "") for e in (scan or {}).get("entities", [])]
        redacted, own = self.redact_text(text, client_spans)
        summary = scan if scan is not None else own.to_dict()
        score = summary["score"]
        flags = dict(score.get("flags") or {})
        raw = text.encode("utf-8")
        with self.db.write() as s:
            case = Case(
                created_at=now, updated_at=now, created_by=moderator, platform=platform, post_url=url,
                account_handle=account_handle, post_id=post_id, language=summary.get("language") or own.language,
                redacted_text=redacted,
                data_kinds=sorted({e["type"] for e in summary.get("entities", [])}),
                risk_level=score["level"], risk_value=int(score["value"]),
                reason_codes=[r["code"] for r in score.get("reasons", [])],
                target_role=str(flags.get("target_role") or "none"),
                flags={k: bool(v) for k, v in flags.items() if k != "target_role"},
                status="new", status_changed_at=now)
            s.add(case)
            s.flush()
            s.add(StatusChange(case_id=case.id, from_status=None, to_status="new", moderator=moderator,
                               created_at=now, note=None))
            self._store_evidence(s, case, kind="text", content=raw, sha256=hashlib.sha256(raw).hexdigest(),
                                 captured_at=now, source_url=url, moderator=moderator, now=now,
                                 detail="post text as submitted with the case")
            s.flush()
            return self._case_dict(s, case, full=True, now=now)

    def list_cases(self, *, status: Optional[list[str]] = None, level: Optional[list[str]] = None,
                   platform: Optional[list[str]] = None, overdue: Optional[bool] = None,
                   limit: int = 50, offset: int = 0, now: Optional[dt.datetime] = None) -> dict:
        now = now or utcnow()
        query = select(Case)
        if status:
            query = query.where(Case.status.in_(status))
        if level:
            query = query.where(Case.risk_level.in_(level))
        if platform:
            query = query.where(Case.platform.in_(platform))
        if overdue is True:
            query = query.where(Case.follow_up_at.is_not(None), Case.follow_up_at < now)
        elif overdue is False:
            query = query.where((Case.follow_up_at.is_(None)) | (Case.follow_up_at >= now))
        with self.db.read() as s:
            total = s.scalar(select(func.count()).select_from(query.subquery()))
            rows = s.scalars(query.order_by(Case.id.desc()).limit(limit).offset(offset)).all()
            return {"items": [self._case_dict(s, c, now=now) for c in rows],
                    "total": total, "limit": limit, "offset": offset}

    def get_case(self, case_id: int, *, now: Optional[dt.datetime] = None) -> dict:
        with self.db.read() as s:
            return self._case_dict(s, self._get(s, case_id), full=True, now=now or utcnow())

    def change_status(self, case_id: int, *, status: str, moderator: str, note: Optional[str] = None,
                      follow_up_kind: Optional[str] = None, follow_up_at: Optional[dt.datetime] = None,
                      police_report_number: Optional[str] = None, now: Optional[dt.datetime] = None) -> dict:
        if status not in STATUSES:
            raise CaseError(f"unknown status {status!r}; one of: {', '.join(STATUSES)}")
        now = now or utcnow()
        clean_note = self.redact_text(note)[0] if note else None
        with self.db.write() as s:
            case = self._get(s, case_id, lock=True)
            if status not in TRANSITIONS[case.status]:
                allowed = ", ".join(sorted(TRANSITIONS[case.status])) or "none"
                raise Conflict(f"cannot go from {case.status!r} to {status!r}; allowed: {allowed}")
            if status in WAITING:
                if status == "acknowledged":  # the decision stays due by the date set when reported
                    kind = follow_up_kind or case.follow_up_kind or "dsa_notice"
                    due = follow_up_at or (None if follow_up_kind else case.follow_up_at)
                else:
                    kind = follow_up_kind or ("dsa_notice" if status == "reported" else status)
                    due = follow_up_at
                case.follow_up_kind = kind
                case.follow_up_at = due or add_duration(now, self.settings.follow_up[kind])
            else:
                case.follow_up_kind, case.follow_up_at = None, None
            s.add(StatusChange(case_id=case.id, from_status=case.status, to_status=status, note=clean_note,
                               moderator=moderator, created_at=now, follow_up_at=case.follow_up_at))
            case.status, case.status_changed_at, case.updated_at = status, now, now
            if police_report_number is not None:
                case.police_report_number = police_report_number or None
            s.flush()
            return self._case_dict(s, case, full=True, now=now)

    def add_draft(self, case_id: int, *, kind: str, language: str, moderator: str) -> dict:
        now = utcnow()
        with self.db.write() as s:
            case = self._get(s, case_id, lock=True)
            draft = Draft(case_id=case.id, kind=kind, language=language, moderator=moderator, created_at=now)
            s.add(draft)
            case.updated_at = now
            s.flush()
            return _draft_dict(draft)

    def original_text(self, case_id: int, *, moderator: str, purpose: str) -> str:
        """The post text as submitted, decrypted; the read is custody-logged."""
        with self.db.write() as s:
            case = self._get(s, case_id)
            item = next((e for e in case.evidence if e.kind == "text" and e.ciphertext is not None), None)
            if item is None:
                raise CaseError("the post text of this case is no longer held (retention)", 410)
            return self._open(s, item, moderator=moderator, action="read", detail=purpose).decode("utf-8")

    # -- evidence ---------------------------------------------------------------------------

    def add_evidence(self, case_id: int, *, kind: str, content: bytes, sha256: str, moderator: str,
                     captured_at: Optional[dt.datetime] = None, source_url: Optional[str] = None) -> dict:
        if kind not in EVIDENCE_KINDS:
            raise CaseError(f"unknown evidence kind {kind!r}; one of: {', '.join(EVIDENCE_KINDS)}")
        limit = int(self.settings.max_bytes.get(kind, 0))
        if len(content) > limit:
            raise CaseError(f"{kind} evidence is {len(content)} bytes; the limit is {limit}", 413)
        if hashlib.sha256(content).hexdigest() != sha256.lower():
            raise CaseError("sha256 does not match the decoded content")
        _check_content(kind, content)
        now = utcnow()
        with self.db.write() as s:
            case = self._get(s, case_id, lock=True)
            item = self._store_evidence(s, case, kind=kind, content=content, sha256=sha256.lower(),
                                        captured_at=captured_at or now, source_url=source_url,
                                        moderator=moderator, now=now, detail="received, hash verified")
            case.updated_at = now
            s.flush()
            return _evidence_dict(item)

    def read_evidence(self, case_id: int, evidence_id: int, *, moderator: str, via: str = "api") -> tuple[dict, bytes]:
        with self.db.write() as s:
            case = self._get(s, case_id)
            item = s.get(EvidenceItem, evidence_id) if 0 < evidence_id <= MAX_ID else None
            if item is None or item.case_id != case.id:
                raise NotFound(f"no evidence {evidence_id} in case {case_id}")
            if item.ciphertext is None:
                raise CaseError(f"evidence {evidence_id} was deleted at the end of its retention", 410)
            content = self._open(s, item, moderator=moderator, action="read", detail=f"download via {via}")
            return _evidence_dict(item), content

    def export_case(self, case_id: int, *, moderator: str) -> bytes:
        from server.cases.export import build_export

        now = utcnow()
        with self.db.write() as s:
            case = self._get(s, case_id, lock=True)
            files = []
            for item in case.evidence:
                content = None
                if item.ciphertext is not None:
                    content = self._open(s, item, moderator=moderator, action="export", detail="evidence export")
                files.append((_evidence_dict(item), content))
            s.add(CustodyEntry(case_id=case.id, action="export", moderator=moderator, at=now,
                               detail=f"export of {sum(1 for _, c in files if c is not None)} item(s)"))
            s.flush()
            return build_export(self._case_dict(s, case, full=True, now=now), files,
                                exported_by=moderator, exported_at=now)

    def purge(self, *, now: Optional[dt.datetime] = None, moderator: str = SYSTEM, dry_run: bool = False) -> list[dict]:
        """Delete the content of evidence past its retention date; the metadata and log stay."""
        now = now or utcnow()
        with self.db.write() as s:
            items = s.scalars(select(EvidenceItem).where(
                EvidenceItem.ciphertext.is_not(None), EvidenceItem.retain_until < now
            ).order_by(EvidenceItem.id)).all()
            done = [_evidence_dict(i) for i in items]
            if dry_run:
                return done
            for item in items:
                item.ciphertext, item.purged_at = None, now
                s.add(CustodyEntry(case_id=item.case_id, evidence_id=item.id, action="delete",
                                   moderator=moderator, at=now, detail="retention period ended"))
            return done

    # -- internals --------------------------------------------------------------------------

    def _get(self, s: Session, case_id: int, *, lock: bool = False) -> Case:
        if not 0 < case_id <= MAX_ID:
            raise NotFound(f"no case {case_id}")
        query = select(Case).where(Case.id == case_id)
        if lock:
            query = query.with_for_update()
        case = s.scalars(query).first()
        if case is None:
            raise NotFound(f"no case {case_id}")
        return case

    def _store_evidence(self, s: Session, case: Case, *, kind: str, content: bytes, sha256: str,
                        captured_at: dt.datetime, source_url: Optional[str], moderator: str,
                        now: dt.datetime, detail: str) -> EvidenceItem:
        item = EvidenceItem(
            case_id=case.id, kind=kind, media_type=EVIDENCE_KINDS[kind], sha256=sha256, size=len(content),
            captured_at=captured_at, received_at=now, source_url=source_url, captured_by=moderator,
            key_id=self.cipher.key_id, ciphertext=self.cipher.seal(content, sha256),
            retain_until=now + dt.timedelta(days=self.settings.retention_days))
        s.add(item)
        s.flush()
        s.add(CustodyEntry(case_id=case.id, evidence_id=item.id, action="store", moderator=moderator,
                           at=now, detail=f"{detail}; sha256 {sha256}"))
        return item

    def _open(self, s: Session, item: EvidenceItem, *, moderator: str, action: str, detail: str) -> bytes:
        content = self.cipher.open(item.ciphertext, item.sha256, item.key_id)
        if hashlib.sha256(content).hexdigest() != item.sha256:
            raise CaseError(f"evidence {item.id} no longer matches its hash", 409)
        s.add(CustodyEntry(case_id=item.case_id, evidence_id=item.id, action=action, moderator=moderator,
                           at=utcnow(), detail=detail))
        return content

    def _case_dict(self, s: Session, case: Case, *, full: bool = False, now: Optional[dt.datetime] = None) -> dict:
        now = now or utcnow()
        out = {
            "id": case.id,
            "platform": case.platform,
            "url": case.post_url,
            "account_handle": case.account_handle,
            "post_id": case.post_id,
            "language": case.language,
            "data_kinds": list(case.data_kinds),
            "risk": {"level": case.risk_level, "value": case.risk_value, "reasons": list(case.reason_codes)},
            "target_role": case.target_role,
            "flags": dict(case.flags),
            "status": case.status,
            "status_changed_at": iso(case.status_changed_at),
            "follow_up_kind": case.follow_up_kind,
            "follow_up_at": iso(case.follow_up_at),
            "overdue": bool(case.follow_up_at and case.follow_up_at < now),
            "police_report_number": case.police_report_number,
            "created_by": case.created_by,
            "created_at": iso(case.created_at),
            "updated_at": iso(case.updated_at),
        }
        if full:
            out["text_redacted"] = case.redacted_text
            out["history"] = [{
                "from": h.from_status, "to": h.to_status, "note": h.note, "moderator": h.moderator,
                "at": iso(h.created_at), "follow_up_at": iso(h.follow_up_at)} for h in case.history]
            out["drafts"] = [_draft_dict(d) for d in case.drafts]
            out["evidence"] = [_evidence_dict(e) for e in case.evidence]
            s.flush()  # custody entries added in this transaction show up too
            out["custody_log"] = [_custody_dict(c) for c in s.scalars(
                select(CustodyEntry).where(CustodyEntry.case_id == case.id).order_by(CustodyEntry.id))]
        return out


def _check_content(kind: str, content: bytes) -> None:
    if kind == "screenshot" and not content.startswith(b"\x89PNG\r\n\x1a\n"):
        raise CaseError("a screenshot must be a PNG image")
    if kind in ("text", "html"):
        try:
            content.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CaseError(f"{kind} evidence must be UTF-8") from exc


def _draft_dict(d: Draft) -> dict:
    return {"id": d.id, "kind": d.kind, "language": d.language, "moderator": d.moderator, "created_at": iso(d.created_at)}


def _evidence_dict(e: EvidenceItem) -> dict:
    return {"id": e.id, "kind": e.kind, "media_type": e.media_type, "sha256": e.sha256, "size": e.size,
            "captured_at": iso(e.captured_at), "received_at": iso(e.received_at), "source_url": e.source_url,
            "captured_by": e.captured_by, "retain_until": iso(e.retain_until), "purged_at": iso(e.purged_at)}


def _custody_dict(c: CustodyEntry) -> dict:
    return {"id": c.id, "evidence_id": c.evidence_id, "action": c.action, "moderator": c.moderator,
            "at": iso(c.at), "detail": c.detail}
