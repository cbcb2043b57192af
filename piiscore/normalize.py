"""De-obfuscation with an offset map back to the text as received.

Doxers dodge filters: zero-width characters inside a number, Cyrillic look-alike letters in a
name, keycap emoji or full-width digits, digits split by spaces or dashes, number words
("zes nul een twee ..."), "(at)" / "(punt)" in e-mail addresses, leetspeak in names ("M4rieke"),
digit strings written backwards when the post says so. `normalize()` rewrites those to plain
form and keeps, for every output character, the original segment it came from, so a span found
in the normalised text maps back to a span of the original that covers the hidden value.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# --- character tables -------------------------------------------------------------------------

_INVISIBLE = frozenset(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0]
    + list(range(0x200B, 0x2010))   # zero-width space/joiners, LRM/RLM
    + list(range(0x202A, 0x202F))   # bidi embeddings
    + list(range(0x2060, 0x2070))   # word joiner, invisible operators, bidi isolates
    + list(range(0xFE00, 0xFE10))   # variation selectors
)
_SPACES = frozenset([0x00A0, 0x1680, 0x202F, 0x205F, 0x3000] + list(range(0x2000, 0x200B)))

# Cyrillic and Greek letters that look like Latin ones.
_CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l",
    "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ї": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D",
    "Ԛ": "Q", "Ԝ": "W", "Һ": "H", "Ӏ": "I",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "ϲ": "c",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}

_UNITS_NL = {"nul": 0, "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
             "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
_TEENS_NL = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
             "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19}
_TENS_NL = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
            "zeventig": 70, "tachtig": 80, "negentig": 90}
_UNITS_EN = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9}
_TEENS_EN = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
             "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}


def _number_words() -> dict[str, str]:
    words: dict[str, int] = {}
    for table in (_UNITS_NL, _TEENS_NL, _TENS_NL, _UNITS_EN, _TEENS_EN, _TENS_EN):
        words.update(table)
    for unit, u in _UNITS_NL.items():
        if u == 0 or unit in ("één", "eén"):
            continue
        for ten, t in _TENS_NL.items():
            # "vierendertig", "drieënveertig", "tweeëntwintig"
            joiner = "ën" if unit.endswith("e") else "en"
            words[unit + joiner + ten] = t + u
            words[unit + "en" + ten] = t + u
    for unit, u in _UNITS_EN.items():
        if u == 0:
            continue
        for ten, t in _TENS_EN.items():
            words[f"{ten}-{unit}"] = t + u
            words[f"{ten}{unit}"] = t + u
    return {w: str(v) for w, v in words.items()}


# every spelled-out number a phone number or house number is read aloud with
_NUMBER_WORDS = _number_words()
_LEET = {"4": "a", "3": "e", "1": "i", "0": "o", "5": "s", "7": "t"}

# --- the output builder -----------------------------------------------------------------------


@dataclass(frozen=True)
class Normalized:
    original: str
    text: str
    _starts: tuple[int, ...]
    _ends: tuple[int, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span [start, end) of the normalised text to the original text."""
        if not self._starts:
            return start, end
        if end <= start:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def is_obfuscated(self, start: int, end: int) -> bool:
        """True when the normalised span differs from the original text it maps to."""
        if not self._starts:
            return False
        o_start, o_end = self.to_original(start, end)
        return self.original[o_start:o_end] != self.text[start:end]


class _Builder:
    __slots__ = ("chars", "starts", "ends")

    def __init__(self):
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def emit(self, out: str, o_start: int, o_end: int) -> None:
        for ch in out:
            self.chars.append(ch)
            self.starts.append(o_start)
            self.ends.append(o_end)


def _compose(first: Normalized, second_text: str, starts: list[int], ends: list[int]) -> Normalized:
    """Chain a second pass (whose map points into first.text) onto the first."""
    if not first._starts:
        return Normalized(first.original, second_text, tuple(starts), tuple(ends))
    fs, fe = first._starts, first._ends
    new_starts = tuple(fs[s] for s in starts)
    new_ends = tuple(fe[e - 1] if e > 0 else fs[0] for e in ends)
    return Normalized(first.original, second_text, new_starts, new_ends)


# --- pass 1: characters -----------------------------------------------------------------------

_KEYCAP = "\u20e3"


def _char_pass(text: str) -> tuple[str, list[int], list[int]]:
    b = _Builder()
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        cp = ord(ch)
        # keycap emoji: digit, optional VS16, U+20E3
        if ch in "0123456789#*" and i + 1 < n and (text[i + 1] == _KEYCAP or (
                text[i + 1] == "\ufe0f" and i + 2 < n and text[i + 2] == _KEYCAP)):
            j = i + 2 if text[i + 1] == _KEYCAP else i + 3
            b.emit(ch, i, j)
            i = j
            continue
        if cp in _INVISIBLE:
            i += 1
            continue
        if cp in _SPACES:
            b.emit(" ", i, i + 1)
        elif ch in _CONFUSABLES:
            b.emit(_CONFUSABLES[ch], i, i + 1)
        elif cp > 0x7F and unicodedata.category(ch) != "So":
            folded = unicodedata.normalize("NFKC", ch)
            # full-width and mathematical letters, digits and dashes fold to ASCII; accents stay
            if folded != ch and folded.isascii() and folded.strip():
                b.emit(folded, i, i + 1)
            else:
                b.emit(ch, i, i + 1)
        else:
            b.emit(ch, i, i + 1)
        i += 1
    return "".join(b.chars), b.starts, b.ends


# --- pass 2: token rewrites on the character-clean text ---------------------------------------



def trie_alternation(words) -> str:
    """One regex alternation of `words` that matches exactly like the longest-first list
    "|".join(sorted(words, key=len, reverse=True)) but tests each character once, as a trie:
    two words that match at the same place are always one a prefix of the other, and the
    trie, too, tries the longer first (its optional tails are greedy). The engine no longer
    tries hundreds of branches at every position of every post."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return emit(trie)


# the lookahead on the first letters is implied by the trie; it only lets the engine skip the
# positions where no number word can start
_NUMWORD_ALT = "(?=[%s])%s" % (
    re.escape("".join(sorted({w[0] for w in _NUMBER_WORDS}))), trie_alternation(_NUMBER_WORDS))
# A run of number tokens (digit groups and number words, in any mix) read as one value:
# "nul zes twaalf vierendertig ...", "0 6 - 1 2 3 4 5 6 7 8", "06 (één twee) 34 56 78".
# "double oh", "triple seven", "dubbel nul": one digit said two or three times
_REPEAT = {"double": 2, "triple": 3, "dubbel": 2, "dubbele": 2, "driedubbel": 3}
_NUM_TOKEN = (rf"(?:(?:double|triple|dubbele?|driedubbel)[ \t]+)?"
              rf"(?:\d{{1,4}}|(?:{_NUMWORD_ALT})(?![\w-]))")
_NUM_RUN = re.compile(
    rf"(?<![\w+])\+?{_NUM_TOKEN}(?:[ \t]*[ ,.\-–_/·•()][ \t()]*{_NUM_TOKEN}){{3,}}(?![\w])",
    re.IGNORECASE)
_NUM_TOKEN_ONE = re.compile(_NUM_TOKEN, re.IGNORECASE)
# a single spelled-out house number: "huisnummer drieënveertig", "op nummer twaalf"
_HOUSE_NUMBER_WORD = re.compile(
    rf"\b(?=[hn])(?:huisnummer|huisnr\.?|nummer|nr\.?|number|no\.)\s+({_NUMWORD_ALT})(?![\w-])", re.IGNORECASE)
_AT = re.compile(r"\s*(?:\(\s*(?:at|apenstaartje|@)\s*\)|\[\s*(?:at|apenstaartje|@)\s*\]|\{\s*at\s*\}|<\s*at\s*>)\s*",
                 re.IGNORECASE)
_DOT = re.compile(r"\s*(?:\(\s*(?:dot|punt)\s*\)|\[\s*(?:dot|punt|\.)\s*\]|\{\s*(?:dot|punt|\.)\s*\}|<\s*(?:dot|punt)\s*>)\s*",
                  re.IGNORECASE)
# bare "naam at domein dot com" / "naam apenstaartje domein punt nl"; the name may have its own
# dots spelled out too: "salma punt amrani apenstaartje example punt com"
_BARE_EMAIL = re.compile(
    r"(?<![\w.])([\w][\w.\-]*(?:\s+(?:dot|punt)\s+[\w][\w.\-]*)*)\s+(?:at|apenstaartje)\s+([\w\-]+)"
    r"((?:\s+(?:dot|punt)\s+[\w\-]+)+)(?![\w])",
    re.IGNORECASE)
_BARE_DOT = re.compile(r"\s+(?:dot|punt)\s+", re.IGNORECASE)
_LEET_TOKEN = re.compile(r"(?<![\w@#./\-])[A-Za-z][A-Za-z0-9]*[0134579][A-Za-z0-9]*(?![\w@\-])")
# letters for digits in a digit group: O for 0, I or l for 1 ("O6 - 5O 41 88 77", "9OO 4I7"):
# a group of 2-4 characters with at least one digit and one such letter, next to digit groups
_LETTERS_FOR_DIGITS = re.compile(r"(?<![\w])(?=[\dOoIl]*\d)(?=[\dOoIl]*[OoIl])[\dOoIl]{2,4}(?![\w])")
_DIGIT_GROUP_NEAR = re.compile(r"\d[\dOoIl]*[ .\-/]{1,3}$|^[ .\-/]{1,3}[\dOoIl]*\d")
_LETTER_DIGITS = str.maketrans("OoIl", "0011")
_REVERSED_WORDS = r"(?=[aobri])(?:achterstevoren|omgekeerd|andersom|reversed|backwards|in reverse)"
_REVERSED_CUE = re.compile(_REVERSED_WORDS + r"[^\d\n]{0,60}?(\+?[\d][\d \-]{6,}\d)", re.IGNORECASE)
# Cheap necessary conditions: without them _REVERSED_CUE / _BARE_EMAIL cannot match.
_HAS_REVERSED_WORD = re.compile(_REVERSED_WORDS, re.IGNORECASE)
_HAS_BRACKETED = re.compile(r"[\(\[\{<]\s*(?:at|apenstaartje|dot|punt|@)|[\[\{]\s*\.", re.IGNORECASE)   # _AT, _DOT
_HAS_LEET = re.compile(r"[A-Za-z]\d{1,2}[A-Za-z]")   # _leet_ok() requires it in the token
_HAS_BARE_EMAIL = re.compile(r"\s(?:at|apenstaartje)\s+[\w\-]+\s+(?:dot|punt)\s", re.IGNORECASE)


def _leet_ok(token: str) -> bool:
    """A word with a few look-alike digits ("M4rieke", "K4str33lstr44t"), not a code."""
    letters = sum(c.isalpha() for c in token)
    digits = [c for c in token if c.isdigit()]
    if letters < 2 or not digits or len(digits) > letters:
        return False
    if any(d not in _LEET for d in digits) or re.search(r"\d{3}", token):
        return False
    if not re.search(r"[A-Za-z]\d{1,2}[A-Za-z]", token):
        return False  # a digit inside the word, not a suffix: "M4rieke", not "mp3", "win10"
    if not any(c.islower() for c in token) and len(token) < 6:
        return False  # short upper-case codes: "A4", "GX41BB"-like plates
    from .validators.nl_kenteken import is_valid as is_plate

    return not is_plate(token)


def _token_digits(token: str) -> str:
    """The digits one number token stands for: "12", "twaalf" -> "12", "double oh" -> "00"."""
    if token.isdigit():
        return token
    parts = token.split()
    if len(parts) == 2:  # a repeat word and one digit or number word
        digits = parts[1] if parts[1].isdigit() else _NUMBER_WORDS[parts[1].lower()]
        return digits * _REPEAT[parts[0].lower()]
    return _NUMBER_WORDS[token.lower()]


def _rewrites(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, replacement) edits on `text`, sorted."""
    edits: list[tuple[int, int, str]] = []

    def add(s: int, e: int, rep: str) -> None:
        if all(e <= a or s >= b for a, b, _ in edits):
            edits.append((s, e, rep))

    for m in _REVERSED_CUE.finditer(text) if _HAS_REVERSED_WORD.search(text) else ():
        digits = m.group(1)
        s = m.start(1)
        add(s, m.end(1), "".join(reversed(re.sub(r"[\s\-]", "", digits))))
    for m in _LETTERS_FOR_DIGITS.finditer(text):
        # only inside a run of digit groups: a group with a digit right before or after it
        if _DIGIT_GROUP_NEAR.search(text[max(0, m.start() - 6):m.start()]) or \
                _DIGIT_GROUP_NEAR.search(text[m.end():m.end() + 6]):
            add(m.start(), m.end(), m.group().translate(_LETTER_DIGITS))
    for m in _NUM_RUN.finditer(text):
        tokens = _NUM_TOKEN_ONE.findall(m.group(0))
        spelled = any(not t.isdigit() for t in tokens)
        if not spelled and (max(len(t) for t in tokens[1:]) > 2 or len(tokens) < 6):
            continue  # plain digit groups: only single/double digits split apart are a trick
        joined = ("+" if m.group(0).startswith("+") else "") + "".join(map(_token_digits, tokens))
        digits = joined.lstrip("+")
        if 8 <= len(digits) <= 13 and (joined[0] in "+0" or len(digits) == 9):
            add(m.start(), m.end(), joined)
        elif len(digits) == 10 and digits[0] in "23456789" \
                and all(len(_token_digits(t)) == 1 for t in tokens):
            # a North American number spelled out digit by digit: written back in its groups
            add(m.start(), m.end(), f"{digits[:3]}-{digits[3:6]}-{digits[6:]}")
    for m in _HOUSE_NUMBER_WORD.finditer(text):
        add(m.start(1), m.end(1), _NUMBER_WORDS[m.group(1).lower()])
    for m in _BARE_EMAIL.finditer(text) if _HAS_BARE_EMAIL.search(text) else ():
        local, domain, rest = _BARE_DOT.sub(".", m.group(1)), m.group(2), m.group(3)
        tail = _BARE_DOT.sub(".", rest)
        add(m.start(), m.end(), f"{local}@{domain}{tail}")
    bracketed = _HAS_BRACKETED.search(text) is not None
    for m in _AT.finditer(text) if bracketed else ():
        add(m.start(), m.end(), "@")
    for m in _DOT.finditer(text) if bracketed else ():
        add(m.start(), m.end(), ".")
    for m in _LEET_TOKEN.finditer(text) if _HAS_LEET.search(text) else ():
        tok = m.group(0)
        if _leet_ok(tok):
            add(m.start(), m.end(), "".join(_LEET.get(c, c) for c in tok))
    edits.sort()
    return edits


def _apply(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, list[int], list[int]]:
    b = _Builder()
    pos = 0
    for s, e, rep in edits:
        for k in range(pos, s):
            b.emit(text[k], k, k + 1)
        if len(rep) == e - s:
            for k, ch in enumerate(rep):  # same length: keep a one-to-one map
                b.emit(ch, s + k, s + k + 1)
        else:
            b.emit(rep, s, e)
        pos = e
    for k in range(pos, len(text)):
        b.emit(text[k], k, k + 1)
    return "".join(b.chars), b.starts, b.ends


_NEEDS_CHAR_PASS = re.compile(r"[^\x00-\x7f]")
# Any one of these makes a rewrite possible. (One regex with these alternatives would find the
# same texts, but the engine would try every alternative at every position: slower.)
_QUICK_TOKEN_CUES = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\d\s*[ .\-_/·•]\s*\d\s*[ .\-_/·•]\s*\d",
    r"[\(\[\{<]\s*(?:at|dot|punt|apenstaartje)",
    r"\b(?:at|apenstaartje)\b",
    r"[a-z][013457]",
    r"\d[OoIl]|[OoIl]\d",
    r"[\[\{(]\s*[.@]",
    _REVERSED_WORDS,
    rf"\b(?:{_NUMWORD_ALT})\b",
))


def normalize(text: str) -> Normalized:
    """Return the de-obfuscated text with its offset map (identity, cheaply, for plain text)."""
    current = Normalized(text, text, (), ())
    if _NEEDS_CHAR_PASS.search(text):
        out, starts, ends = _char_pass(text)
        if out != text or len(starts) != len(text):
            current = Normalized(text, out, tuple(starts), tuple(ends))
    if any(cue.search(current.text) for cue in _QUICK_TOKEN_CUES):
        edits = _rewrites(current.text)
        if edits:
            out, starts, ends = _apply(current.text, edits)
            current = _compose(current, out, starts, ends)
    return current
