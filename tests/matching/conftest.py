"""Fixtures for the matching library: a small realistic taxonomy, a service factory, a clock.

Value fixtures: `taxonomy_data`, `taxonomy`, `now`, `home`; `reader`, the understanding step on the
shipped taxonomy and local authority and place tables (no trained need reader).
Helper: `oruk_record(description, organisation, **fields)`, one ORUK service record as a feed sends it.
Factory fixture: `make_service(**fields)` builds a service document (docs/service-document.md)
that passes every hard constraint unless a test overrides a field.
"""

from __future__ import annotations

import copy
import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from matching import NeedsTaxonomy
from matching.understanding import AreaLookup, Understander

SHIPPED = Path(__file__).resolve().parents[2] / "directory_app" / "data"

KM_PER_DEGREE_LAT = 111.195  # 2 * pi * 6371.009 / 360

# Sale, Trafford: where our person lives.
HOME = (53.4246, -2.3222)

TAXONOMY = {
    "needs": [
        {
            "code": "loneliness",
            "label": "Loneliness and isolation",
            "reach_km": 3.0,
            "description": "Feeling lonely or cut off.",
            "synonyms": [
                "lonely",
                "isolated",
                "isolation",
                "befriending",
                "hardly leaves the house",
                "doesn't go out",
                "no one to talk to",
                "lives alone",
                "men's shed",
                "lunch club",
                "coffee morning",
                "company",
                "make friends",
            ],
            "ukcat": ["AS105", "SW1"],
        },
        {
            "code": "bereavement",
            "label": "Bereavement",
            "reach_km": 10.0,
            "description": "Grief after a death.",
            "synonyms": [
                "grief",
                "grieving",
                "widow",
                "widower",
                "wife died",
                "husband died",
                "lost his wife",
                "lost her husband",
                "since his wife died",
                "passed away",
                "death of",
            ],
            "ukcat": ["SW103"],
        },
        {
            "code": "money_debt",
            "label": "Money and debt",
            "reach_km": 5.0,
            "description": "Debts and money worries.",
            "synonyms": [
                "debt",
                "debt advice",
                "can't pay the bills",
                "bailiffs",
                "arrears",
                "money worries",
                "skint",
            ],
            "ukcat": ["SW105"],
        },
        {
            "code": "mental_wellbeing",
            "label": "Mental wellbeing",
            "reach_km": 5.0,
            "description": "Low mood, anxiety, stress.",
            "synonyms": ["low mood", "anxiety", "anxious", "stress", "depressed", "panic attacks"],
            "ukcat": ["HE104"],
        },
        {
            "code": "arts_creativity",
            "label": "Arts and creativity",
            "reach_km": 5.0,
            "description": "Making things.",
            "synonyms": ["art", "painting", "craft", "choir", "singing"],
            "ukcat": ["AR"],
        },
        {
            "code": "physical_activity",
            "label": "Physical activity",
            "reach_km": 3.0,
            "description": "Moving more.",
            "synonyms": ["walking group", "exercise", "chair exercise", "swimming", "keep fit"],
            "ukcat": ["SP1"],
        },
    ],
    "eligibility_groups": [
        {"code": "carers", "label": "Carers"},
        {"code": "veterans", "label": "Veterans"},
        {"code": "women", "label": "Women"},
        {"code": "men", "label": "Men"},
    ],
}


def north_of(point, km):
    """A point `km` due north of `point` (great-circle distance is exactly `km`)."""
    return (point[0] + km / KM_PER_DEGREE_LAT, point[1])


def oruk_record(description: str, organisation: str = "A congregation", **fields) -> dict:
    """One active ORUK service record, for the understanding step to read."""
    return {
        "id": "s1",
        "name": fields.pop("name", "A service"),
        "status": "active",
        "organization": {"id": "o1", "name": organisation},
        "description": description,
        **fields,
    }


@pytest.fixture
def taxonomy_data():
    return copy.deepcopy(TAXONOMY)


@pytest.fixture
def taxonomy(taxonomy_data):
    return NeedsTaxonomy.from_dict(taxonomy_data)


@pytest.fixture
def now():
    return datetime(2026, 10, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def home():
    return HOME


@pytest.fixture
def make_service():
    counter = {"n": 0}

    def make(km=1.0, **fields):
        """An active, free, step-free, self-referral service `km` north of HOME (None = no
        coordinates), open Tuesdays, accepting, verified a month before `now`."""
        counter["n"] += 1
        n = counter["n"]
        service = {
            "id": f"svc-{n}",
            "name": f"Service {n}",
            "organization": "Trafford Voluntary Action",
            "description": "A friendly group.",
            "needs": ["loneliness"],
            "need_labels": ["Loneliness and isolation"],
            "taxonomy_terms": [],
            "status": "active",
            "minimum_age": None,
            "maximum_age": None,
            "cost_band": "free",
            "cost_text": "Free",
            "delivery": ["in_person"],
            "referral_routes": ["self"],
            "wheelchair": True,
            "eligibility": [],
            "area_wide": False,
            "service_area": [],
            "locations": [],
            "days": ["TU"],
            "schedules": [{"byday": ["TU"], "opens_at": "10:00", "closes_at": "12:00", "description": None}],
            "schedule_text": None,
            "accepting_referrals": True,
            "wait_weeks": None,
            "capacity_updated_at": "2026-10-01T00:00:00Z",
            "last_verified_at": "2026-09-15T00:00:00Z",
            "last_verified_ts": 0,
        }
        if km is not None:
            lat, lng = north_of(HOME, km)
            service["locations"] = [{"name": "Hall", "postcode": "M33 7ZZ", "lat": lat, "lng": lng}]
            service["_geo"] = {"lat": lat, "lng": lng}
        service.update(fields)
        return service

    return make


@pytest.fixture
def make_person():
    from matching import Constraints, Profile

    def make(located=True, **fields):
        """A Profile at HOME; constraint fields (free_only, days, ...) may be given flat."""
        names = set(Constraints.__dataclass_fields__)
        constraints = Constraints(**{k: fields.pop(k) for k in list(fields) if k in names})
        if located:
            fields.setdefault("lat", HOME[0])
            fields.setdefault("lng", HOME[1])
        return Profile(constraints=constraints, **fields)

    return make


@pytest.fixture
def person_from_words(make_person):
    """A Profile whose stated situations are read from its words, as the app reads them."""
    from matching.stated_situations import person_situations

    def make(goals: str, **fields):
        return make_person(
            goals=goals, situations=frozenset(s.code for s in person_situations(goals)), **fields
        )

    return make


@pytest.fixture(scope="session")
def reader() -> Understander:
    taxonomy = NeedsTaxonomy.from_dict(json.loads((SHIPPED / "needs_taxonomy.json").read_text()))

    def rows(name: str) -> list[dict]:
        with open(SHIPPED / "geo" / name, newline="") as handle:
            return list(csv.DictReader(handle))

    # as the app reads them (directory_app/directory/understanding.area_lookup)
    areas = AreaLookup(
        rows("local_authorities_england.csv"),
        rows("places_england.csv"),
        rows("place_centres.csv"),
        rows("local_areas.csv"),
        towns=rows("towns_england.csv"),
        ward_towns=rows("ward_towns_england.csv"),
    )
    return Understander(taxonomy, areas)


@pytest.fixture(scope="session")
def app_need_inferrer():
    """The need reader the app trains (directory_app/matchmaking/embeddings.py): the sentence model,
    the examples and the DEVELOPMENT part of every blind people set as shipped in the package (never
    a test statement). Trained through the app's own service, on the run's shared store of sentence
    vectors, so the suites that read needs with it and every app in this process share one reader."""
    from directory_app.matchmaking.embeddings import EmbeddingService
    from tests.conftest import shared_vector_store

    return EmbeddingService(True, Path(shared_vector_store())).need_inferrer()
