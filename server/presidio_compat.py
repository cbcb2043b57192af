"""``POST /analyze`` and ``POST /anonymize`` in Presidio's request and response shapes.

Existing Presidio clients and scripts point at this server unchanged and get piiscore's Dutch and
English detection. Differences from Presidio's own app: bad input gets a 400/422 with our own
message instead of a 500 echoing the exception, ``language`` must be ``nl`` or ``en``, and
client-supplied regexes (ad-hoc recognizers, regex allow lists) run under a time budget.
"""
from __future__ import annotations

import inspect
import json
import time
from functools import lru_cache

import regex
from flask import Blueprint, Flask, Response, current_app
from presidio_analyzer import EntityRecognizer, PatternRecognizer
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import InvalidParamError, OperatorConfig, RecognizerResult

import piiscore
from server.errors import ApiError
from server.validation import (LANGUAGES, clean_text, get_bool, get_choice, get_number,
                               get_optional_str, get_str_list, json_body)

bp = Blueprint("presidio", __name__)

# DESIGN.md's vocabulary: what piiscore detects.
PIISCORE_ENTITIES = frozenset({
    "PERSON", "LOCATION", "NL_ADDRESS", "NL_POSTCODE", "PHONE_NUMBER", "EMAIL_ADDRESS",
    "IBAN_CODE", "NL_BSN", "NL_LICENSE_PLATE", "NL_ID_DOCUMENT", "NL_KVK", "DATE_OF_BIRTH",
    "DATE_TIME", "SOCIAL_HANDLE", "URL", "IP_ADDRESS", "CREDIT_CARD", "ORGANIZATION",
})
OPERATORS = ("replace", "redact", "mask", "hash", "encrypt", "keep")
DEFAULT_REGEX_FLAGS = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE
# Python re flags a client may set; DEBUG (prints to stdout) and the like are refused.
ALLOWED_REGEX_FLAGS = regex.IGNORECASE | regex.MULTILINE | regex.DOTALL | regex.UNICODE | regex.VERBOSE
MAX_BATCH_TEXTS = 100
MAX_OPERATORS = 100


@lru_cache(maxsize=1)
def presidio_entity_names() -> frozenset[str]:
    """Entity names of Presidio's predefined recognizers, read from their constructors' defaults.

    Presidio clients ask for these by name (its docs use US_DRIVER_LICENSE); they are valid
    names that piiscore simply does not find, unlike a typo, which gets a 400.
    """
    from presidio_analyzer import predefined_recognizers

    names = set()
    for attr in dir(predefined_recognizers):
        cls = getattr(predefined_recognizers, attr)
        if not (inspect.isclass(cls) and issubclass(cls, EntityRecognizer)):
            continue
        try:
            params = inspect.signature(cls.__init__).parameters
        except (TypeError, ValueError):
            continue
        for name in ("supported_entity", "supported_entities"):
            default = params[name].default if name in params else None
            if isinstance(default, str):
                names.add(default)
            elif isinstance(default, (list, tuple)):
                names.update(d for d in default if isinstance(d, str))
    return frozenset(names)


def known_entity_names() -> frozenset[str]:
    engine_types = frozenset(getattr(piiscore.get_engine(), "entity_types", ()))
    return PIISCORE_ENTITIES | engine_types | presidio_entity_names()


# -- /analyze --------------------------------------------------------------------------------

class _Deadline:
    """One time budget shared by every client-supplied regex in a request."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise ApiError(422, "A client-supplied regular expression took too long; simplify it.")
        return left


def _regex_flags(body: dict) -> int:
    flags = body.get("regex_flags")
    if flags is None:
        return DEFAULT_REGEX_FLAGS
    if isinstance(flags, bool) or not isinstance(flags, int) or flags < 0 or flags & ~ALLOWED_REGEX_FLAGS:
        raise ApiError(400, "'regex_flags' must combine Python re flags IGNORECASE (2), MULTILINE (8), "
                            "DOTALL (16), UNICODE (32) or VERBOSE (64).")
    return flags


def _compile(pattern: str, flags: int, what: str):
    try:
        return regex.compile(pattern, flags=flags)
    except (regex.error, ValueError, TypeError, OverflowError, RecursionError):
        raise ApiError(400, f"{what} is not a valid regular expression.") from None


def _ad_hoc_recognizers(body: dict, language: str, flags: int) -> list[tuple[PatternRecognizer, list]]:
    specs = body.get("ad_hoc_recognizers")
    if specs is None:
        return []
    if not isinstance(specs, list) or not all(isinstance(s, dict) for s in specs):
        raise ApiError(400, "'ad_hoc_recognizers' must be a list of recognizer objects.")
    built = []
    pattern_count = 0
    for i, spec in enumerate(specs):
        what = f"ad_hoc_recognizers[{i}]"
        entity = spec.get("supported_entity")
        if not isinstance(entity, str) or not entity or len(entity) > 100:
            raise ApiError(400, f"{what} needs 'supported_entity', an entity name.")
        patterns = spec.get("patterns") or []
        deny_list = spec.get("deny_list") or []
        if not isinstance(patterns, list) or not all(
                isinstance(p, dict) and isinstance(p.get("regex"), str) and len(p["regex"]) <= 1000
                and isinstance(p.get("score", 0), (int, float)) and not isinstance(p.get("score"), bool)
                for p in patterns):
            raise ApiError(400, f"{what}: 'patterns' must be objects with 'name', 'regex' "
                                "(at most 1000 characters) and 'score'.")
        if not isinstance(deny_list, list) or not all(isinstance(d, str) and d for d in deny_list) \
                or len(deny_list) > 1000:
            raise ApiError(400, f"{what}: 'deny_list' must be a list of non-empty strings.")
        if not patterns and not deny_list:
            raise ApiError(400, f"{what} needs 'patterns' or a 'deny_list'.")
        pattern_count += len(patterns) + (1 if deny_list else 0)
        if pattern_count > current_app.config["MAX_AD_HOC_PATTERNS"]:
            raise ApiError(400, "Too many ad-hoc patterns in one request "
                                f"(at most {current_app.config['MAX_AD_HOC_PATTERNS']}).")
        for p in patterns:
            _compile(p["regex"], flags, f"{what} pattern '{str(p.get('name'))[:40]}'")
        try:
            recognizer = PatternRecognizer.from_dict(spec)
        except (ValueError, TypeError, KeyError, AttributeError, InvalidParamError):
            raise ApiError(400, f"{what} is not a valid Presidio pattern recognizer.") from None
        if recognizer.supported_language != language:
            continue  # Presidio ignores recognizers for another language
        # Checked above; the deny list's own pattern is built by Presidio from escaped words.
        compiled = [(p, regex.compile(p.regex, flags=flags)) for p in recognizer.patterns]
        built.append((recognizer, compiled))
    return built


def _explanation(recognizer: str, score: float, textual: str, *, pattern_name=None, pattern=None,
                 flags=None) -> dict:
    # The fields of presidio_analyzer.AnalysisExplanation.to_dict(), in its order.
    return {
        "recognizer": recognizer,
        "pattern_name": pattern_name,
        "pattern": pattern,
        "original_score": score,
        "score": score,
        "textual_explanation": textual,
        "score_context_improvement": 0,
        "supportive_context_word": "",
        "validation_result": None,
        "regex_flags": flags,
    }


def _result(entity_type: str, start: int, end: int, score: float, explanation) -> dict:
    return {"analysis_explanation": explanation, "end": end, "entity_type": entity_type,
            "score": score, "start": start}


def _run_ad_hoc(text: str, recognizers, flags: int, deadline: _Deadline, explain: bool) -> list[dict]:
    results = []
    for recognizer, compiled in recognizers:
        entity = recognizer.supported_entities[0]
        for pattern, rx in compiled:
            try:
                for match in rx.finditer(text, timeout=deadline.remaining()):
                    start, end = match.span()
                    if start == end:
                        continue
                    explanation = _explanation(
                        recognizer.name, pattern.score,
                        f"Detected by `{recognizer.name}` using pattern `{pattern.name}`",
                        pattern_name=pattern.name, pattern=pattern.regex, flags=flags,
                    ) if explain else None
                    results.append(_result(entity, start, end, pattern.score, explanation))
            except TimeoutError:
                raise ApiError(422, "A client-supplied regular expression took too long; simplify it.") from None
    return results


def _allowed(results: list[dict], text: str, allow_list, match_mode: str, flags: int,
             deadline: _Deadline) -> list[dict]:
    if not allow_list:
        return results
    if match_mode == "exact":
        allowed = set(allow_list)
        return [r for r in results if text[r["start"]:r["end"]] not in allowed]
    terms = [t for t in allow_list if t]
    if not terms:
        return results
    rx = _compile("|".join(terms), flags, "'allow_list'")
    kept = []
    for r in results:
        try:
            if not rx.search(text[r["start"]:r["end"]], timeout=deadline.remaining()):
                kept.append(r)
        except TimeoutError:
            raise ApiError(422, "A client-supplied regular expression took too long; simplify it.") from None
    return kept


def _analyze_one(text: str, request: dict) -> list[dict]:
    engine = piiscore.get_engine()
    explain = request["explain"]
    results = []
    for entity in engine.analyze(text, request["language"]):
        explanation = _explanation(
            entity.recognizer or "piiscore", round(float(entity.score), 2),
            f"Identified as {entity.type} by {entity.recognizer or 'piiscore'}",
        ) if explain else None
        results.append(_result(entity.type, entity.start, entity.end,
                               round(float(entity.score), 2), explanation))
    results += _run_ad_hoc(text, request["ad_hoc"], request["flags"], request["deadline"], explain)
    if request["entities"] is not None:
        results = [r for r in results if r["entity_type"] in request["entities"]]
    threshold = request["score_threshold"]
    if threshold is not None:
        results = [r for r in results if r["score"] >= threshold]
    results = _allowed(results, text, request["allow_list"], request["allow_list_match"],
                       request["flags"], request["deadline"])
    results.sort(key=lambda r: (r["start"], -r["end"], r["entity_type"]))
    return results


def _texts(body: dict) -> tuple[list[str], bool]:
    text = body.get("text")
    limit = current_app.config["MAX_TEXT_CHARS"]
    if isinstance(text, str):
        if not text.strip():
            raise ApiError(400, "'text' is empty.")
        texts, batch = [text], False
    elif isinstance(text, list) and text and all(isinstance(t, str) for t in text):
        if len(text) > MAX_BATCH_TEXTS:
            raise ApiError(413, f"'text' holds more than {MAX_BATCH_TEXTS} texts.")
        texts, batch = text, True
    elif text is None:
        raise ApiError(400, "'text' is required: a string, or a list of strings for a batch.")
    else:
        raise ApiError(400, "'text' must be a string or a non-empty list of strings.")
    if sum(len(t) for t in texts) > limit:
        raise ApiError(413, f"'text' is longer than {limit} characters.")
    return [clean_text(t) for t in texts], batch


@bp.post("/analyze")
def analyze():
    body = json_body()
    texts, batch = _texts(body)
    language = get_choice(body, "language", LANGUAGES, required=True)
    flags = _regex_flags(body)
    ad_hoc = _ad_hoc_recognizers(body, language, flags)
    entities = get_str_list(body, "entities", max_items=200)
    if entities is not None:
        known = known_entity_names() | {r.supported_entities[0] for r, _ in ad_hoc} | {
            s.get("supported_entity") for s in body.get("ad_hoc_recognizers") or []}
        unknown = sorted({e for e in entities if e not in known})
        if unknown:
            shown = ", ".join(u[:40] for u in unknown[:5])
            raise ApiError(400, f"Unknown entity type(s): {shown}. GET /openapi.json lists the types.")
        entities = set(entities)
    get_optional_str(body, "correlation_id", max_chars=200)
    get_str_list(body, "context", max_items=200)
    get_bool(body, "trace")
    request = {
        "language": language,
        "entities": entities,
        "score_threshold": get_number(body, "score_threshold", minimum=0.0, maximum=1.0),
        "explain": get_bool(body, "return_decision_process"),
        "ad_hoc": ad_hoc,
        "flags": flags,
        "allow_list": get_str_list(body, "allow_list", max_items=1000, max_chars=1000),
        "allow_list_match": get_choice(body, "allow_list_match", ("exact", "regex"), default="exact"),
        "deadline": _Deadline(float(current_app.config["REQUEST_TIMEOUT"])),
    }
    results = [_analyze_one(t, request) for t in texts]
    payload = results if batch else results[0]
    return Response(json.dumps(payload, sort_keys=True), mimetype="application/json")


# -- /anonymize ------------------------------------------------------------------------------

def _operators(body: dict) -> dict[str, OperatorConfig]:
    spec = body.get("anonymizers")
    if spec is None:
        return {}
    if not isinstance(spec, dict) or len(spec) > MAX_OPERATORS:
        raise ApiError(400, "'anonymizers' must be an object mapping DEFAULT or an entity type "
                            "to an operator, e.g. {\"DEFAULT\": {\"type\": \"replace\"}}.")
    operators = {}
    for entity, config in spec.items():
        if not isinstance(config, dict) or config.get("type") not in OPERATORS:
            raise ApiError(400, "Every anonymizer needs 'type': one of " + ", ".join(OPERATORS) + ".")
        if not all(isinstance(v, (str, int, float, bool)) or v is None for v in config.values()):
            raise ApiError(400, "Anonymizer parameters must be strings, numbers or booleans.")
        try:
            operators[entity] = OperatorConfig.from_json(config)
        except (InvalidParamError, ValueError, TypeError, KeyError):
            raise ApiError(422, "An anonymizer's parameters are invalid.") from None
    return operators


def _analyzer_results(body: dict, text_length: int) -> list[RecognizerResult]:
    items = body.get("analyzer_results")
    if items is None:
        raise ApiError(400, "'analyzer_results' is required: a list of "
                            "{entity_type, start, end, score} objects.")
    if not isinstance(items, list):
        raise ApiError(400, "'analyzer_results' must be a list.")
    limit = current_app.config["MAX_ANALYZER_RESULTS"]
    if len(items) > limit:
        raise ApiError(413, f"'analyzer_results' holds more than {limit} items.")
    results = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ApiError(400, f"analyzer_results[{i}] must be an object.")
        entity_type, start, end, score = (item.get(k) for k in ("entity_type", "start", "end", "score"))
        if not isinstance(entity_type, str) or not entity_type or len(entity_type) > 100:
            raise ApiError(400, f"analyzer_results[{i}].entity_type must be a non-empty string.")
        if any(isinstance(v, bool) or not isinstance(v, int) for v in (start, end)):
            raise ApiError(400, f"analyzer_results[{i}].start and .end must be integers.")
        if not 0 <= start <= end <= text_length:
            raise ApiError(422, f"analyzer_results[{i}] lies outside the text "
                                f"(0 <= start <= end <= {text_length}).")
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 1:
            raise ApiError(400, f"analyzer_results[{i}].score must be a number from 0 to 1.")
        results.append(RecognizerResult(entity_type, start, end, float(score)))
    return results


@bp.post("/anonymize")
def anonymize():
    body = json_body()
    text = body.get("text")
    if not isinstance(text, str):
        raise ApiError(400, "'text' is required and must be a string.")
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(text) > limit:
        raise ApiError(413, f"'text' is longer than {limit} characters.")
    text = clean_text(text)
    operators = _operators(body)
    analyzer_results = _analyzer_results(body, len(text))
    engine: AnonymizerEngine = current_app.extensions["piiscore_anonymizer"]
    try:
        result = engine.anonymize(text=text, analyzer_results=analyzer_results, operators=operators)
    except (InvalidParamError, ValueError, TypeError, KeyError):
        raise ApiError(422, "The anonymizer parameters do not fit (check each operator's "
                            "parameters, e.g. an encrypt key of 16, 24 or 32 bytes).") from None
    payload = {
        "text": result.text,
        "items": [{"start": item.start, "end": item.end, "entity_type": item.entity_type,
                   "text": item.text, "operator": item.operator} for item in result.items],
    }
    return Response(json.dumps(payload), mimetype="application/json")


def init_app(app: Flask) -> None:
    app.extensions["piiscore_anonymizer"] = AnonymizerEngine()
