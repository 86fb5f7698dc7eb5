"""Offline geography: postcode normalisation, lookup with district fallback, distances.

An unknown but well-formed unit postcode falls back to its district centroid and is flagged
approximate, so a new-build estate still gets a sensible distance.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path
from typing import TypedDict

from geopy.distance import geodesic
from sqlalchemy import delete, func, insert
from sqlmodel import Session, col, select

from matching.service import OUTSIDE

from ..data import DATA_DIR
from ..errors import ValidationError
from ..models import Postcode, PostcodeDistrict, table_of
from . import england

UNIT = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")


@dataclass(frozen=True)
class Place:
    postcode: str
    lat: float
    lng: float
    approximate: bool
    district: str
    lsoa21cd: str | None = None
    ward_code: str | None = None
    la_code: str | None = None
    # Without an authority: those the postcode's sector or district spans, one of which it is in,
    # and the one most of its people live in, when that is most of them (LIKELY_SHARE).
    possible_la_codes: tuple[str, ...] = ()
    likely_la_code: str | None = None
    # Neighbourhoods ("E06000023:Horfield") next to the one the person's words say they live in.
    outside: tuple[str, ...] = ()

    @property
    def areas(self) -> list[str]:
        """Every area code the person lives in, widest last: LA, county (two-tier areas), ward,
        LSOA and postcode district. Services state their reach in any of these. Last, as
        "outside:" entries, the neighbourhoods they do not live in though they are near."""
        former = former_district(self.la_code, self.district)
        codes = (*authority_codes(self.la_code), former, self.ward_code, self.lsoa21cd, self.district)
        return [code for code in codes if code] + [f"{OUTSIDE}{place}" for place in self.outside]

    @property
    def possible_areas(self) -> list[str]:
        """Where the person may live but we cannot tell: the authorities a postcode of unknown
        authority may lie in (a service for the residents of none of them is not for this person),
        and the former districts of an authority that replaced several (a postcode known only as
        North Yorkshire may be in Hambleton, or not)."""
        codes = [c for la in self.possible_la_codes for c in (*authority_codes(la), *formers_of(la))]
        if self.la_code and not former_district(self.la_code, self.district):
            codes += formers_of(self.la_code)
        return list(dict.fromkeys(code for code in codes if code))

    @property
    def likely_areas(self) -> list[str]:
        """The areas of the authority most of the postcode's neighbours live in, when it gave none:
        a service for another authority's residents is probably not for this person (a check).
        With it, the former district that authority's part of the postcode district lies in (NN17
        is mostly North Northamptonshire's, and there it is Corby)."""
        former = former_district(self.likely_la_code, self.district)
        return [*authority_codes(self.likely_la_code), *([former] if former else [])]

    def in_authority(self, la_code: str) -> Place:
        """This place, now known to be in `la_code` (one of its possible authorities)."""
        return replace(self, la_code=la_code, possible_la_codes=(), likely_la_code=None)

    def as_dict(self) -> dict:
        return {
            **asdict(self),
            "areas": self.areas,
            "possible_areas": self.possible_areas,
            "likely_areas": self.likely_areas,
        }


LA_TABLE = DATA_DIR / "geo" / "local_authorities_england.csv"


@cache
def _la_table() -> list[dict[str, str]]:
    try:
        with open(LA_TABLE, newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    except FileNotFoundError:  # an install without seed data: no counties, no former districts
        return []


@cache
def _counties() -> dict[str, str]:
    return {row["code"]: row["county_code"] for row in _la_table() if row.get("county_code")}


@cache
def _successors() -> dict[str, str]:
    return {
        former: row["code"]
        for row in _la_table()
        for former in (row.get("former_codes") or "").split(";")
        if former
    }


@cache
def _formers() -> dict[str, tuple[str, ...]]:
    return {
        row["code"]: tuple(code for code in (row.get("former_codes") or "").split(";") if code)
        for row in _la_table()
    }


LOCAL_AREAS = DATA_DIR / "geo" / "local_areas.csv"


@cache
def _former_by_outcode() -> dict[tuple[str, str], str]:
    """(authority, postcode district) → the abolished district it lies in, where an authority that
    replaced several is known by its former districts' postcode districts (local_areas.csv: Copeland
    is CA18-CA28, LA18 and LA19 of Cumberland): a person known only by their district still says
    whether "Copeland residents only" is for them."""
    named = {
        (row["code"], name): code
        for row in _la_table()
        for entry in (row.get("former_names") or "").split(";")
        for code, _, name in [entry.partition("=")]
        if code and name
    }
    try:
        with open(LOCAL_AREAS, newline="", encoding="utf-8") as handle:
            areas = list(csv.DictReader(handle))
    except FileNotFoundError:
        return {}
    return {
        (area["la_code"], outcode): named[(area["la_code"], area["name"])]
        for area in areas
        if (area["la_code"], area["name"]) in named
        for outcode in area["postcode_districts"].split(";")
    }


def former_district(la_code: str | None, district: str | None) -> str | None:
    """The abolished district a postcode district of `la_code` lies in, when that is known."""
    return _former_by_outcode().get((la_code or "", district or ""))


def authority_codes(la_code: str | None) -> list[str]:
    """An authority as the codes a service may name it by: itself, the authority that replaced it
    when it was abolished (a postcode file older than a reorganisation names Hambleton; services
    name North Yorkshire), and the county council above a two-tier district."""
    if not la_code:
        return []
    return [code for code in (la_code, successor_of(la_code), county_of(la_code)) if code]


def formers_of(la_code: str) -> tuple[str, ...]:
    """The abolished authorities an authority took over (North Yorkshire → Hambleton, ...)."""
    return _formers().get(la_code, ())


def successor_of(la_code: str) -> str | None:
    """The current authority that replaced an abolished one (Hambleton E07000164 → E06000065)."""
    return _successors().get(la_code)


def county_of(la_code: str) -> str | None:
    """The county council above a two-tier district (a Lancashire district → E10000017)."""
    return _counties().get(la_code)


def normalise_postcode(raw: str | None) -> str | None:
    """'m33 7zz' → 'M33 7ZZ'; a district alone ('m33') → 'M33'; anything else → None."""
    if raw is None:
        return None
    compact = re.sub(r"\s+", "", str(raw)).upper()
    if not compact:
        return None
    if DISTRICT.match(compact):
        return compact
    match = UNIT.match(compact)
    if match:
        return f"{match.group(1)} {match.group(2)}"
    return None


def outcode(postcode: str) -> str:
    return postcode.split(" ")[0]


def lookup(session: Session, raw: str, field: str = "postcode") -> Place:
    """Resolve a postcode or district to a point; raise ValidationError naming ``field``."""
    postcode = normalise_postcode(raw)
    if postcode is None:
        raise ValidationError(
            f"'{raw}' is not a UK postcode.",
            {field: "Enter a full UK postcode such as M33 7ZZ, or a district such as M33."},
        )
    if " " in postcode:
        row = session.get(Postcode, postcode)
        if row is not None:
            authority = Authority(la_code=row.la_code) if row.la_code else _area_authority(session, postcode)
            return Place(
                postcode,
                row.latitude,
                row.longitude,
                False,
                outcode(postcode),
                row.lsoa21cd,
                row.ward_code,
                **authority,
            )
        located = _online_geocode(postcode)
        if located is not None:
            return Place(postcode, *located, False, outcode(postcode), **_area_authority(session, postcode))
    district = session.get(PostcodeDistrict, outcode(postcode))
    if district is None:
        raise ValidationError(
            f"Postcode {postcode} is not known.",
            {field: f"We do not know where {postcode} is. Check it, or try the district (e.g. M33)."},
        )
    return Place(
        postcode,
        district.latitude,
        district.longitude,
        True,
        outcode(postcode),
        **_area_authority(session, postcode),
    )


# A postcode we do not have (a new build, or a district typed alone) still gets a local authority
# when its neighbours agree on one: residency limits then work for it. A sector or district split
# between authorities gives none, because a wrong LA would wrongly exclude the person. Where the
# installation holds no postcodes of the district at all, England's LSOAs say whether it lies in one.
LA_AGREEMENT = 0.95
# Below the agreement that settles an authority, an area four in five of whose people live in one
# is most likely that one's: a service for a neighbour's residents is then ranked as a check ("PL2"
# is 91% Plymouth, the rest across the Tamar in Cornwall), never hidden.
LIKELY_SHARE = 0.8


class Authority(TypedDict, total=False):
    la_code: str | None
    possible_la_codes: tuple[str, ...]
    likely_la_code: str | None


def _area_authority(session: Session, postcode: str) -> Authority:
    """The authority of a postcode we do not hold when the area around it agrees on one, and
    otherwise none, the authorities that area spans, most people's first, and the first of them
    when it holds most of the area (LIKELY_SHARE)."""
    prefixes = [postcode[:-2], outcode(postcode) + " "] if " " in postcode else [postcode + " "]
    for prefix in prefixes:
        # A range on the primary key (" " sorts just below "!"), so this reads only the area's rows.
        counts = session.exec(
            select(col(Postcode.la_code), func.count())
            .where(
                col(Postcode.postcode) >= prefix,
                col(Postcode.postcode) < prefix[:-1] + chr(ord(prefix[-1]) + 1),
                col(Postcode.la_code).is_not(None),
            )
            .group_by(Postcode.la_code)
        ).all()
        total = sum(n for _, n in counts)
        if total:
            ranked = sorted(counts, key=lambda item: -item[1])
            code, n = ranked[0]
            if n / total >= LA_AGREEMENT:
                return Authority(la_code=code)
            return Authority(
                possible_la_codes=tuple(c for c, _ in ranked if c),
                likely_la_code=code if n / total >= LIKELY_SHARE else None,
            )
    district = outcode(postcode)
    code = england.district_authorities().get(district)
    if code:
        return Authority(la_code=code)
    shares = england.district_shares().get(district, {})
    likely = next((c for c, share in shares.items() if share >= LIKELY_SHARE), None)
    return Authority(possible_la_codes=tuple(shares), likely_la_code=likely)


def _online_geocode(postcode: str) -> tuple[float, float] | None:
    """Ask an online geocoder (geopy) when GEOCODER names one, e.g. "nominatim". Off by default:
    postcodes then never leave this server. Any failure falls back to the district centroid."""
    try:
        from flask import current_app

        service = current_app.config.get("GEOCODER")
    except RuntimeError:  # no app (scripts): offline only
        return None
    if not service:
        return None
    from geopy.geocoders import get_geocoder_for_service

    try:
        geocoder = get_geocoder_for_service(service)(user_agent="community-directory", timeout=3)
        found = geocoder.geocode(f"{postcode}, United Kingdom")
    except Exception:  # network, quota or configuration trouble: stay offline for this lookup
        return None
    return (found.latitude, found.longitude) if found else None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return geodesic(a, b).km


def _column(header: list[str], *names: str) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


# Column names per format, first match wins. ONSPD (ONS Postcode Directory) and OS Code-Point Open
# name the same facts differently; any CSV with postcode, latitude and longitude also loads.
COLUMNS = {
    "postcode": ("postcode", "pcds", "pcd", "pcd2"),
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "long", "lng", "lon"),
    "lsoa21cd": ("lsoa21cd", "lsoa21", "lsoa_code", "lsoa11"),
    "ward_code": ("ward_code", "osward", "wd22cd", "admin_ward_code"),
    "ward_name": ("ward_name",),
    "la_code": ("la_code", "oslaua", "lad22cd", "admin_district_code"),
}
FORMATS = {"codepoint": "OS Code-Point Open", "onspd": "ONS Postcode Directory", "plain": "postcode CSV"}


def postcode_format(header: list[str]) -> str:
    lowered = {h.strip().lower() for h in header}
    if "admin_district_code" in lowered or "positional_quality" in lowered:
        return "codepoint"
    if lowered & {"oslaua", "osward", "pcds", "pcd"}:
        return "onspd"
    return "plain"


@dataclass
class PostcodeLoad:
    format: str
    count: int
    with_la: int

    def __str__(self) -> str:
        return (
            f"Loaded {self.count} postcodes ({FORMATS[self.format]}); "
            f"{self.with_la} know their local authority."
        )


def read_postcodes(path: Path) -> tuple[str, dict[str, dict]]:
    """Parse a whole postcode file into rows, or raise ValidationError naming the line."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if not header:
            raise ValidationError(f"{path.name} is empty.")
        first = normalise_postcode(header[0])
        if first is not None and " " in first:
            # OS's own Code-Point Open download has no header and gives only grid references.
            raise ValidationError(
                f"{path.name} has no header row. Use a CSV whose first row names its "
                "columns (postcode, latitude, longitude, and la_code/ward_code or "
                "admin_district_code/admin_ward_code), or ONSPD."
            )
        kind = postcode_format(header)
        at = {name: _column(header, *names) for name, names in COLUMNS.items()}
        if at["postcode"] is None or at["latitude"] is None or at["longitude"] is None:
            raise ValidationError(
                f"{path.name} needs postcode, latitude and longitude columns; found {', '.join(header)}."
            )
        rows: dict[str, dict] = {}
        for number, record in enumerate(reader, start=2):

            def cell(name, record=record):
                index = at[name]
                return (record[index].strip() or None) if index is not None and index < len(record) else None

            postcode = normalise_postcode(cell("postcode"))
            if postcode is None or " " not in postcode:
                raise ValidationError(
                    f"{path.name} line {number}: '{cell('postcode') or ''}' is not a unit postcode."
                )
            if kind == "codepoint" and not cell("latitude"):
                continue  # positional quality 90: Code-Point has no position for it
            try:
                latitude, longitude = float(cell("latitude")), float(cell("longitude"))
            except (TypeError, ValueError):
                raise ValidationError(
                    f"{path.name} line {number}: latitude/longitude are not numbers."
                ) from None
            if not (49 <= latitude <= 61 and -9 <= longitude <= 2.5):
                # ONSPD marks postcodes without a grid reference with 99.999999; skip those.
                continue
            rows[postcode] = {
                "postcode": postcode,
                "latitude": latitude,
                "longitude": longitude,
                **{name: cell(name) for name in ("lsoa21cd", "ward_code", "ward_name", "la_code")},
            }
    return kind, rows


def import_postcodes(session: Session, path: Path, progress=None) -> PostcodeLoad:
    """Load unit postcodes from ONSPD, OS Code-Point Open (with a header row) or any CSV with
    postcode, latitude, longitude columns; the format is recognised from the header. LA, ward and
    LSOA codes are kept wherever the file has them, so residency limits work in any region.

    Reads the whole file before writing, and writes in one transaction: a bad file changes nothing.
    """
    kind, rows = read_postcodes(path)
    # Replace rather than merge row by row, and insert in bulk: a 100k-row file loads in seconds.
    keys = list(rows)
    values = list(rows.values())
    for start in range(0, len(keys), 5000):
        session.exec(delete(Postcode).where(col(Postcode.postcode).in_(keys[start : start + 5000])))
        session.connection().execute(insert(table_of(Postcode)), values[start : start + 5000])
        if progress:
            progress(min(start + 5000, len(keys)), len(keys))
    session.commit()
    return PostcodeLoad(kind, len(rows), sum(1 for r in values if r["la_code"]))


def import_districts(session: Session, rows: Iterable[tuple[str, float, float]]) -> int:
    """Replace the given districts' centres, in bulk: merging Great Britain's 2,900 districts one
    row at a time took two seconds of every installation's (and many tests') start."""
    centres = {code: {"outcode": code, "latitude": lat, "longitude": lng} for code, lat, lng in rows}
    codes, values = list(centres), list(centres.values())
    for start in range(0, len(codes), 5000):
        session.exec(
            delete(PostcodeDistrict).where(col(PostcodeDistrict.outcode).in_(codes[start : start + 5000]))
        )
        session.connection().execute(insert(table_of(PostcodeDistrict)), values[start : start + 5000])
    session.commit()
    return len(centres)


def import_gb_districts(session: Session) -> int:
    """Great Britain's postcode district centres, shipped with the app: every installation places
    a postcode at least this finely, wherever it is."""
    rows = england.read("postcode_districts_gb.csv")
    return import_districts(
        session, ((r["outcode"], float(r["latitude"]), float(r["longitude"])) for r in rows)
    )


def la_codes(session: Session, postcodes) -> dict[str, str]:
    """postcode → local authority code for those we know, in one query per 5,000 postcodes."""
    wanted = sorted({pc for pc in (normalise_postcode(p) for p in postcodes) if pc and " " in pc})
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 5000):
        rows = session.exec(
            select(col(Postcode.postcode), col(Postcode.la_code)).where(
                col(Postcode.postcode).in_(wanted[start : start + 5000]),
                col(Postcode.la_code).is_not(None),
            )
        )
        found.update((postcode, la_code) for postcode, la_code in rows if la_code is not None)
    return found
