"""UKCAT auto-tagging: the documented way to use UKCAT is to run each tag's
include regex over a charity's activity text and drop it when the exclude
regex also matches. The patterns are written for case-insensitive matching."""

from __future__ import annotations

import re

from .common import EXTERNAL, read_csv


class UkcatTagger:
    def __init__(self):
        self.tags: list[tuple[str, re.Pattern, re.Pattern | None]] = []
        for r in read_csv(EXTERNAL / "taxonomy_ukcat" / "ukcat.csv"):
            inc = (r["Regular expression"] or "").strip()
            if not inc:
                continue  # a few tags (e.g. AR101 Culture) have no pattern and are never auto-assigned
            exc = (r["Exclude regular expression"] or "").strip()
            self.tags.append((r["Code"], re.compile(inc, re.I), re.compile(exc, re.I) if exc else None))
        self.codes = {code for code, _, _ in self.tags}

    def tag(self, text: str) -> list[str]:
        out = []
        for code, inc, exc in self.tags:
            if inc.search(text) and not (exc and exc.search(text)):
                out.append(code)
        return sorted(out)
