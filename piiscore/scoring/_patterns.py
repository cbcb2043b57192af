"""Load the scorer's phrase lists (``data/<name>.txt``) and compile them once.

Every list is data: one lower-case regex fragment per line, ``#`` starts a comment line,
``{macro}`` expands to a fragment from ``data/macros.txt``. A list compiles to one alternation
bounded by word edges, cached for the life of the process.

Patterns run on the *folded* text (:func:`fold`): lower-cased, same length, with every detected
name masked. Matching lower-case text without ``re.IGNORECASE`` is several times faster, and
the mask lets a pattern say "a name" (``{name}``) without guessing from capitals.

The scorer's lists are registered at warm-up (:func:`prepare`): as passes of :func:`find_all`
and as lists searched one by one. For those, each text's words are read once and only the
phrases whose needed words the text has are tried (see ``_wordkeys`` and :func:`_live`); the
answers are the same as those of the plain regexes.
"""
from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Iterable
from importlib import resources
from typing import NamedTuple

from piiscore.scoring import _wordkeys

try:  # the standard library's own regex parser, used to find each phrase's first characters
    from re import _compiler as _sre_compiler, _constants as _sre_constants, _parser as _sre_parser
except ImportError:  # Python 3.10
    import sre_compile as _sre_compiler  # type: ignore[no-redef]
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

_DATA_PACKAGE = "piiscore.scoring.data"
_MACRO_RE = re.compile(r"\{(\w+)\}")
NAME_MASK = "ǂ"  # a letter (so \w matches it) that no Dutch or English text uses
# Leetspeak inside words that mix letters and digits ("w3 w3t3n w44r j3 w00nt"); one
# character for one, so offsets stay put. Pure numbers ("om 8 uur") are left alone.
_LEET = str.maketrans("431057", "aeiost")
_MIXED_WORD = re.compile(r"\b(?=[^\W\d_]*\d)(?=\d*[^\W\d_])\w+\b")
# "€", "$" and "!" for e, s and i next to letters ("j€ugdz0rg", "k!ll"): one character for one
_LEET_SYMBOL = re.compile(r"(?<=[^\W\d_])[€$!](?=[^\W\d_])|(?<=[^\W\d_])[€$](?=\W|$)|(?<!\w)[€$](?=[^\W\d_])")
_LEET_SYMBOLS = {"€": "e", "$": "s", "!": "i"}
# a digit or such a symbol inside a word: the post may be written in leetspeak. The same texts
# as "[^\W\d_][0-9€$!]+[^\W\d_]|[^\W\d_]€|€[^\W\d_]", 13x faster: opening with the digit or
# symbol lets the engine skip to the next one instead of trying every letter
_LEET_HINT = re.compile(
    r"[0-9€$!](?:(?<=[^\W\d_].)[0-9€$!]*(?=[^\W\d_])|(?<=[^\W\d_]€)|(?<=€)(?=[^\W\d_]))"
)


def looks_leet(text: str) -> bool:
    """A word of ``text`` has a digit, "€", "$" or "!" inside it ("d3ad", "k!ll", "m€rk€n"):
    worth undoing leetspeak before the phrases are searched, even when no value was hidden."""
    return _LEET_HINT.search(text) is not None


def unleet(text: str) -> str:
    """``text`` with leetspeak inside words undone, each character for one (same offsets)."""
    text = _LEET_SYMBOL.sub(lambda m: _LEET_SYMBOLS[m.group()], text)
    return _MIXED_WORD.sub(lambda m: m.group().translate(_LEET), text)


@functools.cache
def load_lines(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of ``data/<name>.txt``."""
    raw = resources.files(_DATA_PACKAGE).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in raw.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@functools.cache
def _macros() -> dict[str, str]:
    macros: dict[str, str] = {}
    for line in load_lines("macros"):
        key, _, value = line.partition("=")
        macros[key.strip()] = _expand(value.strip(), macros)  # a macro may use earlier ones
    return macros


def _expand(fragment: str, macros: dict[str, str] | None = None) -> str:
    macros = _macros() if macros is None else macros
    return _MACRO_RE.sub(lambda m: macros.get(m.group(1), m.group(0)), fragment)


_SPACED_RUN = re.compile(
    r"(?<![^\W\d_])(?:[^\W\d_](?: {1,3}|[.] ?))+[^\W\d_](?:[.](?= ))?(?![^\W\d_])"
)
_SPACED_WORD_GAP = re.compile(r" {2,}| ?[.] ")
# What every spaced run holds: its last letter, after a space or a dot and before no letter.
# A cheap first look (it starts with a plain character set, which the engine skips to).
_SPACED_HINT = re.compile(r"[ .][^\W\d_](?![^\W\d_])")


def despace(folded: str) -> str:
    """Join words written letter by letter ("w e  w e t e n", "w.i.e. k.e.n.t.").

    Offsets change, so only intent matching uses this, as a second look.
    """

    if _SPACED_HINT.search(folded) is None:  # nothing spelled out: the text as it is
        return folded

    def join(match: re.Match[str]) -> str:
        words = _SPACED_WORD_GAP.split(match.group())
        return " ".join(w.replace(" ", "").replace(".", "") for w in words)

    return _SPACED_RUN.sub(join, folded)


def fold(
    text: str, name_spans: Iterable[tuple[int, int]] = (), *, leet: bool = False
) -> str:
    """Lower-case ``text`` keeping every offset, and mask each name span with NAME_MASK.

    ``leet`` also undoes leetspeak inside words (:func:`unleet`); it costs time, so the scorer
    asks for it only when the engine found obfuscated values (a post that hides one value often
    hides more) or :func:`looks_leet` says so.
    """
    folded = text.lower()
    if len(folded) != len(text):  # a few characters ("İ") grow when lower-cased
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if leet:
        folded = unleet(folded)
    length = len(folded)
    for start, end in name_spans:
        start, end = max(0, start), min(length, end)  # never change the length
        if start < end:
            folded = folded[:start] + NAME_MASK * (end - start) + folded[end:]
    return folded


@functools.cache
def pattern(name: str) -> re.Pattern[str]:
    """One compiled regex matching any phrase of the list, between word edges."""
    alternatives = "|".join(f"(?:{_expand(line)})" for line in load_lines(name))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@functools.cache
def merged(names: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One regex for several lists, and the list name of each of its capturing groups.

    One pass over the text instead of one per list. Matches do not overlap: where two lists
    match at one place the one named first wins, so order ``names`` accordingly.
    """
    alternatives: list[tuple[str, str]] = []
    for name in names:
        alternatives += [(name, _expand(line)) for line in load_lines(name)]
    return _dispatch(alternatives)


def find_all(names: tuple[str, ...], text: str) -> list[tuple[str, int, int]]:
    """``(list name, start, end)`` of every match of the merged lists, in text order.

    The same matches as :func:`merged`'s regex run over the whole text (where two lists
    match at one place the one named first wins). For lists :func:`prepare`\\ d as a pass,
    found faster: only the phrases whose words the text has are tried (see :func:`_live`),
    and only where a word they can start with starts.
    """
    registry = _registry
    group = registry.passes.get(names)
    if group is None:
        return _find_all_merged(names, text)
    last = _wordkeys.entry(text)
    live = _live(text, last).get(group)
    if not live:
        return []
    keys = last[1]
    firsts = registry.firsts
    # per string a word that a live phrase can start with starts with, those phrases
    by_key: dict[str, list[int]] = {}
    for i in live:
        first = firsts[i]
        if first is None:  # a phrase that may start anywhere: one pass over the text
            return _find_all_merged(names, text)
        for key in first[0].intersection(keys):
            by_key.setdefault(key, []).append(i)
        for key in first[1]:
            by_key.setdefault(key, []).append(i)
    # per place where such a string starts, the phrases that can start there: a phrase is
    # tried only where one of its own first words can begin, not at every live phrase's
    tried: dict[int, list[int]] = {}
    find = text.find
    for key, phrases in by_key.items():
        at = find(key)
        while at >= 0:
            if at in tried:
                tried[at] += phrases
            else:
                tried[at] = list(phrases)
            at = find(key, at + 1)
    matchers = registry.matchers
    found = []
    end = 0
    for start in sorted(tried):
        if start < end:
            continue
        here = tried[start]
        # in list order (phrase numbers follow it): the first that matches here wins
        for i in sorted(set(here)) if len(here) > 1 else here:
            owner, match = matchers[i]
            matched = match(text, start)
            if matched is not None:
                end = matched.end()
                if end == start:  # an empty match: leave finditer's rules to finditer
                    return _find_all_merged(names, text)
                found.append((owner, start, end))
                break
    return found


def _find_all_merged(names: tuple[str, ...], text: str) -> list[tuple[str, int, int]]:
    regex, owners = merged(names)
    return [(owners[m.lastindex], m.start(), m.end()) for m in regex.finditer(text)]


# ---------------------------------------------------------------------------------------
# The registry: every phrase of the passes (find_all) and of the lists searched one by one,
# numbered in order (a pass's phrases in list order, one after the other), each looked up by
# the keys of one word it needs (the rarest, see _wordkeys); the keys of its other needed
# words are checked next. Built at warm-up; per text, _live() says once which phrases can
# match it, for every pass and list together.


class _Registry(NamedTuple):
    passes: dict[tuple[str, ...], int]  # pass -> its group number
    lists: dict[str, int]  # list searched one by one -> its group number
    group: tuple[int, ...]  # per phrase, the group number of its pass or list
    index: dict[str, tuple[int, ...]]  # key -> phrases that need a word with that key
    keys: frozenset[str]  # the index's keys
    always: tuple[tuple[int, tuple[str, ...] | None], ...]  # phrases that need no word known
    # here, each with the starts of its first word (a match holds one), or None
    always_hint: Callable | None  # search() for any of those starts (None: some may be None)
    needed: tuple[tuple[frozenset[str], ...], ...]  # per phrase, its other needed words' keys
    firsts: tuple[tuple | None, ...]  # per phrase, its first word: (keys, starts) or None
    matchers: tuple[tuple[str, Callable] | None, ...]  # per pass phrase, list and match()


_registry = _Registry({}, {}, (), {}, frozenset(), (), None, (), (), ())
_registered: list[tuple[str, ...] | str] = []  # passes (tuples) and lists (names), in order
_registering = threading.Lock()


@functools.cache
def _fragments(name: str) -> tuple[str, ...]:
    """The list's phrases, macros expanded."""
    return tuple(_expand(line) for line in load_lines(name))


@functools.cache
def _phrase(fragment: str, compiled: bool) -> tuple:
    """(first word, needed words, match()) of one phrase between word edges: the first
    word's ``(keys, starts)``, or None when unknown (the phrase may start anywhere)."""
    parsed = _sre_parser.parse(rf"(?<!\w)(?:{fragment})(?!\w)")
    keys = _wordkeys.phrase_keys(parsed)
    match = _sre_compiler.compile(parsed).match if compiled else None
    if keys is None:
        return None, (), match
    return (keys.first, keys.starts), keys.needed, match


def _register(*entries: tuple[str, ...] | str) -> None:
    """Add passes and lists to the registry (rebuilt whole: it is read without locks)."""
    with _registering:
        entries = tuple(entry for entry in entries if entry not in _registered)
        if entries:
            _registered.extend(entries)
            _build()


def _build() -> None:
    """Read every registered pass and list into a new registry."""
    global _registry
    passes: dict[tuple[str, ...], int] = {}
    lists: dict[str, int] = {}
    group: list[int] = []
    index: dict[str, list[int]] = {}
    always: list[tuple[int, tuple[str, ...] | None]] = []
    needs: list[tuple[frozenset[str], ...]] = []
    firsts: list[tuple | None] = []
    matchers: list[tuple[str, Callable] | None] = []
    shared: dict[frozenset[str], frozenset[str]] = {}
    for number, item in enumerate(_registered):
        is_pass = isinstance(item, tuple)
        low = len(needs)
        for name in item if is_pass else (item,):
            for fragment in _fragments(name):
                first, needed, match = _phrase(fragment, is_pass)
                if needed:
                    for key in needed[0]:
                        index.setdefault(key, []).append(len(needs))
                else:  # what its first word starts with, or None: may start anywhere
                    starts = _shortest(first[1] + tuple(first[0])) if first else None
                    always.append((len(needs), starts))
                # one object per distinct key set: fewer objects to touch per text
                needs.append(tuple(shared.setdefault(keys, keys) for keys in needed[1:]))
                firsts.append(first)
                matchers.append((name, match) if is_pass else None)
                group.append(number)
        if is_pass:
            passes[item] = number
            if None in firsts[low:]:
                merged(item)  # the fallback, compiled now rather than while scoring
        else:
            lists[item] = number
    _registry = _Registry(
        passes,
        lists,
        tuple(group),
        {key: tuple(ids) for key, ids in index.items()},
        frozenset(index),
        tuple(always),
        _hint(always),
        tuple(needs),
        tuple(firsts),
        tuple(matchers),
    )


def _hint(always: list[tuple[int, tuple[str, ...] | None]]) -> Callable | None:
    """One search for all the starts of the phrases in ``always`` (None if one has none)."""
    if any(starts is None for _, starts in always):
        return None
    starts = sorted({start for _, some in always for start in some})
    return re.compile("|".join(map(re.escape, starts))).search if starts else None


def _shortest(starts: tuple[str, ...]) -> tuple[str, ...]:
    """The starts that no shorter one of them starts (a text holding one holds those)."""
    return tuple(
        sorted({s for s in starts if not any(s != t and s.startswith(t) for t in starts)})
    )


def _live(text: str, last: tuple | None = None) -> dict[int, list[int]]:
    """Per group (pass or list) with any, the phrases (numbers, in order) whose needed words
    all have a key among the text's. Worked out once per text, for every group at once.
    ``last``: the text's ``_wordkeys.entry``, if at hand."""
    if last is None:
        last = _wordkeys.entry(text)
    registry = _registry
    known = last[2].get(0)
    if known is None or known[0] is not registry:  # (a registration since makes it stale)
        keys = last[1]
        candidates = set()
        index = registry.index
        for key in registry.keys.intersection(keys):
            candidates.update(index[key])
        # a phrase known only by the start of its first word: that start in the text at all
        if registry.always and (registry.always_hint is None or registry.always_hint(text)):
            for i, starts in registry.always:
                if starts is None or any(map(text.__contains__, starts)):
                    candidates.add(i)
        needed = registry.needed
        isdisjoint = keys.isdisjoint
        live: dict[int, list[int]] = {}
        group = registry.group
        for i in sorted([i for i in candidates if not any(map(isdisjoint, needed[i]))]):
            if group[i] in live:
                live[group[i]].append(i)
            else:
                live[group[i]] = [i]
        known = last[2][0] = (registry, live)
    return known[1]


def prepare(*passes: tuple[str, ...], lists: Iterable[str] = ()) -> None:
    """Make each of ``passes`` (tuples of list names) a pass of :func:`find_all`, and get
    ``lists`` ready to be searched one by one (:func:`search`, :func:`search_in`,
    :func:`ends_with_in`): read and compile their phrases now (``warm_up`` calls this)."""
    lists = tuple(lists)
    for name in lists:
        pattern(name)
        _tail_pattern(name)
    _register(*passes, *lists)


def _dispatch(alternatives: list[tuple[str, str]]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Compile alternatives grouped by their first characters.

    Python's regex engine tries every alternative at every word start. Behind a lookahead
    per first character (then per second and third character, see _by_prefix) it tries only
    those that can start there: several times faster for a few hundred phrases. An
    alternative whose first character cannot be worked out goes in a last group that is
    always tried. Order within a group keeps the order given.

    The regex is assembled from the phrases' parse trees and handed to the compiler as a
    tree: a phrase sits in several groups, and parsing one long pattern string that spells
    out every copy took most of the start-up time.
    """
    c = _sre_constants
    state = _sre_parser.State()
    state.flags = _sre_constants.SRE_FLAG_UNICODE  # an int: enum flags slow the compiler down
    parsed = [_parsed(fragment) for _, fragment in alternatives]
    buckets: dict[str, list[int]] = {}
    anywhere: list[int] = []
    for index, (_, fragment) in enumerate(alternatives):
        first = _first_chars(fragment)
        if first is None:
            anywhere.append(index)
        else:
            for char in first:
                buckets.setdefault(char, []).append(index)
    owners: list[str] = [""]  # group 0 is the whole match

    def sub(items: list) -> object:
        pattern = _sre_parser.SubPattern(state)
        pattern.data = items
        return pattern

    def group(indices: list[int]) -> list:
        # one capturing group per run of phrases from the same list (groups cost time)
        parts: list = []
        run: list = []
        for position, index in enumerate(indices):
            run.append(sub([(c.SUBPATTERN, (None, 0, 0, parsed[index]))]))
            if position + 1 == len(indices) or alternatives[indices[position + 1]][0] != alternatives[index][0]:
                owners.append(alternatives[index][0])
                gid = state.opengroup()
                body = sub([(c.BRANCH, (None, run))] if len(run) > 1 else list(run[0]))
                state.closegroup(gid, body)
                parts.append(sub([(c.SUBPATTERN, (gid, 0, 0, body))]))
                run = []
        return parts

    tree = _Tree(sub, group)
    prefixes = {
        length: [_prefixes(fragment, length) for _, fragment in alternatives]
        for length in range(2, _DEPTH + 1)
    }
    branches: list = []
    chars = sorted(buckets)
    # the engine tries the lookaheads one after the other: a first one per chunk of
    # characters halves how many it tries at a word start
    for chunk in (chars[i : i + _CHUNK] for i in range(0, len(chars), _CHUNK)):
        inner = [
            tree.guarded(char, _by_prefix(char, buckets[char], prefixes, tree))
            for char in chunk
        ]
        if len(chunk) > 1:
            branches.append(tree.guarded_set(chunk, inner))
        else:
            branches += inner
    if anywhere:
        branches += group(anywhere)
    word = (c.IN, [(c.CATEGORY, c.CATEGORY_WORD)])
    whole = sub(
        [
            (c.ASSERT_NOT, (-1, sub([word]))),
            (c.BRANCH, (None, branches)),
            (c.ASSERT_NOT, (1, sub([word]))),
        ]
    )
    _parsed.cache_clear()
    return _sre_compiler.compile(whole), tuple(owners)


class _Tree:
    """Builds the dispatch lookaheads as parse-tree items."""

    def __init__(self, sub, group) -> None:
        self.sub = sub
        self.group = group

    @staticmethod
    def _token(char: str) -> tuple:
        c = _sre_constants
        if char == _SPACE:
            return (c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])
        return (c.LITERAL, ord(char))

    def lookahead(self, prefix: str, negated_next: Iterable[str] = ()) -> tuple:
        c = _sre_constants
        items = [self._token(ch) for ch in prefix]
        others = list(negated_next)
        if others:
            members = [
                (c.CATEGORY, c.CATEGORY_SPACE) if ch == _SPACE else (c.LITERAL, ord(ch))
                for ch in others
            ]
            items.append((c.ASSERT_NOT, (1, self.sub([(c.IN, members)]))))
        return (c.ASSERT, (1, self.sub(items)))

    def guarded(self, prefix: str, alternatives: list, negated_next: Iterable[str] = ()):
        c = _sre_constants
        body = (c.BRANCH, (None, alternatives)) if len(alternatives) > 1 else (
            c.SUBPATTERN, (None, 0, 0, alternatives[0])
        )
        return self.sub([self.lookahead(prefix, negated_next), body])

    def guarded_set(self, chars: list[str], alternatives: list):
        c = _sre_constants
        members = [(c.LITERAL, ord(ch)) for ch in chars]
        head = (c.ASSERT, (1, self.sub([(c.IN, members)])))
        return self.sub([head, (c.BRANCH, (None, alternatives))])


def _by_prefix(
    prefix: str, indices: list[int], prefixes: dict[int, list[frozenset[str] | None]], tree
) -> list:
    """The phrases that can start with ``prefix``, split again by their next character (up
    to _DEPTH characters in all), as parse-tree alternatives.

    A phrase whose next character is unknown goes in every sub-group (so that order, and
    with it which list wins at one place, stays as given) and in a last one for the rest.
    """
    depth = len(prefix)
    if len(indices) < 4 or depth >= _DEPTH:
        return tree.group(indices)
    nexts: dict[int, frozenset[str] | None] = {}
    for index in indices:
        known_prefixes = prefixes[depth + 1][index]
        nexts[index] = (
            None
            if known_prefixes is None
            else frozenset(p[depth] for p in known_prefixes if p.startswith(prefix))
        )
    known = sorted(set().union(*(n for n in nexts.values() if n is not None)))
    if not known:
        return tree.group(indices)
    parts = []
    for char in known:
        chosen = [i for i in indices if nexts[i] is None or char in nexts[i]]
        parts.append(tree.guarded(prefix + char, _by_prefix(prefix + char, chosen, prefixes, tree)))
    rest = [i for i in indices if nexts[i] is None]
    if rest:
        parts.append(tree.guarded(prefix, tree.group(rest), negated_next=known))
    return parts


@functools.lru_cache(maxsize=None)
def _parsed(fragment: str):
    """The standard library's parse tree of one phrase, parsed once for every dispatch step
    (merged() clears this cache once its regex is compiled)."""
    return _sre_parser.parse(fragment)


def _prefixes(fragment: str, length: int) -> frozenset[str] | None:
    """Every string of ``length`` characters a match of ``fragment`` can start with, or None
    when that is unknown or too many."""
    try:
        found = _prefixes_of(list(_parsed(fragment)), length, 0)
    except Exception:  # an unexpected construct: simply do not dispatch on it
        return None
    return None if found is None else frozenset(found)


_MAX_PREFIXES = 256
_CHUNK = 6
_DEPTH = 3  # dispatch on up to this many first characters
_SPACE = "\x00"  # stands for any white space (\\s) in a prefix


def _prefixes_of(items: list, length: int, depth: int) -> set[str] | None:
    c = _sre_constants
    if length == 0:
        return {""}
    if not items or depth > 24:
        return None  # the match may end here: what follows is unknown
    (op, av), rest = items[0], items[1:]
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _prefixes_of(rest, length, depth + 1)
    if op is c.LITERAL:
        tails = _prefixes_of(rest, length - 1, depth + 1)
        return None if tails is None else {chr(av) + t for t in tails}
    if op is c.IN:
        if av == [(c.CATEGORY, c.CATEGORY_SPACE)]:
            chars = {_SPACE}  # "\\s": one token, not two dozen characters
        else:
            chars = _wordkeys._set_chars(av)  # the same reading of a character set
            if chars is None:
                return None
        tails = _prefixes_of(rest, length - 1, depth + 1)
        return None if tails is None else {ch + t for ch in chars for t in tails}
    if op is c.SUBPATTERN:
        return _prefixes_of(list(av[-1]) + rest, length, depth + 1)
    if op is c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            sub = _prefixes_of(list(branch) + rest, length, depth + 1)
            if sub is None:
                return None
            out |= sub
            if len(out) > _MAX_PREFIXES:
                return None
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, sub_items = av
        if high == 0:
            return _prefixes_of(rest, length, depth + 1)
        again = (op, (max(low - 1, 0), high if high == c.MAXREPEAT else high - 1, sub_items))
        once = _prefixes_of(list(sub_items) + [again] + rest, length, depth + 1)
        if once is None:
            return None
        if low == 0:
            skip = _prefixes_of(rest, length, depth + 1)
            if skip is None:
                return None
            once |= skip
        return None if len(once) > _MAX_PREFIXES else once
    return None


def _first_chars(fragment: str) -> frozenset[str] | None:
    """The characters a match of ``fragment`` can start with, or None when unknown."""
    try:
        chars, nullable = _first_of(list(_parsed(fragment)))
    except Exception:  # an unexpected construct: simply do not dispatch on it
        return None
    return None if chars is None or nullable else frozenset(chars)


def _first_of(items: list) -> tuple[set[str] | None, bool]:
    """First characters of a parsed sequence and whether it can match the empty string."""
    c = _sre_constants
    out: set[str] = set()
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width
        if op is c.LITERAL:
            out.add(chr(av))
            return out, False
        if op is c.IN:
            chars = _wordkeys._set_chars(av)   # the same reading of a character set
            if chars is None:
                return None, False
            out.update(chars)
            return out, False
        if op is c.SUBPATTERN:
            sub, nullable = _first_of(list(av[-1]))
        elif op is c.BRANCH:
            sub, nullable = set(), False
            for branch in av[1]:
                chars, empty = _first_of(list(branch))
                if chars is None:
                    return None, False
                sub |= chars
                nullable = nullable or empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            sub, nullable = _first_of(list(av[2]))
            nullable = nullable or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        out |= sub
        if not nullable:
            return out, False
    return out, True


def may_match(name: str, text: str) -> bool:
    """False when no phrase of the list can match ``text`` nor any string whose words (runs of
    ``\\w``) are all words of ``text``: none has every word it needs in it."""
    return not _dead(name, text)


def search(name: str, text: str) -> bool:
    if _dead(name, text):
        return False  # none of the list's phrases has its words in the text
    return pattern(name).search(text) is not None


def search_in(name: str, text: str, start: int, end: int) -> bool:
    """``search(name, text[start:end])``, quicker when ``text`` is the text being scored."""
    if _dead(name, text):
        cut = _cut_word(text, start, end)
        if cut is None:
            return False
        if cut:  # only a match at the window's start can use the word the window cuts
            return pattern(name).match(text[start:end]) is not None
    return pattern(name).search(text[start:end]) is not None


@functools.cache
def _tail_pattern(name: str) -> re.Pattern[str]:
    return re.compile(pattern(name).pattern + r"\W*$")


def ends_with(name: str, text: str) -> bool:
    """``text`` ends with a phrase of the list (trailing punctuation and spaces allowed)."""
    return _tail_pattern(name).search(text) is not None


def ends_with_in(name: str, text: str, start: int, end: int) -> bool:
    """``ends_with(name, text[start:end])``, quicker when ``text`` is the text being scored."""
    if _dead(name, text):
        cut = _cut_word(text, start, end)
        if cut is None:
            return False
        if cut:
            return _tail_pattern(name).match(text[start:end]) is not None
    return _tail_pattern(name).search(text[start:end]) is not None


def _cut_word(text: str, start: int, end: int) -> bool | None:
    """For a window of a text none of whose words a list's phrases need: None when the window
    cuts no word (no phrase can match in it), True when it cuts a word at its start only (a
    match can only start there), False when it cuts one at its end (search it all).

    A match inside the window uses words of the text, except for a word the window's edges
    cut: with only whole words, a phrase needs words the text has.
    """
    length = len(text)
    if start < 0:
        start = 0
    if end > length:
        end = length
    if start >= end:
        return None
    if end < length:
        before, after = text[end - 1], text[end]
        # both word characters (``\\w``: what str.isalnum() says, or "_"): a word is cut
        if (before.isalnum() or before == "_") and (after.isalnum() or after == "_"):
            return False
    if start > 0:
        before, after = text[start - 1], text[start]
        if (before.isalnum() or before == "_") and (after.isalnum() or after == "_"):
            return True
    return None


def memo(text: str) -> dict | None:
    """A dict to keep facts about ``text`` in while it is the text being scored (the text last
    keyed), or None."""
    last = _wordkeys.last_entry()
    return last[2] if last[0] is text else None


def _dead(name: str, text: str) -> bool:
    """No phrase of the list (one :func:`prepare` got ready) has every word it needs in
    ``text``; known (and worth asking) only for the text last keyed: else False."""
    last = _wordkeys.last_entry()
    if last[0] is not text:
        return False
    registry = _registry
    group = registry.lists.get(name)
    if group is None:
        return False
    known = last[2].get(0)
    if known is None or known[0] is not registry:
        return group not in _live(text)
    return group not in known[1]
