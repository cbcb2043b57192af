"""Combine the signals into a level (DESIGN "Risk levels"), a value, reasons and flags.

The level comes from rules that follow the DESIGN table; the value then places the post
inside the level's fixed band by the weight of its evidence, so value is monotone with level
and posts of one level still rank by how much they expose.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Protocol

from piiscore.scoring import _patterns, intent as intent_signal, linkage, ownership, role, wording_model
from piiscore.scoring.obfuscation import obfuscated_types
from piiscore.scoring.reasons import all_codes, kind_reason, reason
from piiscore.types import RISK_LEVELS, Entity, Reason, RiskScore

BANDS = {
    "none": (0, 9),
    "low": (10, 34),
    "medium": (35, 59),
    "high": (60, 84),
    "critical": (85, 100),
}
BENIGN_CONTEXTS = (
    "missing", "lost_found", "advert", "celebration", "supportive", "news", "event"
)
# Lists only asked "is it there?", matched in one pass.
CONTEXT_LISTS = ("routine", "child_school", "employer", "game_context") + tuple(
    f"benign_{c}" for c in BENIGN_CONTEXTS
)
DATA_BENIGN_CONTEXTS = frozenset({"missing", "lost_found", "advert", "celebration"})
_BENIGN_LISTS = tuple((c, f"benign_{c}") for c in BENIGN_CONTEXTS)
# a knife, a gun, a bomb, a skull and bones, fire by a house or a car: a warning like "pas maar
# op", counted only in a post that points at someone (never 💀, which mostly means laughter)
_THREAT_EMOJI = re.compile(
    "[\U0001F52A\U0001F52B\U0001F4A3\U0001F9E8\u2620]"
    "|[\U0001F3E0\U0001F3E1\U0001F697]\\s*\U0001F525|\U0001F525\\s*[\U0001F3E0\U0001F3E1\U0001F697]"
)
# every match of _THREAT_EMOJI holds one of these: a few `in` tests, far cheaper than the search
# (a text with no character that wide is never even read)
_THREAT_EMOJI_CHARS = "\U0001F52A\U0001F52B\U0001F4A3\U0001F9E8\u2620\U0001F525"
# entities that say a post is about someone: a game or sport context then discounts nothing
_SOMEONES_DATA = frozenset(linkage.KIND_OF_TYPE) | {"PERSON"}
_EVIDENCE_HALF = 6.0  # evidence at which a post sits half-way up its band
# the wording model's flags to ask for, by (threat still open, call to action still open)
_WORDING_FLAGS = {
    (True, True): ("threat", "call_to_action"),
    (True, False): ("threat",),
    (False, True): ("call_to_action",),
    (False, False): (),
}


class NameMatcher(Protocol):
    def match(self, text: str, entities: Sequence[Entity]) -> bool: ...


# Lists searched one at a time, in windows around entities or phrases.
_SINGLE_LISTS = (
    "negation", "report_verb", "report_receive", "report_noun", "condemnation", "benign_advert",
    "business_marker", "helpline_names", "possessive", "home_marker", "org_address",
    "own_data", "self_intro",
)


@functools.cache
def warm_up() -> None:
    """Compile every phrase list and read every data file now.

    The first ``score_post`` calls this; a long-running caller may call it at start-up so
    that no post pays for the compilation (a few hundred milliseconds, once).
    """
    _patterns.prepare(
        intent_signal._LISTS, CONTEXT_LISTS, role._ROLE_LISTS, lists=_SINGLE_LISTS
    )
    ownership.helpline_numbers()
    all_codes()
    wording_model.probabilities("")


def level_value(level: str, evidence: float) -> int:
    """Place ``evidence`` (>= 0) inside the fixed band of ``level``."""
    low, high = BANDS[level]
    evidence = max(0.0, evidence)
    return low + round((high - low) * evidence / (evidence + _EVIDENCE_HALF))


def score_post(
    text: str,
    entities: Sequence[Entity],
    language: str,
    *,
    watchlist: NameMatcher | None = None,
    reason_language: str | None = None,
) -> RiskScore:
    """Score how dangerous a post is for the people it names.

    ``entities`` are the detected spans of ``text``; ``language`` is the post's language
    ("nl" or "en"), also the default language of the reasons.
    """
    warm_up()
    entities = list(entities)
    original = text
    lang = reason_language or language
    obfuscated = bool(obfuscated_types(entities))
    person_spans = [(e.start, e.end) for e in entities if e.type == "PERSON"]
    # every signal reads the folded text: lower-cased, same offsets, names masked
    text = _patterns.fold(text, person_spans, leet=obfuscated or _patterns.looks_leet(text))
    intent = intent_signal.analyse(text)
    spelled = _patterns.despace(text)
    if spelled != text:
        # a threat spelled letter by letter ("w e  w e t e n  w a a r  j e  w o o n t"); its
        # offsets refer to the joined text, so its labels stay out of the role words
        extra = intent_signal.analyse(spelled).phrases
        intent = intent_signal.Intent(
            intent.phrases + tuple(p for p in extra if p.kind != "label")
        )
    contexts = _contexts(text)
    benign = [c for c, name in _BENIGN_LISTS if name in contexts] if contexts else []
    if ("game_context" in contexts or "advert" in benign) and intent.phrases and not any(
        e.type in _SOMEONES_DATA for e in entities
    ) and not role.role_words(text, []):
        # "ik ga jullie allemaal afmaken in Warzone": a team or a lobby, not a person; "wij
        # weten waar je woont: Pizzeria Napoli bezorgt nu ook in Hoofddorp!" sells pizza
        intent = intent.without_threats()
    counted = intent.counted_kinds
    aggressive = intent.threat or intent.dehumanising or "accusation" in counted
    if benign and not aggressive and intent.call_to_action:
        # "deel dit" under a missing-child appeal or a thank-you is not a call to harass
        intent = intent.without_calls_to_action()
        counted = intent.counted_kinds
    call_to_action = intent.call_to_action
    evasive = obfuscated  # a value hidden from moderators, not only from spam bots
    if obfuscated and not (aggressive or call_to_action):
        # "femke.oppas [at] gmail [dot] com (tegen de spam)": hiding one's own or one's
        # business's data from bots evades no moderator
        own = ownership.classify(text, entities, hostile=False, roles={})
        evasive = not all(
            own[i] in (ownership.OWN, ownership.BUSINESS) for i, e in enumerate(entities) if e.obfuscated
        )
    hostile = aggressive or call_to_action or evasive
    words = role.role_words(
        text, [(p.start, p.end) for p in intent.phrases if p.kind == "label"]
    )
    if words and "advert" in benign:
        benign.remove("advert")  # "KvK" in a post about a worker is no advert
    person_roles = {}
    if person_spans:
        official_words = [w for w in words if w[2] == "public_official"]
        for i, e in enumerate(entities):
            if e.type == "PERSON":
                span = (e.start, e.end)
                official = official_words and role.role_near(span, official_words, window=40)
                person_roles[i] = official or role.role_near(span, words)
        if "lost_found" in benign and any(
            r in role.PROTECTED_ROLES for r in person_roles.values()
        ):
            # "gegevens van die gezinsvoogd gevonden" found no wallet
            benign.remove("lost_found")
    # contexts where private data appears for a good reason (a lost cat, a missing child)
    data_benign = not hostile and any(c in DATA_BENIGN_CONTEXTS for c in benign)
    tone_benign = not hostile and bool(benign)
    owners = ownership.classify(text, entities, hostile=hostile, roles=person_roles)
    private = []
    officials = []
    names = []
    handles = []
    for i, e in enumerate(entities):
        owner = owners[i]
        if owner == ownership.PRIVATE:
            private.append(e)
            if e.type == "PERSON":
                names.append(e)
            elif e.type in linkage.ONLINE_TYPES:
                handles.append(e)
        elif owner == ownership.PUBLIC_OFFICIAL:
            officials.append(e)
    threat_phrase = intent.threat
    if threat_phrase or call_to_action:
        names += officials  # a threat takes an official out of their public role

    watchlist_match = bool(watchlist is not None and watchlist.match(original, entities))
    has_name = bool(names) or watchlist_match or (bool(handles) and hostile)

    kinds = linkage.entity_kinds(e.type for e in private)
    if not data_benign and (has_name or words or hostile):
        if contexts:
            kinds |= linkage.text_kinds(contexts)
        if "address" not in kinds:  # a street address already says where they live
            kinds |= linkage.residence_kinds(text, private)
        if handles and (has_name or hostile):
            kinds.add("online_account")
    employer = linkage.names_employer(
        text, contexts, names, [e for e in entities if e.type == "ORGANIZATION"]
    ) or any(person_roles.get(i) for i, e in enumerate(entities) if e in names)

    # "pas maar op", "wie gaat er mee?" threaten or mobilise only when the post points at
    # someone and is not a friendly one ("Sanne, we komen zaterdag langs met taart!")
    # (a post addressed to someone's handle points at them: "@sander_jb jouw auto ...")
    addressed = any(e.type == "SOCIAL_HANDLE" for e in handles)
    pointed = (has_name or bool(kinds) or bool(words) or addressed) and not tone_benign
    weak_threat = pointed and ("threat_weak" in counted or _threat_emoji(original))
    weak_cta = pointed and "cta_weak" in counted
    # fresh wording the phrase lists miss: the wording model, only for a post that points at
    # someone (a name, their data, a role word) and is not a friendly one, never over a
    # quoted, reported or negated threat
    if (pointed and not intent.discounted_threat
            and not (threat_phrase and call_to_action)):
        # only the flags still open are asked for: a threat flag changes nothing when the
        # post already holds a counted veiled threat (threat, veiled, hostile are all set)
        asked = _WORDING_FLAGS[
            not (weak_threat or (threat_phrase and "threat_veiled" in counted)),
            not (weak_cta or call_to_action),
        ]
        if asked:
            wording = wording_model.probabilities(
                wording_model.model_text(original, entities), asked
            )
            # a post that only names someone (no data of theirs, nothing hostile) needs the
            # model surer: "als ik jou was zou ik dat aanbod aannemen, Femke" is advice
            bar = wording_model.THRESHOLD if (kinds or hostile) else wording_model.NAMED_ONLY_THRESHOLD
            weak_threat = weak_threat or ("threat" in wording and wording["threat"] >= bar)
            weak_cta = weak_cta or (not call_to_action and wording["call_to_action"] >= bar)
    threat = threat_phrase or weak_threat
    cta_kinds = intent.cta_kinds
    if weak_cta and "contact" not in cta_kinds:
        cta_kinds += ("contact",)
    if not (has_name or kinds or handles or words or aggressive or weak_threat):
        cta_kinds = ()  # "deel dit" with nobody to share, find or contact
    cta = bool(cta_kinds)
    hostile = hostile or weak_threat or weak_cta

    target = role.target_role(
        text,
        names + [e for e in officials if e not in names] if officials else names,
        words,
        has_target=has_name or bool(kinds) or hostile,
    )
    protected = target in role.PROTECTED_ROLES

    # a threat at a named person is critical even without their address: "we weten waar je
    # woont, Sanne" says the author can find them (DESIGN "Risk levels", the moderators' call)
    if threat and (kinds or has_name):
        level = "critical"
    elif kinds and (has_name or hostile or (words and not tone_benign)) and not data_benign:
        level = "high"
    elif has_name and (cta or threat):
        level = "high"
    elif threat:
        level = "medium"
    elif has_name and not tone_benign and not data_benign and (hostile or employer or protected):
        level = "medium"
    elif (
        kinds
        or has_name
        or (hostile and words)
        # a link alone (a shop's site, a conference page) is nobody's personal data
        or any(e.type != "URL" for e in handles)
        # the author's own data, a business's named contact person
        or any(
            (owners[i] == ownership.OWN and e.type in linkage.KIND_OF_TYPE)
            or (owners[i] == ownership.BUSINESS and e.type == "PERSON")
            for i, e in enumerate(entities)
        )
    ):
        level = "low"
    else:
        level = "none"
    if watchlist_match and level != "critical":
        raised = max(RISK_LEVELS.index(level) + 1, RISK_LEVELS.index("medium"))
        level = RISK_LEVELS[min(raised, RISK_LEVELS.index("high"))]

    evidence = sum(linkage.KIND_WEIGHT[k] for k in kinds) if kinds else 0
    if has_name:
        evidence += 1.0 + 1.5 * len(kinds) + (0.5 if employer else 0.0)
    veiled = "threat_veiled" in counted or weak_threat
    dehumanising = intent.dehumanising
    evidence += 3.0 * ("threat_explicit" in counted)
    evidence += 2.0 * veiled
    evidence += 1.5 * len(cta_kinds) + 1.0 * dehumanising
    evidence += 0.5 * ("accusation" in counted) + 2.0 * evasive + 1.0 * protected
    evidence += 2.0 * watchlist_match + 0.5 * bool(handles)
    if tone_benign:
        evidence /= 4

    reasons = _reasons(
        lang,
        level=level,
        intent=intent,
        veiled=veiled,
        weak_threat=weak_threat,
        cta_kinds=cta_kinds,
        kinds=kinds,
        has_name=has_name,
        employer=employer,
        handles=bool(handles),
        target=target,
        obfuscated=evasive,
        watchlist_match=watchlist_match,
        owners={o for i, o in owners.items() if entities[i].type != "ORGANIZATION"},
        benign=benign if tone_benign else (),
    )
    flags = {
        "threat": threat,
        "call_to_action": cta,
        "obfuscation": obfuscated,
        "target_role": target,
        "watchlist_match": watchlist_match,
    }
    return RiskScore(level_value(level, evidence), level, reasons, flags)


def _threat_emoji(text: str) -> bool:
    return any(map(text.__contains__, _THREAT_EMOJI_CHARS)) and _THREAT_EMOJI.search(text) is not None


def _contexts(text: str) -> set[str]:
    """Names of the context lists present; a routine or a child's school inside someone
    else's quoted words ("ik kreeg: 'we weten waar je kinderen op school zitten'") is no
    exposure by the author."""
    found = _patterns.find_all(CONTEXT_LISTS, text)
    regions: list[tuple[int, int]] | None = None
    contexts = set()
    for name, start, end in found:
        if name in ("routine", "child_school"):
            if regions is None:
                regions = intent_signal.reported_regions(text)
            if intent_signal.is_reported(text, start, end, regions):
                continue
        contexts.add(name)
    return contexts


_KIND_ORDER = tuple(sorted(linkage.KIND_WEIGHT, key=lambda k: -linkage.KIND_WEIGHT[k]))
_CALL_TO = {k: f"call_to_{k}" for k in intent_signal.CTA_KINDS}
_DISCOUNTS = (
    (ownership.HELPLINE, "discounted_helpline"),
    (ownership.ORGANISATION, "discounted_organisation"),
    (ownership.BUSINESS, "discounted_business"),
    (ownership.OWN, "discounted_own"),
    (ownership.PUBLIC_OFFICIAL, "public_official_in_role"),
)


def _reasons(
    lang: str,
    *,
    level: str,
    intent: intent_signal.Intent,
    veiled: bool,
    weak_threat: bool,
    cta_kinds: tuple[str, ...],
    kinds: set[str],
    has_name: bool,
    employer: bool,
    handles: bool,
    target: str,
    obfuscated: bool,
    watchlist_match: bool,
    owners: set[str],
    benign: Sequence[str],
) -> tuple[Reason, ...]:
    out: list[Reason] = []
    counted = intent.counted_kinds
    if "threat_explicit" in counted:
        out.append(reason("threat_explicit", lang))
    if veiled:
        out.append(reason("threat_veiled", lang))
    if kinds:
        template = "name_with" if has_name else "data"
        out += [kind_reason(template, k, lang) for k in _KIND_ORDER if k in kinds]
    if has_name and employer and level != "none":
        out.append(kind_reason("name_with", "employer", lang))
    if has_name and handles:
        out.append(kind_reason("name_with", "online_account", lang))
    for k in cta_kinds:
        out.append(reason(_CALL_TO[k], lang))
    if "label" in counted or "insult" in counted:
        out.append(reason("dehumanising_label", lang))
    if "accusation" in counted:
        out.append(reason("hostile_accusation", lang))
    if target in role.PROTECTED_ROLES:
        out.append(reason(f"target_role_{target}", lang))
    if obfuscated:
        out.append(reason("obfuscation", lang))
    if watchlist_match:
        out.append(reason("watchlist_match", lang))
    if intent.discounted_threat and not (intent.threat or weak_threat):
        out.append(reason("threat_not_counted", lang))
    if owners:
        out += [reason(code, lang) for owner, code in _DISCOUNTS if owner in owners]
    for c in benign:
        out.append(reason(f"benign_{c}", lang))
    if has_name and not kinds and not out:
        out.append(reason("name_only", lang))
    if not out:
        out.append(reason("no_personal_data", lang))
    return tuple(out)
