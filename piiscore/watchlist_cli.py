"""`piiscore watchlist`: manage the protected-staff watchlist.

    piiscore watchlist add NAME...          register a name (quotes optional)
    piiscore watchlist remove NAME...       remove a name registered in the same full form
    piiscore watchlist import FILE|-        one name per line (# comments allowed)
    piiscore watchlist list-count           how many names are listed

Options before the command: --file PATH (the list, default <data_dir>/watchlist.json) and
--key-file PATH (default watchlist.key beside the list). Output never repeats a name.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from piiscore.watchlist import Watchlist, WatchlistError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="piiscore watchlist",
        description="Manage the protected-staff watchlist (stores keyed hashes, never names).",
    )
    parser.add_argument("--file", help="watchlist file (default: <data_dir>/watchlist.json)")
    parser.add_argument("--key-file", help="key file (default: watchlist.key beside the list)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add = sub.add_parser("add", help="register a name")
    add.add_argument("name", nargs="+", help="the name, e.g. Marieke de Vries")
    remove = sub.add_parser("remove", help="remove a name")
    remove.add_argument("name", nargs="+")
    imp = sub.add_parser("import", help="add every name in FILE, one per line ('-' = stdin)")
    imp.add_argument("source", metavar="FILE")
    sub.add_parser("list-count", help="print how many names are listed")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        watchlist = Watchlist.load(args.file, key_path=args.key_file)
        return _run(args, watchlist)
    except (WatchlistError, OSError) as exc:
        print(f"piiscore watchlist: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, watchlist: Watchlist) -> int:
    if args.command == "list-count":
        print(len(watchlist))
        return 0
    if args.command == "add":
        try:
            added = watchlist.add(" ".join(args.name))
        except ValueError as exc:
            print(f"piiscore watchlist: {exc}", file=sys.stderr)
            return 1
        watchlist.save()
        print("added" if added else "already listed")
        return 0
    if args.command == "remove":
        if not watchlist.remove(" ".join(args.name)):
            print("piiscore watchlist: no such name on the list", file=sys.stderr)
            return 1
        watchlist.save()
        print("removed")
        return 0
    # import
    if args.source == "-":
        added, skipped = watchlist.import_names(sys.stdin)
    else:
        with open(args.source, encoding="utf-8") as fh:
            added, skipped = watchlist.import_names(fh)
    watchlist.save()
    print(f"added {added}, skipped {skipped}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
