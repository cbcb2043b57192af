"""Build ``devset.jsonl`` from the hand-written markup in ``posts.md``.

Usage::

    python tests/data/devset/build.py            # writes devset.jsonl next to this file
    python tests/data/devset/build.py --check    # exit 1 when devset.jsonl is out of date
    python tests/data/devset/build.py --src other/posts.md --out other/set.jsonl [--check]

The markup is described at the top of ``posts.md``. In short: a post starts with a header line
``### <id> <lang> <level> [threat] [cta]``; its text runs to the next header or ``#`` / ``##``
section heading; entity spans are written inline as ``[[TYPE|value]]``; ``<U+200B>`` stands for
one code point (for invisible and look-alike characters that are hard to type or to see).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "posts.md"
TARGET = HERE / "devset.jsonl"

LANGS = ("nl", "en")
LEVELS = ("none", "low", "medium", "high", "critical")
FLAG_WORDS = {"threat": "threat", "cta": "call_to_action"}

_HEADER = re.compile(r"^### (\S+)(.*)$")
_SECTION = re.compile(r"^#{1,2} ")  # a level-1/2 heading ends the post before it
_ESCAPE = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>")
_SPAN = re.compile(r"\[\[([A-Z_]+)\|(.*?)\]\]", re.DOTALL)


class MarkupError(ValueError):
    """The source file breaks the markup rules (the message names the post)."""


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def parse_markup(marked: str) -> tuple[str, list[dict]]:
    """Return the clean text and its annotations for one post's marked-up text."""
    marked = _unescape(marked)
    pieces: list[str] = []
    annotations: list[dict] = []
    length = 0
    pos = 0
    for match in _SPAN.finditer(marked):
        before = marked[pos:match.start()]
        pieces.append(before)
        length += len(before)
        entity_type, value = match.group(1), match.group(2)
        if not value or value != value.strip():
            raise MarkupError(f"span {match.group(0)!r} is empty or has outer whitespace")
        annotations.append(
            {"type": entity_type, "start": length, "end": length + len(value), "text": value}
        )
        pieces.append(value)
        length += len(value)
        pos = match.end()
    pieces.append(marked[pos:])
    text = "".join(pieces)
    if "[[" in text or "]]" in text:
        raise MarkupError("unbalanced [[ ]] markup")
    return text, annotations


def _parse_header(post_id: str, rest: str) -> dict:
    words = rest.split()
    if len(words) < 2:
        raise MarkupError(f"{post_id}: header needs a language and a level")
    lang, level, flag_words = words[0], words[1], words[2:]
    if lang not in LANGS:
        raise MarkupError(f"{post_id}: unknown language {lang!r}")
    if level not in LEVELS:
        raise MarkupError(f"{post_id}: unknown level {level!r}")
    unknown = [w for w in flag_words if w not in FLAG_WORDS]
    if unknown:
        raise MarkupError(f"{post_id}: unknown flag(s) {unknown}")
    flags = {name: word in flag_words for word, name in FLAG_WORDS.items()}
    return {"id": post_id, "lang": lang, "level": level, "flags": flags}


def parse_source(source: str) -> list[dict]:
    """Parse the whole markup file into devset records (in file order)."""
    records: list[dict] = []
    header: dict | None = None
    body: list[str] = []

    def flush() -> None:
        if header is None:
            return
        marked = "\n".join(body).strip("\n")
        if not marked.strip():
            raise MarkupError(f"{header['id']}: empty post")
        try:
            text, annotations = parse_markup(marked)
        except MarkupError as exc:
            raise MarkupError(f"{header['id']}: {exc}") from None
        records.append(
            {
                "id": header["id"],
                "lang": header["lang"],
                "text": text,
                "annotations": annotations,
                "level": header["level"],
                "flags": header["flags"],
            }
        )

    for line in source.splitlines():
        match = _HEADER.match(line)
        if match:
            flush()
            header = _parse_header(match.group(1), match.group(2))
            body = []
        elif _SECTION.match(line):
            flush()
            header = None
        elif header is not None:
            body.append(line)
    flush()

    seen: set[str] = set()
    for record in records:
        if record["id"] in seen:
            raise MarkupError(f"duplicate post id {record['id']}")
        seen.add(record["id"])
    return records


def render_jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def build(source_path: Path = SOURCE) -> str:
    """Return the jsonl text that ``source_path`` produces."""
    return render_jsonl(parse_source(source_path.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, do not write")
    parser.add_argument("--src", type=Path, default=SOURCE, help="markup file (default: posts.md here)")
    parser.add_argument("--out", type=Path, default=TARGET, help="jsonl file (default: devset.jsonl here)")
    args = parser.parse_args(argv)
    source, target = args.src, args.out
    try:
        output = build(source)
    except MarkupError as exc:
        print(f"{source.name}: {exc}", file=sys.stderr)
        return 1
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != output:
            print(f"{target.name} is out of date: run build.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(output, encoding="utf-8")
    print(f"wrote {output.count(chr(10))} posts to {target.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
