"""The `piiscore` command: scan JSON Lines, draft takedown requests, manage the watchlist."""
from __future__ import annotations

import argparse
import json
import sys
from typing import IO

from . import __version__

LANG_CHOICES = ("auto", "nl", "en")


def _scan_parser(sub) -> None:
    p = sub.add_parser("scan", help="scan posts given as JSON Lines ({\"id\", \"text\", \"lang\"?})")
    p.add_argument("file", nargs="?", default="-", help="input file, or - for stdin (default)")
    p.add_argument("-o", "--output", default="-", help="output file, or - for stdout (default)")
    p.add_argument("--lang", choices=LANG_CHOICES, default="auto",
                   help="language of the posts; auto detects per post (default); a line's \"lang\" wins")
    p.add_argument("--format", choices=("jsonl", "table"), default="jsonl",
                   help="jsonl (default, one object per input line) or a table for people")


def _open_in(path: str) -> IO[str]:
    if path == "-":
        return sys.stdin
    return open(path, encoding="utf-8", errors="strict")


def _open_out(path: str) -> IO[str]:
    if path == "-":
        return sys.stdout
    return open(path, "w", encoding="utf-8")


def _scan_line(line: str, default_lang: str, max_chars: int):
    """Return the output object for one input line (an error object for a bad line)."""
    import piiscore

    try:
        obj = json.loads(line)
    except ValueError:
        return {"id": None, "error": "line is not valid JSON"}
    if not isinstance(obj, dict):
        return {"id": None, "error": "line must be a JSON object with \"id\" and \"text\""}
    post_id = obj.get("id")
    text = obj.get("text")
    if not isinstance(text, str):
        return {"id": post_id, "error": "\"text\" is missing or not a string"}
    if len(text) > max_chars:
        return {"id": post_id, "error": f"\"text\" is longer than {max_chars} characters"}
    lang = obj.get("lang", obj.get("language")) or default_lang
    if lang not in LANG_CHOICES:
        return {"id": post_id, "error": "\"lang\" must be one of auto, nl, en"}
    result = piiscore.scan(text, None if lang == "auto" else lang)
    return {"id": post_id, **result.to_dict()}


def _table_rows(out: dict) -> list[str]:
    if "error" in out:
        return [f"{out.get('id')}\tERROR\t{out['error']}"]
    score = out["score"]
    flags = [k for k in ("threat", "call_to_action", "obfuscation", "watchlist_match")
             if score["flags"].get(k)]
    head = (f"{out.get('id')}\t{out['language']}\t{score['level'].upper()} ({score['value']})"
            f"\trole={score['flags'].get('target_role')}\t{','.join(flags) or '-'}")
    rows = [head]
    for e in out["entities"]:
        rows.append(f"    {e['type']:<18} {e['start']:>5}-{e['end']:<5} {e['score']:.2f}  {e['text']}")
    for r in score["reasons"]:
        rows.append(f"    * {r['message']}")
    return rows


def run_scan(args) -> int:
    from .config import get_settings

    max_chars = get_settings().max_text_chars
    failed = 0
    try:
        src = _open_in(args.file)
    except OSError as exc:
        print(f"piiscore scan: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    dst = _open_out(args.output)
    try:
        for raw in src:
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            out = _scan_line(line, args.lang, max_chars)
            if "error" in out:
                failed += 1
            if args.format == "table":
                dst.write("\n".join(_table_rows(out)) + "\n")
            else:
                dst.write(json.dumps(out, ensure_ascii=False) + "\n")
            dst.flush()
    except UnicodeDecodeError:
        print("piiscore scan: input is not valid UTF-8", file=sys.stderr)
        return 2
    finally:
        if src is not sys.stdin:
            src.close()
        if dst is not sys.stdout:
            dst.close()
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `draft` and `watchlist` have their own parsers in their own modules.
    if argv and argv[0] == "draft":
        from .drafting.cli import main as draft_main

        return draft_main(argv[1:])
    if argv and argv[0] == "watchlist":
        from .watchlist_cli import main as watchlist_main

        return watchlist_main(argv[1:])
    parser = argparse.ArgumentParser(prog="piiscore", description=__doc__)
    parser.add_argument("--version", action="version", version=f"piiscore {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="{scan,draft,watchlist}")
    _scan_parser(sub)
    sub.add_parser("draft", help="draft a takedown request or police-report summary (see piiscore draft -h)")
    sub.add_parser("watchlist", help="manage the protected-staff watchlist (see piiscore watchlist -h)")
    args = parser.parse_args(argv)
    if args.command == "scan":
        return run_scan(args)
    parser.print_help()
    return 2
