"""Small helpers shared by the seed build steps (stdlib only)."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = REPO_ROOT / "seed_data"
# The shared reference data lives next to the repo, not inside it, so the
# repo never carries the 45 MB of raw inputs.
EXTERNAL = (REPO_ROOT / ".." / "shared" / "data" / "external").resolve()

TRAFFORD = "E08000009"

_POSTCODE_RE = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})$")


def read_csv(path: Path) -> list[dict]:
    # utf-8-sig: a few upstream exports carry a BOM that would corrupt the first header.
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def write_csv(path: Path, header: list[str], rows: list[dict]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    # "\n" line endings keep the files diff-friendly across platforms.
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="raise")
        w.writeheader()
        for row in rows:
            w.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in header})
    return len(rows)


def clean(value) -> str:
    """Upstream R exports write missing values as 'NA'; treat those as empty."""
    if value is None:
        return ""
    value = str(value).replace("\xa0", " ").strip()
    return "" if value.upper() in {"NA", "N/A", "NULL", "NONE"} else value


def normalise_postcode(value: str) -> str:
    """'m337zz' -> 'M33 7ZZ'; returns '' when it is not a plausible UK postcode."""
    s = re.sub(r"\s+", "", clean(value).upper())
    # A few register entries use the letter O for zero in the inward code.
    if len(s) >= 3 and s[-3] == "O":
        s = s[:-3] + "0" + s[-2:]
    m = _POSTCODE_RE.match(s)
    return f"{m.group(1)} {m.group(2)}" if m else ""


def outcode(postcode: str) -> str:
    return postcode.split(" ")[0] if postcode else ""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def fmt_coord(x: float | None, dp: int = 5) -> str:
    return "" if x is None else f"{x:.{dp}f}"


class PostcodeIndex:
    """Postcode -> (lat, lon), Trafford ONSPD first, then Code-Point Open 2014 for GM areas.

    ONSPD 2025 wins because it is current; Code-Point (2014) only fills in
    postcodes outside Trafford, which ONSPD here does not cover.
    """

    def __init__(self, trafford_rows: list[dict], codepoint_rows: list[dict]):
        self.trafford: dict[str, tuple[float, float]] = {}
        for r in trafford_rows:
            self.trafford[r["postcode"]] = (float(r["latitude"]), float(r["longitude"]))
        self.codepoint: dict[str, tuple[float, float]] = {}
        for r in codepoint_rows:
            if r["latitude"] and r["longitude"]:
                self.codepoint[r["postcode"]] = (float(r["latitude"]), float(r["longitude"]))
        self.used_outside_trafford: set[str] = set()
        # Coarse grid of Trafford postcodes, so "distance to Trafford" is a
        # nearest-neighbour lookup instead of a scan of 11k points per query.
        self._grid: dict[tuple[int, int], list[tuple[float, float]]] = {}
        for lat, lon in self.trafford.values():
            self._grid.setdefault(self._cell(lat, lon), []).append((lat, lon))

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return (int(math.floor(lat * 20)), int(math.floor(lon * 12)))  # ~5.5 km x ~5.5 km

    def lookup(self, postcode: str, record: bool = True) -> tuple[float, float] | None:
        """record=False for candidates that may be filtered out, so gm_postcodes_extra stays minimal."""
        if not postcode:
            return None
        if postcode in self.trafford:
            return self.trafford[postcode]
        if postcode in self.codepoint:
            if record:
                self.used_outside_trafford.add(postcode)
            return self.codepoint[postcode]
        return None

    def in_trafford(self, postcode: str) -> bool:
        return postcode in self.trafford

    def km_to_trafford(self, lat: float, lon: float) -> float:
        """Distance to the nearest live Trafford postcode (0-ish inside the borough)."""
        ci, cj = self._cell(lat, lon)
        best = float("inf")
        for ring in range(0, 12):
            for di in range(-ring, ring + 1):
                for dj in range(-ring, ring + 1):
                    if max(abs(di), abs(dj)) != ring:
                        continue
                    for plat, plon in self._grid.get((ci + di, cj + dj), ()):
                        d = haversine_km(lat, lon, plat, plon)
                        if d < best:
                            best = d
            # A cell is >= 5 km across, so once a ring is beyond the best hit we can stop.
            if best < ring * 5.0:
                break
        return best
