"""PERSON: names of people in Dutch, Flemish and English posts, without a statistical model.

Evidence, strongest first (the span never includes the title or role word):
- a title or role word before a name: "mevrouw De Vries", "dhr. Yilmaz", "gezinsvoogd Bakker",
  "Ms. Carter", "juf Sanne";
- initials before a surname: "J.P. de Wit", "S. Bakker", "j.p. de wit";
- a first name, optional tussenvoegsel, surname: "Sanne Bakker", "Fatima El Amrani",
  "Bart van 't Hof", "Priscilla Tjon-A-Fong", "D.C. Vermeulen-Smits", "MARIEKE DE VRIES";
- a capitalised tussenvoegsel before a known surname: "Van Dijk", "Ten Brink", "De Smedt";
- a known first name or surname alone used for one person: "die Sanne", "Dekker" (lower score);
- a later mention of a part of a name already found in the same post.

Surnames that are also ordinary words ("de bakker op de hoek", "Mark my words") need one of
these kinds of evidence: the lists of ambiguous names mark them.
Lists: first_names(+_extra), surnames(+_extra), interfixes, person_titles, ambiguous_names_*.
"""
from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from ._lexicon import Lexicon, Token, analyse, get_lexicon, spaced_words

SCORE_STRONG = 0.9
SCORE_NAME = 0.85
SCORE_MENTION = 0.8
SCORE_INTERFIX_SURNAME = 0.7
SCORE_FIRST_ALONE = 0.6
SCORE_SURNAME_ALONE = 0.5

# Words before a lone first name that point at one specific person.
_POINTERS = frozenset("die dat ene zekere onze jullie jouw je mijn m'n z'n haar zijn met van "
                      "voor aan bij heet genaamd named called".split())


_OPEN_TITLES = frozenset("""mevrouw mevr mw mej mejuffrouw juffrouw juf meneer mijnheer menheer mnr
dhr heer de heer meester mr dr drs ir ing prof ds mrs ms miss mister sir madam madame familie fam
family gezinsvoogd gezinsvoogdes jeugdbeschermer jeugdbeschermster jeugdzorgwerker voogd
raadsonderzoeker casemanager wijkagent agent agente brigadier rechercheur inspecteur
hulpverlener hulpverleenster""".split()) | {"de heer"}
_ABBREVIATED_TITLES = frozenset("dhr mevr mw mej mnr dr drs mr ir ing prof ds mrs ms st bc kand "
                                "lec dra".split())


_ARTICLES = frozenset("de het een the a an".split())
_SAINTS = frozenset("st sint saint san santa sankt".split())
# Words that make "<first name> X" a place or a building, not a person.
_LANDMARKS = frozenset("""park station street road square hall school college church bridge lane
avenue centre center mall museum stadium arena gardens garden hotel airport beach hill court
house tower market plein straat laan weg kerk ziekenhuis hospital kliniek zaal hal toren""".split())
# A first name, then one of these, then an organisation: the person who works there.
_EMPLOYER_LINKS = frozenset("van from of at bij uit".split())
# Particles that open a surname only after a first name, never on their own ("Het Baken").
_NOT_NAME_STARTS = frozenset("het 't t te in op aan bij uit voor onder over".split())
# Surnames that are also occupations or ranks, and so follow "de" as ordinary nouns
# ("de Bakker op de hoek", "De Koning en de Burgemeester"); "De Vries", "De Jong" are names.
_ROLE_NOUNS = frozenset("""bakker visser smit smid mulder koster kok ruiter dekker schipper
timmerman schilder jager molenaar slager herder brouwer kuiper wagenaar koning keizer graaf prins
hertog paus bisschop kapitein dokter burgemeester boer meester schoenmaker kleermaker""".split())
# Words of e-mail obfuscation ("tim (punt) degroot (at) ..."), never a name.
_OBFUSCATION_WORDS = frozenset("punt dot at apenstaartje komma streepje".split())


class NlPersonRecognizer(EntityRecognizer):
    LANGUAGES = ("nl", "en")
    ENTITIES = ["PERSON"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(supported_entities=self.ENTITIES, supported_language=supported_language,
                         name="NlPersonRecognizer")

    def load(self) -> None:
        self.lex: Lexicon = get_lexicon()

    def analyze(self, text, entities, nlp_artifacts=None):
        if entities and "PERSON" not in entities:
            return []
        return [RecognizerResult("PERSON", s, e, score,
                                 recognition_metadata={"recognizer_name": self.name})
                for s, e, score in find_persons(text, self.lex)]


# --- the parser ---------------------------------------------------------------------------------

class _Parse:
    def __init__(self, text: str, lex: Lexicon):
        self.text = text
        self.lex = lex
        a = analyse(text)
        self.toks = a.tokens
        self.mode = a.mode
        self.strict = self.mode != "mixed"
        self.starts = a.starts
        self.blocked = self._blocked()

    def _blocked(self) -> list[bool]:
        """Tokens that begin an organisation or a multi-word place: never part of a name."""
        blocked = [False] * len(self.toks)
        lex = self.lex
        # a token no phrase of an index starts with cannot match there (PhraseIndex.firsts)
        orgs, acronyms, folded = lex.organizations, lex.org_acronyms, lex.org_acronyms_folded
        for i, tok in enumerate(self.toks):
            if not tok.is_word:
                continue
            end = orgs.match(self.toks, i) if tok.parts[0] in orgs.firsts else -1
            if end == -1 and tok.text in acronyms.firsts:
                end = acronyms.match(self.toks, i)
            if end == -1 and self.strict and tok.lower not in self.lex.dictionary_words \
                    and tok.parts[0] in folded.firsts:
                end = folded.match(self.toks, i)
            if end == -1 and (tok.capitalized or self.strict):
                place_end = self.lex.place_end(self.toks, i)
                if place_end > i + 1 or (place_end == i + 1 and "-" in tok.lower):
                    end = place_end
                if end > i + 1 and tok.lower in self.lex.interfix_words and i > 0 \
                        and self.lex.is_first_name(self.toks[i - 1]) \
                        and self.lex.is_surname(self.toks[end - 1]):
                    end = -1   # "PIETER DE HAAN" is a person, not the Belgian resort
            if end != -1:
                for k in range(i, end):
                    blocked[k] = True
        return blocked

    def tok(self, i: int) -> Token | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def adjacent(self, i: int) -> bool:
        """Token i+1 follows token i on the same line with at most one space-like gap."""
        a, b = self.tok(i), self.tok(i + 1)
        if a is None or b is None:
            return False
        gap = self.text[a.end:b.start]
        return len(gap) <= 2 and "\n" not in gap

    def shaped(self, tok: Token) -> bool:
        """Capitalised like a name (in a post that uses case)."""
        return self.strict or tok.capitalized

    def surname_at(self, i: int, known_only: bool, after_given: bool = False) -> int:
        """End index of a surname token at i, or -1. `after_given`: a first name that is not
        an ordinary word comes right before, which vouches for a known surname that is one
        ("mirjam bos" in a lower-case post)."""
        tok = self.tok(i)
        if tok is None or not tok.is_word or self.blocked[i] or len(tok.text) < 2 \
                or tok.lower in _OBFUSCATION_WORDS:
            return -1
        lex = self.lex
        if lex.street_suffix(tok.parts[-1]) and not lex.is_surname(tok):
            return -1
        if tok.lower in _LANDMARKS:
            return -1   # "Victoria Park", "Jan Steen School"
        if not self.shaped(tok):
            return -1
        if lex.is_surname(tok):
            if self.strict and lex.is_common(tok) and not (
                    after_given and tok.lower not in lex.stop_words):
                return -1
            return i + 1
        if known_only or lex.is_common(tok) or (tok.lower in lex.place_words and not after_given):
            return -1   # a village can be a surname (Wijnaldum) right after a first name
        if self.strict and not (after_given and len(tok.text) >= 3
                                and tok.lower not in lex.dictionary_words
                                and (len(tok.text) <= 7 or tok.lower not in lex.street_common_words)):
            return -1   # case says nothing here: only a word no dictionary knows
        if tok.text.isupper() and len(tok.text) <= 4:   # acronyms: JBRR, KPN
            return -1
        return i + 1

    def interfix_at(self, i: int) -> int:
        tok = self.tok(i)
        if tok is None or self.blocked[i]:
            return -1
        return self.lex.interfixes.match(self.toks, i)

    def family_name_at(self, i: int, known_only: bool, after_given: bool = False) -> int:
        """(interfix) surname (-(interfix) surname) starting at i; end index or -1."""
        j = i
        inter = self.interfix_at(j)
        if inter != -1 and self.adjacent(inter - 1):
            # "van X" is as often "from X" (an employer, a town): X must be a known surname
            bare_van = inter == j + 1 and self.toks[j].lower in ("van", "von", "of")
            end = self.surname_at(inter, known_only=known_only or bare_van,
                                  after_given=after_given)

            if end == -1 and self.tok(inter) and self.tok(inter).text in ("'", "’"):
                end = self.surname_at(inter + 1, known_only=False)   # D'Hondt, O'Brien
            if end != -1:
                return self._double_name(end)
        end = self.surname_at(j, known_only, after_given)
        if end == -1:
            return -1
        return self._double_name(end)

    def _double_name(self, end: int) -> int:
        """van Dijk-de Boer: a hyphenated token whose last part is an interfix continues."""
        last = self.toks[end - 1]
        if "-" in last.lower and last.parts[-1] in self.lex.interfix_words:
            nxt = self.surname_at(end, known_only=False)
            if nxt != -1 and self.adjacent(end - 1):
                return nxt
        dash = self.tok(end)
        if dash is not None and dash.text in ("-", "–") and self.adjacent(end - 1) \
                and self.adjacent(end):
            # "Bakker - de Vries": a double name written with spaces round the dash
            j = end + 1
            inter = self.interfix_at(j)
            if inter != -1 and self.adjacent(inter - 1):
                j = inter
            nxt = self.surname_at(j, known_only=True)
            if nxt != -1:
                return nxt
        return end

    def initials_at(self, i: int) -> int:
        """'J.P.', 'S.', 'J. P.' (each a single letter followed by a dot); end index or -1."""
        toks = self.toks
        if not 0 <= i < len(toks) - 1 or toks[i + 1].text != ".":
            return -1   # the usual case: no dot after the token (the loop below finds none)
        prev = self.tok(i - 1)
        if prev is not None and (prev.text.isdigit() or (prev.is_word and len(prev.text) == 1)) \
                and self.adjacent(i - 1):
            return -1   # the tail of a code: "3111 A B."
        j = i
        count = 0
        while True:
            tok, dot = self.tok(j), self.tok(j + 1)
            if tok is None or dot is None or dot.text != "." or dot.start != tok.end:
                break
            if not (tok.is_word and len(tok.text) == 1 and (tok.text.isupper() or self.strict)):
                break
            count += 1
            j += 2
        return j if count else -1

    def given_names_at(self, i: int) -> int:
        """One or two first names (Jan Pieter, Erik Jan); end index or -1."""
        tok = self.tok(i)
        if tok is None or not tok.is_word or self.blocked[i] or not self.shaped(tok):
            return -1
        if not self.lex.is_first_name(tok):
            return -1
        if self.strict and self.lex.is_common(tok):
            return -1   # "wie kent femke ...": without capitals a verb is no first name
        end = i + 1
        nxt = self.tok(end)
        if nxt is not None and nxt.is_word and self.adjacent(i) and self.lex.is_first_name(nxt) \
                and self.shaped(nxt) and not self.blocked[end] and not self.lex.is_common(nxt):
            # a second given name only when a surname follows it; if the second one could be
            # the surname itself ("Sanne Bakker"), the third word must be a known surname
            known = self.lex.is_surname(nxt) or self.lex.is_ambiguous_name(nxt)
            after = self.family_name_at(end + 1, known_only=known, after_given=True)
            if after != -1:
                end += 1
        return end


_LEET_RUN = re.compile(r"(?<![\w])(?=[\w]*[^\W\d_])(?=[\w]*[013457])[a-zA-Z013457]+(?![\w])")
_LEET = str.maketrans("013457", "oieast")
# a leet run mixes ASCII letters and those digits, so one touches the other somewhere
_LEET_HINT = re.compile(r"[a-zA-Z][013457]|[013457][a-zA-Z]")


def _unleet(text: str) -> str:
    """'Vr1es' -> 'Vries', 'Kr00n' -> 'Kroon' (same length, so offsets stay valid). The
    engine's normaliser undoes most leetspeak; this catches what it leaves in names."""
    if not _LEET_HINT.search(text):
        return text   # no run to rewrite
    return _LEET_RUN.sub(lambda m: m.group().translate(_LEET), text)


def find_persons(text: str, lex: Lexicon) -> list[tuple[int, int, float]]:
    text = _unleet(text)
    p = _Parse(text, lex)
    toks = p.toks
    found: list[tuple[int, int, float]] = []   # token index spans + score
    i = 0
    n = len(toks)
    title_firsts, first_names, interfix_words = lex.titles.firsts, lex.first_names, lex.interfix_words
    while i < n:
        tok = toks[i]
        if not tok.is_word or p.blocked[i]:
            i += 1
            continue
        lower = tok.lower
        if not (lower in first_names or lower in interfix_words or "-" in lower
                or tok.parts[0] in title_firsts or lower in _LABELS
                or (i + 1 < n and toks[i + 1].text == ".")):
            # none of the rules below can start here: no label, title, initial (a dot follows),
            # first name (is_first_name) or tussenvoegsel
            i += 1
            continue
        span = _labelled_name(p, i) or _title_name(p, i) or _initials_name(p, i) \
            or _full_name(p, i) or _interfix_surname(p, i) or _lower_case_name(p, i)
        if span:
            found.append(span)
            i = span[1]
            continue
        i += 1
    found.extend(_lone_names(p, found))
    found.sort()
    spaced = _spaced_names(text, lex)
    out = [(toks[s].start, toks[e - 1].end, score) for s, e, score in found]
    out = [o for o in out if not any(o[0] < e and s < o[1] for s, e, _ in spaced)]
    return sorted(out + spaced)


def _spaced_names(text: str, lex: Lexicon) -> list[tuple[int, int, float]]:
    words = spaced_words(text)
    out = []
    k = 0
    while k < len(words):
        start, end, word = words[k]
        if word in lex.first_names and k + 1 < len(words) and words[k + 1][0] - end <= 3 \
                and words[k + 1][2] in lex.surnames:
            out.append((start, words[k + 1][1], SCORE_NAME))
            k += 2
            continue
        if word in lex.first_names and word not in lex.ambiguous_names and len(word) > 2:
            out.append((start, end, SCORE_FIRST_ALONE))
        k += 1
    return out


_LABELS = frozenset("naam name voornaam achternaam roepnaam".split())


def _labelled_name(p: _Parse, i: int):
    """'Naam: Lisa de Jong', 'name: sarah o'connor': after a label, the name-like words up to
    the end of the line or the next punctuation."""
    tok = p.toks[i]
    if tok.lower not in _LABELS:
        return None
    colon = p.tok(i + 1)
    if colon is None or colon.text != ":":
        return None
    j = i + 2
    k = j
    while k < len(p.toks) and k - j < 5 and p.toks[k].is_word and not p.blocked[k] \
            and "\n" not in p.text[p.toks[k - 1].end:p.toks[k].start]:
        t = p.toks[k]
        known = p.lex.is_first_name(t) or p.lex.is_surname(t) or t.lower in p.lex.interfix_words
        if not (known or (t.capitalized and not p.strict)) or t.lower in p.lex.stop_words \
                and t.lower not in p.lex.interfix_words:
            break
        k += 1
        if k < len(p.toks) and p.toks[k].text in ("'", "’") and k + 1 < len(p.toks) \
                and p.toks[k + 1].start == p.toks[k].end and p.toks[k].start == p.toks[k - 1].end:
            k += 1   # O'Connor, D'Hondt
    while k > j and p.toks[k - 1].lower in p.lex.interfix_words:
        k -= 1
    if k == j or not any(p.lex.is_first_name(t) or p.lex.is_surname(t) for t in p.toks[j:k]):
        return None
    return (j, k, SCORE_NAME)


def _title_name(p: _Parse, i: int):
    if p.toks[i].parts[0] not in p.lex.titles.firsts:
        return None   # titles.match would say -1
    end = p.lex.titles.match(p.toks, i)
    if end == -1:
        return None
    title = " ".join(t.lower for t in p.toks[i:end])
    j = end
    if p.tok(j) is not None and p.tok(j).text == "." and p.tok(j).start == p.toks[j - 1].end:
        if p.toks[j - 1].lower not in _ABBREVIATED_TITLES:
            return None   # "raadsonderzoeker. Laan van ..." is a sentence end
        j += 1
    if p.tok(j) is None or not p.adjacent(j - 1):
        return None
    more = p.lex.titles.match(p.toks, j)
    if more != -1 and more - j <= 2:   # "mevr. dr. A. Jansen", "mw. drs. E.J. Postma"
        inner = _title_name(p, j)
        if inner:
            return inner
    span = _initials_name(p, j) or _full_name(p, j)
    if span:
        return (span[0], span[1], max(span[2], SCORE_NAME))
    # After a form of address or a youth-care role any capitalised surname will do; after
    # other role words ("Teacher Appreciation Day") only a known one.
    fam = p.family_name_at(j, known_only=p.strict or title not in _OPEN_TITLES)
    if fam != -1 and fam == j + 2 and p.toks[j].lower == "van" \
            and p.toks[j + 1].lower in p.lex.place_words \
            and (p.strict or not p.toks[j].capitalized):
        fam = -1   # "burgemeester van Tilburg" is an office; "burgemeester Van Tilburg" a name
    if fam != -1:
        return (j, fam, SCORE_NAME)
    giv = p.given_names_at(j)
    if giv != -1:
        return (j, giv, SCORE_NAME)
    return None


def _initials_name(p: _Parse, i: int):
    end = p.initials_at(i)
    if end == -1:
        return None
    # a single initial at the start of a sentence may be a list marker ("A. de stad")
    fam = p.family_name_at(end, known_only=p.strict)
    if fam == -1:
        return None
    return (i, fam, SCORE_NAME)


def _full_name(p: _Parse, i: int):
    giv = p.given_names_at(i)
    if giv == -1:
        return None
    if not p.adjacent(giv - 1):
        return None
    first = p.toks[i]
    ambiguous = p.lex.is_ambiguous_name(first)
    fam = p.family_name_at(giv, known_only=ambiguous, after_given=not ambiguous)
    unknown_word = False
    if fam == -1 and ambiguous and not p.strict:
        # "Rachel Dunmore", "Tom Harcourt": a first name that is also a word, then a
        # capitalised word that no dictionary, place list or acronym knows: a surname
        nxt = p.tok(giv)
        if nxt is not None and nxt.is_word and nxt.capitalized and not nxt.text.isupper() \
                and len(nxt.text) >= 4 and "-" not in nxt.lower \
                and nxt.lower not in p.lex.dictionary_words and nxt.lower not in p.lex.place_words \
                and not p.lex.is_common(nxt) and not p.lex.is_first_name(nxt):
            fam = p.family_name_at(giv, known_only=False)
            if fam != giv + 1:
                fam = -1
            unknown_word = fam != -1  # (no word: also at a sentence start)
    if fam == -1:
        return None
    last = p.toks[fam - 1]
    known = p.lex.is_surname(last) or p.lex.is_surname(p.toks[giv])
    if ambiguous and p.starts[i] and not known and not unknown_word:
        return None
    return (i, fam, SCORE_STRONG if known else SCORE_NAME)


def _lower_case_name(p: _Parse, i: int):
    """'mirjam bos' typed in lower case inside a normally cased post: a first name that is no
    ordinary word, then (a tussenvoegsel and) a known surname."""
    first = p.toks[i]
    if p.strict or first.capitalized or not p.lex.is_first_name(first) \
            or p.lex.is_ambiguous_name(first) or not p.adjacent(i):
        return None
    j = i + 1
    inter = p.interfix_at(j)
    if inter != -1 and p.adjacent(inter - 1):
        j = inter
    sur = p.tok(j)
    if sur is None or not sur.is_word or sur.capitalized or p.blocked[j] \
            or not p.lex.is_surname(sur) or sur.lower in p.lex.stop_words \
            or sur.lower in _OBFUSCATION_WORDS:
        return None
    return (i, j + 1, SCORE_FIRST_ALONE)


def _interfix_surname(p: _Parse, i: int):
    """'Van Dijk', 'Ten Brink', 'De Smedt' (a capitalised tussenvoegsel before a known surname)."""
    tok = p.toks[i]
    if p.strict or not tok.capitalized or tok.lower not in p.lex.interfix_words \
            or tok.lower in _NOT_NAME_STARTS:
        return None
    end = p.interfix_at(i)
    if end == -1 or not p.adjacent(end - 1):
        return None
    sur = p.surname_at(end, known_only=True)
    if sur == -1:
        return None
    surname = p.toks[end]
    if surname.lower in _ROLE_NOUNS and tok.lower in ("de", "het", "'t", "den"):
        return None   # "De Visser en de Bakker zijn beroepen": capitalised occupations
    return (i, p._double_name(sur), SCORE_INTERFIX_SURNAME)


def _lone_names(p: _Parse, found):
    """First names or surnames alone, and later mentions of parts of names already found."""
    covered = set()
    for s, e, _ in found:
        covered.update(range(s, e))
    parts = set()
    for s, e, score in found:
        if score >= SCORE_NAME:
            for k in range(s, e):
                t = p.toks[k]
                if t.is_word and len(t.text) > 2 and t.lower not in p.lex.interfix_words \
                        and not p.lex.is_common(t):
                    parts.add(t.lower)
    out = []
    first_names, surnames = p.lex.first_names, p.lex.surnames
    for i, tok in enumerate(p.toks):
        if i in covered or not tok.is_word or p.blocked[i] or len(tok.text) < 3:
            continue
        lower = tok.lower
        if lower not in parts and lower not in first_names and lower not in surnames \
                and "-" not in lower:
            continue   # neither a part of a name found nor a first name or surname: no output
        if tok.lower in parts and p.shaped(tok):
            out.append((i, i + 1, SCORE_MENTION))
            continue
        if not p.shaped(tok) or p.lex.is_common(tok):
            continue
        if tok.text.isupper() and not p.strict:
            continue
        prev = p.tok(i - 1)
        nxt = p.tok(i + 1)
        if prev is not None and prev.lower in _ARTICLES and p.adjacent(i - 1):
            continue   # "de Bakker", "The Hunter": a role or a title, not a person
        if prev is not None and prev.lower in _SAINTS:
            continue   # "St Mary's", "Sint Maarten"
        if nxt is not None and nxt.lower in _LANDMARKS and p.adjacent(i):
            continue   # "Victoria Station"
        if nxt is not None and nxt.is_word and nxt.capitalized and not p.strict \
                and p.adjacent(i) and not p.blocked[i + 1] and not p.lex.is_first_name(tok):
            continue   # part of a longer proper name ("Hyde Park") that the lists do not know
        possessive = nxt is not None and nxt.text in ("'", "’") and nxt.start == tok.end
        pointer = prev is not None and prev.lower in _POINTERS and not p.starts[i]
        ambiguous = p.lex.is_ambiguous_name(tok) or tok.lower in p.lex.place_words
        if ambiguous and prev is not None and prev.is_word and prev.capitalized \
                and p.adjacent(i - 1) and not p.strict and prev.lower not in p.lex.stop_words:
            continue   # a title-case run ("Teacher Appreciation Day"), not a name
        employer = nxt is not None and nxt.lower in _EMPLOYER_LINKS and i + 2 < len(p.toks) \
            and p.blocked[i + 2] and p.adjacent(i)
        if p.lex.is_first_name(tok):
            if employer and len(tok.text) > 2:
                out.append((i, i + 1, SCORE_FIRST_ALONE))   # "mark from cps", "Sanne van JBRR"
                continue
            if p.strict:
                if ambiguous:
                    continue
                if not (pointer or possessive):
                    # without capitals only a distinctive first name counts ("kevin", "marieke")
                    if len(tok.text) >= 4 and tok.lower not in p.lex.dictionary_words:
                        out.append((i, i + 1, SCORE_SURNAME_ALONE))
                    continue
            elif ambiguous and p.starts[i] and not possessive:
                continue
            elif ambiguous and not (pointer or possessive or not p.starts[i]):
                continue
            out.append((i, i + 1, SCORE_FIRST_ALONE if (pointer or possessive or not ambiguous)
                        else SCORE_SURNAME_ALONE))
        elif p.lex.is_surname(tok) and not p.strict and not ambiguous and (
                not p.starts[i] or (nxt is not None and nxt.is_word and nxt.text.islower()
                                    and p.adjacent(i) and nxt.lower not in _ARTICLES)):
            # mid-sentence, or opening a sentence as its subject ("Jansen liegt.")
            out.append((i, i + 1, SCORE_SURNAME_ALONE))
    return out
