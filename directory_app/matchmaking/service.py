"""Match a person's profile against the directory. Stores nothing about the person: only the date,
postcode district, needs and number of adequate matches per need (for commissioners' gap reports)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlmodel import Session

from matching import Profile, ProfileError, adequate_counts, match
from matching.engine import MAX_INFERRED_NEEDS
from matching.home_place import home_names, outside_neighbourhoods
from matching.need_inference import clauses
from matching.person import with_words_read
from matching.service import valid_point
from matching.twins import offerable
from matching.understanding.areas import Place as NamedPlace

from ..directory import england, geo, understanding
from ..errors import ValidationError
from ..models import MatchDemand
from ..needs import taxonomy
from ..services import Services
from ..web.validation import validate
from . import phrasing, retrieval
from .schemas import MatchRequest
from .scorer import active_scorer


def _add_venue_areas(session: Session, pool: list[dict]) -> None:
    """Each venue's local authority, so the matcher can read a phone line published without a
    service area as local to its venue's borough (matching.service.reaches). One query per match;
    a venue whose postcode the installation does not hold (another region's feed, a choir that
    meets over the border) takes the authority of the LSOA nearest its point, rather than reading
    as national and reaching everyone in England."""
    postcodes = {
        loc.get("postcode") for doc in pool for loc in doc.get("locations") or () if loc.get("postcode")
    }
    known = geo.la_codes(session, postcodes) if postcodes else {}
    unplaced = []
    for doc in pool:
        for loc in doc.get("locations") or ():
            code = known.get(geo.normalise_postcode(loc.get("postcode")) or "")
            if code:
                _place_venue(loc, code)
            elif valid_point(loc.get("lat"), loc.get("lng")):
                unplaced.append(loc)
    if unplaced:
        lats = [float(loc["lat"]) for loc in unplaced]
        lngs = [float(loc["lng"]) for loc in unplaced]
        for loc, code in zip(unplaced, england.national().authorities(lats, lngs), strict=True):
            if code:
                _place_venue(loc, code)


def _place_venue(loc: dict, la_code: str) -> None:
    """A venue's authority, and every area it lies in as a service may name it (the county above
    it, the district abolished into it that its postcode district was in): Shap's hall is in Eden,
    the district a warm space there serves, though its authority is Westmorland and Furness now."""
    outcode = (geo.normalise_postcode(loc.get("postcode")) or "").split(" ")[0]
    loc["la_code"] = la_code
    loc["areas"] = [*geo.authority_codes(la_code), *filter(None, [geo.former_district(la_code, outcode)])]


def _settled_by_words(place: geo.Place, words: str | None) -> geo.Place:
    """A postcode whose district several authorities share is placed by where the words say the
    person lives ("lives Kingswood", "Radstock"): one of those authorities, or a town in it. Read for
    this request only; the words are not kept."""
    if place.la_code or not place.possible_la_codes or not words:
        return place
    lookup = understanding.areas()
    named = {code for code, _ in lookup.find(words)}
    named |= {code for code, _ in lookup.places(words, context=place.possible_la_codes)}
    chosen = named & set(place.possible_la_codes)
    return place.in_authority(chosen.pop()) if len(chosen) == 1 else place


# How far from its postcode district's centre a village the words name may lie and still be taken
# as where the person lives (a rural district such as PE15 holds March and Manea, 10 km apart).
HOME_KM = 12.0


def _named_homes(place: geo.Place, words: str | None) -> list[NamedPlace]:
    """The places (understanding.areas().place) the words say the person lives in, in the
    postcode's authority (or one it may be in) and near the postcode."""
    if not words:
        return []
    lookup = understanding.areas()
    authorities = (place.la_code,) if place.la_code else place.possible_la_codes
    homes: list[NamedPlace] = []
    for name in home_names(words):
        for code, hit in lookup.places(name, context=authorities):
            where = lookup.place(code, hit)
            if (
                where is not None
                and (not authorities or code in authorities)
                and geo.distance_km((place.lat, place.lng), (where.lat, where.lng)) <= HOME_KM
                and where not in homes
            ):
                homes.append(where)
    return homes


def _placed_by_words(place: geo.Place, homes: list[NamedPlace]) -> geo.Place:
    """A postcode known only by its district's centre is placed at the village or town the words
    say the person lives in ("Mr B, 84, Histon, lives alone"), when that lies in the district's
    authority and near its centre: a village's own limit ("Histon & Impington residents") and the
    distances then read as the person's link worker reads them. Read for this request only."""
    if not place.approximate:
        return place
    found = {(home.lat, home.lng): home.la for home in homes}
    if len(found) != 1:
        return place
    (lat, lng), code = found.popitem()
    moved = replace(place, lat=lat, lng=lng)
    return moved.in_authority(code) if not place.la_code and code in place.possible_la_codes else moved


def _outside_by_words(place: geo.Place, homes: list[NamedPlace]) -> geo.Place:
    """The neighbourhoods next to the one the words say the person lives in ("Southmead."), which
    their residency limits are then not for, however near their circles reach."""
    lookup = understanding.areas()
    homes = [home for home in homes if lookup.is_neighbourhood(home.la, home.name)]
    if not homes:
        return place
    around = [n for code in dict.fromkeys(home.la for home in homes) for n in lookup.neighbourhoods(code)]
    outside = outside_neighbourhoods(homes, around)
    return replace(place, outside=tuple(f"{p.la}:{p.name}" for p in outside))


def run_match(session: Session, found: Services, data: dict, record: bool = True) -> dict:
    """Match on the request's session with the app's services; ``record=False`` for a re-run of a
    request already counted (e.g. after adding to a plan)."""
    asked = validate(MatchRequest, data)
    errors: dict[str, str] = {}
    place = None
    if asked.postcode:
        try:
            settled = _settled_by_words(geo.lookup(session, asked.postcode, field="postcode"), asked.goals)
            homes = _named_homes(settled, asked.goals)
            place = _outside_by_words(_placed_by_words(settled, homes), homes).as_dict()
        except ValidationError as error:
            errors.update(error.fields)
    profile_input = asked.model_dump(exclude_none=True, exclude={"postcode", "limit"})
    if place is not None:
        profile_input.update(lat=place["lat"], lng=place["lng"])
        # LA (and county), ward, LSOA and district: residency limits and a phone line's reach are
        # checked against these, whichever level the service states them at.
        profile_input["areas"] = place["areas"]
        profile_input["possible_areas"] = place["possible_areas"]
        profile_input["likely_areas"] = place["likely_areas"]
    try:
        profile = Profile.from_dict(profile_input, taxonomy())
    except ProfileError as error:
        errors = {**error.fields, **errors}
    if errors:
        raise ValidationError("Some details are not valid.", errors)
    # Read the words before retrieval: a condition they state ("registered blind") lets services
    # for that condition through the filters, and a stated age applies them.
    profile, _ = with_words_read(profile, taxonomy().eligibility_codes() or None)
    # Needs are read from the words once: retrieval fetches candidates for them and match() ranks
    # and explains with the same ones (and the words that gave each). The searches that do not
    # wait for them are already on their way to Meilisearch while the words are encoded and read.
    searches = retrieval.Searches(found.index, found.embeddings, profile, list(profile.needs))
    inferred = []
    if profile.needs:
        searches.send_semantic([profile.goals])
    else:
        # The words and each of their clauses in one encode, as need inference reads them.
        words = (profile.goals or "").strip()
        searches.send_semantic(list(dict.fromkeys([words, *clauses(words)])))
        inferred = found.embeddings.need_inferrer().infer(
            profile.goals, MAX_INFERRED_NEEDS, profile.age, profile.circumstances
        )
    needs = list(profile.needs) or [need.code for need in inferred]
    pool = searches.collect(needs)
    _add_venue_areas(session, pool)
    result = match(
        profile,
        pool,
        taxonomy=taxonomy(),
        text_model=found.text_models.get(session),
        now=found.clock(),
        inferred_needs=inferred,
        limit=asked.limit,
        scorer=active_scorer(session),
    ).to_dict()
    phrasing.add_words(result, taxonomy())
    if record:
        record_demand(session, found.clock(), place, adequate_counts(result))
    result["location"] = place or (
        {"lat": profile.lat, "lng": profile.lng} if profile.lat is not None else None
    )
    result["candidates_considered"] = sum(1 for service in pool if offerable(service))
    return result


def record_demand(session: Session, now: datetime, place: dict | None, counts: dict[str, int]) -> None:
    district = place["district"] if place else None
    for need, adequate in counts.items():
        session.add(
            MatchDemand(requested_on=now.date(), district=district, need=need, adequate=int(adequate))
        )
    session.commit()
