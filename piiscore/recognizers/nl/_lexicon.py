"""Shared machinery for the list-and-rule recognizers of names, places, organisations and
addresses: one fast tokenizer, phrase lookups over token sequences, the case mode of a post and
the street finder. No statistical model: lists (piiscore/data/lists/) plus rules.

Not a recognizer module itself (the name does not end in `_recognizer`), so discovery skips it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...lists import load_list, load_raw_list

# A word is a run of letters; hyphen-joined runs ("Tjon-A-Fong", "Midden-Nederland") become one
# token with parts. Digits and every other visible character are tokens of their own.
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+|\S")


class Token:
    """One token: offsets into the text, the text, its lower-case form and hyphen parts."""

    __slots__ = ("start", "end", "text", "lower", "is_word", "capitalized", "parts")

    def __init__(self, start: int, end: int, text: str, lower: str, is_word: bool):
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower
        self.is_word = is_word
        self.capitalized = text[:1].isupper()
        self.parts = lower.split("-") if "-" in lower else [lower]

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str) -> list[Token]:
    out = []
    append = out.append
    for m in _TOKEN.finditer(text):
        g = m.group()
        append(Token(m.start(), m.end(), g, g.lower(), g[0].isalpha()))
    return out


_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LETTERS = _ASCII_UPPER + bytes(range(ord("a"), ord("z") + 1))


def case_mode(text: str) -> str:
    """'mixed' when capitals carry information; 'upper' or 'lower' when the post ignores case."""
    if text.isascii():
        # the same counts, in C: in ASCII the letters are A-Z and a-z, the upper case A-Z
        raw = text.encode("ascii")
        letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER)) if letters else 0
    else:
        letters = sum(map(str.isalpha, text))
        upper = sum(map(str.isupper, text)) if letters else 0
    if not letters:
        return "mixed"
    if upper == 0:
        return "lower"
    if letters >= 8 and upper / letters >= 0.8:
        return "upper"
    return "mixed"


class Analysis:
    """What every list-and-rule recognizer needs to know about one text, computed once."""

    __slots__ = ("text", "tokens", "mode", "strict", "starts")

    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.mode = case_mode(text)
        self.strict = self.mode != "mixed"
        self.starts = sentence_starts(text, self.tokens)


@lru_cache(maxsize=32)
def analyse(text: str) -> Analysis:
    """Shared by the person, place, organisation and address recognizers that run on the same
    text one after the other (treat the result as read-only)."""
    return Analysis(text)


_SENTENCE_PUNCT = frozenset(".!?:;\"“”‘(*•·|>[")


def sentence_starts(text: str, tokens: list[Token]) -> list[bool]:
    """True for a token that starts a sentence, a line or a list item."""
    out = []
    for i, tok in enumerate(tokens):
        if i == 0:
            out.append(True)
            continue
        prev = tokens[i - 1]
        if "\n" in text[prev.end:tok.start]:
            out.append(True)
        elif prev.is_word or prev.text.isdigit() or prev.text in ",'’&/-":
            out.append(False)
        elif prev.text in _SENTENCE_PUNCT or not prev.text.isascii():
            out.append(True)   # punctuation, emoji and symbols end what came before
        else:
            out.append(False)
    return out


def _key_tokens(phrase: str) -> tuple[str, ...]:
    """Lookup key of a phrase: its tokens, lower-cased, hyphens and apostrophes as parts."""
    keys: list[str] = []
    for tok in tokenize(phrase):
        if tok.is_word:
            keys.extend(p for p in tok.parts if p)
        else:
            keys.append(tok.lower)
    return tuple(keys)


class PhraseIndex:
    """Longest-match lookup of multi-token phrases (case-insensitive unless told otherwise)."""

    def __init__(self, phrases, case_sensitive: bool = False):
        self.case_sensitive = case_sensitive
        self._max: dict[str, int] = {}
        # the phrases' keys as a trie: {part: {part: ..., None: True (a phrase ends here)}}
        self._trie: dict = {}
        for phrase in phrases:
            key = _key_tokens(phrase) if not case_sensitive else tuple(
                t.text for t in tokenize(phrase))
            if not key:
                continue
            self._max[key[0]] = max(self._max.get(key[0], 0), len(key))
            node = self._trie
            for part in key:
                node = node.setdefault(part, {})
            node[None] = True
        # the keys a phrase can start with: `key not in firsts` means match() returns -1, where
        # key is the token's text (case-sensitive) or its first hyphen part, lower-cased
        self.firsts = frozenset(self._max)

    def match(self, tokens: list[Token], i: int) -> int:
        """Index one past the last token of the longest phrase starting at token i, or -1.

        A hyphenated token counts as its parts ("Midden-Nederland" = "midden", "nederland"), so a
        phrase may end inside one only if it ends at the token's end."""
        if i >= len(tokens):
            return -1
        tok = tokens[i]
        if (tok.text if self.case_sensitive else tok.parts[0]) not in self.firsts:
            return -1   # the usual case: no phrase starts with this token
        # Walk the trie along the tokens' keys (a word's hyphen parts one by one, lower-cased;
        # the text itself when case-sensitive) and keep the last phrase end that falls on a
        # token's end: the longest phrase, found without building every prefix.
        best = -1
        node = self._trie
        n = len(tokens)
        j = i
        while j < n:
            tok = tokens[j]
            j += 1
            if self.case_sensitive:
                node = node.get(tok.text)
            elif tok.is_word:
                parts = tok.parts
                for p in parts[:-1]:
                    node = node.get(p)
                    if node is None:
                        return best
                node = node.get(parts[-1])
            else:
                node = node.get(tok.lower)
            if node is None:
                return best
            if None in node:
                best = j
        return best


class Lexicon:
    """Every list the recognizers use, loaded once."""

    def __init__(self):
        self.first_names = load_list("first_names") | load_list("first_names_extra")
        surnames = load_list("surnames") | load_list("surnames_extra")
        # "Van den Broeck", "El Amrani": the last word is what follows the tussenvoegsel
        self.surnames = surnames | {s.split()[-1] for s in surnames if " " in s}
        self.ambiguous_names = load_list("ambiguous_names_nl") | load_list("ambiguous_names_en")
        self.stop_words = _stop_words() | _EXTRA_COMMON
        self.common_words = load_list("common_words") | self.stop_words
        self.dictionary_words = load_list("dictionary_words")
        self.interfixes = PhraseIndex(load_list("interfixes"))
        self.interfix_words = frozenset(w for i in load_list("interfixes") for w in i.split())
        self.titles = PhraseIndex(load_list("person_titles"))
        places = (load_list("places_nl") | load_list("provinces_regions") | load_list("places_be")
                  | load_list("world_cities") | load_list("places_extra"))
        self.place_words = places | load_list("countries")
        self.places = PhraseIndex(self.place_words)
        self.ambiguous_places = load_list("ambiguous_places") | _AMBIGUOUS_PLACES_EXTRA
        self.streets = load_list("streets")
        self.streets_common = load_list("streets_common_words")
        self.street_suffixes = tuple(sorted(
            (s for s in load_list("street_suffixes") if "." not in s), key=len, reverse=True))
        # street_suffix() looks the word's endings up by length instead of trying every suffix
        self._suffix_set = frozenset(self.street_suffixes)
        self._suffix_lengths = tuple(sorted({len(s) for s in self.street_suffixes}, reverse=True))
        self._suffix_tails = frozenset(s[-3:] for s in self.street_suffixes)
        self._place_firsts = self.places.firsts
        self.street_common_words = load_list("street_common_words")
        self.organization_names = load_list("organizations")
        self.organizations = PhraseIndex(self.organization_names)
        self.org_acronyms = PhraseIndex(load_raw_list("organization_acronyms"), case_sensitive=True)
        self.org_acronyms_folded = PhraseIndex(
            a for a in load_raw_list("organization_acronyms") if len(a) >= 3)

    def place_end(self, tokens: list[Token], i: int) -> int:
        """End index of a place name at token i ('Rotterdam-Zuid' included), or -1."""
        tok = tokens[i]
        # no place name starts with this token (what places.match would say, found cheaply)
        end = self.places.match(tokens, i) if tok.parts[0] in self._place_firsts else -1
        if end == -1 and tok.is_word and "-" in tok.lower and tok.parts[0] in self.place_words \
                and all(p in DISTRICTS for p in tok.parts[1:]):
            end = i + 1
        return end

    def is_first_name(self, tok: Token) -> bool:
        if tok.lower in self.interfix_words:
            return False
        return tok.lower in self.first_names or (
            "-" in tok.lower and all(p in self.first_names for p in tok.parts))

    def is_surname(self, tok: Token) -> bool:
        return tok.lower in self.surnames or (
            "-" in tok.lower and any(p in self.surnames for p in tok.parts if len(p) > 2))

    def is_common(self, tok: Token) -> bool:
        return tok.lower in self.common_words

    def is_ambiguous_name(self, tok: Token) -> bool:
        return tok.lower in self.ambiguous_names or tok.lower in self.common_words

    def street_suffix(self, word: str) -> str:
        """The street suffix `word` ends in (with at least 3 letters before it), or ''."""
        # = the longest suffix s with word.endswith(s) and len(word) >= len(s) + 3: two suffixes
        # of one length cannot both end the word, so look the endings up, longest first
        n = len(word)
        if n < 6 or word[-3:] not in self._suffix_tails:
            return ""
        for k in self._suffix_lengths:
            if n >= k + 3 and word[-k:] in self._suffix_set:
                return word[-k:]
        return ""


# Words the lists do not mark as ordinary but that are never a name on their own in a post.
_EXTRA_COMMON = frozenset("""
ik jij je u hij zij ze wij we jullie hun hen mij me mijn jouw zijn haar ons onze die dat deze dit
de het een en of maar want dus ook nog niet geen wel al is was zijn ben bent heeft hebben had
van voor met door naar bij op in aan uit over onder tegen om tot als dan wie wat waar wanneer hoe
waarom hier daar er nu toen vandaag morgen gisteren heel erg echt gewoon even zo zoals alle
allemaal iedereen niemand iemand iets niets meer minder veel weinig
january february march april may june july august september october november december
januari februari maart mei juni juli augustus oktober
monday tuesday wednesday thursday friday saturday sunday
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
god jezus allah christus heer here lord
the a an and or but so of to in on at by for with from as is are was were be been this that
these those he she they we you i me him her them my your his our their who what where when why
how not no yes all any some just only also very really please thanks
dm pm lol omg wtf fyi btw rip ps nb
""".split())

_AMBIGUOUS_PLACES_EXTRA = frozenset("""
best goes haren ede epe born echt stein putten lisse zelhem rhoon hoorn bergen gemert reek
kessel linne beek boxtel sint mill elst loon well grave huizen zeist vaals son
""".split())


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.nl.stop_words import STOP_WORDS as NL
    return frozenset(EN) | frozenset(NL)


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    return Lexicon()


DISTRICTS = frozenset("noord zuid oost west centrum noordoost noordwest zuidoost zuidwest "
                      "north south east centre center".split())


# "K e v i n  J a n s e n", "S.a.n.n.e", "Y-a-s-m-i-n-a": letters spread out with one separator,
# to dodge filters.
_SPACED = re.compile(r"(?<![^\W\d_])[^\W\d_](?P<sep>[ .\-·_*])[^\W\d_](?:(?P=sep)[^\W\d_])+(?![^\W\d_])")
_SEPARATORS = re.compile(r"[ .\-·_*]")


def spaced_words(text: str) -> list[tuple[int, int, str]]:
    """Spread-out words as (start, end, collapsed lower-case word)."""
    if not _SPACED.search(text):
        return []
    return [(m.start(), m.end(), _SEPARATORS.sub("", m.group()).lower())
            for m in _SPACED.finditer(text)]


# --- streets ------------------------------------------------------------------------------------

# Capitalised words that may stand before the head word of a multi-word street name.
STREET_PREFIXES = frozenset("""
prins prinses koning koningin sint st burgemeester burg graaf gravin generaal gen kapitein
admiraal dokter dr mr professor prof pastoor pater oude nieuwe korte lange hoge lage grote kleine
eerste tweede derde noord zuid oost west binnen buiten van de den der het 't ter ten
hertog hertogin jonkheer baron president minister ds dominee meester juffrouw kardinaal bisschop
mgr monseigneur plantage kanunnik abt jhr jkvr mevrouw ir ing
""".split())
_STREET_LINKS = frozenset(["van", "de", "den", "der", "het", "'", "t", "'t", "op", "aan", "ter",
                           "ten", "en", "-", "."])
# "Laan van Meerdervoort", "Plein 1813", "Kade der X": head word + link + name.
_HEAD_FIRST = frozenset(["laan", "plein", "park", "kade", "weg", "dreef", "singel", "hof",
                         "straat", "gracht", "dijk", "wal", "markt"])


def _stem_is_surname(tok: Token, lex: Lexicon) -> bool:
    suffix = lex.street_suffix(tok.parts[-1])
    stem = tok.parts[-1][:-len(suffix)] if suffix else tok.parts[-1]
    return stem in lex.surnames or stem.rstrip("s") in lex.surnames


def find_streets(tokens: list[Token], mode: str, lex: Lexicon,
                 allow_lower: bool = False) -> list[tuple[int, int, str]]:
    """Street names as (first token index, end token index (exclusive), how) where how is
    'suffix' (Kerkstraat), 'list' (Spui, from the street list) or 'head' (Laan van X)."""
    found = []
    strict = mode != "mixed"
    n = len(tokens)
    i = 0
    streets, suffix_tails = lex.streets, lex._suffix_tails
    while i < n:
        tok = tokens[i]
        if not tok.is_word:
            i += 1
            continue
        lower = tok.lower
        if lower not in _HEAD_FIRST and lower not in streets and not lower.endswith(("str", "ln")) \
                and tok.parts[-1][-3:] not in suffix_tails:
            i += 1   # no rule below can find a street here (street_suffix needs such an ending)
            continue
        how = ""
        end = i + 1
        if tok.lower in _HEAD_FIRST and (tok.capitalized or strict) and i + 2 < n:
            # Laan van Meerdervoort / Laan van Nieuw Oost-Indië
            j = i + 1
            while j < n and tokens[j].lower in ("van", "der", "de", "den", "het", "op"):
                j += 1
            k = j
            while k < n and tokens[k].is_word and (tokens[k].capitalized or strict) and \
                    k - j < 3 and tokens[k].lower not in lex.common_words:
                k += 1
            if j > i + 1 and k > j:
                how, end = "head", k
        if not how and tok.lower.endswith(("str", "ln")) and len(tok.lower) > 5 and i + 1 < n \
                and tokens[i + 1].text == "." and tokens[i + 1].start == tok.end \
                and (tok.capitalized or strict or allow_lower):
            how, end = "suffix", i + 2   # "Kerkstr. 12", "Julianaln. 4"
        if not how:
            last = tok.parts[-1]
            if lex.street_suffix(last) and tok.lower not in lex.place_words and (
                    tok.capitalized or strict
                    or (allow_lower and tok.lower not in lex.street_common_words)):
                how = "suffix"
            elif tok.lower in lex.streets and (tok.capitalized or strict):
                how = "list"
        if not how:
            i += 1
            continue
        if how == "suffix" and end + 1 < n and tokens[end].lower in ("op", "naar") \
                and tokens[end + 1].capitalized and tokens[end + 1].is_word \
                and lex.place_end(tokens, end + 1) != -1:
            end = lex.place_end(tokens, end + 1)   # Flemish "Steenweg op Gent"
        start = i
        # extend to the left over capitalised prefix words and first names
        j = i - 1
        while j >= 0:
            t = tokens[j]
            if t.end != tokens[j + 1].start and tokens[j + 1].start - t.end > 1:
                break
            if t.is_word and (t.capitalized or (strict and t.lower in STREET_PREFIXES)) and (
                    t.lower in STREET_PREFIXES or lex.is_first_name(t)
                    or (t.capitalized and not strict and t.lower in lex.surnames)):
                start = j
            elif t.lower in _STREET_LINKS and j > 0 and tokens[j - 1].is_word and (
                    (tokens[j - 1].capitalized or strict) and lex.is_first_name(tokens[j - 1])
                    or tokens[j - 1].capitalized and tokens[j - 1].lower in STREET_PREFIXES
                    or tokens[j - 1].lower in ("burgemeester", "burg", "graaf", "prins",
                                               "koningin", "koning", "dr", "mr", "sint")):
                j -= 1
                continue
            elif t.lower in ("de", "der", "den") and j > 1 and tokens[j - 1].lower == "van" \
                    and tokens[j - 2].is_word and (tokens[j - 2].capitalized or strict) \
                    and lex.is_first_name(tokens[j - 2]) and _stem_is_surname(tokens[i], lex):
                j -= 2   # "Cornelis van der Lindenstraat" (not "Sanne van de Kerkstraat")
                continue
            elif t.text == "." and j > 0 and tokens[j - 1].lower in ("dr", "mr", "st", "burg",
                                                                     "prof", "gen", "ds"):
                j -= 1
                continue
            else:
                break
            j -= 1
        if start >= 2 and tokens[start - 1].lower in ("e", "ste", "de") \
                and tokens[start - 2].text.isdigit() and tokens[start - 1].start == tokens[start - 2].end \
                and len(tokens[start - 2].text) == 1:
            start -= 2   # "1e Jan Steenstraat", "2e Hugo de Grootstraat"
        # the left edge is a capitalised word, never a bare link word or sentence-initial article
        while start < i and (tokens[start].lower in _STREET_LINKS or tokens[start].lower in (
                "de", "het", "den", "op", "in", "aan", "the")) and not (
                tokens[start].lower == "van" and tokens[start].capitalized):
            start += 1   # but "Van Ostadestraat" keeps its capitalised "Van"
        found.append((start, end, how))
        i = end
    return found
