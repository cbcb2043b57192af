"""``piiscore draft``: scan one post and print a takedown / report draft (JSON or plain text).

    piiscore draft [FILE|-] --kind dsa_notice|platform_report|gdpr_erasure|police_report
                   [--lang nl|en] [--url URL] [--platform x|facebook|...|other]
                   [--notifier-name NAME] [--notifier-email EMAIL] [--organisation ORG]
                   [--format json|text] [--details FILE]

``--details`` names a JSON object with the other case details ``make_draft`` understands
(account_handle, captured_at, evidence, trusted_flagger, authorisation, stalking, ...); the flags
above win over the same keys in it. Exit codes: 0 draft printed (``missing`` may still list
inputs to fill in), 2 bad usage or unreadable input.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Sequence

import piiscore
from piiscore.drafting.draft import KINDS, LANGUAGES, make_draft
from piiscore.drafting.platforms import PLATFORM_IDS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="piiscore draft", description="Draft a takedown notice or report for one post.")
    parser.add_argument("file", nargs="?", default="-", help="the post as plain text (default: stdin)")
    parser.add_argument("--kind", required=True, choices=KINDS)
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the draft (default: the post's language)")
    parser.add_argument("--url", help="the post's URL")
    parser.add_argument("--platform", choices=PLATFORM_IDS)
    parser.add_argument("--notifier-name", dest="notifier_name")
    parser.add_argument("--notifier-email", dest="notifier_email")
    parser.add_argument("--organisation")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.add_argument("--details", help="JSON file with further case details")
    parser.add_argument("--threat", action="store_true",
                        help="the moderator confirms the post threatens someone (adds art. 285 Sr and art. 18 DSA)")
    parser.add_argument("--call-to-action", dest="call_to_action", action="store_true",
                        help="the moderator confirms the post calls on others to find, share or contact")
    return parser


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _details(args: argparse.Namespace) -> dict[str, Any]:
    details: dict[str, Any] = {}
    if args.details:
        with open(args.details, encoding="utf-8") as handle:
            loaded = json.load(handle)
        if not isinstance(loaded, dict):
            raise ValueError("--details must hold a JSON object")
        details.update(loaded)
    for key in ("url", "platform", "notifier_name", "notifier_email", "organisation"):
        value = getattr(args, key)
        if value is not None:
            details[key] = value
    for key in ("threat", "call_to_action"):
        if getattr(args, key):
            details[key] = True
    return details


def format_text(draft: dict[str, Any]) -> str:
    """The draft as plain text: subject, body, then where to send it and what is missing."""
    channel = draft["channel"]
    lines = [draft["subject"], "", draft["body"].rstrip(), "", "----", f"Channel: {channel['name']}"]
    if channel.get("url"):
        lines.append(f"URL: {channel['url']}")
    lines.extend(f"- {note}" for note in channel.get("notes", []))
    if draft["missing"]:
        lines.append("Missing: " + ", ".join(draft["missing"]))
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """``argv`` holds what follows ``piiscore draft`` (the top-level CLI strips the subcommand)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage message
        return int(exc.code or 0)

    try:
        text = _read_text(args.file)
        details = _details(args)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        # The messages name a path or a JSON position, never the post's text.
        print(f"piiscore draft: cannot read input: {exc}", file=sys.stderr)
        return 2
    if not text.strip():
        print("piiscore draft: the post is empty", file=sys.stderr)
        return 2

    result = piiscore.scan(text, args.lang or "auto")
    language = args.lang or (result.language if result.language in LANGUAGES else "en")
    try:
        draft = make_draft(text, result, args.kind, language, details)
    except ValueError as exc:
        print(f"piiscore draft: {exc}", file=sys.stderr)
        return 2

    if args.format == "text":
        sys.stdout.write(format_text(draft))
    else:
        sys.stdout.write(json.dumps(draft, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
