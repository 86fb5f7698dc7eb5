"""Directory rows from the Trafford Data Lab asset lists: food banks, mental-health
services, libraries and Jobcentres."""

from __future__ import annotations

import json
import re

from .common import EXTERNAL, TRAFFORD, PostcodeIndex, clean, fmt_coord, normalise_postcode, read_csv
from .rows import empty_row, find_email, find_phone, normalise_url, slug, split_address
from .schedule import parse_opening_times

ASSETS = EXTERNAL / "community_assets_greater_manchester"

# Publication dates from each dataset's README (see ATTRIBUTION.md). They go
# into last_verified_at so the app shows these records as long unchecked.
FOOD_BANKS_DATE = "2018-01-31"
MENTAL_HEALTH_DATE = "2018-07-31"
LIBRARIES_TRAFFORD_DATE = "2023-11-21"
JOBCENTRES_DATE = "2018-09-30"

NEIGHBOUR_KM = 5.0

_FREEMAIL = {
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.co.uk",
    "yahoo.com",
    "yahoo.co.uk",
    "outlook.com",
    "live.com",
    "live.co.uk",
    "btinternet.com",
    "aol.com",
    "icloud.com",
    "me.com",
    "msn.com",
    "sky.com",
    "talktalk.net",
    "ntlworld.com",
    "virginmedia.com",
    "btopenworld.com",
    "tiscali.co.uk",
    "blueyonder.co.uk",
    "mail.com",
    "yahoo.co.in",
    "uwclub.net",
}
_ROLE_WORDS = (
    "info",
    "admin",
    "office",
    "contact",
    "enquir",
    "hello",
    "foodbank",
    "pantry",
    "referral",
    "finance",
    "secretary",
    "treasurer",
    "chair",
    "church",
    "community",
    "project",
    "trust",
    "centre",
    "club",
    "group",
    "society",
    "charity",
    "team",
    "mail",
)


def organisational_email(email: str, org_name: str) -> str:
    """Keep an address unless it looks like a private individual's webmail.

    Organisation domains are kept as published. A webmail address is kept only
    when it is visibly the organisation's (a role word, a word of its name or its initials).
    """
    if not email or "@" not in email:
        return ""
    local, domain = email.lower().split("@", 1)
    if domain not in _FREEMAIL:
        return email.lower()
    letters = re.sub(r"[^a-z]", "", local)
    words = re.findall(r"[a-z]+", org_name.lower())
    name_words = [w for w in words if len(w) >= 4]
    # Initials catch addresses like chic.manchester@ (Chinese Health Information Centre).
    initials = {
        "".join(w[0] for w in words),
        "".join(w[0] for w in words if w not in {"of", "the", "and", "for"}),
    }
    if (
        any(w in letters for w in _ROLE_WORDS)
        or any(w in letters for w in name_words)
        or any(len(i) >= 3 and i in letters for i in initials)
    ):
        return email.lower()
    return ""


def _geojson_points(path) -> list[tuple[float, float] | None]:
    with open(path, encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    out = []
    for f in feats:
        g = f.get("geometry")
        out.append((g["coordinates"][1], g["coordinates"][0]) if g else None)
    return out


def _place(row: dict, address: str, postcode_raw: str, point, pcs: PostcodeIndex) -> None:
    pc = normalise_postcode(postcode_raw)
    venue, street, city = split_address(address, pc)
    row.update(location_name=venue, address_1=street, city=city, postcode=pc)
    if point is None:
        point = pcs.lookup(pc)
    else:
        pcs.lookup(pc)  # still record the postcode so gm_postcodes_extra covers it
    if point:
        row["latitude"], row["longitude"] = fmt_coord(point[0]), fmt_coord(point[1])


def _near_trafford(point, area_code: str, pcs: PostcodeIndex) -> bool:
    if area_code == TRAFFORD:
        return True
    return point is not None and pcs.km_to_trafford(*point) <= NEIGHBOUR_KM


# --- food banks ---------------------------------------------------------------

_AMOUNT = r"£\s?(\d+(?:\.\d{2})?)"
# Only amounts the text presents as a charge: "£2.50 for £12 of groceries", "£2 weekly
# membership", "membership ... £2.50", "pay £2.50". Other pounds (e.g. a £10/week
# grant to asylum seekers) are not a price.
_CHARGE_RES = [
    re.compile(p, re.I)
    for p in (
        _AMOUNT + r"\s+for\s+£",
        _AMOUNT + r"\s*(?:a week |weekly |per week )?(?:membership|fee)",
        r"membership[^£]{0,40}" + _AMOUNT,
        r"pay\s+" + _AMOUNT,
    )
]


def _food_bank_access(referral: str) -> tuple[list[str], dict, list[str]]:
    """Referral text -> (referral routes, cost fields, eligibility groups)."""
    t = referral.lower()
    routes: list[str] = []
    if re.search(r"self[- ]?refer|become a member|membership", t):
        routes.append("self")
    # "self-referral" must not also read as a professional referral
    if re.search(r"voucher|referral|refer a client|agency", re.sub(r"self[- ]?referrals?", "", t)):
        routes.append("professional")
    if re.search(r"open door|first come first served|no evidence needed", t):
        routes.append("drop_in")
    cost = {"cost": "free"}
    if re.search(r"pay[- ]as[- ]you[- ]feel", t):
        cost = {"cost": "", "cost_description": "Pay as you feel"}
    elif re.search(r"caf[eé]|restaurant", t):
        cost = {"cost": ""}  # a café is not free just because it is on a food bank list
    elif "membership" in t or "£" in t:
        amount = next((float(m.group(1)) for rx in _CHARGE_RES for m in [rx.search(referral)] if m), None)
        if amount is None:
            cost = {"cost": "", "cost_description": referral.strip() if "membership" in t else ""}
        else:
            cost = {
                "cost": "low_cost" if amount <= 5 else "paid",
                "cost_amount": f"{amount:.2f}",
                "cost_description": referral.strip(),
            }
    eligibility = []
    if "families with young children" in t:
        eligibility.append("families")
    if "asylum" in t:
        eligibility.append("refugees")
    return sorted(set(routes), key=["self", "professional", "drop_in"].index), cost, eligibility


def build_food_banks(pcs: PostcodeIndex, tagger) -> list[dict]:
    rows_in = read_csv(ASSETS / "gm_food_banks.csv")
    points = _geojson_points(ASSETS / "gm_food_banks.geojson")
    out, seen = [], set()
    for r, point in zip(rows_in, points, strict=True):
        if not _near_trafford(point, r["Area code"], pcs):
            continue
        name = clean(r["Name"]).strip()
        # Cell text is shown on one line in the app; the source wraps some of it.
        referral = " ".join(clean(r["Referral method"]).split())
        if referral.lower() == "not known":
            referral = ""
        opening = " ".join(clean(r["Opening times"]).split())
        if opening.lower() in {"not known", "not relevant", "see above"}:
            opening = ""
        row = empty_row()
        pc = normalise_postcode(r["Postcode"])
        ext = f"foodbank-{slug(name, pc)}"
        n = 2
        while ext in seen:  # same name and postcode twice: keep both, suffix in file order
            ext = f"foodbank-{slug(name, pc)}-{n}"
            n += 1
        seen.add(ext)
        routes, cost, eligibility = _food_bank_access(referral)
        desc = ["Food bank, pantry or food club listed by GM Poverty Action (January 2018)."]
        if referral:
            desc.append(f"Access: {referral.rstrip('.')}.")
        if "no longer open" in referral.lower():
            row["status"] = "inactive"
        needs = ["food"]
        if re.search(r"\bdebt|money advice|budget", f"{referral} {opening}", re.I):
            needs.append("money_debt")
        schedule = parse_opening_times(opening) if opening else None
        row.update(
            external_id=ext,
            name=name,
            organization=name,
            description=" ".join(desc),
            url=normalise_url(clean(r["Website"])),
            email=organisational_email(find_email(r["Contact"]), name),
            phone=find_phone(r["Contact"]),
            needs=";".join(needs),
            taxonomy_terms=";".join(sorted(set(tagger.tag(f"{name} {referral} {opening}")) | {"SW301"})),
            schedule=schedule or "",
            schedule_description="" if schedule else opening,
            delivery="in_person",
            referral_route=";".join(routes),
            eligibility=";".join(eligibility),
            last_verified_at=FOOD_BANKS_DATE,
            **cost,
        )
        _place(row, clean(r["Address"]), r["Postcode"], point, pcs)
        out.append(row)
    return out


# --- mental health services ---------------------------------------------------

# Facts stated in each record's own description (or, for the two helplines,
# in what the service is), written down here because the source has no
# structured fields for them. Keyed by (name, postcode) as published.
MH_FACTS: dict[tuple[str, str], dict] = {
    ("42nd Street", "M4 5AG"): {"minimum_age": "13", "maximum_age": "25", "needs": ["young_people"]},
    ("LGBT Foundation", "M1 3HF"): {"eligibility": ["lgbtq"]},
    ("The Proud Trust", "M1 7HB"): {"needs": ["young_people"]},
    ("African Caribbean Care Group", "M15 5FS"): {"needs": ["older_people", "loneliness"]},
    ("LMCP Care Link", "M14 4TH"): {"eligibility": ["women"]},
    ("Manchester Refugee Support Network", "M14 4RB"): {
        "eligibility": ["refugees"],
        "needs": ["language_integration"],
    },
    ("African and Caribbean Mental Health Services", "M16 7WD"): {"minimum_age": "16"},
    ("Relate Greater Manchester South", "M16 9EZ"): {},
    ("Trafford Domestic Abuse Service", "M16 0PN"): {"needs": ["domestic_abuse"]},
    ("Alchemy Arts", "M16 0PQ"): {"needs": ["arts_creativity"]},
    ("Voice of BME Trafford", "M16 0PQ"): {},
    ("Trafford Centre for Independent Living", "M16 0PQ"): {"needs": ["disability"], "area_wide": "yes"},
    ("Trafford Mental Health Advocacy Service", "M16 0PQ"): {"needs": ["legal_advice"]},
    ("CDI Community Counselling Service", "M16 0PQ"): {"referral_route": ["self", "professional"]},
    ("South Asian Disability Support Network", "M16 0PQ"): {
        "eligibility": ["families"],
        "needs": ["disability"],
    },
    ("Pakistani Resource Centre (Trafford South Asian Mental Health Service)", "M16 0LN"): {
        "minimum_age": "18"
    },
    ("Trafford eTherapy Service", "M16 0LN"): {"delivery": ["online"], "area_wide": "yes"},
    ("Zion Centre (Peer Support)", "M15 4ZY"): {"schedule_description": "Monday to Friday"},
    ("Chorlton Anxiety Group", "M21 9JG"): {"schedule": "TU 19:00-21:00", "referral_route": ["drop_in"]},
    ("Zion Anxiety Group", "M15 4ZY"): {"schedule": "WE 13:00-15:00", "referral_route": ["drop_in"]},
    ("Stretford Hearing Voices", "M32 8HT"): {"schedule_description": "Thursdays at 2pm"},
    ("Autistic Society for the Greater Manchester Area (ASGMA)", "M32 0HL"): {"needs": ["disability"]},
    ("Collaborative Women UK", "M32 8AP"): {
        "eligibility": ["women"],
        "referral_route": ["drop_in"],
        "schedule_description": "Drop in on Wednesday afternoons",
    },
    ("Homestart", "M32 9AN"): {"eligibility": ["families"], "needs": ["family_parenting"]},
    ("Age UK Trafford (Dementia Service)", "M41 9EH"): {
        "eligibility": ["people_with_dementia", "carers"],
        "needs": ["long_term_conditions", "carers", "older_people"],
    },
    ("Urmston Depression Group (Trafford Self Help Services)", "M41 0NA"): {
        "schedule": "TU 13:30-15:30",
        "referral_route": ["drop_in"],
    },
    ("Leonard Cheshire Disability", "M41 0NA"): {"needs": ["disability"]},
    ("The Toy House", "M41 6AP"): {
        "schedule": "TU,WE,FR 09:30-11:30; TU,WE,FR 12:30-14:30",
        "eligibility": ["families"],
        "needs": ["family_parenting"],
    },
    ("MacMillan Wellbeing Centre", "M41 5SL"): {
        "needs": ["long_term_conditions"],
        "referral_route": ["drop_in"],
        "schedule_description": "Drop-in on the third Wednesday of each month",
    },
    ("Being There", "M41 5SN"): {"needs": ["long_term_conditions"]},
    ("Being There", "M23 9LT"): {"needs": ["long_term_conditions"]},
    ("Alzheimers Society Trafford", "M33 7HH"): {
        "eligibility": ["people_with_dementia", "carers"],
        "needs": ["long_term_conditions", "carers"],
    },
    ("Trafford Psychological Therapies", "M33 6WT"): {"minimum_age": "16", "area_wide": "yes"},
    ("Victim Support & Witness Service", "M33 7ZF"): {"needs": ["legal_advice"], "area_wide": "yes"},
    ("Talkshop Trafford", "M33 7ZF"): {"minimum_age": "13", "maximum_age": "25", "needs": ["young_people"]},
    ("Trafford Carers Centre", "M33 7XX"): {
        "eligibility": ["carers"],
        "needs": ["carers"],
        "area_wide": "yes",
    },
    ("Dance System CIC", "M33 3JR"): {
        "cost": "low_cost",
        "cost_amount": "30.00",
        "cost_description": "£30 for a 6-week course",
        "needs": ["arts_creativity"],
    },
    ("Parent Support Group", "M33 4BP"): {
        "schedule": "FR 10:00-12:00",
        "referral_route": ["drop_in"],
        "eligibility": ["women", "families"],
        "needs": ["family_parenting"],
    },
    ("New Way Forward", "M33 4PL"): {"needs": ["arts_creativity"]},
    ("Sporting Memories", "M33 4QW"): {
        "schedule_description": "Last Monday of every month, 10.30am to 12 noon",
        "needs": ["older_people", "loneliness"],
    },
    ("Ear4U (listening ear service)", "M31 4FA"): {"needs": ["loneliness"]},
    ("Altrincham Anxiety Group (Trafford Self Help Services)", "WA154 1HF"): {
        "schedule": "MO 14:00-16:00",
        "referral_route": ["drop_in"],
    },
    ("Open Studios CIC", "WA14 1DS"): {"needs": ["arts_creativity"]},
    ("Dance System CIC", "WA15 8AP"): {
        "cost": "paid",
        "cost_amount": "45.00",
        "cost_description": "£45 for an 8-week course",
        "needs": ["arts_creativity"],
    },
    ("Larkhill Demetia Cafe (Later Life Living)", "WA15 7AZ"): {
        "eligibility": ["people_with_dementia"],
        "needs": ["long_term_conditions", "older_people"],
        "schedule_description": "Alternate Saturdays, 9.15am to 12.15pm",
    },
    ("G-Force", "WA15 7DD"): {"needs": ["loneliness", "arts_creativity"]},
    ("United Response", "M22 0GJ"): {"needs": ["disability"]},
    ("Manchester Rape Crisis", "SK8 3JS"): {
        "eligibility": ["women"],
        "needs": ["domestic_abuse"],
        "delivery": ["in_person", "phone"],
        "area_wide": "yes",
    },
    ("Samaritans", "M1 5NH"): {"delivery": ["in_person", "phone"], "area_wide": "yes"},
    ("Target Cafe", "M32 0FP"): {
        "needs": ["addiction_recovery"],
        "schedule_description": "Every other Saturday",
    },
    ("Creative Support", "WA14 4LW"): {"needs": ["disability"]},
}

_BLUESCI = "blueSCI offer sessions"


def build_mental_health(pcs: PostcodeIndex, tagger) -> list[dict]:
    rows_in = read_csv(ASSETS / "trafford_mental_health_services.csv")
    points = _geojson_points(ASSETS / "trafford_mental_health_services.geojson")
    out, seen = [], set()
    for r, point in zip(rows_in, points, strict=True):
        name, pc_raw = clean(r["name"]), clean(r["postcode"])
        facts = MH_FACTS.get((name, pc_raw), {})
        desc = clean(r["description"])
        row = empty_row()
        ext = f"mh-{slug(name, normalise_postcode(pc_raw) or pc_raw)}"
        if ext in seen:
            raise SystemExit(f"duplicate mental-health id {ext}")
        seen.add(ext)
        needs = ["mental_wellbeing"] + [n for n in facts.get("needs", []) if n != "mental_wellbeing"]
        if desc.startswith(_BLUESCI):
            needs += ["arts_creativity"]
        area_wide = facts.get("area_wide", "")
        row.update(
            external_id=ext,
            name=name,
            organization=name,
            description=desc,
            url=normalise_url(clean(r["website"])),
            phone=clean(r["telephone"]),
            needs=";".join(dict.fromkeys(needs)),
            taxonomy_terms=";".join(tagger.tag(f"{name} {desc}")),
            minimum_age=facts.get("minimum_age", ""),
            maximum_age=facts.get("maximum_age", ""),
            cost=facts.get("cost", ""),
            cost_amount=facts.get("cost_amount", ""),
            cost_description=facts.get("cost_description", ""),
            schedule=facts.get("schedule", ""),
            schedule_description=facts.get("schedule_description", ""),
            delivery=";".join(facts.get("delivery", ["in_person"])),
            referral_route=";".join(facts.get("referral_route", [])),
            eligibility=";".join(facts.get("eligibility", [])),
            area_wide=area_wide,
            # The dataset lists services used by Trafford residents, so that is the area we can vouch for.
            service_area=TRAFFORD if area_wide == "yes" else "",
            last_verified_at=MENTAL_HEALTH_DATE,
        )
        _place(row, clean(r["address"]), pc_raw, point, pcs)
        out.append(row)
    missing = set(MH_FACTS) - {(clean(r["name"]), clean(r["postcode"])) for r in rows_in}
    if missing:
        raise SystemExit(f"MH_FACTS keys not in the source any more: {sorted(missing)}")
    return out


# --- libraries ----------------------------------------------------------------


def build_libraries(pcs: PostcodeIndex, tagger) -> list[dict]:
    out = []
    for r in read_csv(ASSETS / "gm_libraries.csv"):
        if r["area_code"] != TRAFFORD:
            continue
        name, kind = clean(r["name"]), clean(r["type"])
        # The type says who runs it; only a school-run library is not the council's service.
        m = re.match(r"^(.*?) run library$", kind)
        runner = m.group(1) if m else ""
        org = (
            runner
            if runner and runner.lower() not in {"local authority", "partnership"}
            else "Trafford Council"
        )
        row = empty_row()
        row.update(
            external_id=f"library-{slug(name)}",
            name=name,
            organization=org,
            description=f"{kind} in Trafford (public libraries dataset, reviewed by Trafford Council in November 2023).",
            url=normalise_url(clean(r["website"])),
            email=clean(r["email"]).lower(),
            needs="learning;digital_inclusion",
            taxonomy_terms=";".join(sorted(set(tagger.tag(name)) | {"AR202"})),
            cost="free",
            delivery="in_person",
            referral_route="self;drop_in",
            last_verified_at=LIBRARIES_TRAFFORD_DATE,
        )
        point = (float(r["lat"]), float(r["lon"])) if r["lat"] and r["lon"] else None
        _place(row, clean(r["address"]), r["postcode"], point, pcs)
        out.append(row)
    return out


# --- Jobcentres ---------------------------------------------------------------


def build_jobcentres(pcs: PostcodeIndex, tagger) -> list[dict]:
    out = []
    for r in read_csv(ASSETS / "gm_jobcentreplus.csv"):
        point = (float(r["lat"]), float(r["lon"])) if r["lat"] and r["lon"] else None
        if not _near_trafford(point, r["area_code"], pcs):
            continue
        name = f"{clean(r['name'])} Jobcentre Plus"
        row = empty_row()
        row.update(
            external_id=f"jcp-{slug(clean(r['name']))}",
            name=name,
            organization="Department for Work and Pensions",
            description="Jobcentre Plus office (DWP Jobcentre register, September 2018).",
            needs="employment_skills;welfare_benefits",
            taxonomy_terms="EC107",
            cost="free",
            delivery="in_person",
            last_verified_at=JOBCENTRES_DATE,
        )
        _place(row, clean(r["address"]), r["postcode"], point, pcs)
        out.append(row)
    return out
