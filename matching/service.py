"""Reading facts out of a service document (docs/service-document.md), tolerant of gaps.

Documents come from several publishers' feeds, so any field may be missing or null; every
helper here says what a missing value means, once, so the rest of the library agrees.
"""
from __future__ import annotations

import math
from datetime import datetime, timezone

import numpy as np
from geopy.distance import EARTH_RADIUS  # mean Earth radius in km, the figure geopy itself uses

DAY_ORDER = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
REMOTE_MODES = ("online", "phone")


def delivery_modes(service: dict) -> frozenset[str]:
    """How the service is delivered. Unrecorded delivery means in person: most community
    groups meet somewhere, and assuming "online" would wrongly exempt them from distance."""
    modes = frozenset(service.get("delivery") or ())
    return modes or frozenset({"in_person"})


def remote_mode(service: dict) -> str | None:
    """"online" or "phone" when the service can be used without travelling, else None."""
    modes = delivery_modes(service)
    if "online" in modes:
        return "online"
    if "phone" in modes:
        return "phone"
    return None


def norm_area(code: str) -> str:
    return str(code).upper().replace(" ", "")


def covers_any(service: dict, areas) -> bool:
    """Whether an area-wide service covers one of `areas`. An empty service_area means it
    covers everywhere (national services are published without one)."""
    covered = service.get("service_area") or ()
    if not covered:
        return True
    wanted = {norm_area(a) for a in areas}
    return any(norm_area(a) in wanted for a in covered)


def valid_point(lat, lng) -> bool:
    try:
        lat, lng = float(lat), float(lng)
    except (TypeError, ValueError):
        return False
    if not (math.isfinite(lat) and math.isfinite(lng)):
        return False
    # (0, 0) is what a failed geocode looks like, not a community centre in the Gulf of Guinea.
    return -90 <= lat <= 90 and -180 <= lng <= 180 and not (lat == 0 and lng == 0)


def points(service: dict) -> list[tuple[float, float]]:
    """All usable (lat, lng) of the service's locations, falling back to `_geo`."""
    found = [(float(loc["lat"]), float(loc["lng"])) for loc in service.get("locations") or ()
             if valid_point(loc.get("lat"), loc.get("lng"))]
    if not found:
        geo = service.get("_geo") or {}
        if valid_point(geo.get("lat"), geo.get("lng")):
            found.append((float(geo["lat"]), float(geo["lng"])))
    return found


def haversine_km(lat1, lng1, lat2, lng2) -> np.ndarray:
    """Great-circle distance in km; every argument may be a scalar or an array (broadcast)."""
    lat1, lng1, lat2, lng2 = (np.radians(np.asarray(v, dtype=float)) for v in (lat1, lng1, lat2, lng2))
    a = (np.sin((lat2 - lat1) / 2) ** 2
         + np.cos(lat1) * np.cos(lat2) * np.sin((lng2 - lng1) / 2) ** 2)
    return 2 * EARTH_RADIUS * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def nearest_distances(lat: float | None, lng: float | None, services: list[dict]) -> list[float | None]:
    """Distance from the person to each service's nearest location; None when either end
    has no usable coordinates. One vectorised haversine over all locations of all services."""
    if lat is None or lng is None or not services:
        return [None] * len(services)
    owners, lats, lngs = [], [], []
    for i, service in enumerate(services):
        for plat, plng in points(service):
            owners.append(i)
            lats.append(plat)
            lngs.append(plng)
    best = np.full(len(services), np.inf)
    if owners:
        dist = haversine_km(lat, lng, np.array(lats), np.array(lngs))
        np.minimum.at(best, np.array(owners), dist)
    return [float(d) if math.isfinite(d) else None for d in best]


def service_days(service: dict) -> list[str]:
    """Structured opening days; [] when the service has no timetable."""
    days = set(service.get("days") or ())
    for schedule in service.get("schedules") or ():
        days.update(schedule.get("byday") or ())
    return [d for d in DAY_ORDER if d in days]


def parse_time(value) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def aware(now: datetime) -> datetime:
    return now if now.tzinfo else now.replace(tzinfo=timezone.utc)


def verified_age_days(service: dict, now: datetime) -> float | None:
    """Days since the listing was last verified; None when it never was."""
    ts = service.get("last_verified_ts")
    if isinstance(ts, (int, float)) and not isinstance(ts, bool) and ts > 0:
        return max(0.0, (aware(now).timestamp() - ts) / 86400.0)
    moment = parse_time(service.get("last_verified_at"))
    if moment is None:
        return None
    return max(0.0, (aware(now) - moment).total_seconds() / 86400.0)
