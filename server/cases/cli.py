"""The case log's commands, reached through ``piiscore-server verify|purge|db``.

    piiscore-server verify EXPORT.zip        exit 0 when every hash matches, 1 when not
    piiscore-server purge [--dry-run]        delete evidence past its retention date
    piiscore-server db upgrade|current       migrate the case database / show its revision
"""
from __future__ import annotations

import argparse
import sys


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="piiscore-server", description="Case-log tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    verify = sub.add_parser("verify", help="check an evidence export's hashes")
    verify.add_argument("export", metavar="EXPORT.zip")
    verify.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    purge = sub.add_parser("purge", help="delete evidence whose retention period has ended")
    purge.add_argument("--dry-run", action="store_true", help="list what would be deleted")
    db = sub.add_parser("db", help="the case database")
    db.add_argument("action", choices=("upgrade", "current"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.command == "verify":
        return verify(args.export, quiet=args.quiet)
    from server.app import load_config
    from server.cases.db import current_revision

    config = load_config()
    if args.command == "db" and args.action == "current":
        from server.cases.db import Database
        from server.cases.settings import CaseSettings

        db = Database(CaseSettings.from_config(config).database_url)
        try:
            print(current_revision(db.engine) or "(empty database)")
        finally:
            db.dispose()
        return 0
    from server.cases import build_store

    store = build_store(config)  # migrates to the newest schema
    try:
        if args.command == "db":
            print(f"case database at revision {current_revision(store.db.engine)}")
            return 0
        items = store.purge(dry_run=args.dry_run)
    finally:
        store.db.dispose()
    verb = "would be deleted" if args.dry_run else "deleted"
    for item in items:
        print(f"{verb}: evidence {item['id']} ({item['kind']}, sha256 {item['sha256']}, "
              f"retained until {item['retain_until']})")
    print(f"{len(items)} item(s) {verb}.")
    return 0


def verify(path: str, *, quiet: bool = False) -> int:
    from server.cases.export import verify_export

    ok, problems = verify_export(path)
    if not quiet:
        for line in ok:
            print(line)
    for line in problems:
        print(line, file=sys.stdout)
    if problems:
        print(f"TAMPERED or incomplete: {len(problems)} problem(s) in {path}", file=sys.stderr)
        return 1
    print(f"OK: all {len(ok)} file(s) match their SHA-256 in the manifest.")
    return 0
