"""ORGANIZATION: employers and institutions, from lists and rules (no statistical model).

- Known institutions (list `organizations`): every Jeugdbescherming region, Raad voor de
  Kinderbescherming, Veilig Thuis regions, William Schrikker Stichting/Groep, Leger des Heils
  Jeugdbescherming & Reclassering, Samen Veilig Midden-Nederland, Kindertelefoon, police units,
  courts, well-known companies; acronyms case-sensitively (list `organization_acronyms`: JBRR,
  RvdK, CJG ...);
- an institution word + a place: "Jeugdbescherming Twente", "Veilig Thuis Utrecht",
  "Gemeente Enschede", "Politie Rotterdam", "gemeente utrecht";
- schools, childcare and clubs: type word + name: "basisschool De Regenboog", "OBS De Klimop",
  "CBS De Fontein", "kinderdagverblijf Het Bolletje", "kdv Kiekeboe", "AV Phoenix";
  name + type word: "het Erasmus College", "Stedelijk Lyceum", "William Schrikker Stichting";
  "Stichting X", "Lyceum X";
- companies: "X B.V.", "X BV", "X N.V.", "X Ltd"; trades: "Bakkerij Hoekstra",
  "Schildersbedrijf Van Dalen", "Veldkamp Coaching"; clubs: "FC X", "KV X", list `organizations`
  for professional football clubs and news media.

Generic words alone ("de gemeente", "de politie", "jeugdzorg") are not organisations.
"""
from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from ._lexicon import Lexicon, Token, analyse, get_lexicon, spaced_words

SCORE_KNOWN = 0.9
SCORE_PATTERN = 0.85
SCORE_WEAK = 0.6

# Institution words that name one body when a place follows ("Gemeente Enschede").
_COMPASS = frozenset("noord zuid oost west midden centrum nederland".split())
# Acronyms that name a kind of body and take a place: "GGZ Delfland", "UMC Utrecht", "AZ Sint-Jan".
_ACRONYM_HEADS = frozenset(["GGZ", "GGD", "CJG", "UMC", "OCMW", "CLB", "CAW", "AZ", "UZ", "MST"])
_PLACE_HEADS = frozenset(["jeugdbescherming", "gemeente", "politie", "rechtbank", "gerechtshof",
                          "ggd", "cjg", "wijkteam", "buurtteam", "jeugdteam", "ziekenhuis",
                          "reclassering", "kinderbescherming", "brandweer", "ocmw", "clb",
                          "jeugdhulp", "pleegzorg", "jeugdrechtbank", "hogeschool", "universiteit",
                          "politiebureau", "municipality", "council", "university"])
_PLACE_HEAD_PHRASES = (("veilig", "thuis"), ("politie", "eenheid"), ("raad", "voor", "de",
                                                                     "kinderbescherming"),
                       ("city", "of"), ("bureau", "jeugdzorg"))
_PLACE_HEAD_FIRSTS = frozenset(p[0] for p in _PLACE_HEAD_PHRASES)
# Type words before a school's or club's name.
_TYPE_BEFORE = frozenset("""basisschool obs cbs pcbs rkbs rk kbs ikc kindcentrum kinderdagverblijf
kdv bso peuterspeelzaal psz daltonschool montessorischool jenaplanschool school sbo vso
scholengemeenschap stichting lyceum college gymnasium atheneum mavo havo vwo vmbo praktijkschool
voetbalvereniging voetbalclub vv sv av hockeyclub hc zwemvereniging zwemclub korfbalvereniging
kinderopvang opvang jeugdzorgaanbieder zorginstelling woningcorporatie woonstichting
ziekenhuis bakkerij slagerij""".split())
# Compound type words: "huisartsenpraktijk", "advocatenkantoor", "gastouderbureau".
_TYPE_ENDINGS = ("praktijk", "kantoor", "bureau", "opvang", "kliniek", "instituut", "vereniging",
                 "bedrijf", "bakkerij", "slagerij", "salon")
_TYPE_BEFORE_CASED = frozenset(["OBS", "CBS", "PCBS", "RKBS", "KBS", "IKC", "KDV", "BSO", "PSZ",
                                "VV", "SV", "AV", "HC", "SBO", "VSO", "RK", "CSG", "FC", "AFC",
                                "SC", "KV", "RKC", "KRC", "RSC", "KAA"])
# Type words after a name ("Erasmus College", "Stedelijk Lyceum").
_TYPE_AFTER = frozenset("""college lyceum gymnasium academie hogeschool universiteit ziekenhuis
stichting groep school scholengemeenschap zorggroep jeugdzorg kliniek ggz university hospital
school academy council foundation trust coaching primary elementary""".split())
_COMPANY = re.compile(r"\s(?:B\.V\.|BV|N\.V\.|NV|V\.O\.F\.|VOF|Ltd|Inc|GmbH|LLC|Holding)(?![\w])")
_ARTICLES = frozenset(["de", "het", "'t", "t", "d'", "the"])
_CAPITAL_PARTICLES = frozenset(["Van", "Ter", "Ten"])  # one token each
_NOT_NAME = frozenset("ik je jij u hij zij ze wij we die dat deze dit een op in bij van voor met "
                      "en of is was heeft".split())


class NlOrganizationRecognizer(EntityRecognizer):
    LANGUAGES = ("nl", "en")
    ENTITIES = ["ORGANIZATION"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(supported_entities=self.ENTITIES, supported_language=supported_language,
                         name="NlOrganizationRecognizer")

    def load(self) -> None:
        self.lex: Lexicon = get_lexicon()

    def analyze(self, text, entities, nlp_artifacts=None):
        if entities and "ORGANIZATION" not in entities:
            return []
        return [RecognizerResult("ORGANIZATION", s, e, score,
                                 recognition_metadata={"recognizer_name": self.name})
                for s, e, score in find_organizations(text, self.lex)]


def find_organizations(text: str, lex: Lexicon) -> list[tuple[int, int, float]]:
    a = analyse(text)
    toks, strict, starts = a.tokens, a.strict, a.starts
    spans: list[tuple[int, int, float]] = []   # token spans
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        best = None
        # 1. a known institution or acronym (PhraseIndex.firsts: no phrase starts here)
        end = lex.organizations.match(toks, i) if tok.parts[0] in lex.organizations.firsts else -1
        if end != -1:
            # "veilig thuis", "samen veilig" are also plain words: they need their capitals
            ambiguous = toks[i].lower in ("veilig", "samen", "leger") and end - i <= 2
            if ambiguous:
                extended = _extend_place(toks, end, lex, True)
                if extended > end and not toks[end].capitalized and (
                        toks[end].lower in lex.stop_words or toks[end].lower in lex.dictionary_words):
                    extended = end   # "Veilig Thuis on the phone" is no branch called "On"
                if all(t.capitalized for t in toks[i:end] if t.is_word) or extended > end:
                    best = (i, extended if extended > end else _extend_place(toks, end, lex, strict),
                            SCORE_KNOWN)   # "veilig thuis haaglanden" names the branch
            elif tok.capitalized or strict or tok.lower == "jeugdbescherming" \
                    or sum(1 for t in toks[i:end] if t.is_word and len(t.text) > 1) >= 3:
                best = (i, _extend_place(toks, end, lex, strict), SCORE_KNOWN if not (
                    ambiguous and strict) else SCORE_WEAK)
        if best is None:
            end = lex.org_acronyms.match(toks, i) if tok.text in lex.org_acronyms.firsts else -1
            if end == -1 and strict and tok.lower not in lex.dictionary_words \
                    and tok.lower not in lex.common_words:
                end = lex.org_acronyms_folded.match(toks, i)   # "cps", "dcfs" typed in lower case
            if end != -1:
                best = (i, end, SCORE_KNOWN)
        # 2. an institution word + a place (the guard: only such a word can start one)
        if best is None and tok.is_word and (
                tok.lower in _PLACE_HEAD_FIRSTS or tok.lower in _PLACE_HEADS
                or tok.text in _ACRONYM_HEADS):
            best = _head_place(toks, i, lex, strict)
        # 3. type word + name (schools, clubs, Stichting X); the guard as in _type_then_name
        if best is None and tok.is_word and (
                tok.lower in _TYPE_BEFORE or tok.text in _TYPE_BEFORE_CASED
                or tok.lower.endswith(_TYPE_ENDINGS)):
            best = _type_then_name(toks, i, lex, strict, starts)
        if best is not None:
            spans.append(best)
            i = best[1]
            continue
        i += 1
    # 4. a place + a public service ("Leeds Children's Services", "Kent County Council")
    spans.extend(_place_then_service(toks, lex, spans))
    # 5. name + type word ("Erasmus College") and companies ("Bakkerij Jansen B.V.")
    spans.extend(_name_then_type(toks, lex, strict, spans, starts, text))
    found = [(toks[s].start, toks[e - 1].end if e - 1 < n else toks[-1].end, score)
             for s, e, score in _dedupe(spans)]
    seen = {(s, e) for s, e, _ in found}
    # a legal form can end a name a type word began ("Bakkerij Jansen BV"): report it once
    found += [c for c in _companies(text, toks, starts) if (c[0], c[1]) not in seen]
    return found + _spaced_organizations(text, lex)


def _spaced_organizations(text: str, lex: Lexicon) -> list[tuple[int, int, float]]:
    """'S a m e n  V e i l i g': a known name written with its letters spread out."""
    words = spaced_words(text)
    out = []
    for k in range(len(words)):
        for n in (4, 3, 2, 1):
            group = words[k:k + n]
            if len(group) < n or any(b[0] - a[1] > 3 for a, b in zip(group, group[1:])):
                continue
            if " ".join(w for _, _, w in group) in lex.organization_names:
                out.append((group[0][0], group[-1][1], SCORE_KNOWN))
                break
    return out


# Names that take a region to name one branch or court ("Veilig Thuis Utrecht", "Rechtbank
# Rotterdam"); a company or the Raad voor de Kinderbescherming followed by a town is the body
# plus a place.
_REGIONAL = frozenset("""thuis jeugdbescherming politie gemeente kindermishandeling pleegzorg
jeugdhulp ggd cjg ocmw clb caw jeugdzorg wijkteam buurtteam jeugdteam rechtbank jeugdrechtbank
gerechtshof reclassering""".split())


def _extend_place(toks: list[Token], end: int, lex: Lexicon, strict: bool) -> int:
    """A regional body + a place is one branch: 'Vertrouwenscentrum Kindermishandeling Antwerpen'."""
    if end + 1 < len(toks) and toks[end].lower == "regio" and (toks[end + 1].capitalized or strict):
        place_end = lex.place_end(toks, end + 1)   # "Veilig Thuis regio Utrecht"
        if place_end != -1:
            return place_end
    if end < len(toks) and toks[end].start - toks[end - 1].end == 1 \
            and toks[end - 1].lower in _REGIONAL:
        place_end = lex.place_end(toks, end)
        if place_end != -1 and (toks[end].capitalized or strict):
            return place_end
    return end


def _head_place(toks, i, lex, strict):
    """'Gemeente Enschede', 'Politie Eenheid Oost-Nederland', 'jeugdrechtbank Antwerpen'."""
    tok = toks[i]
    j = -1
    if tok.lower in _PLACE_HEAD_FIRSTS:
        for phrase in _PLACE_HEAD_PHRASES:
            if tuple(t.lower for t in toks[i:i + len(phrase)]) == phrase:
                j = i + len(phrase)
                break
    if j == -1 and (tok.lower in _PLACE_HEADS or tok.text in _ACRONYM_HEADS):
        j = i + 1
    if j == -1 or j >= len(toks):
        return None
    nxt = toks[j]
    if not (nxt.capitalized or strict or nxt.text in ("'", "’")):
        return None   # the place carries the capital: "de gemeente" alone is no organisation
    end = lex.place_end(toks, j)
    if end == -1 and "-" in nxt.lower and all(
            p in lex.place_words or p in _COMPASS for p in nxt.parts):
        end = j + 1
    if end == -1 and nxt.lower in _COMPASS:
        end = j + 1
    if end == -1:
        return None
    return (i, end, SCORE_PATTERN)


def _name_tokens(toks, j, strict, lex, limit=3) -> int:
    """Capitalised name words (with an optional leading article) from j; end index or j."""
    k = j
    if k < len(toks) and toks[k].lower in _ARTICLES and k + 1 < len(toks) and (
            toks[k + 1].capitalized or strict):
        k += 1
    start_words = k
    while k < len(toks) and k - start_words < limit:
        t = toks[k]
        if t.text in _CAPITAL_PARTICLES and k == start_words and k + 1 < len(toks) \
                and toks[k + 1].is_word and toks[k + 1].capitalized:
            k += 1   # a surname with its particle: "Schildersbedrijf Van Lierop"
            continue
        if not t.is_word or t.lower in _NOT_NAME or t.lower in lex.stop_words:
            break
        if not (t.capitalized or (strict and k == start_words)):
            break
        if lex.titles.match(toks, k) != -1 and k > start_words:
            break
        k += 1
        if k < len(toks) and toks[k].start - toks[k - 1].end > 1:
            break
    return k if k > start_words else j


def _type_then_name(toks, i, lex, strict, starts):
    """'basisschool De Regenboog', 'Lyceum X', 'Huisartsenpraktijk De Linde', 'kdv Kiekeboe'."""
    tok = toks[i]
    compound = tok.is_word and tok.lower.endswith(_TYPE_ENDINGS) and len(tok.lower) > 8 \
        and tok.lower not in _TYPE_AFTER
    if tok.lower not in _TYPE_BEFORE and tok.text not in _TYPE_BEFORE_CASED and not compound:
        return None
    if tok.text.isupper() and not strict and tok.text not in _TYPE_BEFORE_CASED:
        return None
    if tok.lower in ("rk", "hc", "vv", "sv", "av", "psz") and tok.text not in _TYPE_BEFORE_CASED:
        return None
    if i + 1 >= len(toks) or toks[i + 1].start - tok.end > 1:
        return None
    end = _name_tokens(toks, i + 1, strict, lex, limit=1 if strict else 3)
    if end == i + 1:
        return None
    start = i
    if tok.lower in _TYPE_AFTER and not strict:   # "Montessori Lyceum Amsterdam"
        while start > 0 and toks[start - 1].is_word and toks[start - 1].capitalized \
                and toks[start - 1].lower not in lex.stop_words and i - start < 2 \
                and lex.titles.match(toks, start - 1) == -1:
            start -= 1
            if starts[start]:
                break
    return (start, end, SCORE_PATTERN)


_SERVICES = (("children", "'", "s", "services"), ("children", "’", "s", "services"),
             ("children", "'", "s", "trust"), ("children", "’", "s", "trust"),
             ("social", "services"), ("city", "council"), ("county", "council"),
             ("borough", "council"), ("district", "council"), ("council",),
             ("police",), ("constabulary",), ("family", "services"))


_SERVICE_LAST = frozenset(p[-1] for p in _SERVICES)
_SERVICE_FIRST = frozenset(p[0] for p in _SERVICES)


def _place_then_service(toks, lex, spans):
    """'Leeds Children's Services', 'Hampshire County Council': a place or capitalised name
    before a public service."""
    out = []
    if not any(t.lower in _SERVICE_LAST for t in toks):
        return out
    covered = {k for s, e, _ in spans for k in range(s, e)}
    for i, tok in enumerate(toks):
        if not tok.is_word or not tok.capitalized or i in covered:
            continue
        end = lex.place_end(toks, i)
        if end == -1 and tok.lower not in lex.stop_words and i + 1 < len(toks) \
                and toks[i + 1].lower in _SERVICE_FIRST:
            end = i + 1   # a county or town the lists do not know
        if end == -1:
            continue
        words = [t.lower for t in toks[end:end + 4]]
        for phrase in _SERVICES:
            if tuple(words[:len(phrase)]) == phrase and toks[end].capitalized:
                stop = end + len(phrase)
                # drop a shorter list match inside ("Children's Services" alone)
                spans[:] = [sp for sp in spans if not (sp[0] >= i and sp[1] <= stop)]
                out.append((i, stop, SCORE_PATTERN))
                break
    return out


_SCHOOL_ENDINGS = ("college", "lyceum", "gymnasium", "atheneum", "school", "scholengemeenschap")
_GENERIC_SCHOOLS = frozenset("""basisschool hogeschool middelbare school daltonschool
montessorischool jenaplanschool vrijeschool praktijkschool brugklasschool zomerschool
rijschool dansschool muziekschool zwemschool taalschool bassischool kostschool""".split())


def _name_then_type(toks, lex, strict, spans, starts, text):
    out = []
    covered = {k for s, e, _ in spans for k in range(s, e)}
    for k, tok in enumerate(toks):
        if k not in covered and tok.is_word and tok.capitalized and not strict and \
                tok.lower.endswith(_SCHOOL_ENDINGS) and tok.lower not in _GENERIC_SCHOOLS and \
                tok.lower not in _TYPE_AFTER and not starts[k]:
            out.append((k, k + 1, SCORE_PATTERN))   # "Sint-Jozefscollege", "Petrusschool"
            continue
        if k in covered or tok.lower not in _TYPE_AFTER or not (tok.capitalized or strict):
            continue
        j = k
        while True:
            if j >= 3 and toks[j - 1].lower == "s" and toks[j - 2].text in ("'", "’") \
                    and toks[j - 2].start == toks[j - 3].end and toks[j - 3].capitalized:
                j -= 2   # "St Mary's Primary School"
                continue
            if not (j - 1 >= 0 and toks[j - 1].is_word and toks[j - 1].capitalized
                    and toks[j - 1].lower not in _NOT_NAME
                    and toks[j - 1].lower not in lex.stop_words and k - (j - 1) <= 5
                    and (j - 1) not in covered and lex.titles.match(toks, j - 1) == -1):
                break
            j -= 1
            if starts[j]:
                break
        if j == k or strict:
            continue
        if j > 0 and toks[j - 1].text in ("Het", "De", "'t") and not starts[j - 1]:
            j -= 1   # "Het Amsterdams Lyceum": a capitalised article mid-sentence is in the name
        out.append((j, k + 1, SCORE_PATTERN))
    return out


def _companies(text, toks, starts):
    """'Bakkerij Jansen B.V.': up to three capitalised words right before a legal form."""
    out = []
    for m in _COMPANY.finditer(text):
        k = max((idx for idx, t in enumerate(toks) if t.end <= m.start()), default=None)
        if k is None or toks[k].end != m.start():
            continue
        j = k
        while j >= 0 and k - j < 3 and toks[j].is_word and toks[j].capitalized and \
                toks[j].lower not in _NOT_NAME:
            j -= 1
            if starts[j + 1]:
                break
        if j == k:
            continue
        out.append((toks[j + 1].start, m.end(), SCORE_PATTERN))
    return out


def _dedupe(spans):
    spans = sorted(spans, key=lambda s: (s[0], -(s[1] - s[0])))
    out = []
    last_end = -1
    for s in spans:
        if s[0] >= last_end:
            out.append(s)
            last_end = s[1]
    return out
