"""Ranking: features in [0, 1], blended by hand-set weights (or any scorer you pass).

Features (all 1 = best):
- need_coverage: share of the person's needs the service is tagged with, as offered to this
  person (`offered.ranked_as_meeting`: a service for another time of life meets none of them),
  each need read from the words weighted by how surely it was read (session 40: the 41
  development suites 0.7532 -> 0.7549, the nine held out unchanged). 0 when the person has no
  needs (then it is the same for every service and does not change the order).
- text_relevance: TF-IDF cosine between the person's words and the service (textmodel.py).
- proximity: exp(-d / 8 km), so 1 km -> 0.88, 3 km -> 0.69, 10 km -> 0.29, 20 km -> 0.08 (a
  town's width still tells two services apart: with 3 km, a food bank 23 km away and one 4 km
  away scored nearly alike). Services that come to the person get fixed values: area-wide
  covering their area 0.6 (home visits / outreach, as good as a group about 4 km away), online or
  phone 0.5 (no journey, but for most social prescribing goals meeting people in person is part
  of the point; equal to about 5.5 km). A
  hybrid service gets the better of its distance and its fixed value. Unknown distance 0.2
  (we cannot promise it is near); no location for the person 0.5 for everyone (neutral). A venue
  in another authority than the person's (`service.over_the_border`) counts as 5 km further:
  services are commissioned and known borough by borough, and in session 50's 50 development
  suites a venue over the border was graded relevant half as often as one at the same distance
  inside it (10-15 km: 48 of 530 against 60 of 204). Mean nDCG@10 0.7585 -> 0.7609 with the same
  must-not services and gaps (3 km: 0.7601). Not in London, whose boroughs are a few kilometres
  wide and crossed daily: there it cost the East London suite 0.746 -> 0.723.
- timetable_fit: 1 when open on a day the person can do, 0.5 when the person gave no days or
  the service has no timetable (unknown), 0 when it is not (hard constraints exclude those).
- freshness: 1 if verified in the last 6 months, falling linearly to 0 at 3 years; never
  verified 0.2 (a little better than a listing we know is nearly 3 years stale).
- capacity: accepting with no wait or a wait up to 4 weeks 1.0; unknown 0.5; a wait over 4
  weeks 0.6 falling linearly to 0.3 at 16 weeks and beyond; 0.1 for a service that runs only part
  of the year outside its months (a warm space in July). (One not taking new referrals is set
  aside before ranking, constraints.check, since session 59: every blind judge put such a service
  among the must-nots.)
- circumstance_fit (fit.py): 1 when the service is meant for one of the person's groups (a
  veterans' club for a veteran, a dads' group for a dad), 0.75 for gender alone, else 0.5; 0.2
  when its needs name only another time of life (older people's befriending for a 17-year-old,
  a youth project for someone over 35: `fit.age_fit`), when its name says it is the other sex's
  (a men's shed for a woman, whoever its words welcome), when it is a community's own (an African
  Caribbean care group) and the person is not known to be of it, and when it is for a situation the person's
  words do not state ("people out of work", "older people" with no age given), which the link
  worker must check (`constraints.Check.unconfirmed`).
- preference_fit (fit.py): 0.5, up 0.25 for each stated preference the service suits ("evenings
  only" and it meets at 7pm), down 0.35 for each it goes against ("not one for coffee mornings").
- semantic: how close in meaning the service's own words are to the person's (the cosine of
  their sentence embeddings, retrieval's "_semantic"), scaled so cosine 0.1 (unrelated) -> 0
  and 0.6 (saying the same thing) -> 1. 0 for everyone when there are no words or no model.
- responsiveness: the share of our referrals the service accepted (referrals_accepted /
  referrals_answered on the search document); 0.5 (neutral) until it has answered 5, which is
  when the document first carries the figures.

DEFAULT_WEIGHTS and why:
- need_coverage 0.35: meeting the need the person came with is the point of the referral.
- text_relevance 0.20: the person's own words catch what coded needs miss, but are noisier.
- proximity 0.50: distance is the biggest practical barrier once the hard limit is applied. On
  the four development suites (Trafford, other Greater Manchester boroughs, Tees Valley, North
  East; 2026-12-01) weight 0.20 with 3 km gave mean nDCG@10 0.570 / 0.547 / 0.777 / 0.703, 0.40
  with 5 km 0.573 / 0.588 / 0.788 / 0.726, 0.50 with 8 km 0.582 / 0.598 / 0.785 / 0.727 (0.60
  with 6 km and 0.40 with 4 km were no better); with circumstance_fit 0.15 beside it (chosen)
  0.580 / 0.595 / 0.773 / 0.723. The unseen region was not run while choosing.
- freshness 0.10: stale listings are the top complaint; a referral to a closed group costs trust.
- capacity 0.10: a long waiting list defeats a referral made at a moment of need.
- timetable_fit 0.05: days are already a hard constraint, so this only separates "known to fit"
  from "times unknown".
- circumstance_fit 0.15: enough to lift a service made for this person's group over a general
  one at a similar distance (a veterans' breakfast 1.5 km away over a café 0.5 km away), not
  enough to beat one that meets more of the need. Raised from 0.10 with the proximity weight,
  which would otherwise have outweighed it.
- preference_fit 0.15: what the person said about how they want to take part ("not one for coffee
  mornings") should beat a few hundred metres.
- semantic 0.35: like text_relevance, the person's own words, but robust to wording ("cold
  flat" reaches "warm homes"); of 0.15, 0.25 and 0.35 on tests/relevance, 0.35 ranked best
  (mean nDCG@10 0.415, 0.447, 0.457; docs/embeddings.md).
- responsiveness 0.05: a service that turns most referrals away wastes the person's moment of
  readiness, but a few answers are a weak signal next to fit and distance, so it only separates
  otherwise close services (and is the same 0.5 for everyone until referrals accumulate).

Fitted to the judgments of 1,106 relevance scenarios (session 41: coordinate ascent on these
weights, a logistic and a gradient-boosted scorer, on 32 suites), the nine held-out suites moved by
+0.002 to +0.005 nDCG@10: the blend is on a plateau, so these stay (docs/understanding.md).

score = sum(w * f) / sum(w). `scorer` may be any callable taking a list of feature dicts and
returning one number per dict (e.g. a fitted scikit-learn model wrapped with FEATURE_NAMES),
so learned weights can replace these without touching the engine.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from .constraints import GENDERS, distance_exemption
from .fit import OTHER_AGE_FIT, age_fit, circumstance_fit, named_communities, preference_fit
from .offered import ranked_as_meeting
from .profile import Profile
from .service import out_of_season, over_the_border, own_authorities, service_days, verified_age_days
from .single_sex import named_for_the_other_sex
from .situations import for_another_community

FEATURE_NAMES = (
    "need_coverage",
    "text_relevance",
    "proximity",
    "timetable_fit",
    "freshness",
    "capacity",
    "circumstance_fit",
    "preference_fit",
    "semantic",
    "responsiveness",
)
DEFAULT_WEIGHTS: dict[str, float] = {
    "need_coverage": 0.35,
    "text_relevance": 0.20,
    "proximity": 0.50,
    "timetable_fit": 0.05,
    "freshness": 0.10,
    "capacity": 0.10,
    "circumstance_fit": 0.15,
    "preference_fit": 0.15,
    "semantic": 0.35,
    "responsiveness": 0.05,
}
Scorer = Callable[[list[dict[str, float]]], Sequence[float]]

DECAY_KM = 8.0
# A venue whose every site is over the person's authority border ranks as this much further away.
BORDER_KM = 5.0
EXEMPT_PROXIMITY = {"area_wide": 0.6, "online": 0.5, "phone": 0.5}
UNKNOWN_DISTANCE = 0.2
NO_PERSON_LOCATION = 0.5
FRESH_DAYS, STALE_DAYS, NEVER_VERIFIED = 182.0, 1095.0, 0.2
UNCONFIRMED_FIT = 0.2  # as for another time of life: a service that may not be for this person


def _clip(value: float) -> float:
    return 0.0 if value < 0 else 1.0 if value > 1 else float(value)


SEMANTIC_FLOOR, SEMANTIC_FULL = 0.1, 0.6


def semantic(service: dict[str, Any]) -> float:
    cosine = service.get("_semantic")
    if cosine is None:
        return 0.0
    return _clip((float(cosine) - SEMANTIC_FLOOR) / (SEMANTIC_FULL - SEMANTIC_FLOOR))


def need_coverage(
    needs: Sequence[str], service: dict[str, Any], sureness: Mapping[str, float] | None = None
) -> float:
    """`sureness`: how surely each need was read from the words (a need read at 0.99 counts for
    more than one read at 0.6 from an age); needs given outright count 1 each."""
    if not needs:
        return 0.0
    weight = {n: (sureness or {}).get(n, 1.0) for n in needs}
    return sum(weight[n] for n in needs if ranked_as_meeting(service, n)) / sum(weight.values())


def proximity(
    distance_km: float | None, exemption: str | None, person_located: bool, across_border: bool = False
) -> float:
    if not person_located:
        return NO_PERSON_LOCATION
    fixed = EXEMPT_PROXIMITY.get(exemption, 0.0) if exemption else 0.0
    if distance_km is None:
        return fixed if exemption else UNKNOWN_DISTANCE
    if across_border:
        distance_km += BORDER_KM
    return max(math.exp(-distance_km / DECAY_KM), fixed)


def timetable_fit(days: Iterable[str], service: dict[str, Any]) -> float:
    days = set(days)
    open_days = service_days(service)
    if not days or not open_days:
        return 0.5
    return 1.0 if days & set(open_days) else 0.0


def freshness(service: dict[str, Any], now: datetime) -> float:
    age = verified_age_days(service, now)
    if age is None:
        return NEVER_VERIFIED
    if age <= FRESH_DAYS:
        return 1.0
    return _clip(1.0 - (age - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS))


def capacity(service: dict[str, Any]) -> float:
    accepting = service.get("accepting_referrals")
    if accepting is False:
        return 0.1
    wait = service.get("wait_weeks")
    long_wait = None
    if isinstance(wait, (int, float)) and not isinstance(wait, bool) and wait > 4:
        long_wait = max(0.3, 0.6 - 0.3 * (wait - 4) / 12)
    if accepting is True:
        return long_wait if long_wait is not None else 1.0
    return min(0.5, long_wait) if long_wait is not None else 0.5


NEUTRAL_RESPONSIVENESS = 0.5


def responsiveness(service: dict[str, Any]) -> float:
    answered, accepted = service.get("referrals_answered"), service.get("referrals_accepted")
    if not answered or accepted is None:
        return NEUTRAL_RESPONSIVENESS
    return _clip(accepted / answered)


def features(
    profile: Profile,
    service: dict[str, Any],
    distance_km: float | None,
    text_score: float,
    now: datetime,
    *,
    needs: Sequence[str] | None = None,
    exemption: str | None = "auto",
    unconfirmed: bool = False,
    sureness: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """The ranking features for one allowed service. `needs` defaults to profile.needs
    (the engine passes inferred needs); `exemption` is the distance exemption ("online",
    "phone", "area_wide" or None), worked out here unless the caller already knows it;
    `unconfirmed`: the service is for a situation the person's words do not state (a check)."""
    needs = profile.needs if needs is None else needs
    if exemption == "auto":
        exemption = distance_exemption(profile, service)
    return {
        "need_coverage": need_coverage(needs, service, sureness),
        "text_relevance": _clip(text_score or 0.0),
        "proximity": proximity(
            distance_km,
            exemption,
            profile.has_location,
            over_the_border(service, own_authorities(profile.areas)) is not None,
        ),
        "timetable_fit": timetable_fit(profile.constraints.days, service),
        "freshness": freshness(service, now),
        # a service that runs part of the year takes nobody until its season comes round
        "capacity": 0.1 if out_of_season(service, now) else capacity(service),
        "circumstance_fit": min(_circumstances(profile, service), UNCONFIRMED_FIT if unconfirmed else 1.0),
        "preference_fit": preference_fit(profile.preferences, service).score,
        "semantic": semantic(service),
        "responsiveness": responsiveness(service),
    }


def _circumstances(profile: Profile, service: dict[str, Any]) -> float:
    fit = circumstance_fit(profile.audiences, service).score
    other_age = age_fit(profile.age, service)
    if for_another_community(named_communities(service), profile.audiences):
        # a community's own service (an African Caribbean care group, a South Asian women's
        # centre) for someone not known to be of it: still offered, as one whose heritage nobody
        # asked may be, but not first
        return min(fit, OTHER_AGE_FIT)
    sexes = GENDERS & set(profile.groups)
    if len(sexes) == 1 and named_for_the_other_sex(service, next(iter(sexes))):
        # a men's shed for a woman: open to her by its words, but not what she is handed first
        return min(fit, OTHER_AGE_FIT)
    return fit if other_age is None else min(fit, other_age)


def weighted_scorer(weights: Mapping[str, float] = DEFAULT_WEIGHTS) -> Scorer:
    total = sum(weights.values())
    if total <= 0:
        raise ValueError("weights must sum to more than 0")
    items = list(weights.items())

    def score(rows: list[dict[str, float]]) -> list[float]:
        return [sum(w * row.get(name, 0.0) for name, w in items) / total for row in rows]

    return score


default_scorer = weighted_scorer(DEFAULT_WEIGHTS)
