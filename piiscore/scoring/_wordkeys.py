"""Which words a phrase needs: read from its parse tree, so matching can skip what cannot match.

A phrase sits between word edges (``(?<!\\w)...(?!\\w)``), so every word it spells out is a
whole word of the text it matches. A word is known here by its *key*: its first KEY_LEN
characters (a shorter word is its own key). :func:`entry` gives the keys of every word of a
text; a phrase can match the text only if each word it needs has one of its possible keys
among them.

:func:`phrase_keys` returns, for one phrase, the keys of the word a match starts with (or,
where only that word's start is known, as in "politie\\w*", the start itself), and the key
sets of the words every match must contain. The answers only ever err on the safe side: a
word left out or a larger set, never a set that misses a match.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

try:  # the standard library's own regex parser's constants
    from re import _constants as _c
except ImportError:  # Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]

KEY_LEN = 8
_MIN_START = 2  # a shorter known start of a word says too little
_START = "\x00"  # marks a word's start (not a key) in the reader's answers
_MAX_KEYS = 512  # bigger sets of word spellings are not worth enumerating
_MAX_DEPTH = 16  # nested alternatives followed while reading one word
_WORD_CHAR = re.compile(r"\w")
_TEXT_WORDS = re.compile(rf"(\w{{1,{KEY_LEN}}})\w*")  # one match per word: its first characters
# The text last keyed, its keys, and a memo for facts about it (the scorer asks several
# questions of one text in a row). Replaced as a whole, so threads at worst key twice.
_last: tuple[str | None, set[str], dict] = (None, set(), {})


def entry(text: str) -> tuple[str | None, set[str], dict]:
    """``(text, its keys, its memo)``: the keys of every word of ``text`` (do not change the
    set) and a dict to remember facts about the text in, both kept while it is the text last
    asked about."""
    global _last
    last = _last
    if last[0] is not text:
        last = _last = (text, set(_TEXT_WORDS.findall(text)), {})
    return last


def last_entry() -> tuple[str | None, set[str], dict]:
    """:func:`entry` of the text last asked about."""
    return _last


# How likely a post holds a word, roughly, for choosing which needed word to look a phrase up
# by (speed only, never a result): the most frequent Dutch and English words, then frequent
# ones, then words frequent in posts about youth-protection staff; any other word by length.
_FREQUENT = {
    **dict.fromkeys(
        """
        de het een en van in op is dat die je ik we ze niet te met voor er
        the a an and of to in on is it that you i not for with be this
        """.split(),
        1.0,
    ),
    **dict.fromkeys(
        """
        jij wij zij hij hem haar zijn aan maar om ook als dan nog wel bij naar of uit over heeft
        hebben heb was wordt worden kan kunnen moet moeten zal zou wat wie waar hoe deze dit
        geen meer al nu toen door na tot zo u jullie hun mijn me mij ons onze jouw uw alle
        allemaal iedereen iemand mensen gaat gaan komt komen weet weten zegt even echt gewoon
        are was were been these those your he she her him his they them their we our us me my
        no do does did have has had will would can could should at by from as or but if so what
        who where when how all just about out up get got know there here
        """.split(),
        0.4,
    ),
    **dict.fromkeys(
        """
        veilig thuis jeugdbes jeugdzor gezinsvo kind kinderen kids school werk werkt woont
        wonen adres nummer bel mail email huis info child children work lives address number
        call home
        """.split(),
        0.3,
    ),
}


def cost(keys: frozenset[str]) -> float:
    """How many of ``keys`` a post may be expected to hold (a rough guess)."""
    return sum(_FREQUENT.get(key, 1.0 / len(key) ** 2) for key in keys)


class PhraseKeys(NamedTuple):
    first: frozenset[str] | None  # keys of the word a match starts with; None: see starts
    starts: tuple[str, ...]  # where that word is only known by its start: the starts
    needed: tuple[frozenset[str], ...]  # per needed word, its possible keys; fewest-hits first


def phrase_keys(parsed) -> PhraseKeys | None:
    """The keys of the words a match of a phrase needs (None when its first word cannot be
    told): ``parsed`` is the standard library's parse tree of the phrase between word edges,
    ``(?<!\\w)(?:...)(?!\\w)``."""
    if parsed.state.flags & _FLAGS_NOT_READ:
        return None
    items = list(parsed)
    reader = _Reader()
    first = reader.first_keys(items, True)
    if not first:
        return None
    # a set holding a start cannot be checked against a text's keys: left out
    needed = {keys for keys in reader.needed(items, True, True) if not _has_start(keys)}
    starts = tuple(sorted(key[1:] for key in first if key[0] == _START))
    if starts:
        first = frozenset(key for key in first if key[0] != _START)
    else:
        needed.add(first)
    return PhraseKeys(first, starts, tuple(sorted(needed, key=_order)))


def _has_start(keys: frozenset[str]) -> bool:
    return any(key[0] == _START for key in keys)


def _order(keys: frozenset[str]) -> tuple:
    return cost(keys), sorted(keys)


class _Shape(NamedTuple):
    empty: bool  # can match the empty string
    zero: bool  # never consumes a character (an assertion)
    words: frozenset[str] | None  # it matches only word characters, spelled one of these
    # (cut to KEY_LEN characters; a cut spelling stands for every spelling it starts), or None
    opens: bool  # every non-empty match starts with a non-word character
    closes: bool  # every non-empty match ends with a non-word character


_UNKNOWN = _Shape(False, False, None, False, False)
_ASSERTION = _Shape(True, True, None, True, True)
_NOTHING = frozenset({""})
# case-insensitive or non-Unicode matching: a phrase with one of these flags is not read
_FLAGS_NOT_READ = _c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_ASCII | _c.SRE_FLAG_LOCALE


def _concat(left, right) -> set[str] | None:
    if left is None or right is None:
        return None
    out = {a if len(a) >= KEY_LEN else (a + b)[:KEY_LEN] for a in left for b in right}
    return out if len(out) <= _MAX_KEYS else None


def _set_chars(av) -> set[str] | None:
    """The characters of a character set item, or None when not a short plain list."""
    out: set[str] = set()
    for op, value in av:
        if op is _c.LITERAL:
            out.add(chr(value))
        elif op is _c.RANGE and value[1] - value[0] < 64:
            out.update(chr(x) for x in range(value[0], value[1] + 1))
        else:
            return None
    return out


@functools.lru_cache(maxsize=None)
def _literal(code: int) -> _Shape:
    char = chr(code)
    if _is_word(char):
        return _Shape(False, False, frozenset(char), False, False)
    return _Shape(False, False, None, True, True)


def _folds_case(subpattern_av) -> bool:
    """A group with flags of its own, such as ``(?i:...)``: not read."""
    return len(subpattern_av) == 4 and bool(subpattern_av[1] or subpattern_av[2])


def _is_word(char: str) -> bool:
    return _WORD_CHAR.match(char) is not None


class _Reader:
    """Reads one phrase's parse tree (shapes are remembered per tree node)."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple] = {}

    def shape(self, item) -> _Shape:
        if item[0] is _c.LITERAL:
            return _literal(item[1])
        known = self._memo.get(id(item))
        if known is None:
            known = (item, self._shape(item))  # keep the node alive: its id stays its own
            self._memo[id(item)] = known
        return known[1]

    def sequence(self, items) -> _Shape:
        known = self._memo.get(id(items))
        if known is None:
            known = (items, self._sequence(items))
            self._memo[id(items)] = known
        return known[1]

    def _sequence(self, items) -> _Shape:
        real = [s for s in map(self.shape, items) if not s.zero]
        opens = closes = True
        for s in real:
            if not s.opens:
                opens = False
                break
            if not s.empty:
                break
        for s in reversed(real):
            if not s.closes:
                closes = False
                break
            if not s.empty:
                break
        words: set[str] | None = set(_NOTHING)
        for s in real:
            words = _concat(words, s.words)
            if words is None:
                break
        return _Shape(
            all(s.empty for s in real),
            not real,
            None if words is None else frozenset(words),
            opens,
            closes,
        )

    def _shape(self, item) -> _Shape:
        op, av = item
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            return _ASSERTION
        if op is _c.LITERAL:
            return _literal(av)
        if op is _c.IN:
            if av in ([(_c.CATEGORY, _c.CATEGORY_SPACE)], [(_c.CATEGORY, _c.CATEGORY_NOT_WORD)]):
                return _Shape(False, False, None, True, True)
            chars = _set_chars(av)
            if chars is None:
                return _UNKNOWN
            if all(map(_is_word, chars)):
                return _Shape(False, False, frozenset(chars), False, False)
            if not any(map(_is_word, chars)):
                return _Shape(False, False, None, True, True)
            return _UNKNOWN
        if op is _c.SUBPATTERN:
            return _UNKNOWN if _folds_case(av) else self.sequence(av[-1])
        if op is _c.BRANCH:
            shapes = [self.sequence(alt) for alt in av[1]]
            words = None
            if all(s.words is not None for s in shapes):
                words = frozenset().union(*(s.words for s in shapes))
            return _Shape(
                any(s.empty for s in shapes),
                all(s.zero for s in shapes),
                words,
                all(s.opens for s in shapes),
                all(s.closes for s in shapes),
            )
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, body = av
            inner = self.sequence(body)
            words = None if inner.words is None else _repeated(inner.words, low, high)
            return _Shape(low == 0 or inner.empty, inner.zero, words, inner.opens, inner.closes)
        return _UNKNOWN

    def _alternatives(self, item) -> list[list] | None:
        """The ways through ``item``, each a list of items, or None when not a choice."""
        known = self._memo.get(-id(item))  # (negative ids: not to mix with the shapes)
        if known is None:
            known = (item, self._ways(item))
            self._memo[-id(item)] = known
        return known[1]

    @staticmethod
    def _ways(item) -> list[list] | None:
        op, av = item
        if op is _c.BRANCH:
            return [list(alt) for alt in av[1]]
        if op is _c.SUBPATTERN:
            return None if _folds_case(av) else [list(av[-1])]
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, body = av
            ways = [] if low else [[]]
            if high == 1:
                ways.append(list(body))
            elif high > 1:
                again = (op, (max(low - 1, 0), high if high == _c.MAXREPEAT else high - 1, body))
                ways.append(list(body) + [again])
            return ways
        return None

    def first_keys(
        self, items: list, closed_right: bool, spelled=_NOTHING, depth: int = 0
    ) -> frozenset[str] | None:
        """Keys of the word that starts where ``items`` start (the character before is no
        word character), or None when unknown. ``spelled``: its characters read so far;
        ``closed_right``: no word character follows ``items``."""
        done: set[str] = set()
        spelled = set(spelled)
        for index, item in enumerate(items):
            shape = self.shape(item)
            if shape.zero:
                continue
            if shape.words is not None:
                if len(spelled) == 1 and len(shape.words) == 1:  # one spelling: a letter on
                    (spelling,) = spelled
                    (more,) = shape.words
                    spelling += more
                    if len(spelling) < KEY_LEN:
                        spelled = {spelling}
                        continue
                    done.add(spelling[:KEY_LEN])
                    return frozenset(done)
                longer = _concat(spelled, shape.words)
                if longer is None:
                    return _as_start(done, spelled)
                done.update(s for s in longer if len(s) >= KEY_LEN)
                spelled = {s for s in longer if len(s) < KEY_LEN}
                if not spelled:
                    return frozenset(done)
                continue
            if shape.opens and not shape.empty:  # a non-word character ends the word
                return _as_word(done, spelled)
            rest = items[index + 1 :]
            if depth >= _MAX_DEPTH:
                return _as_start(done, spelled)
            if shape.opens:  # nothing, or a non-word character that ends the word
                ended = _as_word(done, spelled)
                going_on = self.first_keys(rest, closed_right, spelled, depth + 1)
                if ended is None or going_on is None:
                    return _as_start(done, spelled)
                return ended | going_on
            ways = self._alternatives(item)
            if ways is None:
                return _as_start(done, spelled)
            out = set(done)
            for way in ways:
                keys = self.first_keys(way + rest, closed_right, spelled, depth + 1)
                if keys is None:
                    return _as_start(done, spelled)
                out |= keys
            return frozenset(out)
        return _as_word(done, spelled) if closed_right else _as_start(done, spelled)

    def needed(self, items: list, open_left: bool, closed_right: bool, depth: int = 0) -> list:
        """Key sets of words every match of the sequence ``items`` holds; ``open_left`` /
        ``closed_right``: no word character comes right before / after the sequence."""
        shapes = [self.shape(item) for item in items]
        out: list[frozenset[str]] = []
        for index, shape in enumerate(shapes):
            if shape.zero:
                continue
            left = _bounded_left(shapes, index, open_left)
            if left:
                keys = self.first_keys(items[index:], closed_right)
                if keys:
                    out.append(keys)
            if depth >= 1 or shape.empty:
                continue
            right = _bounded_right(shapes, index, closed_right)
            op, av = items[index]
            if op is _c.SUBPATTERN and not _folds_case(av):
                out += self.needed(list(av[-1]), left, right, depth + 1)
            elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
                # the first repetition holds what the body needs
                inner = self.sequence(av[2])
                body_right = right and (av[1] == 1 or (inner.opens and not inner.empty))
                out += self.needed(list(av[2]), left, body_right, depth + 1)
            elif op is _c.BRANCH:
                # a word that every way through the choice holds: one of each way's
                per_way = []
                for way in av[1]:
                    found = self.needed(list(way), left, right, depth + 1)
                    if not found:
                        break
                    per_way.append(min(found, key=_order))
                else:
                    out.append(frozenset().union(*per_way))
        return out


def _repeated(words: frozenset[str], low: int, high: int) -> frozenset[str] | None:
    """Spellings of ``low`` to ``high`` repetitions (cut to KEY_LEN), or None when too many."""
    out: set[str] = set()
    current: set[str] = set(_NOTHING)
    count = 0
    while True:
        if count >= low:
            out |= current
        if count >= high:
            break
        longer = _concat(current, words)
        if longer is None or len(out) > _MAX_KEYS:
            return None
        if longer == current:  # every further repetition spells the same
            out |= current
            break
        current = longer
        count += 1
    return frozenset(out)


def _as_word(done: set[str], spelled: set[str]) -> frozenset[str] | None:
    """Keys when the word ends here: None if it may be empty (no word starts there)."""
    if "" in spelled:
        return None
    return frozenset(done | spelled)


def _as_start(done: set[str], spelled: set[str]) -> frozenset[str] | None:
    """Keys when only the word's start is known: each start shorter than KEY_LEN marked as a
    start; None if one is shorter than _MIN_START."""
    out = set(done)
    for start in spelled:
        if len(start) < _MIN_START:
            return None
        out.add(_START + start)
    return frozenset(out)


def _bounded_left(shapes: list[_Shape], index: int, open_left: bool) -> bool:
    """No word character comes right before item ``index``."""
    for shape in reversed(shapes[:index]):
        if shape.zero:
            continue
        if not shape.closes:
            return False
        if not shape.empty:
            return True
    return open_left


def _bounded_right(shapes: list[_Shape], index: int, closed_right: bool) -> bool:
    """No word character comes right after item ``index``."""
    for shape in shapes[index + 1 :]:
        if shape.zero:
            continue
        if not shape.opens:
            return False
        if not shape.empty:
            return True
    return closed_right
