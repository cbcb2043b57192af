"""A cheap first look for the pattern recognizers (not a recognizer module: discovery skips it).

Presidio's PatternRecognizer runs every pattern over the whole text, with a timeout, a clock
read and a debug log call per pattern, even when the text cannot hold a match (most posts have
no BSN, no IP address, no plate). A recognizer that mixes in `Prefiltered` first searches its
PREFILTER, a regex that matches every text in which one of its patterns can match (the patterns
with their lookarounds dropped, or a part every match must contain), and returns [] at once
when it does not. The prefilters are compiled with the `regex` module and the flags Presidio
uses, so their character classes (\\d, [A-Za-z] case-insensitive) mean exactly what they mean
in the patterns. Results are unchanged; only texts that could not match are skipped.
"""
from __future__ import annotations

import regex

# Presidio's PatternRecognizer.global_regex_flags
PATTERN_FLAGS = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE


def prefilter(pattern: str) -> regex.Pattern:
    return regex.compile(pattern, PATTERN_FLAGS)


class Prefiltered:
    """Mix in before PatternRecognizer; set PREFILTERS (see the module docstring): a text that
    one of them does not match is skipped. A recognizer that keeps a match only with a cue
    before it can add the cue regex, loosened (no \\b, no $), compiled as the cue is."""

    PREFILTERS: tuple = ()

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if regex_flags is None:
            for p in self.PREFILTERS:
                if p.search(text) is None:
                    return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)
