"""match(): from a person's profile and candidate services to a short, explained list.

1. Needs: the ones given, else those inferred from the person's words (strongest first).
2. Distance from the person to each candidate's nearest location (one vectorised haversine).
3. Hard constraints (constraints.py) drop services; every reason is counted in "excluded". A
   service listed twice (twins.py) is held to what either listing says about who may use it.
4. Relevance: when the person has needs, a service must meet one of them or fit their words
   (text_relevance >= MIN_TEXT_RELEVANCE); with only words, it must fit them somewhat.
5. Score (rank.py), sort by score, then distance, then name (for a child, what takes children first).
6. Keep `limit` matches, reserving a place for the best service for each need, so a need is
   only reported unmet when nothing suitable exists, not because it ranked 11th.
7. Say out loud which needs no match meets, and why (unmet.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from . import explain
from .addictions import ADDICTION_NEEDS, addictions_named
from .children import is_child, takes_children
from .constraints import Check, check
from .crisis import in_crisis
from .fit import GROUP_SEARCH_WORDS, audience, circumstance_fit, named_communities, preference_fit
from .offered import ANOTHER_ADDICTION, ANOTHER_PROBLEM, as_offered, offers
from .person import with_words_read
from .profile import Profile
from .rank import Scorer, default_scorer, features
from .requirements import PEERS_PREFIX, SPECIFIC, meets_requirement, requirements, unmet_in_reach
from .service import aware, nearest_distances, over_the_border, own_authorities
from .situations import for_another_community, named_communities_of
from .situations import kind as situation_kind
from .situations import label as situation_label
from .stated_situations import person_situations
from .taxonomy import NeedsTaxonomy
from .twins import offerable, share_limits
from .unmet import UnmetNeed, access_unknown, unmet_needs

MIN_TEXT_RELEVANCE = 0.1
# A service whose own words mean much the same as the person's (cosine of sentence embeddings,
# retrieval's "_semantic") is relevant even when its need codes and vocabulary differ.
MIN_SEMANTIC = 0.4
# A service meant for the person's own group (an LGBT+ centre for a gay teenager who is lonely)
# is relevant when its words are this close to theirs, whatever needs it is tagged with.
MIN_SEMANTIC_FOR_GROUP = 0.3
# Near enough in meaning to fill a short list after the relevant services (engine._related).
MIN_SEMANTIC_RELATED = 0.25
MAX_INFERRED_NEEDS = 5
# A need read this surely or more (or ticked) is said unmet when nothing meets it. One read more
# weakly still ranks services, but "no family and parenting service" for a need read from "snapping
# at the kids" would be a false alarm: on the development scenarios, of the unmet needs said that
# were not the judges' gap, 147 of 833 were read below 0.7; of the 151 gaps flagged, none were.
UNMET_SURETY = 0.7


@dataclass
class Match:
    service_id: str
    name: str
    score: float
    distance_km: float | None
    needs_met: list[str]
    reasons: list[dict[str, Any]]  # structured (explain.py): {"kind": ..., values}; the app words them
    warnings: list[str]
    exempt_from_distance: str | None
    features: dict[str, float] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "service_id": self.service_id,
            "name": self.name,
            "score": round(self.score, 3),
            "distance_km": round(self.distance_km, 1) if self.distance_km is not None else None,
            "needs_met": list(self.needs_met),
            "reasons": [dict(r) for r in self.reasons],
            "warnings": list(self.warnings),
            "exempt_from_distance": self.exempt_from_distance,
        }


@dataclass
class MatchResult:
    needs: list[str]
    inferred_needs: bool
    matches: list[Match]
    unmet_needs: list[UnmetNeed]
    excluded: dict[str, int]
    # What the person's words were read to say (circumstances, preferences, age), with the words.
    understood: dict[str, Any] = field(default_factory=dict[str, Any])

    def to_dict(self) -> dict[str, Any]:
        return {
            "needs": list(self.needs),
            "inferred_needs": self.inferred_needs,
            "matches": [m.to_dict() for m in self.matches],
            "unmet_needs": [asdict(u) for u in self.unmet_needs],
            "excluded": dict(self.excluded),
            "understood": dict(self.understood),
        }


def _relevant(
    needs: Sequence[str],
    goals: str,
    service: dict[str, Any],
    text: float,
    has_model: bool,
    groups: Sequence[str] = (),
    communities: Sequence[str] = (),
) -> bool:
    # a recovery café or a gambling line, for someone with no addiction need (or a bereavement
    # group for someone who has lost no one): near in words (a shared "money", "on my own") is not
    # near in need; nor a drink and drugs café for a gambler (a shared "recovery", "wants to stop")
    if service.get(ANOTHER_PROBLEM) or service.get(ANOTHER_ADDICTION):
        return False
    semantic = float(service.get("_semantic") or 0.0)
    if goals.strip() and semantic >= MIN_SEMANTIC:
        return True
    # A service only for the person's own group (a veterans' hub for a veteran who cannot sleep, a
    # Deaf club for a BSL user who is lonely) is one a link worker would name whatever it is tagged
    # with: it has already passed the check that the person is in that group.
    if set(groups) & set(service.get("eligibility") or ()):
        return True
    if goals.strip() and semantic >= MIN_SEMANTIC_FOR_GROUP and set(groups) & audience(service, groups):
        return True
    # and so is one that names their own community (a Hongkongers' WhatsApp group for a family from
    # Hong Kong who know nobody). Not every one of the wider heritage theirs lies within: a Somali
    # elder's page filled with each African group near him.
    if set(communities) & named_communities(service):
        return True
    if needs:
        return bool(set(needs) & set(service.get("needs") or ())) or text >= MIN_TEXT_RELEVANCE
    if goals.strip() and has_model:
        return text > 0.0
    return True  # nothing asked for: browsing by place and constraints


def _related(
    allowed: Sequence[int],
    relevant: Sequence[int],
    candidates: Sequence[dict[str, Any]],
    limit: int,
    audiences: Sequence[str],
) -> list[int]:
    """When fewer services meet the person's needs than a page holds, the ones whose words come
    nearest to theirs fill it, after every relevant one: a link worker sees what else is near in
    meaning (a wellbeing outreach for a widower whose words gave no loneliness) rather than a
    short list, and each says it meets no need named. Not a service made for a group the person
    is not in (an LGBT+ drop-in, a pensioners' lunch): near in words, but not for them."""
    room = limit - len(relevant)
    if room <= 0:
        return []
    chosen = set(relevant)
    near = [
        pos
        for pos, i in enumerate(allowed)
        if pos not in chosen and float(candidates[i].get("_semantic") or 0.0) >= MIN_SEMANTIC_RELATED
    ]
    near.sort(key=lambda pos: -float(candidates[allowed[pos]].get("_semantic") or 0.0))
    # nearest first, and only until the page is full: whom each is for is read from its words
    out: list[int] = []
    for pos in near:
        # (nor a recovery café for someone with no addiction: near in words is not near in need)
        if candidates[allowed[pos]].get(ANOTHER_PROBLEM):
            continue
        if _for_them(candidates[allowed[pos]], audiences):
            out.append(pos)
            if len(out) == room:
                break
    return out


def _for_them(service: dict[str, Any], audiences: Sequence[str]) -> bool:
    aimed = audience(service)
    if aimed and not aimed & set(audiences):
        return False
    # a community's own club ("Polish speakers only for the advice session"), unless theirs
    return not for_another_community(named_communities(service), audiences)


def _offers(need: str) -> Callable[[dict[str, Any]], bool]:
    return lambda service: offers(service, need)


def _meets(need: str, group: str, age: int | None) -> Callable[[dict[str, Any]], bool]:
    return lambda service: meets_requirement(service, need, group, age)


def match(
    profile: Profile | dict[str, Any],
    candidates: Sequence[dict[str, Any]],
    *,
    taxonomy: NeedsTaxonomy,
    text_model: Any = None,
    now: datetime,
    limit: int = 10,
    scorer: Scorer | None = None,
    need_inferrer: Any = None,
    inferred_needs: Sequence[Any] | None = None,
) -> MatchResult:
    """Rank `candidates` (service documents) for `profile`; see the module docstring.

    `profile` may be a Profile or a dict for Profile.from_dict (which raises ProfileError).
    `text_model` is a fitted TextModel, or None to rank without text similarity. `scorer`
    replaces the weighted blend: it gets one feature dict per eligible service and returns
    one score each. `now` is the moment freshness is judged at. `need_inferrer`
    (need_inference.NeedInferrer) reads needs from the goals by meaning as well as phrases, and
    says which words gave each; without it, the taxonomy's phrases alone are read.
    `inferred_needs` is what a caller already got from `need_inferrer.infer` for this profile
    (e.g. to retrieve candidates), so the words are not read twice.
    """
    if isinstance(profile, dict):
        profile = Profile.from_dict(profile, taxonomy)
    profile, reading = with_words_read(profile, taxonomy.eligibility_codes() or None)
    now = aware(now)
    scorer = scorer or default_scorer
    need_evidence: list[dict[str, Any]] = []
    unsure: set[str] = set()
    if profile.needs:
        needs, inferred = list(profile.needs), False
    elif inferred_needs is not None or need_inferrer is not None:
        found = (
            list(inferred_needs)[:MAX_INFERRED_NEEDS]
            if inferred_needs is not None
            else need_inferrer.infer(profile.goals, MAX_INFERRED_NEEDS, profile.age, profile.circumstances)
        )
        needs, inferred = [n.code for n in found], bool(found)
        need_evidence = [n.to_dict() for n in found]
        unsure = {n.code for n in found if n.confidence < UNMET_SURETY}
    else:
        needs = taxonomy.infer_needs(profile.goals)[:MAX_INFERRED_NEEDS]
        inferred = bool(needs)

    stated = person_situations(profile.goals, needs, profile.circumstances)
    profile = replace(
        profile, situations=tuple(dict.fromkeys([*profile.situations, *(s.code for s in stated)]))
    )
    crisis = in_crisis(profile.goals)
    addictions = addictions_named(profile.goals) if ADDICTION_NEEDS & set(needs) else []
    lost_someone = any(situation_kind(code) == "loss" for code in profile.situations)
    candidates = [
        as_offered(service, crisis, profile.age, needs, addictions, lost_someone) for service in candidates
    ]
    distances = nearest_distances(profile.lat, profile.lng, candidates)
    checks: list[Check] = []
    excluded: Counter[str] = Counter()
    allowed: list[int] = []
    for i, service in enumerate(candidates):
        checks.append(check(profile, service, distances[i], now))
    share_limits(candidates, checks)
    for i, result in enumerate(checks):
        if not offerable(candidates[i]):
            continue
        if result.allowed:
            allowed.append(i)
        else:
            excluded.update(result.reasons)

    allowed_services = [candidates[i] for i in allowed]
    if text_model is not None and allowed_services and (profile.goals or needs):
        text_scores = text_model.score(profile.goals, allowed_services, needs=needs)
    else:
        text_scores = [0.0] * len(allowed_services)
    has_model = text_model is not None

    searched_groups = [group for group in profile.groups if group in GROUP_SEARCH_WORDS]
    communities = named_communities_of(profile.situations)
    relevant = [
        pos
        for pos, i in enumerate(allowed)
        if _relevant(
            needs,
            profile.goals,
            candidates[i],
            float(text_scores[pos]),
            has_model,
            searched_groups,
            communities,
        )
    ]
    related = (
        _related(allowed, relevant, candidates, limit, profile.audiences) if profile.goals.strip() else []
    )
    sureness = {n["need"]: float(n["confidence"]) for n in need_evidence}
    pool, rows = [], []
    for pos in relevant + related:
        i = allowed[pos]
        text = float(text_scores[pos])
        pool.append(i)
        rows.append(
            features(
                profile,
                candidates[i],
                distances[i],
                text,
                now,
                needs=needs,
                exemption=checks[i].exemption,
                unconfirmed=bool(checks[i].unconfirmed),
                sureness=sureness,
            )
        )
    scores = [float(s) for s in scorer(rows)] if rows else []
    if len(scores) != len(rows):
        raise ValueError("scorer must return one score per feature dict")
    score_of = dict(zip(pool, scores, strict=True))
    feature_of = dict(zip(pool, rows, strict=True))

    child = is_child(profile.age)

    def order_key(i: int) -> tuple[int, int, float, float, str]:
        d = distances[i]
        return (
            # A child is shown what says it takes children first; the rest (most adult services
            # never say "adults only") after, for the link worker to judge.
            1 if child and not takes_children(candidates[i], profile.age) else 0,
            # What runs at this time of year before what starts again in the spring.
            1 if checks[i].out_of_season else 0,
            -round(score_of[i], 9),
            d if d is not None else float("inf"),
            str(candidates[i].get("name") or "").lower(),
        )

    also = {allowed[pos] for pos in related}
    # A service for the residents of an authority the person probably does not live in is not
    # listed: a need only it would meet is said unmet with it named, for the link worker to check.
    elsewhere = {i for i in pool if checks[i].probably_elsewhere}
    ranked = [
        *sorted((i for i in pool if i not in also | elsewhere), key=order_key),
        *sorted(also - elsewhere, key=order_key),
    ]
    age = profile.age
    wanted = [_offers(need) for need in needs]
    required = requirements(profile, needs, taxonomy)
    wanted += [_meets(need, group, age) for need, group in required]
    chosen = _choose(ranked, candidates, wanted, limit)

    matches = []
    for i in chosen:
        service = candidates[i]
        met = [n for n in needs if offers(service, n)]
        matches.append(
            Match(
                service_id=str(service.get("id") or ""),
                name=service.get("name") or "",
                score=score_of[i],
                distance_km=distances[i],
                needs_met=met,
                reasons=explain.reasons(
                    service,
                    distances[i],
                    checks[i].exemption,
                    met,
                    over_the_border(service, own_authorities(profile.areas)),
                )
                + ([{"kind": "related"}] if i in also else [])
                + explain.fit_reasons(
                    circumstance_fit(profile.audiences, service), preference_fit(profile.preferences, service)
                ),
                warnings=explain.warnings(service, checks[i], now, bool(profile.constraints.days))
                + explain.fit_warnings(preference_fit(profile.preferences, service)),
                exempt_from_distance=checks[i].exemption,
                features=feature_of[i],
            )
        )
    # (a need met only by a service probably for another area's residents is said unmet, with it named)
    # (nor one met only by a service that is not running at this time of year, or not taking new
    # referrals, or, for someone who needs step-free access, only by venues that have not said
    # whether they have it)
    met_needs = {
        n
        for i, m in zip(chosen, matches, strict=True)
        if not checks[i].out_of_season
        and candidates[i].get("accepting_referrals") is not False
        and not access_unknown(profile, candidates[i], checks[i])
        for n in m.needs_met
    }
    # a condition's need read from one word ("COPD") is sure when the person asks for others with it
    unsure -= {need for need, group in required if group.startswith(PEERS_PREFIX)}
    # a young person's age is sure evidence of their age's need when they ask for others like them:
    # an LGBTQ+ 15-year-old needs a youth group, and one 27 km away leaves that need unmet
    unsure -= {need for need, group in required if need == "young_people" and group in SPECIFIC}
    sure = [n for n in needs if n not in unsure]
    unmet = unmet_needs(
        profile, [n for n in sure if n not in met_needs], candidates, distances, checks, taxonomy
    )
    unmet += unmet_in_reach(
        profile,
        [n for n in sure if n in met_needs],
        chosen,
        [i for i in allowed if i not in elsewhere],
        candidates,
        distances,
        checks,
        taxonomy,
        required,
    )
    return MatchResult(
        needs=needs,
        inferred_needs=inferred,
        matches=matches,
        unmet_needs=unmet,
        excluded=dict(excluded.most_common()),
        understood={
            **reading.to_dict(),
            "situations": [
                {"code": s.code, "label": situation_label(s.code), "words": s.words} for s in stated
            ],
            **({"needs": need_evidence} if need_evidence else {}),
        },
    )


def _choose(
    ranked: list[int],
    candidates: Sequence[dict[str, Any]],
    wanted: Sequence[Any],
    limit: int,
) -> list[int]:
    """Top `limit` by rank, but first the best-ranked service for each need and each specific
    requirement (`wanted`: one test per service, in the person's order)."""
    if limit <= 0:
        return []
    position = {i: p for p, i in enumerate(ranked)}
    chosen: list[int] = []
    for fits in wanted:
        if len(chosen) >= limit:
            break
        best = next((i for i in ranked if fits(candidates[i])), None)
        if best is not None and best not in chosen:
            chosen.append(best)
    for i in ranked:
        if len(chosen) >= limit:
            break
        if i not in chosen:
            chosen.append(i)
    return sorted(chosen, key=position.__getitem__)


def adequate_counts(result: MatchResult | dict[str, Any]) -> dict[str, int]:
    """How many returned matches meet each of the person's needs (0 = unmet: nothing meets it,
    nothing in reach does, or nothing meets their specific requirement of it), for recording
    aggregate demand without anything about the person. A need read too weakly to be said unmet
    (UNMET_SURETY) that nothing meets is left out: it is not known to be demand."""
    if isinstance(result, MatchResult):
        needs, met = result.needs, [m.needs_met for m in result.matches]
        unmet = {u.need for u in result.unmet_needs}
    else:
        needs, met = result["needs"], [m["needs_met"] for m in result["matches"]]
        unmet = {u["need"] for u in result["unmet_needs"]}
    counts = {need: 0 if need in unmet else sum(1 for m in met if need in m) for need in needs}
    return {need: n for need, n in counts.items() if n or need in unmet}
