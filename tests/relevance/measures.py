"""Relevance measures shared by the directories' suites: nDCG@10, P@5, our own hard-constraint
check of every returned service, and gap recall.

The constraint check is deliberately written apart from matching/constraints.py: it reads
PRODUCT.md's rules against the database record, so a bug in the matcher's own checks shows here.
"""

from __future__ import annotations

import math
import re

K = 10


def dcg(gains: list[int]) -> float:
    return sum(g / math.log2(rank + 2) for rank, g in enumerate(gains[:K]))


def ndcg_at_k(ranked_external_ids: list[str], judgments: dict[str, int]) -> float:
    ideal = dcg(sorted(judgments.values(), reverse=True))
    if ideal == 0:
        return 0.0
    return dcg([judgments.get(e, 0) for e in ranked_external_ids]) / ideal


def haversine_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def violations(profile: dict, place: dict | None, doc: dict) -> list[str]:
    """Our own reading of PRODUCT.md's hard constraints, applied to one returned service."""
    constraints = {**profile, **(profile.get("constraints") or {})}
    out = []
    if doc["status"] != "active":
        out.append(f"status {doc['status']}")
    age = profile.get("age")
    if age is not None:
        if doc["minimum_age"] is not None and age < doc["minimum_age"]:
            out.append(f"age {age} under minimum {doc['minimum_age']}")
        if doc["maximum_age"] is not None and age > doc["maximum_age"]:
            out.append(f"age {age} over maximum {doc['maximum_age']}")
    delivery = set(doc["delivery"] or ["in_person"])
    wanted = constraints.get("delivery", "online_ok")
    if wanted == "online_only" and not delivery & {"online", "phone"}:
        out.append("in person only, but the person wants online or phone")
    if wanted == "in_person" and "in_person" not in delivery:
        out.append("no in-person option")
    if constraints.get("free_only") and doc["cost_band"] in ("low_cost", "paid"):
        out.append(f"cost {doc['cost_band']} when free only")
    in_person = "in_person" in delivery and wanted != "online_only"
    if constraints.get("wheelchair") and in_person and doc["wheelchair"] is False:
        out.append("no wheelchair access")
    days = set(constraints.get("days") or ())
    if days and doc["days"] and not days & set(doc["days"]):
        out.append(f"open {doc['days']}, person can do {sorted(days)}")
    residency = set(doc.get("residency") or ())
    # A postcode whose authority is unknown may lie in any its district spans: only a limit to
    # none of them is known to be broken.
    mine = set(place.get("areas") or ()) | set(place.get("possible_areas") or ()) if place else set()
    if (
        residency
        and place is not None
        and not (residency & mine or any(_lives_in(place, entry) for entry in residency))
    ):
        out.append(f"only for residents of {sorted(residency)}")
    eligibility = set(doc["eligibility"] or ())
    person = set(profile.get("circumstances") or ()) | stated_conditions(profile.get("goals") or "", age)
    if "pregnant_new_parents" in person:  # an expectant or new parent's household has a child in it
        person.add("families")
    if age is not None and age < 16:  # a 13-year-old who minds his little sister is the child
        person.discard("families")
    genders, others = eligibility & {"men", "women"}, eligibility - {"men", "women"}
    if (genders and not genders & person) or (others and not others & person):
        out.append(f"only for {sorted(eligibility)}")
    limit = constraints.get("max_distance_km")
    if limit is not None and place is not None and "in_person" in delivery:
        areas = {a for a in (place.get("la_code"), place.get("district")) if a}
        remote = wanted != "in_person" and delivery & {"online", "phone"}
        # a service area is stored as the publisher named it ("South Tyneside"); its code is in residency
        covers = doc["area_wide"] and (
            not doc["service_area"] or areas & (set(doc["service_area"]) | residency)
        )
        if not (remote or covers):
            points = [(loc["lat"], loc["lng"]) for loc in doc["locations"] if "lat" in loc]
            if not points:
                out.append("no location to measure distance to")
            else:
                nearest = min(haversine_km(place["lat"], place["lng"], lat, lng) for lat, lng in points)
                if nearest > limit:
                    out.append(f"{nearest:.1f} km away, limit {limit} km")
    return out


# A limit to a neighbourhood or town is stored as a circle: "place:E08000010:Leigh@53.49594,-2.51906,4.4"
_PLACE = re.compile(r"^place:([^:]*):.+@(-?[\d.]+),(-?[\d.]+),([\d.]+)(?:\|([A-Z0-9 ]+))?$")


def _lives_in(place: dict, entry: str) -> bool:
    """Inside a place limit: its postcode districts when it lists them (a former district such as
    "Wansbeck"), else its circle on its own council's side of a border ("Middleton only" is not
    for a street in Oldham)."""
    circle = _PLACE.match(entry)
    if not circle:
        return False
    authority, districts = circle.group(1), circle.group(5)
    if districts and place.get("district"):
        return place["district"] in districts.split()
    if place.get("lat") is None:
        return False
    councils = set(place.get("areas") or ()) | {place.get("la_code")}
    if authority and place.get("la_code") and authority not in councils:
        return False
    lat, lng, km = (float(g) for g in circle.groups()[1:4])
    return haversine_km(place["lat"], place["lng"], lat, lng) <= km


# A service for people with a condition is open to someone whose own words state that condition
# (nobody ticks "disabled" for a registered-blind man); identity groups count only when ticked.
_CONDITIONS = {
    "deaf_bsl": re.compile(
        r"\b(deaf|bsl|hard of hearing|hearing loss|losing (his|her|their) hearing)\b", re.I
    ),
    "people_with_disabilities": re.compile(
        r"\b(disab\w*|blind|sight|wheelchair|learning difficult\w*|"
        r"hearing loss|losing (his|her|their) hearing|amputee)\b",
        re.I,
    ),
    "people_with_dementia": re.compile(r"\b(dementia|alzheimer)", re.I),
}


# A family's service is for a parent or carer of a child at home: the words give a child's age
# under 16 beside the child ("kids 3 & 8", "grandson (6)"), or a baby or toddler, or free school
# meals; or a parent of 50 or under says "single mum", "mum of 2" or "3 kids". (The check's own
# reading, kept simple; the matcher's is matching.household.)
_CHILD_AT_HOME = re.compile(
    r"\b(?:kids?|children|son|daughter|grandson|granddaughter|girl|boy|lad|lass)\b(?:'s|\s+is)?\W{0,4}\(?(?:[1-9]|1[0-5])\b"
    r"(?!\s*(?:stone|st|kg|km|miles?))|\b(?:toddler|newborn|free school meals)\b|\b(?:\d|two|three|four) (?:kids|children) at home\b",
    re.I,
)


_PARENT_OF = re.compile(
    r"\b(?:single (?:mum|mam|dad|parent)|(?:mum|mam|dad) of (?:\d|two|three|four)|"
    r"(?:\d|two|three|four) (?:kids|children))\b",
    re.I,
)


def stated_conditions(goals: str, age: int | None = None) -> set[str]:
    stated = {group for group, pattern in _CONDITIONS.items() if pattern.search(goals)}
    if _CHILD_AT_HOME.search(goals) or (_PARENT_OF.search(goals) and (age is None or age <= 50)):
        stated.add("families")
    return stated


def precision_at(ranked_external_ids: list[str], judgments: dict[str, int], k: int = 5) -> float:
    """Share of the first k places holding a service judged relevant (grade 1 or more)."""
    return sum(1 for e in ranked_external_ids[:k] if judgments.get(e, 0) > 0) / k


def best_precision_at(judgments: dict[str, int], k: int = 5) -> float:
    return min(k, sum(1 for g in judgments.values() if g > 0)) / k


def gap_flagged(result: dict, gap: dict) -> bool:
    """Whether the answer says the scenario's unmet need out loud."""
    return any(u["need"] == gap["need"] for u in result.get("unmet_needs") or ())
