"""England's LSOAs and Great Britain's postcode districts: the package's data/geo/ tables (sources
in seed_data/ATTRIBUTION.md), read once per process, with nearest-point look-ups on the sphere. The
gap report places areas and venues with them; matching finds the authority of a venue, or of a
person, whose postcode the installation does not hold."""

from __future__ import annotations

import bisect
import csv
import re
from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np
from scipy.spatial import cKDTree

from matching.gaps import great_circle_km, unit_vectors

from ..data import DATA_DIR

GEO_DIR = DATA_DIR / "geo"
# A venue farther than this from every English LSOA centroid is outside England (rural LSOAs'
# centroids can be several km from their edges, so this is generous).
VENUE_REACH_KM = 15.0
NON_GEOGRAPHIC_FROM = 60
# A postcode district is given an authority only when nearly all the people of the LSOAs nearest its
# centroid live in that one authority. Checked against Code-Point's unit postcodes in Greater
# Manchester and the North East: at 0.99, 75% of people get an authority and 0.9% of those a wrong
# one (at 0.95: 81% and 1.3%). A wrong authority shuts a person out of their own services.
DISTRICT_AGREEMENT = 0.99
# How near the LSOA must be for a district no LSOA lies nearest to take its authority: St Agnes
# (TR22) is 3.5 km from Scilly's one LSOA, Tresco (TR24) 4.7 and Bryher (TR23) 5.2, while across
# the Welsh and Scottish borders, where England's LSOAs stop, Gretna (DG16) is 6.4 km from the
# nearest and Wrexham's and Caldicot's districts 7.9 and 8.6.
SHARED_LSOA_KM = 5.5
GREATER_MANCHESTER = frozenset(f"E080000{n:02d}" for n in range(1, 11))


def read(name: str) -> list[dict]:
    with open(GEO_DIR / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def points(rows: list[dict]) -> np.ndarray:
    """The rows' centroids on the unit sphere, so a k-d tree's straight-line nearest is the
    great-circle nearest (as in matching.gaps)."""
    return unit_vectors([(float(r["latitude"]), float(r["longitude"])) for r in rows])


class National:
    """All English LSOAs: their scores, to place a derived score on the national scale, and their
    centroids, to tell which authority a point lies in."""

    def __init__(self, rows: list[dict]):
        ranked = sorted(rows, key=lambda r: int(r["imd_rank"]))
        self.deciles = [int(r["imd_decile"]) for r in ranked]
        self.ascending_scores = sorted(float(r["imd_score"]) for r in rows)
        centroids = points(rows)
        # Every Greater Manchester LSOA has its LA (from the GM lookup), so an unnamed one near
        # the GM border belongs to a neighbour outside GM, never to a GM borough.
        coded = [i for i, r in enumerate(rows) if r["la_code"] and r["la_code"] not in GREATER_MANCHESTER]
        uncoded = [i for i, r in enumerate(rows) if not r["la_code"]]
        if uncoded:
            _, nearest = cKDTree(centroids[coded]).query(centroids[uncoded])
            for i, j in zip(uncoded, nearest, strict=True):
                rows[i]["la_code"] = rows[coded[j]]["la_code"]
                rows[i]["la_name"] = rows[coded[j]]["la_name"]
                rows[i]["la_estimated"] = True
        self.rows = rows
        self.tree = cKDTree(centroids)
        self.by_la: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            self.by_la[row["la_code"]].append(row)
        self.names = {code: members[0]["la_name"] for code, members in self.by_la.items()}

    def rank_and_decile(self, score: float) -> tuple[int, int]:
        higher = len(self.ascending_scores) - bisect.bisect_right(self.ascending_scores, score)
        rank = min(higher + 1, len(self.deciles))
        return rank, self.deciles[rank - 1]

    def authorities(self, lats: list[float], lngs: list[float]) -> list[str | None]:
        """The LA of each point (that of its nearest LSOA centroid); None outside England."""
        if not lats:
            return []
        chords, nearest = self.tree.query(unit_vectors(list(zip(lats, lngs, strict=True))))
        return [
            self.rows[j]["la_code"] if km <= VENUE_REACH_KM else None
            for km, j in zip(great_circle_km(chords), nearest, strict=True)
        ]


@lru_cache(maxsize=1)
def national() -> National:
    return National(read("lsoa21_england.csv"))


def _number_of(outcode: str) -> int:
    match = re.match(r"[A-Z]+(\d+)", outcode)
    return int(match.group(1)) if match else 0


@lru_cache(maxsize=1)
def districts() -> tuple[list[dict], cKDTree]:
    """GB district centroids, without the non-geographic districts (PO boxes, large mail users:
    NE99, M60, S96...) that would otherwise claim a city centre's LSOAs. No open list of them
    ships with the app, so a rule of thumb: numbered 60 or above with a centroid within 1 km of
    a district numbered below 60 (on the 2014 data this drops 40, one of them Heswall's CH60)."""
    rows = read("postcode_districts_gb.csv")
    centroids = points(rows)
    low = [i for i, r in enumerate(rows) if _number_of(r["outcode"]) < NON_GEOGRAPHIC_FROM]
    near_low = cKDTree(centroids[low])
    chords, _ = near_low.query(centroids)
    kept = [
        r
        for r, km in zip(rows, great_circle_km(chords), strict=True)
        if _number_of(r["outcode"]) < NON_GEOGRAPHIC_FROM or km > 1.0
    ]
    return kept, cKDTree(points(kept))


@lru_cache(maxsize=1)
def district_shares() -> dict[str, dict[str, float]]:
    """For each English postcode district, the share of its people living in each authority: each
    LSOA belongs to the district whose centroid is nearest, as in the gap report. A district no
    LSOA lies nearest (an off-island of Scilly, whose one LSOA lies nearest St Mary's; a street of
    offices in the City) takes the authority of the LSOA nearest it, when that LSOA is close and
    about as near to it as to its own district (SHARED_LSOA_KM)."""
    nat = national()
    district_rows, tree = districts()
    chords, nearest = tree.query(points(nat.rows))
    people: dict[str, Counter[str]] = defaultdict(Counter)
    for row, j in zip(nat.rows, nearest, strict=True):
        if row["la_code"] and not row.get("la_estimated"):
            people[district_rows[j]["outcode"]][row["la_code"]] += int(row["population"] or 0) or 1
    own_km = great_circle_km(chords)
    empty = [i for i, row in enumerate(district_rows) if row["outcode"] not in people]
    if empty:
        to_lsoa, lsoa = nat.tree.query(points([district_rows[i] for i in empty]))
        for i, km, j in zip(empty, great_circle_km(to_lsoa), lsoa, strict=True):
            row = nat.rows[j]
            if (
                km <= SHARED_LSOA_KM
                and km <= 1.5 * own_km[j] + 0.5
                and row["la_code"]
                and not row.get("la_estimated")
            ):
                people[district_rows[i]["outcode"]][row["la_code"]] = 1
    return {
        outcode: {code: n / sum(shares.values()) for code, n in shares.most_common()}
        for outcode, shares in people.items()
    }


@lru_cache(maxsize=1)
def district_authorities() -> dict[str, str]:
    """The local authority of each English postcode district that lies in one, for a person whose
    postcode the installation does not hold (a new installation holds only its own area's); a
    district whose people are split between authorities has none (``district_shares`` says which
    they may be)."""
    found = {}
    for outcode, shares in district_shares().items():
        code, share = next(iter(shares.items()))  # the largest share comes first
        if share >= DISTRICT_AGREEMENT:
            found[outcode] = code
    return found


@lru_cache(maxsize=1)
def main_authorities() -> dict[str, str]:
    """Each English postcode district's authority most of its people live in, split or not: how
    the blind labels name a limit to postcode districts (seed_data/eval/label_guide.md)."""
    return {outcode: next(iter(shares)) for outcode, shares in district_shares().items()}
