"""SOCIAL_HANDLE: social-media user names.

Gebruikersnaam / account ("user name, handle"): "@lotte.vdberg", "@rvanderlinden_jz", or a
name given after a platform label: "insta: sanne_b", "ig: sanne.b", "tiktok: sanneb",
"snap: sanneb123", "twitter: sanne_b", "account sanne_b", "op insta is hij sanne.b", "zit op
insta als sanne_b". Handles are 2-30 letters, digits,
underscores and dots (Instagram allows dots, X/Twitter up to 15 characters, TikTok 24).

Not a handle: the part after "@" in an e-mail address ("jan@voorbeeld.nl"), a name inside a
link ("instagram.com/sanne_b", "tiktok.com/@sanne_b": the URL recognizer reports the link), a
trailing dot ("@sanne_b." ends in "sanne_b"), a group mention ("@all", "@iedereen"), an
ordinary word after a label without a colon ("insta story", "account verwijderd": a handle
written like that must contain a digit, "_" or ".").

Fictitious examples: "@lotte.vdberg", "insta: sanne_b", "account naam_xyz".
"""
from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from .._result import make_result

_NAME = r"[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"
_AT_HANDLE = re.compile(rf"(?<![\w@.+\-/])@(?P<name>{_NAME})(?![\w@]|\.[A-Za-z0-9_])")
# insta(?:gram)?|ig|tiktok|tik tok|tt|snap(?:chat)?|sc|twitter|x|threads|facebook|fb|telegram|tg|
# youtube|yt|twitch|discord|bluesky|bsky|mastodon|reddit|account|gebruikersnaam|username|
# user ?name|handle -- grouped by first letter (each group in that order, so it matches the same),
# behind a lookahead on the first letters: the engine skips most positions at once
_LABEL = (r"(?=[abdfghimrstuxy])(?:i(?:nsta(?:gram)?|g)|t(?:iktok|ik tok|t|witter|hreads|elegram|g|witch)"
          r"|s(?:nap(?:chat)?|c)|x|f(?:acebook|b)|y(?:outube|t)|discord|b(?:luesky|sky)|mastodon"
          r"|reddit|account|gebruikersnaam|u(?:sername|ser ?name)|handle)")
# "insta: x", "insta x", "op insta is hij x", "zit op insta als x", "on insta as x"
_SEP_WORDS = (r"is(?:\s+(?:hij|zij|ze|he|she|het))?|als|as|heet\s+(?:hij|zij|ze)|onder(?:\s+de\s+naam)?"
              r"|under|named|called")
_LABELLED = re.compile(
    rf"(?<![\w@.])(?P<label>{_LABEL})(?P<sep>\s*[:=]\s*|\s+(?:{_SEP_WORDS}|=|->)?\s*)@?(?P<name>{_NAME})"
    rf"(?![\w@]|\.[A-Za-z0-9_])", re.IGNORECASE)
_HANDLE_LIKE = re.compile(r"[\d_.]")
# words that follow a label but are not names ("insta: zoek maar", "account: verwijderd")
_NOT_NAMES = frozenset("""
de het een en of is was zijn haar hem hun die dat deze dit van voor naar op in met ook nog maar
zoek kijk check volg stuur dm pm weg verwijderd privé prive priv gesloten offline link hier daar
the a an and or is was his her their this that of for to on in with also still but search look
check follow send deleted private closed here there story post page profiel profile
""".split())
# group mentions, not accounts
_MENTION_ALL = frozenset({"all", "everyone", "here", "channel", "iedereen", "allemaal"})
# "jan @gmail.com": a mail domain after a stray space, not a handle
_MAIL_DOMAIN = re.compile(r"\.(?:com|nl|be|net|org|eu|de|info|io|co\.uk)$", re.IGNORECASE)
# a whitespace-delimited token that is (part of) a link
_URLISH = re.compile(r"://|www\.|\.[a-z]{2,6}/", re.IGNORECASE)


class SocialHandleRecognizer(EntityRecognizer):
    """Recognise @handles and user names given after a platform label."""

    LANGUAGES = ("nl", "en")
    ENTITY = "SOCIAL_HANDLE"
    AT_SCORE = 0.7
    LABELLED_SCORE = 0.6
    CONTEXT = ["insta", "instagram", "tiktok", "snap", "snapchat", "twitter", "account", "handle",
               "volg", "follow", "profiel", "profile"]

    def __init__(self, supported_language: str = "nl"):
        super().__init__(
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language=supported_language,
            context=self.CONTEXT,
        )

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        if entities and self.ENTITY not in entities:
            return []
        spans: list[tuple[int, int, float]] = []
        if "@" in text:
            for m in _AT_HANDLE.finditer(text):
                name = m.group("name")
                if (self._plausible(name) and name.lower() not in _MENTION_ALL
                        and not self._in_link(text, m.start())):
                    spans.append((m.start(), m.end(), self.AT_SCORE))
        for m in _LABELLED.finditer(text):
            name = m.group("name")
            start = m.start("name") - (1 if text[m.start("name") - 1] == "@" else 0)
            if any(start < e and s < m.end() for s, e, _ in spans):
                continue
            has_colon = ":" in m.group("sep") or "=" in m.group("sep")
            if not self._plausible(name) or name.lower() in _NOT_NAMES:
                continue
            if not has_colon and not _HANDLE_LIKE.search(name) and text[start] != "@":
                continue
            if self._in_link(text, start):
                continue
            spans.append((start, m.end(), self.LABELLED_SCORE))
        return [self._result(s, e, score) for s, e, score in sorted(spans)]

    @staticmethod
    def _plausible(name: str) -> bool:
        return (len(name) >= 2 and any(c.isalpha() for c in name)
                and not _MAIL_DOMAIN.search(name))

    @staticmethod
    def _in_link(text: str, pos: int) -> bool:
        left = text.rfind(" ", 0, pos) + 1
        token_end = text.find(" ", pos)
        token = text[left:token_end if token_end != -1 else len(text)]
        return bool(_URLISH.search(token))

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return make_result(self, self.ENTITY, start, end, score, "social-media handle")
