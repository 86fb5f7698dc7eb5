"""The link worker's match page: "What matters to the person?" in, a short explained list out.

The form is POSTed, never put in a URL: what someone said about their life must not land in
browser history, server logs or a login redirect. Nothing about the person is kept on the server;
``run_match`` records only the aggregate demand a commissioner needs (date, postcode district, need,
how many adequate matches). "Add to plan" re-posts the same form with the service to add, so the
list stays on screen; that re-run records no demand, so a plan of five does not count five times.
Picked services go on the navigator shortlist (service ids in the session cookie): the person's plan.
"""

from __future__ import annotations

from flask import Blueprint, flash, render_template, request
from sqlmodel import col, select
from werkzeug.datastructures import MultiDict

from matching import situations
from matching.constraints import GENDERS, WARN_COST, WARN_TIMES, WARN_WHEELCHAIR
from matching.profile import OPENED_BY_WORDS

from ..access import access
from ..db import get_session
from ..directory.documents import referral_figures
from ..errors import ValidationError
from ..models import Organization, Service
from ..needs import taxonomy
from ..security import configured_limit, limiter
from ..services import services
from ..vocabulary import DAY_NAMES, situation_choices
from ..web import shortlist as plan
from ..web.display import distinct_organization, freshness, responsiveness_text, shorten, unknown_lines
from ..web.flags import is_set
from . import phrasing
from .schemas import MAX_LIMIT
from .service import run_match

bp = Blueprint("match", __name__, url_prefix="/match")

FORM_FIELDS = (
    "goals",
    "needs",
    "postcode",
    "age",
    "free_only",
    "wheelchair",
    "days",
    "delivery",
    "max_distance_km",
    "circumstances",
    "situations",
    "limit",
)
LIST_FIELDS = ("needs", "days", "circumstances", "situations")
DEFAULT_LIMIT = 10
MORE_LIMIT = 25
DISTANCES = ("1", "2", "5", "10", "25")
DEFAULT_DISTANCE = "5"
DELIVERY_CHOICES = (
    ("in_person", "In person"),
    ("online_ok", "In person or online"),
    ("online_only", "Online or by phone only"),
)
FIELD_LABELS = {
    "goals": "What matters to the person",
    "needs": "Needs",
    "postcode": "Postcode",
    "age": "Age",
    "free_only": "Only free services",
    "wheelchair": "Wheelchair access",
    "days": "Days they can attend",
    "delivery": "How they can take part",
    "max_distance_km": "Maximum distance",
    "circumstances": "Circumstances",
    "situations": "Their situation",
    "limit": "Number of results",
}
# "Not recorded" matters only when the person asked about it (free only, wheelchair, days);
# otherwise it is a quiet note, so the yellow "check before referring" box keeps its meaning.
NOT_RECORDED = {WARN_COST: "free_only", WARN_WHEELCHAIR: "wheelchair", WARN_TIMES: "days"}


def _submitted(args: MultiDict) -> bool:
    return any(name in args for name in FORM_FIELDS)


def _sentence(field: str, message: str) -> str:
    """Say which field each message is about: the matching library's are fragments ("must be
    between 0 and 120"), the request model's are sentences ("Enter a number from 0 to 120.")."""
    message = message.strip().rstrip(".")
    label = FIELD_LABELS.get(field, field.replace("_", " ").capitalize())
    if message[:1].islower():
        joiner = " " if message.split(" ", 1)[0] in ("must", "needs", "give") else ": "
        message = f"{label}{joiner}{message}"
    elif field != "postcode":  # the postcode's own messages say what a postcode looks like
        message = f"{label}: {message}"
    return message[:1].upper() + message[1:] + "."


def _match_input(args: MultiDict) -> tuple[dict, bool]:
    """The form as run_match's input (only the fields the form has), and whether a distance
    limit was dropped for want of a postcode to measure it from."""
    data: dict = {}
    for name in FORM_FIELDS:
        if name in LIST_FIELDS:
            values = [v for v in args.getlist(name) if v.strip()]
            if values:
                data[name] = values
        elif (args.get(name) or "").strip():
            data[name] = (args.get(name) or "").strip()
    distance_dropped = False
    if "max_distance_km" in data and "postcode" not in data:
        data.pop("max_distance_km")
        distance_dropped = True
    if "limit" in data:
        try:
            data["limit"] = int(data["limit"])
        except ValueError:
            pass  # run_match names the field
    return data, distance_dropped


def _services(ids: list[str]) -> dict[str, dict]:
    """Organisation and a short description for each matched (or nearest) service."""
    ids = [i for i in dict.fromkeys(ids) if i]
    if not ids:
        return {}
    rows = get_session().exec(
        select(  # type: ignore[call-overload]  # SQLModel types select() for up to 4 columns
            Service.id,
            Service.name,
            Service.description,
            Organization.name,
            Service.last_verified_at,
            Service.under_review,
        )
        .join(Organization, col(Organization.id) == col(Service.organization_id), isouter=True)
        .where(col(Service.id).in_(ids))
    )
    out = {}
    for sid, name, description, organization, verified, under_review in rows:
        checked, tier = freshness(verified, problem=bool(under_review))
        out[sid] = {
            "name": name,
            "summary": shorten(description, 180),
            "organization": distinct_organization(organization, name),
            "checked": checked,
            "freshness": tier,
            # How this service has answered our own referrals (nothing below five, or a part below five).
            "responsiveness": responsiveness_text(referral_figures(get_session(), sid)),
        }
    return out


def _split_warnings(warnings: list[str], asked: dict) -> tuple[list[str], list[str]]:
    """(what to check before referring, quiet notes). The matcher's freshness warnings are left
    out: the page says how fresh each listing is in tiers (display.freshness)."""
    check, quiet = [], []
    for warning in warnings:
        lowered = warning.lower()
        if lowered.startswith("last checked") or lowered == "never checked":
            continue
        if lowered in NOT_RECORDED and not asked.get(NOT_RECORDED[lowered]):
            quiet.append(warning)
        else:
            check.append(warning)
    return check, quiet


def _where(match: dict) -> tuple[str | None, list[str]]:
    """Split off the first reason when it says where the service is ("1.2 km away", "phone
    service"), so each result leads with it; the rest explain why it fits."""
    reasons = list(match["reasons"])
    if reasons and reasons[0]["kind"] in phrasing.WHERE_KINDS:
        where = reasons.pop(0)["text"]
        return where[:1].upper() + where[1:], [r["text"] for r in reasons]
    exemption = match.get("exempt_from_distance")
    where = phrasing.EXEMPTIONS.get(exemption) if exemption else None
    return (where[:1].upper() + where[1:] if where else None), [r["text"] for r in reasons]


def _asked(data: dict, result: dict) -> dict:
    return {
        "free_only": is_set(data.get("free_only")),
        # ticked, or read from the words ("in a wheelchair", "can't manage steps")
        "wheelchair": is_set(data.get("wheelchair"))
        or bool((result.get("understood") or {}).get("step_free")),
        "days": bool(data.get("days")),
    }


def _results(result: dict, data: dict | None = None) -> dict:
    tax = taxonomy()
    asked = _asked(data or {}, result)
    ticked = list(dict.fromkeys((data or {}).get("situations") or ()))
    matches = result["matches"]
    unmet = result["unmet_needs"]
    details = _services([m["service_id"] for m in matches] + [u["nearest_service_id"] for u in unmet])
    cards = []
    unknown = {"cost": 0, "wheelchair": 0}
    for m in matches:
        where, reasons = _where(m)
        check, quiet = _split_warnings(m["warnings"], asked)
        lowered = [w.lower() for w in m["warnings"]]
        unknown["cost"] += asked["free_only"] and WARN_COST in lowered
        unknown["wheelchair"] += asked["wheelchair"] and WARN_WHEELCHAIR in lowered
        detail = details.get(m["service_id"], {})
        if detail.get("freshness") == "warn":  # over two years, or a problem reported: check first
            check.insert(0, detail["checked"])
        cards.append(
            {
                **m,
                "where": where,
                "why": reasons,
                **detail,
                "name": m["name"],
                "warnings": check,
                "notes": quiet,
            }
        )
    gaps = []
    for u in unmet:
        reason = u["reason"].strip().rstrip(".")
        nearest = details.get(u["nearest_service_id"]) if u["nearest_service_id"] else None
        gaps.append(
            {
                "need": u["need"],
                "label": u["label"],
                "sentence": reason[:1].upper() + reason[1:] + ".",
                "alternatives": [a[:1].upper() + a[1:] + "." for a in u["alternatives"]],
                "nearest_id": u["nearest_service_id"] if nearest else None,
                "nearest_name": nearest["name"] if nearest else None,
                "nearest_km": u["nearest_km"],
            }
        )
    excluded = sorted(result.get("excluded", {}).items(), key=lambda item: (-item[1], item[0]))
    return {
        "cards": cards,
        "gaps": gaps,
        "excluded": excluded,
        "inferred": result["inferred_needs"],
        "unknown_lines": unknown_lines(unknown),
        "needs": [tax.label(code) for code in result["needs"]],
        # Situations open services restricted to them: say which the link worker ticked, and which
        # the words stated (with the words), so a wrong reading of the words can be seen.
        "situations_ticked": [situations.label(code) for code in ticked],
        "situations": [
            f"{item['label']} (“{item['words']}”)"
            for item in (result.get("understood") or {}).get("situations") or ()
            if not str(item.get("words", "")).startswith(("need:", "ticked:"))
            and item.get("code") not in ticked
        ],
        "location": result.get("location"),
        "groups_to_tick": _groups_to_tick(result, data or {}),
        # Step-free access read from the words rather than ticked: said, so it can be seen and undone.
        "step_free_words": None
        if is_set((data or {}).get("wheelchair"))
        else ((result.get("understood") or {}).get("step_free") or {}).get("words"),
    }


def _groups_to_tick(result: dict, data: dict) -> list[dict]:
    """Groups the words say the person is in ("twenty years in the army": a veteran) that open a
    restricted service only when ticked: said, so a veterans' club left out is not left out
    silently. Gender, read from a pronoun as often as not, is left to the form; caring today and a
    condition open their services by themselves (matching.profile.OPENED_BY_WORDS)."""
    ticked = set(data.get("circumstances") or ())
    said = (result.get("understood") or {}).get("circumstances") or ()
    groups = []
    for item in said:
        if item["code"] in ticked | OPENED_BY_WORDS | GENDERS:
            continue
        label = taxonomy().eligibility_label(item["code"])
        # "carers", "families with children", but "LGBTQ+ people"
        audience = label if label[:2].isupper() else label[:1].lower() + label[1:]
        groups.append({"code": item["code"], "label": label, "audience": audience, "words": item["words"]})
    return groups


def _add_to_plan(service_id: str) -> None:
    service = get_session().get(Service, service_id)
    if service is None:
        return
    if plan.add(service_id) == "added":
        flash(f"Added {service.name} to the plan.")


@bp.route("", methods=["GET", "POST"])
@access("link_worker")
@limiter.limit(configured_limit("MATCH_RATE_LIMIT"), exempt_when=lambda: request.method != "POST")
def index():
    args = request.form if request.method == "POST" else MultiDict()
    adding = args.get("add")
    if adding:
        _add_to_plan(adding)
    errors: dict[str, str] = {}
    results = None
    distance_dropped = False
    limit = DEFAULT_LIMIT
    if _submitted(args):
        data, distance_dropped = _match_input(args)
        data.setdefault("limit", DEFAULT_LIMIT)
        limit = data["limit"]
        if not data.get("goals") and not data.get("needs"):
            errors["goals"] = "Describe what matters to the person, or tick at least one need."
        else:
            try:
                results = _results(run_match(get_session(), services(), data, record=not adding), data)
            except ValidationError as error:
                errors = {field: _sentence(field, message) for field, message in error.fields.items()}
    tax = taxonomy()
    needs = [(code, tax.label(code)) for code in tax.codes()]
    groups = [(code, tax.eligibility_label(code)) for code in tax.eligibility_codes()]
    # A situation a circumstance already says ("Deaf BSL user") is ticked there, not twice.
    said = frozenset(s.code for s in situations.SITUATIONS if s.ticked in dict(groups))
    situation_groups = [(heading, items) for heading, items in situation_choices(said) if items]
    first = {
        "needs": needs[0][0] if needs else "",
        "circumstances": groups[0][0] if groups else "",
        "situations": situation_groups[0][1][0][0] if situation_groups else "",
    }
    anchors = {
        "goals": "goals",
        "postcode": "postcode",
        "age": "age",
        "free_only": "free_only",
        "wheelchair": "wheelchair",
        "days": "days-MO",
        "delivery": "delivery-in_person",
        "max_distance_km": "max_distance_km",
        "needs": f"needs-{first['needs']}",
        "circumstances": f"circumstances-{first['circumstances']}",
        "situations": f"situations-{first['situations']}",
    }
    show_more = (
        results is not None
        and isinstance(limit, int)
        and limit < MORE_LIMIT <= MAX_LIMIT
        and len(results["cards"]) >= limit
    )
    page = render_template(
        "match/index.html",
        args=args,
        errors=errors,
        results=results,
        needs=needs,
        groups=groups,
        situation_groups=situation_groups,
        days=list(DAY_NAMES.items()),
        distances=DISTANCES,
        distance=args.get("max_distance_km", DEFAULT_DISTANCE) if _submitted(args) else DEFAULT_DISTANCE,
        delivery_choices=DELIVERY_CHOICES,
        delivery=args.get("delivery") or "online_ok",
        anchors=anchors,
        distance_dropped=distance_dropped,
        shortlist_ids=set(plan.shortlisted_ids()),
        show_more=show_more,
        more_limit=MORE_LIMIT,
    )
    return page, 400 if errors else 200
