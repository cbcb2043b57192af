"""Protected-staff watchlist: tell at once when a post names one of an organisation's staff.

The list must not itself become the list of workers a doxer wants, so it never holds a name.
It holds HMAC-SHA256 hashes, keyed with a secret kept in a separate file, of a few normalised
forms of each name. A post's names are normalised and hashed the same way and looked up.

Forms of "Marieke de Vries": ``marieke de vries`` (full), ``m de vries`` (initials). A name
in a post matches when written in full ("MARIEKE DE VRIES", "Vries, Marieke de") or with
initials ("M. de Vries", "de Vries, M."). A full first name never matches by its initial
alone, so "Mark de Vries" does not match; initials do match every name they could stand for.

Files, in ``piiscore.config.get_settings().data_dir`` (``PIISCORE_DATA_DIR``) by default:
``watchlist.json`` (the hashes) and ``watchlist.key`` (32 random bytes, mode 0600).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from piiscore.types import Entity

logger = logging.getLogger(__name__)

LIST_FILE = "watchlist.json"
KEY_FILE = "watchlist.key"
FORMAT_VERSION = 1
_KEY_BYTES = 32

# Dutch (and a few other) surname particles: "de", "van der", "in 't".
PARTICLES = frozenset(
    "van de der den het ter ten te t in op la le da di du von zu del dos das el al bin ben "
    "uit aan".split()
)
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_TEXT_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|,")
_MAX_GIVEN = 4  # given names or initials looked at before a surname in running text
_MAX_PARTICLES = 3


class WatchlistError(Exception):
    """The watchlist files cannot be used (missing key, unreadable list)."""


def default_data_dir() -> Path:
    from piiscore.config import get_settings

    return Path(get_settings().data_dir)


def _plain(token: str) -> str:
    """Lower-case, no accents, no apostrophes: "Çelik" -> "celik", "'t" -> "t"."""
    decomposed = unicodedata.normalize("NFKD", token.casefold())
    return "".join(c for c in decomposed if c.isalpha() or c == "-")


@dataclass(frozen=True)
class NameParts:
    given: tuple[str, ...]  # full given names or single-letter initials
    surname: tuple[str, ...]  # particles + surname, e.g. ("de", "vries")

    @property
    def initials_only(self) -> bool:
        return all(len(g) == 1 for g in self.given)

    def registered_forms(self) -> set[str]:
        """Every form stored for a registered name."""
        if not self.given or not self.surname:
            return set()
        surname = " ".join(self.surname)
        initials = "".join(g[0] for g in self.given)
        forms = {f"{initials} {surname}", f"{initials[0]} {surname}"}
        if not self.initials_only:
            forms |= {f"{' '.join(self.given)} {surname}", f"{self.given[0]} {surname}"}
        return forms

    def lookup_forms(self) -> set[str]:
        """The forms under which a name found in a post is looked up."""
        if not self.given or not self.surname:
            return set()
        surname = " ".join(self.surname)
        if self.initials_only:
            initials = "".join(self.given)
            return {f"{initials} {surname}", f"{initials[0]} {surname}"}
        return {f"{' '.join(self.given)} {surname}", f"{self.given[0]} {surname}"}


def _tokens(name: str) -> list[str]:
    """Name tokens; "M.A." gives two initials, "J.P." too."""
    out: list[str] = []
    for raw in _NAME_TOKEN.findall(name):
        plain = _plain(raw)
        if plain:
            out.append(plain)
    return out


def _is_particle(token: str) -> bool:
    return token in PARTICLES or token.rsplit("-", 1)[-1] in PARTICLES


def parse_name(name: str) -> NameParts:
    """Split a written name into given names (or initials) and surname with particles.

    >>> parse_name("de Vries, M.")
    NameParts(given=('m',), surname=('de', 'vries'))
    >>> parse_name("Vries, Marieke de")
    NameParts(given=('marieke',), surname=('de', 'vries'))
    >>> parse_name("M.A. van der Berg")
    NameParts(given=('m', 'a'), surname=('van', 'der', 'berg'))
    """
    if "," in name:
        surname_part, _, given_part = name.partition(",")
        surname = _tokens(surname_part)
        given = _tokens(given_part)
        trailing: list[str] = []
        while given and given[-1] in PARTICLES:
            trailing.insert(0, given.pop())
        return NameParts(tuple(given), tuple(trailing + surname))
    tokens = _tokens(name)
    if len(tokens) < 2:
        return NameParts((), tuple(tokens))
    start = len(tokens) - 1
    for i in range(1, len(tokens) - 1):
        if _is_particle(tokens[i]):
            start = i
            break
    return NameParts(tuple(tokens[:start]), tuple(tokens[start:]))


class Watchlist:
    """Keyed hashes of staff names. Load with :meth:`load`, change, then :meth:`save`."""

    def __init__(self, path: Path, key_path: Path, key: bytes | None, entries: dict) -> None:
        self.path = path
        self.key_path = key_path
        self._key = key
        self._entries: dict[str, dict[str, list[str]]] = entries
        self._rebuild()

    # -- files ---------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, *, key_path=None) -> Watchlist:
        """Read the list (empty when there is none yet) and its key, if any."""
        path = Path(path) if path is not None else default_data_dir() / LIST_FILE
        key_path = Path(key_path) if key_path is not None else path.parent / KEY_FILE
        entries: dict = {}
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                entries = dict(data["entries"])
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise WatchlistError(f"cannot read the watchlist file: {exc}") from None
        key = None
        if key_path.exists():
            try:
                key = bytes.fromhex(key_path.read_text(encoding="ascii").strip())
            except (OSError, ValueError):
                raise WatchlistError("cannot read the watchlist key file") from None
            if len(key) < 16:
                raise WatchlistError("the watchlist key file holds no usable key")
        elif entries:
            raise WatchlistError("the watchlist has entries but its key file is missing")
        return cls(path, key_path, key, entries)

    def save(self) -> None:
        """Write the list atomically, readable by its owner only."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "version": FORMAT_VERSION,
            "algorithm": "HMAC-SHA256",
            "entries": self._entries,
        }
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".watchlist-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(payload, fh, indent=1, sort_keys=True)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        forget_default()

    def _ensure_key(self) -> bytes:
        if self._key is None:
            self.key_path.parent.mkdir(parents=True, exist_ok=True)
            key = secrets.token_bytes(_KEY_BYTES)
            fd = os.open(self.key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(key.hex() + "\n")
            self._key = key
            logger.info("created a new watchlist key")
        return self._key

    # -- hashing -------------------------------------------------------------------------

    def _hash(self, domain: str, value: str) -> str:
        assert self._key is not None
        return hmac.new(self._key, f"{domain}:{value}".encode(), hashlib.sha256).hexdigest()

    def _rebuild(self) -> None:
        self._forms = {h for e in self._entries.values() for h in e["forms"]}
        self._surnames = {h for e in self._entries.values() for h in e["surnames"]}
        self._token_cache: dict[str, bool] = {}

    # -- changing the list ---------------------------------------------------------------

    def add(self, name: str) -> bool:
        """Register a name. False when it was already listed. Raises ValueError when the name
        has no given name (or initial) and surname."""
        parts = parse_name(name)
        forms = parts.registered_forms()
        if not forms:
            raise ValueError("a name needs a given name or initial and a surname")
        self._ensure_key()
        entry_id = self._hash("id", " ".join(parts.given + parts.surname))
        if entry_id in self._entries:
            return False
        self._entries[entry_id] = {
            "forms": sorted(self._hash("name", f) for f in forms),
            "surnames": [self._hash("surname", parts.surname[-1])],
        }
        self._rebuild()
        return True

    def remove(self, name: str) -> bool:
        """Remove a name registered in the same full form. False when it is not listed."""
        if self._key is None:
            return False
        parts = parse_name(name)
        entry_id = self._hash("id", " ".join(parts.given + parts.surname))
        if self._entries.pop(entry_id, None) is None:
            return False
        self._rebuild()
        return True

    def import_names(self, lines: Iterable[str]) -> tuple[int, int]:
        """Add one name per line (``#`` comments and blank lines skipped).
        Returns (added, skipped) where skipped counts duplicates and unusable lines."""
        added = skipped = 0
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                if self.add(line):
                    added += 1
                else:
                    skipped += 1
            except ValueError:
                skipped += 1
        return added, skipped

    def __len__(self) -> int:
        return len(self._entries)

    # -- matching ------------------------------------------------------------------------

    def matches_name(self, name: str) -> bool:
        """Does this written name match a listed one?"""
        if not self._forms:
            return False
        return any(self._hash("name", f) in self._forms for f in parse_name(name).lookup_forms())

    def match(self, text: str, entities: Sequence[Entity] = ()) -> bool:
        """Does the post name a listed person? Checks PERSON entities, then the names around
        every word that hashes to a listed surname (covers names the detector missed and
        the "de Vries, M." form)."""
        if not self._forms:
            return False
        if any(e.type == "PERSON" and self.matches_name(e.text) for e in entities):
            return True
        tokens = [m.group() for m in _TEXT_TOKEN.finditer(text)]
        for i, token in enumerate(tokens):
            if token != "," and self._is_listed_surname(token):
                if any(self.matches_name(c) for c in _candidates(tokens, i)):
                    return True
        return False

    def _is_listed_surname(self, token: str) -> bool:
        plain = _plain(token)
        listed = self._token_cache.get(plain)
        if listed is None:
            listed = self._hash("surname", plain) in self._surnames
            self._token_cache[plain] = listed
        return listed


# The data folder's list as last read: (settings it was read under, the file's mtime or None,
# the list or None, when the file was last looked at). Replaced as a whole (no lock needed).
_default_state: tuple | None = None
RECHECK_SECONDS = 1.0  # how often load_default looks at the file again


def forget_default() -> None:
    """Make the next load_default() read the file again (``Watchlist.save`` calls this)."""
    global _default_state
    _default_state = None


def load_default() -> Watchlist | None:
    """The watchlist in the settings' data folder, or None when it has no names.

    For callers that scan many posts (CLI, server): the list is read once and read again
    only when its file changes. The file is looked at once per RECHECK_SECONDS at most (a
    ``stat`` for every post cost a scan more than the watchlist itself); a list saved in
    this process counts at once, one changed by another process (``piiscore watchlist add``
    while the server runs) within a second.
    """
    global _default_state
    from piiscore.config import get_settings

    settings = get_settings()
    state = _default_state
    now = time.monotonic()
    if state is not None and state[0] is settings and now - state[3] < RECHECK_SECONDS:
        return state[2]
    path = Path(settings.data_dir) / LIST_FILE
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        mtime = None
    if state is not None and state[0] is settings and state[1] == mtime:
        listed = state[2]
    elif mtime is None:
        listed = None
    else:
        loaded = Watchlist.load(path)
        listed = loaded if len(loaded) else None
    _default_state = (settings, mtime, listed, now)
    return listed


def _candidates(tokens: list[str], i: int) -> list[str]:
    """Written names that end with the surname at ``tokens[i]`` (or put it first, with a
    comma: "de Vries, M.")."""
    out = []
    # "Marieke de Vries", "M A van der Berg": up to a few given names, particles, surname
    for start in range(i - 1, max(-1, i - 1 - _MAX_GIVEN - _MAX_PARTICLES), -1):
        if tokens[start] == ",":
            break
        out.append(" ".join(tokens[start : i + 1]))
    # "de Vries, M.", "van der Berg, Marieke": particles, surname, comma, given names
    if i + 2 < len(tokens) and tokens[i + 1] == ",":
        first = i
        while first > 0 and first > i - _MAX_PARTICLES and tokens[first - 1].lower() in PARTICLES:
            first -= 1
        surname = " ".join(tokens[first : i + 1])
        for end in range(i + 3, min(len(tokens), i + 3 + _MAX_GIVEN) + 1):
            if "," in tokens[i + 2 : end]:
                break
            out.append(f"{surname}, {' '.join(tokens[i + 2 : end])}")
    return out
