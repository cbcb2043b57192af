"""Takedown notices, platform reports, GDPR erasure requests and police-report summaries.

``make_draft(text, scan_result, kind, language, details)`` returns
``{kind, language, subject, body, channel: {name, url, notes}, missing}``. Drafts name the kinds of
data a post exposes, never the values, and are never sent automatically.
"""
from __future__ import annotations

from piiscore.drafting.draft import FILER_ROLES, KINDS, LANGUAGES, make_draft
from piiscore.drafting.platforms import PLATFORM_IDS, get_platform, load_platforms

__all__ = ["FILER_ROLES", "KINDS", "LANGUAGES", "PLATFORM_IDS", "get_platform", "load_platforms", "make_draft"]
