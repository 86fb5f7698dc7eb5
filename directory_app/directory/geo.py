"""Offline geography: postcode normalisation, lookup with district fallback, distances.

An unknown but well-formed unit postcode falls back to its district centroid and is flagged
approximate, so a new-build estate still gets a sensible distance.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from geopy.distance import geodesic
from sqlalchemy import delete
from sqlmodel import Session

from ..errors import ValidationError
from ..models import Postcode, PostcodeDistrict

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

    def as_dict(self) -> dict:
        return {"postcode": self.postcode, "lat": self.lat, "lng": self.lng,
                "approximate": self.approximate, "district": self.district,
                "lsoa21cd": self.lsoa21cd, "ward_code": self.ward_code, "la_code": self.la_code}


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
        raise ValidationError(f"'{raw}' is not a UK postcode.",
                              {field: "Enter a full UK postcode such as M33 7ZZ, or a district such as M33."})
    if " " in postcode:
        row = session.get(Postcode, postcode)
        if row is not None:
            return Place(postcode, row.latitude, row.longitude, False, outcode(postcode),
                         row.lsoa21cd, row.ward_code, row.la_code)
        located = _online_geocode(postcode)
        if located is not None:
            return Place(postcode, located[0], located[1], False, outcode(postcode))
    district = session.get(PostcodeDistrict, outcode(postcode))
    if district is None:
        raise ValidationError(f"Postcode {postcode} is not known.",
                              {field: f"We do not know where {postcode} is. Check it, or try the district (e.g. M33)."})
    return Place(postcode, district.latitude, district.longitude, True, outcode(postcode))


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


def import_postcodes(session: Session, path: Path, progress=None) -> int:
    """Load unit postcodes from an ONSPD CSV or any CSV with postcode, latitude, longitude columns.

    Reads the whole file before writing, and writes in one transaction: a bad file changes nothing.
    """
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if not header:
            raise ValidationError(f"{path.name} is empty.")
        pc = _column(header, "postcode", "pcds", "pcd")
        lat = _column(header, "latitude", "lat")
        lng = _column(header, "longitude", "long", "lng", "lon")
        if pc is None or lat is None or lng is None:
            raise ValidationError(f"{path.name} needs postcode, latitude and longitude columns; found {', '.join(header)}.")
        lsoa = _column(header, "lsoa21cd", "lsoa21", "lsoa_code", "lsoa11")
        ward = _column(header, "ward_code", "osward", "wd22cd")
        ward_name = _column(header, "ward_name")
        la = _column(header, "la_code", "oslaua", "lad22cd")
        rows = {}
        for number, record in enumerate(reader, start=2):
            postcode = normalise_postcode(record[pc]) if len(record) > pc else None
            if postcode is None or " " not in postcode:
                raise ValidationError(f"{path.name} line {number}: '{record[pc] if len(record) > pc else ''}' is not a unit postcode.")
            try:
                latitude, longitude = float(record[lat]), float(record[lng])
            except (ValueError, IndexError):
                raise ValidationError(f"{path.name} line {number}: latitude/longitude are not numbers.") from None
            if not (49 <= latitude <= 61 and -9 <= longitude <= 2.5):
                # ONSPD marks postcodes without a grid reference with 99.999999; skip those.
                continue

            def cell(index):
                return (record[index].strip() or None) if index is not None and index < len(record) else None

            rows[postcode] = Postcode(postcode=postcode, latitude=latitude, longitude=longitude,
                                      lsoa21cd=cell(lsoa), ward_code=cell(ward), ward_name=cell(ward_name),
                                      la_code=cell(la))
    # Replace rather than merge row by row: one DELETE per chunk keeps a 100k-row load quick.
    keys = list(rows)
    for start in range(0, len(keys), 5000):
        session.exec(delete(Postcode).where(Postcode.postcode.in_(keys[start:start + 5000])))
    for count, row in enumerate(rows.values(), start=1):
        session.add(row)
        if progress and count % 5000 == 0:
            progress(count, len(rows))
    session.commit()
    return len(rows)


def import_districts(session: Session, rows: Iterable[tuple[str, float, float]]) -> int:
    count = 0
    for code, lat, lng in rows:
        session.merge(PostcodeDistrict(outcode=code, latitude=lat, longitude=lng))
        count += 1
    session.commit()
    return count
