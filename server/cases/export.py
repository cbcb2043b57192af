"""Evidence packages: a zip with ``manifest.json`` (items, hashes, capture times, custody log),
the decrypted files and a printable HTML summary for an aangifte; and their verification."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Optional, Union

from jinja2 import Environment, PackageLoader, select_autoescape

from server.cases.store import EVIDENCE_EXTENSIONS, iso

FORMAT = "piiscore-evidence/1"
MANIFEST = "manifest.json"
SUMMARY = "summary.html"

_templates = Environment(loader=PackageLoader("server.cases", "templates"),
                         autoescape=select_autoescape(default=True, default_for_string=True))


def build_export(case: dict, files: list[tuple[dict, Optional[bytes]]], *, exported_by: str,
                 exported_at: dt.datetime) -> bytes:
    items, members = [], {}
    for meta, content in files:
        entry = dict(meta)
        if content is not None:
            name = f"evidence/{meta['id']:04d}-{meta['kind']}.{EVIDENCE_EXTENSIONS[meta['kind']]}"
            entry["file"] = name
            members[name] = content
        else:
            entry["file"] = None  # deleted at the end of its retention period
        items.append(entry)
    summary = _templates.get_template("cases/export_summary.html").render(
        case=case, items=items, exported_by=exported_by, exported_at=iso(exported_at)).encode("utf-8")
    manifest = {
        "format": FORMAT,
        "exported_at": iso(exported_at),
        "exported_by": exported_by,
        "case": {k: v for k, v in case.items() if k not in ("evidence", "custody_log")},
        "items": items,
        "documents": [{"file": SUMMARY, "sha256": hashlib.sha256(summary).hexdigest(), "size": len(summary)}],
        "custody_log": case.get("custody_log", []),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
        for name, content in members.items():
            zf.writestr(name, content)
        zf.writestr(SUMMARY, summary)
    return buf.getvalue()


def verify_export(source: Union[str, Path, bytes]) -> tuple[list[str], list[str]]:
    """Check every file the manifest lists against its SHA-256. Returns (ok, problems)."""
    ok, problems = [], []
    try:
        zf = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (OSError, zipfile.BadZipFile) as exc:
        return ok, [f"not a readable zip file: {exc}"]
    with zf:
        try:
            manifest = json.loads(zf.read(MANIFEST))
            listed = [e for e in manifest["items"] if e.get("file")] + list(manifest["documents"])
        except (KeyError, ValueError, TypeError) as exc:
            return ok, [f"{MANIFEST}: missing or unreadable ({exc.__class__.__name__})"]
        names = set(zf.namelist())
        for entry in listed:
            name = entry["file"]
            if name not in names:
                problems.append(f"{name}: missing")
                continue
            digest = hashlib.sha256(zf.read(name)).hexdigest()
            if digest != entry.get("sha256"):
                problems.append(f"{name}: TAMPERED (sha256 {digest}, manifest says {entry.get('sha256')})")
            else:
                ok.append(f"{name}: ok ({digest})")
        for name in sorted(names - {MANIFEST} - {e["file"] for e in listed}):
            problems.append(f"{name}: not listed in the manifest")
    return ok, problems
