"""Local authority names and GSS codes: "residents of Trafford" → E08000009.

The table is plain data handed in by the caller (the app reads seed_data/geo/
local_authorities_england.csv), so this module stays free of files and paths.
"""
from __future__ import annotations

import re
from typing import Iterable

GSS = re.compile(r"\b(E0[6789]\d{6}|E10\d{6})\b")
# Names people write that differ from the register's: "Trafford borough", "City of Manchester".
_NOISE = re.compile(r"\b(?:the|city of|borough of|metropolitan|borough|council|district|county|area)\b", re.I)


def _key(name: str) -> str:
    return " ".join(_NOISE.sub(" ", name.lower().replace("&", " and ").replace("-", " ")).split())


class AreaLookup:
    def __init__(self, rows: Iterable[dict]):
        self._by_name: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._groups: dict[str, list[str]] = {}  # "greater manchester" -> its ten authorities
        for row in rows:
            code, name = str(row["code"]).strip(), str(row["name"]).strip()
            self._names[code] = name
            self._by_name.setdefault(_key(name), code)
            group = str(row.get("combined_authority") or "").strip().lower()
            if group:
                self._groups.setdefault(group, []).append(code)
        # Longest names first, so "North East Lincolnshire" wins over "Lincolnshire".
        names = sorted((n for n in self._by_name if n), key=len, reverse=True)
        self._pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b") if names else None

    def __len__(self) -> int:
        return len(self._names)

    def name(self, code: str) -> str:
        return self._names.get(code, code)

    def code(self, name: str) -> str | None:
        """The GSS code for a local authority name or code, or None."""
        match = GSS.search(name or "")
        if match and match.group(1) in self._names:
            return match.group(1)
        return self._by_name.get(_key(name or ""))

    def find(self, text: str) -> list[tuple[str, str]]:
        """(code, matched words) for every local authority named in `text`."""
        if not text or self._pattern is None:
            return []
        lowered = " ".join(text.lower().replace("&", " and ").replace("-", " ").split())
        out, seen = [], set()
        # "Greater Manchester" is ten authorities, not the City of Manchester; but "the Trafford
        # area of Greater Manchester" is Trafford.
        named = {self._by_name[m.group(1)] for m in self._pattern.finditer(
            re.sub(r"\bgreater (manchester|london)\b", " ", lowered))}
        for group, codes in self._groups.items():
            if re.search(r"\b" + re.escape(group) + r"\b", lowered) and not named & set(codes):
                for code in codes:
                    if code not in seen:
                        seen.add(code)
                        out.append((code, group))
                lowered = re.sub(r"\b" + re.escape(group) + r"\b", " ", lowered)
        lowered = re.sub(r"\bgreater (manchester|london)\b", " ", lowered)
        for match in GSS.finditer(text):
            if match.group(1) in self._names and match.group(1) not in seen:
                seen.add(match.group(1))
                out.append((match.group(1), match.group(1)))
        for match in self._pattern.finditer(lowered):
            code = self._by_name[match.group(1)]
            if code not in seen:
                seen.add(code)
                out.append((code, match.group(0)))
        return out
