"""The app's one Understander: taxonomy, England's local authorities and a need classifier trained
on the development part of the blind labels (never the test part) plus the taxonomy's own words.

Built once per process and shared; records.py and the importer call ``understand_records``.
"""

from __future__ import annotations

import csv
import json
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from matching import situations
from matching.exclusions import BY_EXCLUSION
from matching.understanding import AreaLookup, Understander
from matching.understanding.places import residency_entries, residency_words
from matching.understanding.season import read_season, season_words
from matching.understanding.turned_away import area_entry

from .. import fitted_models
from ..data import DATA_DIR
from ..needs import taxonomy
from ..vocabulary import DAYS
from .oruk import DECLARED, DECLARED_AGES, KEYS, service_to_oruk

# The development parts of the blind labelled sets and the North East development region, which has
# no test part (seed_data/eval/labelled.py copies them here; never a test part, never the unseen
# region): the records as published and their needs.
TRAINING_SERVICES = DATA_DIR / "training" / "services.jsonl"


@lru_cache(maxsize=1)
def areas() -> AreaLookup:
    return area_lookup(DATA_DIR / "geo")


def area_lookup(geo: Path) -> AreaLookup:
    """Authorities, wards' places and their centres, towns no ward names (towns_england.csv: each
    both a place and its centre), towns a ward names (ward_towns_england.csv), and former
    districts, from the shipped tables in `geo`."""

    def rows(name: str) -> list[dict]:
        with open(geo / name, newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    return AreaLookup(
        rows("local_authorities_england.csv"),
        rows("places_england.csv"),
        rows("place_centres.csv"),
        rows("local_areas.csv"),
        towns=rows("towns_england.csv"),
        ward_towns=rows("ward_towns_england.csv"),
    )


def development_examples(path: Path = TRAINING_SERVICES) -> list[tuple[dict, list[str]]]:
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["record"], row["needs"]) for row in rows]


@lru_cache(maxsize=1)
def understander() -> Understander:
    examples = development_examples()
    if not examples:  # without the training file: phrases only, which the text must contain
        return Understander(taxonomy(), areas())
    return Understander.trained(taxonomy(), examples, areas(), fitter=fitted_models.fitted)


def understand_records(records: list[dict]) -> list:
    """Understand a batch of plain service records (any import shape); one Understanding each."""
    return understander().understand_many(records)


_feed = threading.local()


@contextmanager
def whole_feed(items: list[dict]):
    """Read every batch of an import as part of `items`, the whole feed. Which local terms a
    publisher ticks too loosely to read is a fact of the feed; found batch by batch, it depended
    on where the batches fell, which the job sizes by time, so one record could read differently
    from one import to the next."""
    previous = getattr(_feed, "loose", None)
    _feed.loose = understander().loose_terms(items)
    try:
        yield
    finally:
        _feed.loose = previous


# --- on the service: what the publisher said, what was understood, what a curator chose ---------

# Kept in Service.understanding beside what was understood (not in ``extra``, which ORUK exports):
# DECLARED (oruk.py): the record's own structured values for these fields, as first given
DECLARED_NEEDS = "declared_needs"  # needs a feed listed itself (CSV ``needs``): they win
# the local terms the service's feed ticked too loosely to read (Understander.loose_terms), as
# [vocabulary, name] pairs: a later reading of the service leaves them unread too
LOOSE_TERMS = "loose_terms"
# Flat input fields (forms, CSV) that the understanding step fills and a curator may override.
CURATABLE = (
    "needs",
    "minimum_age",
    "maximum_age",
    "eligibility",
    "situations",
    "delivery",
    "area_wide",
    "cost",
    "wheelchair",
    "residency",
    "season",
)


def _given(value) -> bool:
    return value not in (None, "", [], "unknown")


def declare_from_input(service, data) -> None:
    """A new record's own structured values (CSV row, curator's form): evidence for understanding."""
    values = data.model_dump()
    declared = {key: values[key] for key in CURATABLE if key != "needs" and _given(values.get(key))}
    if values.get("service_area"):
        declared["service_area"] = list(values["service_area"])
    if "residency" in declared:
        declared["residency"] = residency_codes(declared["residency"])
    if isinstance(declared.get("area_wide"), bool):
        declared["area_wide"] = "yes" if declared["area_wide"] else "no"
    if isinstance(declared.get("wheelchair"), bool):
        declared["wheelchair"] = "yes" if declared["wheelchair"] else "no"
    _keep(service, DECLARED, declared)


def _keep(service, key: str, value) -> None:
    service.understanding = {**(service.understanding or {}), key: value}


def declare_from_oruk(service) -> None:
    """Ages an ORUK feed itself sent (its property list says which), before ours overwrite them."""
    sent = set((service.extra or {}).get(KEYS) or ())
    declared = {
        key: getattr(service, key)
        for key in DECLARED_AGES
        if key in sent and getattr(service, key) is not None
    }
    _keep(service, DECLARED, declared)
    _keep(service, DECLARED_NEEDS, [])


def note_curator_changes(service, data, previous: dict) -> None:
    """A curator's edit: every understood field whose value they changed becomes theirs.

    ``previous`` is the flat view before the edit, so a value sent back unchanged stays automatic
    (it may still change when the text does); needs sent empty mean "work them out again"."""
    values = data.model_dump()
    curated = dict(service.curated or {})
    for key in CURATABLE:
        new, old = values.get(key), previous.get(key)
        if key == "needs":
            if new:
                if list(new) != list(old or []) or "needs" in curated:
                    curated["needs"] = list(new)
            else:
                curated.pop("needs", None)
        elif key == "residency":
            if not same_residency_words(new, old):
                curated["residency"] = residency_codes(new or [])  # empty: open to people anywhere
        elif key == "season":
            months = read_season(new or "") or []  # empty: runs all year
            if months != (read_season(old or "") or []):
                curated["season"] = months
        elif _norm(new) != _norm(old):
            curated[key] = new
    service.curated = curated


def residency_codes(words: list[str]) -> list[str]:
    """A residency list as typed ("Salford; Saddleworth (Oldham); OL3") as the entries matching
    reads; the input's validator has already refused words that cannot be placed."""
    return list(dict.fromkeys(entry for item in words for entry in residency_entries(areas(), item)))


def unplaced_residency(words: list[str]) -> list[str]:
    """The items of a typed residency list that name no council, place or postcode district we know."""
    return [item for item in words if not residency_entries(areas(), item)]


def residency_as_words(service) -> list[str]:
    return [residency_words(areas(), entry) for entry in service.residency or []]


def same_residency_words(new, old) -> bool:
    """Whether a residency list came back as it was shown (case, spacing and order aside): it is
    then neither read again nor made the curator's."""

    def key(words):
        return _norm([" ".join(str(word).split()).lower() for word in words or []])

    return key(new) == key(old)


def _norm(value):
    if value in (None, "", []):
        return None
    return sorted(value) if isinstance(value, list) else value


def understanding_input(service) -> dict:
    """The record as the understanding step reads it: the ORUK object without our own derived
    values (which would otherwise be read back as the publisher's), plus what the publisher said."""
    data = service_to_oruk(service)
    for key in ("minimum_age", "maximum_age"):
        data.pop(key, None)
    declared = dict((service.understanding or {}).get(DECLARED) or {})
    data.update({k: declared[k] for k in DECLARED_AGES if k in declared})
    data["declared"] = declared
    # A feed that gives no coordinates keeps none in its export, but the venue's own postcode,
    # where we hold it, says exactly where it is: a limit to "the village" is drawn around it.
    # (an export that keeps a feed's own keys leaves out a venue list the feed never sent)
    for link, sent in zip(service.service_at_locations, data.get("service_at_locations") or [], strict=False):
        location, published = link.location, sent.get("location") or {}
        if (
            published.get("latitude") is None
            and location.latitude is not None
            and not location.geo_approximate
        ):
            published.update(latitude=location.latitude, longitude=location.longitude)
    data["taxonomy_terms"] = list(service.taxonomy_codes or [])
    data["schedule_description"] = service.schedule_text
    return data


def apply_understanding(service, understood) -> None:
    """Store what was understood (with its evidence) and set the service's values from it,
    except where a curator chose a value, or the publisher listed needs: those win."""
    summary = understood.summary()
    kept = {
        k: v for k, v in (service.understanding or {}).items() if k in (DECLARED, DECLARED_NEEDS, LOOSE_TERMS)
    }
    service.understanding = {**understood.to_dict(), **kept}
    _add_declared_situations(service)
    curated = service.curated or {}
    declared_needs = kept.get(DECLARED_NEEDS)
    values = {
        "needs": summary["needs"],
        "minimum_age": summary["min_age"],
        "maximum_age": summary["max_age"],
        "eligibility": summary["groups"],
        "delivery": summary["delivery"],
        "area_wide": summary["area_wide"],
        "cost": summary["cost"],
        "wheelchair": summary["wheelchair"],
        "residency": summary["residency"],
    }
    if declared_needs:
        values["needs"] = list(declared_needs)
    for key in CURATABLE:
        if key in curated:
            values[key] = curated[key]
    service.needs = list(values["needs"] or [])
    service.needs_overridden = "needs" in curated or bool(declared_needs)
    service.minimum_age, service.maximum_age = values["minimum_age"], values["maximum_age"]
    service.eligibility = list(values["eligibility"] or [])
    service.delivery = list(values["delivery"] or [])
    service.area_wide = bool(values["area_wide"])
    service.cost_band = values["cost"] or "unknown"
    wheelchair = values["wheelchair"]
    if isinstance(wheelchair, bool):
        wheelchair = "yes" if wheelchair else "no"
    service.wheelchair = wheelchair or "unknown"
    service.residency = list(values["residency"] or [])
    # The search document and the flat view read step-free access from the location.
    for link in service.service_at_locations:
        if service.wheelchair != "unknown" and ("wheelchair" in curated or link.location.wheelchair is None):
            link.location.wheelchair = service.wheelchair == "yes"


def _add_declared_situations(service) -> None:
    """Situations the record's own fields list (a CSV column, a new record's form) count as read,
    beside those read from its words, as the groups it lists do."""
    stored = service.understanding
    declared = [
        code for code in (stored.get(DECLARED) or {}).get("situations") or [] if code in situations.BY_CODE
    ]
    found = list(stored.get("situations") or [])
    have = {item.get("value") for item in found if isinstance(item, dict)}
    found += [
        {"value": code, "confidence": 0.95, "source": "situations", "evidence": ", ".join(declared)}
        for code in declared
        if code not in have
    ]
    service.understanding = {**stored, "situations": found}


def situation_codes(service) -> list[str]:
    """The situations the service is restricted to: the curator's list when they set one (empty
    means open to all situations), else those last read from the record."""
    curated = service.curated or {}
    if "situations" in curated:
        return [code for code in curated["situations"] or [] if code in situations.BY_CODE]
    found = (service.understanding or {}).get("situations") or []
    return [
        item["value"] for item in found if isinstance(item, dict) and item.get("value") in situations.BY_CODE
    ]


def works_in_codes(service) -> list[str]:
    """Where the organisation says it works, as last understood: the reach of its phone line or
    outreach when the record states no area (matching.service.reaches)."""
    found = (service.understanding or {}).get("works_in") or []
    return [str(item["value"]) for item in found if isinstance(item, dict) and item.get("value")]


def residency_said(service) -> bool:
    """Whether who may come by where they live is said in words ("Lambeth residents only", or a
    curator's list), not only by a council stamped on the record's service area, which often says
    where a venue is more than who may come."""
    if "residency" in (service.curated or {}):
        return bool(service.curated["residency"])
    found = (service.understanding or {}).get("residency") or []
    return any(isinstance(item, dict) and item.get("source") not in (None, "service_areas") for item in found)


def says_closed(service) -> bool:
    """Whether the record's words say the service has stopped ("Closed - funding ended") while its
    status is still active: matching holds it back, and the curator's page shows the words."""
    found = (service.understanding or {}).get("closed")
    return bool(isinstance(found, dict) and found.get("value"))


def capacity_said(service) -> tuple[bool | None, float | None]:
    """(accepting referrals, weeks' wait) as the record's words say them ("Red – closed to new
    referrals until April 2027"), as last understood; (None, None) when they say neither."""
    found = (service.understanding or {}).get("capacity")
    said = found.get("value") if isinstance(found, dict) else None
    if not isinstance(said, dict):
        return None, None
    return said.get("accepting"), said.get("wait_weeks")


def exclusion_codes(service) -> list[str]:
    """Whom the service's exclusion criteria turn away, as last understood: exclusion codes, and
    "area:<residency entry>" for a place it turns away by where people live."""
    found = (service.understanding or {}).get("exclusions") or []
    return [
        item["value"]
        for item in found
        if isinstance(item, dict)
        and (item.get("value") in BY_EXCLUSION or area_entry(item.get("value")) is not None)
    ]


def time_windows(service) -> dict | None:
    """How long after a death, a release from prison or losing work the service takes people, as
    last understood: {"death": {"min_weeks": 6.0, "max_weeks": None}}."""
    found = (service.understanding or {}).get("time_windows")
    value = found.get("value") if isinstance(found, dict) else None
    return value if isinstance(value, dict) else None


def practice_limit(service) -> dict[str, Any] | None:
    """The one GP practice whose patients alone may use the service, as last understood:
    {"name": "Carlisle Healthcare", "words": ["carlisle"]}."""
    found = (service.understanding or {}).get("practice")
    value = found.get("value") if isinstance(found, dict) else None
    if not isinstance(value, dict) or not value.get("words"):
        return None
    return {"name": str(value.get("name") or ""), "words": [str(w) for w in value["words"]]}


def runs_until(service) -> str | None:
    """The last day of a course or programme that runs once between dated days, as last
    understood (ISO date); matching holds it back once that day has passed."""
    found = (service.understanding or {}).get("runs_until")
    value = found.get("value") if isinstance(found, dict) else None
    return value if isinstance(value, str) else None


def season_months(service) -> list[int] | None:
    """The months of the year the service runs when it runs only part of it (a warm space from
    November to March), as a curator set them or as last understood; None when it runs all year."""
    if "season" in (service.curated or {}):
        return list(service.curated["season"]) or None
    found = (service.understanding or {}).get("season")
    value = found.get("value") if isinstance(found, dict) else None
    months = value.get("months") if isinstance(value, dict) else None
    if not isinstance(months, list):
        return None
    return [m for m in months if isinstance(m, int) and 1 <= m <= 12] or None


def season_as_words(service) -> str | None:
    """The season as the service form shows it ("April to October"); None when it runs all year."""
    months = season_months(service)
    return season_words(months) if months else None


def _understood_schedules(service) -> list[tuple[list[str], dict[str, Any]]]:
    """Each schedule read from the record's words: its days (our codes) and the reading itself."""
    out: list[tuple[list[str], dict[str, Any]]] = []
    for item in (service.understanding or {}).get("schedule") or []:
        value = item.get("value") if isinstance(item, dict) else None
        if isinstance(value, dict):
            days = [d.get("day") for d in value.get("days") or [] if isinstance(d, dict)]
            out.append(([d for d in days if d in DAYS], value))
    return out


def understood_hours(service) -> list[dict[str, Any]]:
    """Opening times read from the record's words ("Mon-Tue 10-4.") when it gives none in a
    schedule: a helpline open 10 till 4 is not open in the evening, whatever it leaves unsaid."""
    return [
        {"byday": days, "opens_at": value.get("opens_at"), "closes_at": value.get("closes_at")}
        for days, value in _understood_schedules(service)
        if value.get("opens_at") or value.get("closes_at")
    ]


def understood_days(service) -> list[str]:
    """Days read from the record's words ("Mondays, 2pm" in a schedule's description) when it has
    no structured ones: without them a person who can only come at weekends is offered it."""
    return list(dict.fromkeys(day for days, _ in _understood_schedules(service) for day in days))


def understand_services(services: list) -> None:
    """Understand and apply a batch (an import batch): the classifier scores them together. Read
    again later (a curator's edit, a new reader), a service's terms are weighed as they were in
    the feed it came in, not as one record alone would have them."""
    if not services:
        return
    feed = getattr(_feed, "loose", None)
    loose = feed
    if feed is None and any(LOOSE_TERMS in (s.understanding or {}) for s in services):
        loose = frozenset(tuple(t) for s in services for t in (s.understanding or {}).get(LOOSE_TERMS, ()))
    readings = understander().understand_many([understanding_input(s) for s in services], loose)
    for service, understood in zip(services, readings, strict=True):
        apply_understanding(service, understood)
        if feed is not None:
            service.understanding = {**service.understanding, LOOSE_TERMS: sorted(map(list, feed))}


_deferred = threading.local()


@contextmanager
def deferred():
    """Collect the services ``understand_service`` is asked about instead of understanding each at
    once; the caller (an import batch) passes those that landed to ``understand_services``."""
    previous = getattr(_deferred, "services", None)
    _deferred.services = []
    try:
        yield _deferred.services
    finally:
        _deferred.services = previous


def understand_service(service) -> None:
    pending = getattr(_deferred, "services", None)
    if pending is not None:
        pending.append(service)
        return
    understand_services([service])


def apply_curated_values(service, values: dict) -> None:
    """Set curator values (field -> value, fields from CURATABLE) and re-apply the understanding.
    The search index follows through the outbox like any other change."""
    unknown = [key for key in values if key not in CURATABLE]
    if unknown:
        raise ValueError(f"not a curatable field: {', '.join(unknown)}")
    service.curated = {**(service.curated or {}), **values}
    understand_service(service)


# --- for the curator's page: what was understood and why -------------------------------------------

_ROWS = [
    ("needs", "Needs", "needs"),
    ("min_age", "Minimum age", "minimum_age"),
    ("max_age", "Maximum age", "maximum_age"),
    ("groups", "Only for", "eligibility"),
    ("situations", "Only for people in this situation", "situations"),
    ("residency", "Only for residents of", "residency"),
    ("delivery", "Delivered", "delivery"),
    ("area_wide", "Covers a whole area", "area_wide"),
    ("cost", "Cost", "cost"),
    ("wheelchair", "Wheelchair access", "wheelchair"),
    ("capacity", "Capacity", None),
    ("closed", "Says it is not running", None),
    ("time_windows", "Time since an event", None),
    ("season", "Runs only part of the year", "season"),
    ("exclusions", "Not for", None),
    ("practice", "Only for patients of", None),
]


_AFTER = {"death": "a death", "release": "release from prison", "out_of_work": "losing work"}


def _window_words(event: str, window) -> str:
    if not isinstance(window, dict):
        return ""
    parts = []
    if window.get("min_weeks") is not None:
        parts.append(f"from {window['min_weeks']:g} weeks")
    if window.get("max_weeks") is not None:
        parts.append(f"up to {window['max_weeks']:g} weeks")
    return f"{' and '.join(parts)} after {_AFTER.get(event, event)}" if parts else ""


def _words(key: str, value) -> str:
    if value is None or value == []:
        return "not stated"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_words(key, v) for v in value)
    if key == "needs":
        return taxonomy().label(value)
    if key == "residency":
        return areas().name(value)
    if key == "situations":
        return situations.label(value)
    if key == "exclusions" and value in BY_EXCLUSION:
        return BY_EXCLUSION[value].label
    if key == "exclusions" and (entry := area_entry(value)) is not None:
        return "people living in " + areas().name(entry)
    if key == "time_windows" and isinstance(value, dict):
        return "; ".join(_window_words(event, window) for event, window in value.items()) or "not stated"
    if key == "season" and isinstance(value, dict):
        return season_words(value.get("months") or [])
    if key == "practice" and isinstance(value, dict):
        return str(value.get("name") or "")
    if key == "capacity" and isinstance(value, dict):
        accepting: dict[object, str] = {True: "accepting referrals", False: "not accepting referrals"}
        parts = [accepting.get(value.get("accepting"), "")]
        if value.get("wait_weeks") is not None:
            parts.append(f"wait about {value['wait_weeks']:g} weeks")
        return "; ".join(p for p in parts if p) or "not stated"
    return str(value).replace("_", " ")


def _curated_words(key: str, value) -> str:
    # A curator's empty list is a choice ("this service is for anyone"), not a gap in the record.
    if key == "situations" and not value:
        return "none: open to people in any situation"
    if key == "residency" and not value:
        return "none: open to people living anywhere"
    if key == "season":
        return season_words(value) if value else "none: runs all year"
    return _words(key, value)


def curator_rows(service) -> list[dict]:
    """One row per understood field: the value read, how sure, the evidence, and the curator's value
    when they chose one (which is the one in use)."""
    stored = service.understanding or {}
    curated = service.curated or {}
    rows = []
    for key, label, curated_key in _ROWS:
        found = stored.get(key)
        items = found if isinstance(found, list) else ([found] if found else [])
        items = [
            i
            for i in items
            if i and i.get("value") not in (None, "unknown", False) or key == "area_wide" and i
        ]
        rows.append(
            {
                "label": label,
                "understood": _words(
                    key,
                    [i["value"] for i in items]
                    if isinstance(found, list)
                    else (items[0]["value"] if items else None),
                ),
                "evidence": [
                    {
                        "value": _words(key, i["value"]),
                        "confidence": i.get("confidence"),
                        "source": (i.get("source") or "").replace("_", " "),
                        "words": i.get("evidence") or "",
                    }
                    for i in items
                    if i.get("source")
                ],
                "curated": _curated_words(key, curated[curated_key])
                if curated_key and curated_key in curated
                else None,
            }
        )
    return rows
