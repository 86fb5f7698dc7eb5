"""Gap reports for commissioners: supply (the directory), unmet demand (MatchDemand) and deprivation.

The maths is ``matching.gap_report``; this module feeds it the live directory and the recorded
demand, and shapes its rows for the pages, the exports and the CLI (which all call the functions
here, so they cannot disagree).

Small numbers. Every count about people (requests, unmet requests) of 1-4 is shown as "<5". The
priority score is published to three decimals next to the provision score and the deprivation
decile it is built from, so an exact small count could be worked back out of it; we therefore
give gap_report the middle of the suppressed range (3) for any count of 1-4.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from matching import gap_report
from matching.service import covers_any, delivery_modes, haversine_km, points

from ..directory.documents import directory_version, load_services, related_many, to_search_document
from ..errors import NotFound, ValidationError
from ..models import MatchDemand, Service
from ..needs import taxonomy
from . import areas as geo

CHUNK = 500
SUPPRESSED_STAND_IN = 3
BANDS = 5
BAND_LABELS = {5: "Highest fifth", 4: "Second fifth", 3: "Middle fifth", 2: "Fourth fifth", 1: "Lowest fifth"}
Progress = Callable[[int, int], None]

# Sortable columns: the key a row is sorted on, and whether it sorts high-first by default.
SORTS = {
    "area": (lambda r: (r["area_name"] or "").lower(), False),
    "need": (lambda r: r["need_label"].lower(), False),
    "population": (lambda r: r["population"], True),
    "imd": (lambda r: r["imd_decile"], False),
    "local": (lambda r: r["local_count"], False),
    "nearest": (lambda r: r["nearest_km"], True),
    "remote": (lambda r: r["remote_count"], False),
    "requests": (lambda r: _count_key(r["demand_requests"]), True),
    "unmet": (lambda r: _count_key(r["demand_unmet"]), True),
    "priority": (lambda r: r["priority_score"], True),
}


def _count_key(value):
    # "<5" sorts between 0 and 5 and ties with every other "<5", so order reveals nothing more.
    return 2.5 if value == "<5" else value


def check_filters(area_type: str | None, need: str | None) -> None:
    """Raise ValidationError naming the field when the area type or need is not one we know."""
    if area_type not in geo.AREA_TYPES:
        raise ValidationError(
            f"Unknown area type {area_type!r}: use one of {', '.join(geo.AREA_TYPES)}.",
            {"area_type": "Choose neighbourhood (lsoa), ward or postcode district."},
        )
    if need and need not in taxonomy():
        raise ValidationError(
            f"Unknown need {need!r}: see the needs taxonomy for the codes.",
            {"need": "Choose a need from the list."},
        )


def check_area_type(region: geo.Geography, area_type: str) -> None:
    """Raise ValidationError when the region has no areas of this type (wards outside Trafford)."""
    if area_type == "ward" and not region.has_wards:
        raise ValidationError(
            f"Ward reports are available for Trafford only: this report covers {region.name}, and "
            "no ward table for other areas ships with the app. Choose neighbourhoods (LSOAs) or "
            "postcode districts.",
            {"area_type": "Choose neighbourhood (lsoa) or postcode district."},
        )


def live_documents(session: Session, progress: Progress | None = None) -> list[dict]:
    """Search documents of every active, unmerged service, read in chunks in a stable order."""
    out: list[dict] = []
    ids = list(
        session.exec(
            select(Service.id)
            .where(Service.status == "active", col(Service.merged_into_id).is_(None))
            .order_by(Service.id)
        )
    )
    if progress:
        progress(0, len(ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        services = {s.id: s for s in load_services(session, chunk)}
        related = related_many(session, list(services))
        out.extend(to_search_document(services[i], related) for i in chunk if i in services)
        session.expunge_all()  # keep memory flat on a large directory
        if progress:
            progress(min(start + CHUNK, len(ids)), len(ids))
    return out


class DirectoryDocuments:
    """live_documents, kept per process (``services().report_documents``) until the directory changes.

    Building documents is the slow part of a report (every service with its locations), and a
    commissioner flips between table, map and charts. Every change to a service sets its
    last_modified and a deletion changes the count, so (count, latest change) tells us when to
    rebuild; a report never shows a directory older than its last saved change.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple | None = None
        self._documents: list[dict] | None = None
        self._authorities: tuple[list[dict] | None, tuple] = (None, ())

    def get(self, session: Session, progress: Progress | None = None) -> list[dict]:
        version = directory_version(session)
        with self._lock:
            if self._version != version or self._documents is None:
                self._documents = live_documents(session, progress)
                self._version = version
            return self._documents

    def main_authorities(self, session: Session) -> tuple:
        """The authorities where the directory's services have their venues (areas.main_authorities),
        worked out again only when the directory changes."""
        docs = self.get(session)
        with self._lock:
            if self._authorities[0] is not docs:
                self._authorities = (docs, geo.main_authorities(points(doc) for doc in docs))
            return self._authorities[1]


def demand_counts(session: Session) -> dict[tuple[str, str], dict[str, int]]:
    """{(district, need): {"requests": n, "unmatched": n with no adequate match}}, raw counts.

    Raw: callers must suppress before showing anything (GapReports.rows and .area do).
    """
    unmatched = func.sum(case((col(MatchDemand.adequate) == 0, 1), else_=0))
    statement = (
        select(MatchDemand.district, MatchDemand.need, func.count(), unmatched)
        .where(col(MatchDemand.district).is_not(None))
        .group_by(MatchDemand.district, MatchDemand.need)
    )
    return {
        (district.upper(), need): {"requests": int(n), "unmatched": int(u or 0)}
        for district, need, n, u in session.exec(statement)
        if district is not None  # the query's own filter, restated for the type checker
    }


def _blurred(n: int) -> int:
    return SUPPRESSED_STAND_IN if 1 <= n <= 4 else n


def _area_demand(area_list: Iterable[dict], demand: dict, needs: list[str]) -> dict:
    """District demand attributed to each area through its demand district (see areas.py)."""
    by_district: dict[str, dict[str, dict]] = defaultdict(dict)
    for (district, need), counts in demand.items():
        by_district[district][need] = counts
    out = {}
    for area in area_list:
        for need, counts in by_district.get(area["demand_district"], {}).items():
            if need in needs:
                out[(area["code"], need)] = {
                    "requests": _blurred(counts["requests"]),
                    "unmatched": _blurred(counts["unmatched"]),
                }
    return out


def _bands(rows: list[dict]) -> None:
    """Priority band 5 (highest fifth of areas for that need) to 1, by rank within each need."""
    by_need: dict[str, list[dict]] = defaultdict(list)
    for row in rows:  # rows arrive most urgent first
        by_need[row["need"]].append(row)
    for group in by_need.values():
        n = len(group)
        for rank, row in enumerate(group):
            row["priority_band"] = BANDS - (rank * BANDS) // n
            row["priority_rank"] = rank + 1
            row["areas_ranked"] = n


def _report(
    region: geo.Geography, area_type: str, need: str | None, docs: list[dict], demand: dict
) -> list[dict]:
    tax = taxonomy()
    needs = [need] if need else tax.codes()
    area_list = region.areas[area_type]
    rows = gap_report(
        area_list, docs, needs, reach_km=tax.reach_map(), demand=_area_demand(area_list, demand, needs)
    )
    _bands(rows)
    for row in rows:
        area = region.index[area_type].get(row["area_code"])
        if area is None:  # never: gap_report's rows are the areas of area_list
            raise LookupError(f"unknown {area_type} {row['area_code']}")
        row["need_label"] = tax.label(row["need"])
        row["place"] = area.get("place")
        row["display_name"] = geo.display_name(area)
        row["reach_km"] = tax.reach_km(row["need"])
        row["demand_counted_by"] = f"postcode district {area['demand_district']}"
        row["imd_estimated"] = area["imd_estimated"]
        row["lat"], row["lng"] = area["lat"], area["lng"]
    return rows


def sort_rows(
    rows: list[dict], sort: str | None, direction: str | None = None
) -> tuple[list[dict], str, str]:
    """Rows sorted by a column of SORTS (unknown → priority); unknown values always go last.

    Returns (rows, sort, direction) with the values actually used.
    """
    if sort not in SORTS:
        sort = "priority"
    key, high_first = SORTS[sort]
    descending = high_first if direction not in ("asc", "desc") else direction == "desc"
    known = [r for r in rows if key(r) is not None]
    unknown = [r for r in rows if key(r) is None]
    # sorted() is stable, also with reverse=True: ties keep gap_report's most-urgent-first order.
    known.sort(key=key, reverse=descending)
    return known + unknown, sort, "desc" if descending else "asc"


def _local_and_remote(area: dict, need: str, docs: list[dict], reach_km: float) -> tuple[list, list]:
    """The services behind gap_report's local and remote counts for one area and need.

    Same rules as matching.gaps: local = active, meets the need, in person and not area-wide,
    a location within reach (each service once, at its nearest location); remote = online, phone
    or area-wide, covering the area or national.
    """
    local, remote = [], []
    codes = [area["code"], area["la_code"], *area.get("within", ())]
    for doc in docs:
        if doc.get("status") != "active" or need not in (doc.get("needs") or ()):
            continue
        modes = delivery_modes(doc)
        area_wide = bool(doc.get("area_wide"))
        pts = points(doc) if ("in_person" in modes and not area_wide) else []
        if pts:
            lats, lngs = zip(*pts, strict=True)
            distances = haversine_km(area["lat"], area["lng"], list(lats), list(lngs))
            km = float(min(distances))
            if km <= reach_km:
                local.append(
                    {
                        "id": doc["id"],
                        "name": doc["name"],
                        "organization": doc.get("organization"),
                        "km": round(km, 1),
                    }
                )
        if (area_wide or modes & {"online", "phone"}) and covers_any(doc, codes):
            how = [label for mode, label in (("online", "online"), ("phone", "by phone")) if mode in modes]
            if area_wide:
                how.append("area-wide")
            remote.append(
                {
                    "id": doc["id"],
                    "name": doc["name"],
                    "organization": doc.get("organization"),
                    "how": ", ".join(how),
                }
            )
    local.sort(key=lambda s: (s["km"], s["name"].lower()))
    remote.sort(key=lambda s: s["name"].lower())
    return local, remote


@dataclass
class GapReports:
    """The gap report on one session: for a request, a command or a test.

    ``area_codes`` is REPORT_AREA_CODES: the authorities the report covers; empty, those where the
    directory's services have their venues."""

    session: Session
    documents: DirectoryDocuments
    area_codes: str | None = ""

    def region(self) -> geo.Geography:
        configured = geo.parse_codes(self.area_codes)
        return geo.geography(configured or self.documents.main_authorities(self.session))

    def rows(
        self, area_type: str, need: str | None = None, *, progress: Progress | None = None
    ) -> list[dict]:
        """One row per (area, need) of the report's region, most urgent first; demand counts of 1-4
        read "<5"."""
        check_filters(area_type, need)
        docs = self.documents.get(self.session, progress)
        region = self.region()
        check_area_type(region, area_type)
        return _report(region, area_type, need, docs, demand_counts(self.session))

    def area(self, area_type: str, code: str, need: str | None = None) -> dict:
        """The area, and per need: services within reach, nearest, remote options, demand (suppressed)."""
        check_filters(area_type, need)
        region = self.region()
        check_area_type(region, area_type)
        area = region.index[area_type].get(code)
        if area is None:
            raise NotFound(
                f"There is no {geo.AREA_TYPE_LABELS[area_type].lower()} with code {code!r} in this report ({region.name})."
            )
        docs = self.documents.get(self.session)
        tax = taxonomy()
        demand = demand_counts(self.session)
        rows = [r for r in _report(region, area_type, need, docs, demand) if r["area_code"] == code]
        rows.sort(key=lambda r: -r["priority_score"])
        for row in rows:
            row["local_services"], row["remote_services"] = _local_and_remote(
                area, row["need"], docs, tax.reach_km(row["need"])
            )
        return {
            "area": area,
            "display_name": geo.display_name(area),
            "needs": rows,
            "demand_counted_by": f"postcode district {area['demand_district']}",
            "demand_note": geo.demand_note(area_type, region),
            "region": region,
        }
