"""Reproducible synthetic community directories in our CSV template (directory_app/data/csv-template.md).

Places are spread over England by drawing Lower Layer Super Output Areas (2021) from
seed_data/geo/lsoa21_england.csv, weighted by population, and putting the venue a few hundred
metres from the LSOA's centroid. Names and descriptions come from need-specific phrase banks
(luncheon clubs, befriending, debt advice, men's sheds, walking groups, carers' cafés, food banks,
ESOL classes...), with schedules, costs, ages, delivery, access and referral routes drawn the way
real directories tend to look: most groups meet once a week and are free or cheap, advice services
open on weekdays, about one service in ten is a phone line or online offer covering a whole local
authority, and records were last checked anywhere from last week to four years ago.

The same (n, seed, anchor) always gives byte-identical output. Coordinates go in the latitude and
longitude columns, so importing never needs a postcode lookup.

    python -m bench.synth --n 10000 --seed 42 --out /tmp/synthetic_10k.csv
"""

from __future__ import annotations

import argparse
import bisect
import csv
import io
import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from directory_app.directory.service_input import FIELD_NAMES

ROOT = Path(__file__).resolve().parent.parent
# Geography data is moving into the package (directory_app/data): take whichever place holds it.
LSOA_CSV = next(
    (
        p
        for p in (
            ROOT / "directory_app" / "data" / "geo" / "lsoa21_england.csv",
            ROOT / "seed_data" / "geo" / "lsoa21_england.csv",
        )
        if p.exists()
    ),
    ROOT / "seed_data" / "geo" / "lsoa21_england.csv",
)
TAXONOMY_JSON = ROOT / "directory_app" / "data" / "needs_taxonomy.json"  # the packaged taxonomy
# A fixed "today" so that the same seed gives the same file whenever it is run.
ANCHOR = date(2026, 11, 1)
DEFAULT_SEED = 20261101
DEFAULT_POPULATION = 1600

# The columns of the import template, as the app reads them.
COLUMNS = list(FIELD_NAMES)


# --- places ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lsoa:
    code: str
    name: str
    lat: float
    lng: float
    la_code: str
    la_name: str
    population: int | None
    imd_decile: int | None
    imd_rank: int | None


def _int_or_none(value: str) -> int | None:
    value = (value or "").strip()
    return int(float(value)) if value else None


@lru_cache(maxsize=1)
def load_lsoas() -> tuple[Lsoa, ...]:
    with open(LSOA_CSV, newline="", encoding="utf-8") as handle:
        return tuple(
            Lsoa(
                code=row["lsoa21cd"],
                name=row["name"],
                lat=float(row["latitude"]),
                lng=float(row["longitude"]),
                la_code=row["la_code"],
                la_name=row["la_name"],
                population=_int_or_none(row["population"]),
                imd_decile=_int_or_none(row["imd_decile"]),
                imd_rank=_int_or_none(row["imd_rank"]),
            )
            for row in csv.DictReader(handle)
        )


@lru_cache(maxsize=1)
def _cumulative_population() -> tuple[list[float], float]:
    running, total = [], 0.0
    for lsoa in load_lsoas():
        total += lsoa.population or DEFAULT_POPULATION
        running.append(total)
    return running, total


def pick_lsoa(rng: random.Random) -> Lsoa:
    """An LSOA drawn in proportion to its population (a typical size where it is not known)."""
    running, total = _cumulative_population()
    return load_lsoas()[bisect.bisect_right(running, rng.random() * total)]


@lru_cache(maxsize=1)
def need_codes() -> tuple[str, ...]:
    return tuple(n["code"] for n in json.loads(TAXONOMY_JSON.read_text(encoding="utf-8"))["needs"])


@lru_cache(maxsize=1)
def ukcat_codes() -> dict[str, list[str]]:
    return {
        n["code"]: list(n.get("ukcat") or [])
        for n in json.loads(TAXONOMY_JSON.read_text(encoding="utf-8"))["needs"]
    }


# --- phrase banks ----------------------------------------------------------------------------

NEIGHBOURHOODS = [
    "Oakfield",
    "Brookside",
    "Greenbank",
    "Parkside",
    "Hillcrest",
    "Westfield",
    "Northgate",
    "Riverside",
    "Ashgrove",
    "Beechwood",
    "Moorside",
    "Fairfield",
    "Highfield",
    "Longford",
    "Meadowbank",
    "Millbrook",
    "Newtown",
    "Old Town",
    "Redhill",
    "Southbank",
    "Springfield",
    "Stonebridge",
    "Thornhill",
    "Broadway",
    "Victoria Park",
    "Kingsway",
    "Queensgate",
    "Church End",
    "Marsh Lane",
    "Canal Side",
    "Woodlands",
    "Elm Park",
    "Holly Bank",
    "Cherry Tree",
    "Bridge End",
    "Castle Hill",
    "Abbey Fields",
    "Mill Hill",
    "Station Quarter",
    "Market Place",
    "Chapel Fold",
    "Lark Hill",
    "Foxhollies",
    "Hawthorn",
    "Orchard Vale",
    "Willow Brook",
    "Heathfield",
    "Windmill",
    "Sandy Lane",
    "Cross Green",
    "Barley Mow",
    "Primrose Hill",
    "St Anne's",
    "St John's",
    "Holy Trinity",
    "St Mary's",
    "St Peter's",
    "All Saints",
    "Christ Church",
    "St Luke's",
    "St Michael's",
    "Harbour",
    "Lime Kiln",
    "Tanners",
    "Wharf Street",
    "Forge Lane",
]
VENUES = [
    "{n} Community Centre",
    "{n} Church Hall",
    "{n} Library",
    "{n} Methodist Church",
    "{n} Baptist Church",
    "{n} Village Hall",
    "{n} Leisure Centre",
    "{n} Family Hub",
    "{n} Primary School",
    "{n} Children's Centre",
    "{n} Health Centre",
    "{n} Mosque Community Room",
    "{n} Gurdwara Hall",
    "{n} Scout Hut",
    "{n} Allotments",
    "{n} Park Pavilion",
    "{n} Youth Centre",
    "{n} Neighbourhood Centre",
    "{n} Hub",
    "The {n} Centre",
    "{n} Working Men's Club",
    "{n} Sports Club",
    "{n} United Reformed Church",
    "{n} Salvation Army Hall",
    "{n} Quaker Meeting House",
]
STREETS = [
    "High Street",
    "Church Street",
    "Station Road",
    "Park Road",
    "Victoria Road",
    "Green Lane",
    "Manchester Road",
    "London Road",
    "Mill Lane",
    "School Lane",
    "Queen Street",
    "King Street",
    "North Road",
    "Chapel Street",
    "New Road",
    "Albert Road",
    "Market Street",
    "Bridge Street",
    "Springfield Road",
    "Grange Road",
    "Elm Grove",
    "The Crescent",
    "Moor Lane",
    "Westgate",
]
ACCESS = [
    "hearing loop",
    "accessible toilet",
    "step-free entrance",
    "lift to all floors",
    "disabled parking bay",
    "quiet room available",
    "large-print materials",
    "assistance dogs welcome",
    "baby changing",
    "ramp at side entrance",
]
PRACTICAL = [
    "No need to book, just turn up.",
    "Refreshments provided.",
    "Please ring ahead if it is your first visit.",
    "Referrals welcome from GPs, link workers and social prescribers.",
    "You are welcome to bring a friend or carer.",
    "Free parking on site.",
    "On the bus route, a short walk from the shops.",
    "Run by friendly local volunteers.",
    "Interpreters can be arranged with notice.",
    "Step-free access via the side entrance.",
    "Everyone is welcome, whatever their background.",
    "Tea, coffee and biscuits always on.",
    "We can help with transport if getting here is hard.",
    "Booking is advised as places are limited.",
]
LANGS = ["ur", "pa", "pl", "bn", "gu", "ar", "so", "ro", "cy", "zh", "pt", "ta", "ku", "fa", "ti"]
# Public "drama" ranges that Ofcom keeps free for fiction, so no real number is ever generated.
PHONE_RANGES = [
    ("01632", 960000, 960999),
    ("0113", 4960000, 4960999),
    ("0161", 4960000, 4960999),
    ("020", 79460000, 79460999),
    ("0121", 4960000, 4960999),
    ("0117", 4960000, 4960999),
]

# style -> defaults for schedule, cost and referral routes
STYLES = {
    "club": {
        "sched": "day1",
        "cost": (0.45, 0.45, 0.05),
        "routes": ["self;drop_in", "self", "drop_in", "self;professional;drop_in"],
    },
    "class": {"sched": "day1", "cost": (0.35, 0.45, 0.18), "routes": ["self", "self;professional"]},
    "evening": {"sched": "eve", "cost": (0.55, 0.35, 0.05), "routes": ["self;drop_in", "self"]},
    "outdoor": {"sched": "outdoor", "cost": (0.85, 0.12, 0.0), "routes": ["self;drop_in", "self", "drop_in"]},
    "advice": {
        "sched": "weekdays",
        "cost": (0.97, 0.0, 0.0),
        "routes": ["self;professional", "self;professional;drop_in", "professional"],
    },
    "support": {
        "sched": "day1",
        "cost": (0.9, 0.05, 0.0),
        "routes": ["self;professional", "professional", "self"],
    },
    "service": {
        "sched": "weekdays",
        "cost": (0.8, 0.1, 0.05),
        "routes": ["professional", "self;professional"],
    },
    "foodbank": {
        "sched": "day2",
        "cost": (0.97, 0.0, 0.0),
        "routes": ["professional", "self;professional", "drop_in"],
    },
    "pantry": {"sched": "day2", "cost": (0.0, 0.98, 0.0), "routes": ["self;drop_in", "self"]},
}

# Each need: how common it is as a primary need, kinds of service (name, style), remote kinds,
# sentences, related needs, national charities' local branches, ages and eligibility.
BANK: dict[str, dict] = {
    "loneliness": {
        "weight": 10,
        "kinds": [
            ("Luncheon Club", "club"),
            ("Befriending Service", "support"),
            ("Coffee Morning", "club"),
            ("Friendship Group", "club"),
            ("Knit and Natter", "club"),
            ("Social Club", "club"),
            ("Chatty Café", "club"),
            ("Men's Shed", "club"),
            ("Lunch and Chat", "club"),
            ("Community Meal", "club"),
            ("Bingo and Social", "club"),
        ],
        "remote": ["Telephone Befriending", "Friendship Line", "Online Coffee Morning"],
        "open": [
            "A friendly {k} for anyone who would like more company and a chance to meet new people.",
            "Come along to our {k}: a warm welcome, a hot drink and good conversation.",
            "Our {k} brings neighbours together so that nobody has to feel alone.",
            "Feeling isolated or lost touch with friends? Our {k} is a relaxed place to make friends.",
            "Volunteer befrienders visit or call people who live alone and would like someone to talk to.",
        ],
        "detail": [
            "Most of our members live alone and come for the company.",
            "There is a two-course lunch followed by a quiz, bingo or a guest speaker.",
            "A trained befriender is matched with you for a weekly visit or phone call.",
            "Games, crafts, newspapers and plenty of chat.",
            "Sessions are informal and you can come as often as you like.",
            "Members share skills, tinker with projects and look out for one another.",
        ],
        "also": ["older_people", "mental_wellbeing"],
        "brands": [
            "Age UK {la}",
            "Royal Voluntary Service",
            "Re-engage {la}",
            "{la} Men's Sheds Association",
        ],
    },
    "older_people": {
        "weight": 8,
        "kinds": [
            ("Over 60s Club", "club"),
            ("Tea Dance", "club"),
            ("Seated Exercise for Older People", "class"),
            ("Day Centre", "service"),
            ("Memory Café", "club"),
            ("Senior Citizens' Lunch", "club"),
            ("Good Neighbours Scheme", "support"),
            ("Handyperson Service", "service"),
            ("Falls Prevention Class", "class"),
        ],
        "remote": ["Silver Line Call", "Later Life Advice Line"],
        "open": [
            "Our {k} is for older people who want to stay active, sociable and independent.",
            "A welcoming {k} for people in later life and those who care for them.",
            "Practical help and good company for older residents through our {k}.",
        ],
        "detail": [
            "Help with shopping, small repairs, lifts to appointments and a friendly check-in.",
            "Gentle chair-based movement to improve strength, balance and confidence.",
            "People living with dementia and their carers enjoy music, reminiscence and support.",
            "A hot lunch, activities and a trip out once a month.",
        ],
        "also": ["loneliness", "physical_activity", "disability"],
        "brands": ["Age UK {la}", "Age Concern {la}", "Royal Voluntary Service"],
        "ages": [(50, None), (55, None), (60, None), (65, None)],
        "elig": [("people_with_dementia", 0.12)],
    },
    "physical_activity": {
        "weight": 9,
        "kinds": [
            ("Walking Group", "outdoor"),
            ("Health Walk", "outdoor"),
            ("parkrun Volunteers' Jog", "outdoor"),
            ("Chair Yoga", "class"),
            ("Walking Football", "class"),
            ("Couch to 5K", "outdoor"),
            ("Tai Chi Class", "class"),
            ("Walking Netball", "class"),
            ("Community Cycling Club", "outdoor"),
            ("Dance Fitness", "evening"),
            ("Swimming for Health", "class"),
            ("Pilates for Beginners", "class"),
            ("Boccia Club", "class"),
            ("Nordic Walking", "outdoor"),
        ],
        "remote": ["Online Exercise Class", "Move at Home Videos"],
        "open": [
            "A gentle {k} for all abilities: go at your own pace and meet people along the way.",
            "Get moving with our {k}, led by trained volunteers who keep it friendly and fun.",
            "Our {k} helps people get more active, lose weight and feel better.",
            "Improve your fitness with a weekly {k}; no experience or special kit needed.",
        ],
        "detail": [
            "Routes are about an hour on flat paths, finishing with a cuppa.",
            "Sessions are adapted for people with long-term conditions or low fitness.",
            "Beginners are paired with a buddy for the first few weeks.",
            "Balance and strength exercises that help prevent falls.",
        ],
        "also": ["long_term_conditions", "mental_wellbeing", "loneliness"],
        "brands": ["{la} Leisure Trust", "Ramblers {la}", "{la} Active", "Walking for Health {la}"],
    },
    "mental_wellbeing": {
        "weight": 8,
        "kinds": [
            ("Wellbeing Café", "club"),
            ("Peer Support Group", "support"),
            ("Anxiety Support Group", "support"),
            ("Talking Therapies Drop-in", "service"),
            ("Mindfulness Course", "class"),
            ("Recovery College Course", "class"),
            ("Crisis Café", "evening"),
            ("Men's Mental Health Group", "evening"),
            ("Mums' Wellbeing Group", "support"),
            ("Counselling Service", "service"),
            ("Hearing Voices Group", "support"),
        ],
        "remote": ["Listening Line", "Online Peer Support", "Night-time Wellbeing Line"],
        "open": [
            "A safe, non-judgemental space to talk about how you are feeling at our {k}.",
            "Our {k} supports people with low mood, stress or anxiety to feel more in control.",
            "Struggling with your mental health? The {k} offers support from people who understand.",
            "Learn practical tools for managing worry and stress in our {k}.",
        ],
        "detail": [
            "Run by people with lived experience alongside trained staff.",
            "Short-term counselling of six to twelve sessions, with a sliding scale for fees.",
            "Open evenings and weekends when other services are closed.",
            "Topics include sleep, managing anxiety, building confidence and recovery planning.",
        ],
        "also": ["loneliness", "physical_activity"],
        "brands": [
            "Mind in {la}",
            "{la} Mind",
            "Samaritans {la}",
            "Andy's Man Club",
            "{la} Recovery College",
        ],
        "elig": [("men", 0.05), ("women", 0.05), ("lgbtq", 0.02)],
    },
    "food": {
        "weight": 6,
        "kinds": [
            ("Food Bank", "foodbank"),
            ("Community Pantry", "pantry"),
            ("Food Club", "pantry"),
            ("Community Fridge", "pantry"),
            ("Soup Kitchen", "club"),
            ("Pay as You Feel Café", "club"),
            ("Holiday Hunger Lunch Club", "club"),
            ("Cook and Eat Course", "class"),
        ],
        "remote": ["Food Parcel Delivery", "Emergency Food Helpline"],
        "open": [
            "Emergency food parcels for people in crisis through our {k}.",
            "Our {k} offers affordable, healthy food for local families on a low income.",
            "A {k} where you can pick up groceries, fresh fruit and veg for a small weekly fee.",
            "Hot meals and a warm welcome at our {k}, no questions asked.",
        ],
        "detail": [
            "A food bank voucher from a GP, school or advice agency is needed for a parcel.",
            "Members pay £3.50 a week and choose around £15 worth of shopping.",
            "We can also signpost you to debt and benefits advice.",
            "Nappies, toiletries and pet food are available when stocks allow.",
        ],
        "also": ["money_debt", "fuel_energy", "family_parenting"],
        "brands": [
            "Trussell Trust",
            "{la} Foodbank",
            "Your Local Pantry",
            "FareShare {la}",
            "The Salvation Army",
        ],
    },
    "money_debt": {
        "weight": 5,
        "kinds": [
            ("Debt Advice", "advice"),
            ("Money Advice Drop-in", "advice"),
            ("Budgeting Course", "class"),
            ("Credit Union Collection Point", "service"),
            ("Money Mentors", "support"),
            ("Cost of Living Help Point", "advice"),
        ],
        "remote": ["Debt Advice Line", "Online Money Advice", "Money Helpline"],
        "open": [
            "Free, confidential debt advice to help you deal with arrears, bailiffs and money worries.",
            "Our {k} helps you make a budget, deal with creditors and plan a way out of debt.",
            "Worried about money? The {k} gives impartial help with debts and the cost of living.",
        ],
        "detail": [
            "Advisers can negotiate with creditors and help with debt relief orders and bankruptcy.",
            "We help with council tax, rent and energy arrears, and with maximising income.",
            "Affordable loans and savings accounts through the local credit union.",
        ],
        "also": ["welfare_benefits", "fuel_energy", "housing"],
        "brands": ["Citizens Advice {la}", "StepChange", "Christians Against Poverty", "{la} Credit Union"],
        "ages": [(18, None)],
    },
    "welfare_benefits": {
        "weight": 4,
        "kinds": [
            ("Benefits Advice", "advice"),
            ("Welfare Rights Service", "advice"),
            ("Universal Credit Help", "advice"),
            ("PIP Form-filling Support", "support"),
            ("Benefit Check Drop-in", "advice"),
        ],
        "remote": ["Benefits Advice Line", "Help to Claim Line"],
        "open": [
            "Help to claim the benefits you are entitled to, from Universal Credit to Attendance Allowance.",
            "Our {k} helps with benefit checks, claim forms, mandatory reconsiderations and appeals.",
            "Free, independent welfare rights advice from trained advisers at our {k}.",
        ],
        "detail": [
            "We help with PIP, ESA, Universal Credit and Pension Credit forms.",
            "Representation at benefit tribunals for people who need it.",
            "Appointments and drop-in sessions at community venues across the borough.",
        ],
        "also": ["money_debt", "legal_advice"],
        "brands": ["Citizens Advice {la}", "{la} Welfare Rights", "Disability Rights {la}"],
        "ages": [(16, None), (18, None)],
    },
    "housing": {
        "weight": 3,
        "kinds": [
            ("Housing Advice", "advice"),
            ("Homeless Drop-in", "service"),
            ("Tenancy Support", "support"),
            ("Night Shelter", "evening"),
            ("Private Renters' Support", "advice"),
            ("Day Centre for Rough Sleepers", "service"),
        ],
        "remote": ["Housing Advice Line", "Homelessness Helpline"],
        "open": [
            "Advice for people at risk of losing their home, renting privately or living in social housing.",
            "Our {k} supports people who are homeless or sleeping rough to find somewhere safe to stay.",
            "Help to keep your tenancy, deal with disrepair and sort out rent arrears.",
        ],
        "detail": [
            "Showers, laundry, hot food and a postal address for people with nowhere to live.",
            "Caseworkers help with housing applications and getting a home set up.",
            "Advice on evictions, deposits and landlord disputes.",
        ],
        "also": ["money_debt", "welfare_benefits", "legal_advice"],
        "brands": ["Shelter {la}", "{la} Housing Options", "St Mungo's", "Crisis Skylight {la}"],
        "ages": [(16, None), (18, None)],
    },
    "fuel_energy": {
        "weight": 2,
        "kinds": [
            ("Energy Advice Drop-in", "advice"),
            ("Warm Space", "club"),
            ("Warm Homes Service", "service"),
            ("Fuel Voucher Scheme", "service"),
        ],
        "remote": ["Energy Advice Line"],
        "open": [
            "Help with energy bills, fuel debt, switching tariffs and keeping your home warm.",
            "A free warm space with hot drinks, wifi and company through the winter at our {k}.",
            "Our {k} helps households struggling to heat their homes.",
        ],
        "detail": [
            "Fuel vouchers for people on prepayment meters who have run out of credit.",
            "Home visits to check insulation, heating controls and draughts.",
            "Advice on the Warm Home Discount and energy grants.",
        ],
        "also": ["money_debt", "food", "loneliness"],
        "brands": ["{la} Energy Advice", "Citizens Advice {la}", "National Energy Action"],
    },
    "long_term_conditions": {
        "weight": 5,
        "kinds": [
            ("Diabetes Support Group", "support"),
            ("Breathe Easy Group", "support"),
            ("Heart Support Group", "support"),
            ("Stroke Club", "club"),
            ("Arthritis Exercise Class", "class"),
            ("Cancer Support Drop-in", "support"),
            ("Parkinson's Group", "support"),
            ("Chronic Pain Self-management Course", "class"),
            ("Long Covid Support Group", "support"),
            ("Fibromyalgia Support", "support"),
        ],
        "remote": ["Cancer Support Line", "Online Self-management Course"],
        "open": [
            "Support, information and friendship for people living with a long-term condition at our {k}.",
            "Our {k} helps people manage symptoms, understand their condition and stay well.",
            "Meet others living with the same condition and learn from specialist speakers.",
        ],
        "detail": [
            "Monthly talks from nurses, dietitians and physiotherapists.",
            "Gentle exercise adapted for people with breathing problems or joint pain.",
            "Carers and family members are welcome too.",
        ],
        "also": ["physical_activity", "mental_wellbeing", "disability"],
        "brands": [
            "Diabetes UK {la}",
            "Asthma + Lung UK",
            "Stroke Association",
            "Macmillan {la}",
            "Parkinson's UK {la} Branch",
            "British Heart Foundation",
        ],
        "ages": [(18, None)],
    },
    "carers": {
        "weight": 4,
        "kinds": [
            ("Carers' Café", "club"),
            ("Carers' Support Group", "support"),
            ("Young Carers Group", "evening"),
            ("Carers' Break Service", "service"),
            ("Carers' Assessment Help", "advice"),
            ("Dementia Carers' Group", "support"),
        ],
        "remote": ["Carers' Helpline", "Online Carers' Forum"],
        "open": [
            "Looking after someone? Our {k} offers a break, a listening ear and practical help.",
            "A relaxed {k} where unpaid carers can meet others in the same situation.",
            "Information, advice and emotional support for people caring for a relative or friend.",
        ],
        "detail": [
            "We can help with a carer's assessment and applying for Carer's Allowance.",
            "Replacement care can be arranged so that you can attend.",
            "Pamper sessions, days out and short courses for carers.",
        ],
        "also": ["mental_wellbeing", "loneliness", "welfare_benefits"],
        "brands": ["{la} Carers Centre", "Carers Trust {la}", "Alzheimer's Society {la}"],
        "elig": [("carers", 0.6), ("people_with_dementia", 0.05)],
    },
    "bereavement": {
        "weight": 2,
        "kinds": [
            ("Bereavement Support Group", "support"),
            ("Bereavement Café", "club"),
            ("Grief Counselling", "service"),
            ("Widows' and Widowers' Group", "club"),
        ],
        "remote": ["Bereavement Helpline", "Online Grief Support"],
        "open": [
            "Support for anyone who has lost someone close to them, however long ago.",
            "Our {k} is a gentle space to talk about grief with people who understand.",
            "One-to-one and group support after a bereavement.",
        ],
        "detail": [
            "Trained volunteers offer six to eight sessions of listening support.",
            "Specialist support after a death by suicide is available.",
            "Children's bereavement sessions run in school holidays.",
        ],
        "also": ["mental_wellbeing", "loneliness"],
        "brands": ["Cruse Bereavement Support", "{la} Hospice", "Marie Curie"],
    },
    "employment_skills": {
        "weight": 4,
        "kinds": [
            ("Job Club", "advice"),
            ("CV and Interview Workshop", "class"),
            ("Employment Support", "support"),
            ("Work Skills Course", "class"),
            ("Back to Work Programme", "service"),
            ("Enterprise Club", "class"),
        ],
        "remote": ["Online Job Club", "Careers Advice Line"],
        "open": [
            "Help to find work, write a CV, apply for jobs and prepare for interviews at our {k}.",
            "Our {k} supports people out of work to build skills and confidence.",
            "One-to-one employment support for people with health conditions or disabilities.",
        ],
        "detail": [
            "Free use of computers, printing and help with online applications.",
            "Short courses with recognised qualifications in food hygiene, first aid and customer service.",
            "Support continues for six months after you start work.",
        ],
        "also": ["learning", "digital_inclusion", "mental_wellbeing"],
        "brands": ["{la} Works", "Remploy", "Prince's Trust", "The Growth Company"],
        "ages": [(16, None), (18, None), (16, 24), (18, 64)],
    },
    "learning": {
        "weight": 4,
        "kinds": [
            ("Adult Learning Course", "class"),
            ("Family Learning Session", "class"),
            ("Maths and English Class", "class"),
            ("Book Club", "club"),
            ("University of the Third Age", "class"),
            ("History Society", "evening"),
            ("Reading Group", "club"),
        ],
        "remote": ["Online Learning Course"],
        "open": [
            "Learn something new in a friendly, supportive group at our {k}.",
            "Our {k} helps adults build confidence with reading, writing and numbers.",
            "Courses for adults returning to learning after a long break.",
        ],
        "detail": [
            "Courses are free for people on a low income.",
            "No exams unless you want them.",
            "Topics include local history, languages, art appreciation and science.",
        ],
        "also": ["employment_skills", "loneliness"],
        "brands": ["{la} Adult Learning", "WEA", "u3a {la}", "{la} Libraries"],
        "ages": [(16, None), (19, None)],
    },
    "digital_inclusion": {
        "weight": 3,
        "kinds": [
            ("Digital Drop-in", "advice"),
            ("Computer Club", "class"),
            ("Tablet Lending Scheme", "service"),
            ("Get Online Session", "class"),
            ("Digital Champions", "support"),
        ],
        "remote": ["Digital Help Line"],
        "open": [
            "Help to get online, use a smartphone, tablet or computer and stay safe on the internet.",
            "Our {k} helps people book GP appointments, order prescriptions and use the NHS App.",
            "Patient volunteers help with email, video calls and online shopping.",
        ],
        "detail": [
            "Bring your own device or borrow one of ours.",
            "Free data SIM cards for people who cannot afford to get online.",
            "One-to-one help at your own pace.",
        ],
        "also": ["learning", "older_people", "employment_skills"],
        "brands": ["{la} Libraries", "Good Things Foundation", "Age UK {la}"],
    },
    "arts_creativity": {
        "weight": 6,
        "kinds": [
            ("Community Choir", "evening"),
            ("Art Group", "class"),
            ("Singing for the Brain", "club"),
            ("Creative Writing Group", "club"),
            ("Craft Club", "club"),
            ("Community Theatre", "evening"),
            ("Pottery Workshop", "class"),
            ("Photography Club", "evening"),
            ("Ukulele Group", "class"),
            ("Arts on Prescription", "support"),
        ],
        "remote": ["Online Art Class", "Virtual Choir"],
        "open": [
            "Get creative and meet new people at our {k}; no experience needed.",
            "Our {k} is a relaxed, welcoming group for people who want to try something new.",
            "Sing, paint, write or make: our {k} is about enjoyment, not perfection.",
        ],
        "detail": [
            "All materials are provided.",
            "We perform at local events a few times a year, if you want to.",
            "Arts on prescription places for people referred by their GP or link worker.",
        ],
        "also": ["mental_wellbeing", "loneliness"],
        "brands": ["{la} Arts Centre", "{la} Community Arts", "Arts for Health {la}"],
    },
    "nature_gardening": {
        "weight": 4,
        "kinds": [
            ("Community Garden", "outdoor"),
            ("Allotment Project", "outdoor"),
            ("Green Gym", "outdoor"),
            ("Conservation Volunteers", "outdoor"),
            ("Therapeutic Gardening", "outdoor"),
            ("Friends of the Park", "outdoor"),
            ("Forest School for Adults", "outdoor"),
        ],
        "remote": [],
        "open": [
            "Get outdoors, grow food and make friends at our {k}.",
            "Our {k} welcomes anyone who wants to spend time in nature and learn about growing.",
            "Hands-on gardening and conservation work in green spaces across the area.",
        ],
        "detail": [
            "Tools, gloves and a warm drink are provided.",
            "Raised beds and accessible paths for people with limited mobility.",
            "Produce is shared with members and the local food bank.",
        ],
        "also": ["physical_activity", "mental_wellbeing", "volunteering"],
        "brands": [
            "The Conservation Volunteers",
            "{la} Wildlife Trust",
            "Groundwork {la}",
            "Incredible Edible {la}",
        ],
    },
    "volunteering": {
        "weight": 3,
        "kinds": [
            ("Volunteer Centre", "advice"),
            ("Volunteering Drop-in", "advice"),
            ("Community Volunteers", "support"),
            ("Charity Shop Volunteering", "service"),
        ],
        "remote": ["Online Volunteering Opportunities"],
        "open": [
            "Find a volunteering role that suits you at our {k}.",
            "Our {k} matches people with local charities and community groups that need help.",
            "Volunteering is a great way to meet people, learn skills and give something back.",
        ],
        "detail": [
            "Roles include befriending, driving, gardening, admin and fundraising.",
            "Expenses are paid and training is provided.",
            "Supported volunteering for people who need extra help to get started.",
        ],
        "also": ["employment_skills", "loneliness"],
        "brands": ["{la} CVS", "Volunteer Centre {la}", "{la} Council for Voluntary Service"],
        "ages": [(16, None), (18, None)],
    },
    "family_parenting": {
        "weight": 5,
        "kinds": [
            ("Stay and Play", "club"),
            ("Parenting Course", "class"),
            ("Baby and Toddler Group", "club"),
            ("Dads' Group", "club"),
            ("Breastfeeding Support", "support"),
            ("Family Support Service", "service"),
            ("Home-Start Visiting", "support"),
        ],
        "remote": ["Parent Helpline", "Online Parenting Course"],
        "open": [
            "A friendly {k} for parents, carers and children under five.",
            "Our {k} supports parents through the ups and downs of family life.",
            "Play, songs and stories for little ones, and a chance for grown-ups to chat.",
        ],
        "detail": [
            "Trained volunteers visit families at home every week.",
            "The course covers routines, behaviour, sleep and looking after yourself.",
            "Healthy snacks and a health visitor drop-in once a month.",
        ],
        "also": ["young_people", "mental_wellbeing", "food"],
        "brands": ["Home-Start {la}", "{la} Family Hubs", "NCT", "Barnardo's"],
        "elig": [("families", 0.35), ("women", 0.05), ("men", 0.03)],
    },
    "young_people": {
        "weight": 5,
        "kinds": [
            ("Youth Club", "evening"),
            ("Young People's Counselling", "service"),
            ("Youth Mentoring", "support"),
            ("Youth Sports Session", "evening"),
            ("LGBTQ+ Youth Group", "evening"),
            ("Duke of Edinburgh Group", "evening"),
            ("Holiday Activities Programme", "class"),
        ],
        "remote": ["Online Youth Counselling", "Text Support for Young People"],
        "open": [
            "A safe and fun {k} for young people to meet friends and try new things.",
            "Our {k} gives young people someone to talk to and support to reach their goals.",
            "Free activities, trips and a hot meal for young people in the area.",
        ],
        "detail": [
            "Youth workers are on hand every session.",
            "Counselling for young people dealing with anxiety, exam stress or family problems.",
            "Sports, music, cooking and games.",
        ],
        "also": ["mental_wellbeing", "physical_activity", "learning"],
        "brands": ["{la} Youth Service", "The Prince's Trust", "Kooth", "{la} YMCA", "The Scouts"],
        "ages": [(11, 18), (13, 19), (11, 25), (16, 25), (8, 13)],
        "elig": [("lgbtq", 0.04)],
    },
    "transport": {
        "weight": 1.5,
        "kinds": [
            ("Community Transport", "service"),
            ("Dial-a-Ride", "service"),
            ("Volunteer Car Scheme", "service"),
            ("Shopmobility", "service"),
        ],
        "remote": ["Ring and Ride Booking Line"],
        "open": [
            "Door-to-door transport for people who cannot use ordinary buses.",
            "Our {k} gets people to appointments, shops and social activities.",
            "Volunteer drivers take people to hospital and GP appointments.",
        ],
        "detail": [
            "Wheelchair-accessible minibuses.",
            "A small charge per mile covers drivers' costs.",
            "Book at least two days ahead.",
        ],
        "also": ["older_people", "disability", "loneliness"],
        "brands": ["{la} Community Transport", "Ring and Ride {la}", "Royal Voluntary Service"],
    },
    "language_integration": {
        "weight": 2.5,
        "kinds": [
            ("ESOL Class", "class"),
            ("English Conversation Club", "club"),
            ("Refugee Drop-in", "advice"),
            ("Women's ESOL and Craft Group", "class"),
            ("Conversation Café", "club"),
            ("Welcome Project", "support"),
        ],
        "remote": ["Online English Practice"],
        "open": [
            "Practise your English in a friendly, informal group at our {k}.",
            "Our {k} welcomes refugees, people seeking asylum and new arrivals to the area.",
            "English for speakers of other languages, from beginners to advanced.",
        ],
        "detail": [
            "Free crèche while you learn.",
            "Help with forms, letters and finding local services.",
            "Classes lead to recognised ESOL qualifications.",
        ],
        "also": ["learning", "loneliness", "employment_skills"],
        "brands": [
            "{la} Refugee Support",
            "City of Sanctuary {la}",
            "{la} Adult Learning",
            "British Red Cross",
        ],
        "ages": [(16, None), (19, None)],
        "elig": [("refugees", 0.2), ("women", 0.1)],
    },
    "domestic_abuse": {
        "weight": 1.5,
        "kinds": [
            ("Domestic Abuse Support", "service"),
            ("Freedom Programme", "class"),
            ("IDVA Service", "service"),
            ("Women's Refuge Outreach", "service"),
            ("Survivors' Group", "support"),
        ],
        "remote": ["Domestic Abuse Helpline", "Live Chat Support"],
        "open": [
            "Confidential support for anyone affected by domestic abuse.",
            "Our {k} helps people who are experiencing or have experienced abuse to be safe and recover.",
            "Specialist advocates support survivors through safety planning, housing and the courts.",
        ],
        "detail": [
            "The Freedom Programme is a twelve-week course for women.",
            "Support for men and LGBTQ+ survivors is available.",
            "We never share your details without your consent unless someone is at risk.",
        ],
        "also": ["mental_wellbeing", "housing", "legal_advice"],
        "brands": ["{la} Women's Aid", "Refuge", "SafeLives", "{la} Domestic Abuse Service"],
        "ages": [(16, None), (18, None)],
        "elig": [("women", 0.3)],
    },
    "addiction_recovery": {
        "weight": 2,
        "kinds": [
            ("Recovery Café", "club"),
            ("Drug and Alcohol Service", "service"),
            ("SMART Recovery Meeting", "evening"),
            ("Gambling Support Group", "support"),
            ("Mutual Aid Meeting", "evening"),
            ("Recovery Community", "support"),
        ],
        "remote": ["Alcohol Advice Line", "Online Recovery Meeting"],
        "open": [
            "Support for anyone worried about their drinking, drug use or gambling.",
            "Our {k} is run by people in recovery for people in recovery.",
            "Free, confidential help to cut down or stop, and to rebuild your life.",
        ],
        "detail": [
            "Drop in for a brew, a chat and peer support.",
            "Support for family members too.",
            "Detox and rehab referrals through our key workers.",
        ],
        "also": ["mental_wellbeing", "housing"],
        "brands": ["Turning Point", "Change Grow Live", "We Are With You", "{la} Recovery Community"],
        "ages": [(18, None)],
    },
    "disability": {
        "weight": 3,
        "kinds": [
            ("Disability Advice", "advice"),
            ("Sensory Support Group", "support"),
            ("Accessible Sports Club", "class"),
            ("Learning Disability Social Club", "evening"),
            ("Sight Loss Support", "support"),
            ("Deaf Social Club", "club"),
            ("Independent Living Advice", "advice"),
        ],
        "remote": ["Disability Rights Helpline"],
        "open": [
            "Advice, support and activities for disabled people and their families.",
            "Our {k} is run by and for disabled people.",
            "An inclusive {k} where everyone can take part.",
        ],
        "detail": [
            "BSL interpreters at every session.",
            "Help with equipment, adaptations and the Blue Badge.",
            "Support workers and carers are welcome free of charge.",
        ],
        "also": ["welfare_benefits", "physical_activity", "loneliness"],
        "brands": ["{la} Centre for Independent Living", "Mencap {la}", "RNIB", "Sense", "{la} Deaf Centre"],
        "elig": [("people_with_disabilities", 0.3)],
    },
    "legal_advice": {
        "weight": 1.5,
        "kinds": [
            ("Legal Advice Clinic", "advice"),
            ("Law Centre Drop-in", "advice"),
            ("Immigration Advice", "advice"),
            ("Employment Rights Advice", "advice"),
            ("Discrimination Advice", "advice"),
        ],
        "remote": ["Legal Advice Line"],
        "open": [
            "Free legal advice from qualified solicitors and caseworkers at our {k}.",
            "Our {k} helps with housing, employment, immigration and discrimination problems.",
            "Know your rights: free, independent advice and representation.",
        ],
        "detail": [
            "Appointments are 30 minutes; bring any letters or documents.",
            "Volunteer law students supervised by solicitors.",
            "We can represent you at tribunal in some cases.",
        ],
        "also": ["housing", "welfare_benefits", "money_debt"],
        "brands": ["{la} Law Centre", "Citizens Advice {la}", "LawWorks Clinic {la}"],
        "ages": [(18, None)],
    },
}
LOCAL_ORG_TYPES = [
    "{n} Community Association",
    "{n} Residents' Association",
    "Friends of {n}",
    "{n} Methodist Church",
    "{n} Parish Church",
    "{n} Community Trust",
    "{n} Neighbourhood Network",
    "{n} Mosque",
    "{n} Development Trust",
    "{n} Health and Wellbeing Group",
    "{n} Tenants' Association",
    "{n} Lions Club",
    "{n} Rotary Club",
    "{n} WI",
    "{n} Community Interest Company",
]
SCHEDULE_KINDS = {
    "day1": [
        ("10:00", "12:00"),
        ("10:30", "12:30"),
        ("13:30", "15:30"),
        ("11:00", "14:00"),
        ("14:00", "16:00"),
        ("09:30", "11:30"),
        ("12:00", "14:00"),
    ],
    "day2": [
        ("10:00", "12:00"),
        ("12:00", "14:00"),
        ("16:00", "18:00"),
        ("10:00", "13:00"),
        ("17:00", "19:00"),
    ],
    "eve": [
        ("18:00", "20:00"),
        ("19:00", "21:00"),
        ("18:30", "20:30"),
        ("19:30", "21:30"),
        ("17:30", "19:00"),
    ],
    "outdoor": [
        ("10:00", "11:30"),
        ("09:00", "10:30"),
        ("13:30", "15:00"),
        ("10:30", "12:00"),
        ("18:00", "19:00"),
    ],
    "weekdays": [
        ("09:00", "17:00"),
        ("09:30", "16:30"),
        ("10:00", "16:00"),
        ("09:00", "13:00"),
        ("13:00", "17:00"),
    ],
}
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_WEIGHTS = [17, 18, 18, 18, 15, 9, 5]


def _weighted(rng: random.Random, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def _slug(text: str) -> str:
    # Cut before stripping: a label ending in "-" is not a valid domain, so its email is refused.
    return re.sub(r"[^a-z0-9]+", "-", text.lower())[:40].strip("-") or "group"


def _schedule(rng: random.Random, style: str, remote: bool) -> tuple[str, str]:
    """(schedule, schedule_description) in the template's syntax, e.g. 'MO,WE 10:00-12:00'."""
    if remote:
        if rng.random() < 0.25:
            return "", "Lines open around the clock, every day"
        opens, closes = rng.choice(SCHEDULE_KINDS["weekdays"])
        days = ["MO", "TU", "WE", "TH", "FR"] + (["SA"] if rng.random() < 0.2 else [])
        return f"{','.join(days)} {opens}-{closes}", ""
    roll = rng.random()
    if roll < 0.08:
        return "", rng.choice(
            [
                "Please ring for times",
                "First Tuesday of the month",
                "Term time only; see website",
                "By appointment",
                "Fortnightly, check our Facebook page",
            ]
        )
    kind = STYLES[style]["sched"]
    if kind == "weekdays":
        opens, closes = rng.choice(SCHEDULE_KINDS["weekdays"])
        days = (
            ["MO", "TU", "WE", "TH", "FR"]
            if rng.random() < 0.6
            else sorted(rng.sample(DAYS[:5], rng.randint(2, 4)), key=DAYS.index)
        )
        return f"{','.join(days)} {opens}-{closes}", ""
    if kind == "outdoor":
        day = _weighted(rng, DAYS, [12, 12, 12, 12, 10, 22, 20])
    else:
        day = _weighted(rng, DAYS, DAY_WEIGHTS)
    opens, closes = rng.choice(SCHEDULE_KINDS[kind])
    entries = [([day], opens, closes)]
    if kind == "day2" or rng.random() < 0.2:
        other = _weighted(rng, DAYS, DAY_WEIGHTS)
        if other != day:
            o2, c2 = rng.choice(SCHEDULE_KINDS[kind])
            if (o2, c2) == (opens, closes):
                entries = [(sorted([day, other], key=DAYS.index), opens, closes)]
            else:
                entries.append(([other], o2, c2))
    return "; ".join(f"{','.join(d)} {o}-{c}" for d, o, c in entries), ""


def _cost(rng: random.Random, style: str, remote: bool) -> tuple[str, str, str]:
    if remote:
        return ("free", "", "") if rng.random() < 0.95 else ("", "", "")
    free, low, paid = STYLES[style]["cost"]
    roll = rng.random()
    if roll < free:
        return "free", "", ""
    if roll < free + low:
        amount = rng.choice([1, 1.5, 2, 2.5, 3, 3.5, 4, 5])
        what = rng.choice(
            [
                "per session",
                "per session, includes refreshments",
                "for a two-course lunch",
                "a week",
                "per visit",
                "donation suggested",
            ]
        )
        return "low_cost", f"{amount:.2f}", what
    if roll < free + low + paid:
        amount = rng.choice([6, 7.5, 8, 10, 12, 15, 25, 40])
        return (
            "paid",
            f"{amount:.2f}",
            rng.choice(["per session", "per course of six weeks", "per term", "per class"]),
        )
    return "", "", ""  # cost not known


def _phone(rng: random.Random) -> str:
    prefix, low, high = rng.choice(PHONE_RANGES)
    number = str(rng.randint(low, high))
    if len(number) == 7:
        return f"{prefix} {number[:3]} {number[3:]}"
    if len(number) == 8:
        return f"{prefix} {number[:4]} {number[4:]}"
    return f"{prefix} {number}"


def _place_name(lsoa: Lsoa) -> str:
    return lsoa.la_name


def service_row(index: int, rng: random.Random, needs: list[str], weights: list[float]) -> dict:
    """One CSV row. Every random choice goes through `rng`, in a fixed order."""
    primary = _weighted(rng, needs, weights)
    bank = BANK[primary]
    remote = rng.random() < 0.10 and bool(bank["remote"])
    lsoa = pick_lsoa(rng)
    la = _place_name(lsoa)
    neighbourhood = rng.choice(NEIGHBOURHOODS)
    if remote:
        kind, style = rng.choice(bank["remote"]), "service"
    else:
        kind, style = rng.choice(bank["kinds"])
    # Organisation: a local branch of a national charity, or a neighbourhood group.
    # Both carry the local authority's name, as directories list local branches and groups.
    if rng.random() < 0.4:
        brand = rng.choice(bank["brands"])
        organization = brand.format(la=la) if "{la}" in brand else f"{brand} ({la})"
    else:
        organization = rng.choice(LOCAL_ORG_TYPES).format(n=neighbourhood) + f" ({la})"
    venue = rng.choice(VENUES).format(n=neighbourhood)
    pattern = rng.random()
    short = organization.split(" (")[0]
    if remote:
        name = f"{short} {kind}" if rng.random() < 0.5 else f"{la} {kind}"
    elif pattern < 0.4:
        name = f"{neighbourhood} {kind}"
    elif pattern < 0.7:
        name = f"{kind} at {venue}"
    elif pattern < 0.9:
        name = f"{la} {kind} – {neighbourhood}"
    else:
        name = f"{short} {kind}"
    # Needs: the primary one, often one or two related ones; some rows leave it to auto-tagging.
    codes = [primary] + [n for n in bank["also"] if rng.random() < 0.3]
    explicit = rng.random() >= 0.15
    sentences = [rng.choice(bank["open"]).format(k=kind, place=la)]
    sentences.append(rng.choice(bank["detail"]))
    for extra in codes[1:2]:
        sentences.append(rng.choice(BANK[extra]["detail"]))
    sentences.append(rng.choice(PRACTICAL))
    if not remote:
        sentences.append(f"We meet at {venue}, {la}.")
    description = " ".join(sentences)
    schedule, schedule_description = _schedule(rng, style, remote)
    cost, cost_amount, cost_description = _cost(rng, style, remote)
    ages = bank.get("ages")
    minimum_age = maximum_age = ""
    if ages and rng.random() < 0.8:
        low, high = rng.choice(ages)
        minimum_age, maximum_age = str(low), "" if high is None else str(high)
    elif rng.random() < 0.15:
        minimum_age = "18"
    eligibility = [group for group, p in bank.get("elig", []) if rng.random() < p]
    if "Men's" in kind and rng.random() < 0.5:
        eligibility.append("men")
    if kind.startswith("Women") and "women" not in eligibility:
        eligibility.append("women")
    if rng.random() < 0.01:
        eligibility.append("veterans")
    eligibility = list(dict.fromkeys(eligibility))
    routes = rng.choice(STYLES[style]["routes"])
    slug = _slug(organization)
    url = f"https://{slug}.example.org/{_slug(kind)}" if rng.random() < 0.7 else ""
    email = f"hello@{slug}.example.org" if rng.random() < 0.6 else ""
    phone = _phone(rng) if rng.random() < 0.75 or remote else ""
    status = _weighted(rng, ["active", "temporarily_closed", "inactive"], [96, 2.5, 1.5])
    taxonomy_terms = (
        ";".join(rng.sample(ukcat_codes()[primary], min(len(ukcat_codes()[primary]), rng.randint(1, 2))))
        if rng.random() < 0.7 and ukcat_codes()[primary]
        else ""
    )
    languages = "en" if rng.random() < 0.8 else "en;" + ";".join(rng.sample(LANGS, rng.randint(1, 2)))
    capacity = rng.random() < 0.15 and style in ("support", "service", "advice")
    verified = ANCHOR - timedelta(days=rng.randint(0, 4 * 365))
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        {
            "external_id": f"SYN-{index:06d}",
            "name": name,
            "organization": organization,
            "description": description,
            "url": url,
            "email": email,
            "phone": phone,
            "status": status,
            "needs": ";".join(dict.fromkeys(codes)) if explicit else "",
            "taxonomy_terms": taxonomy_terms,
            "minimum_age": minimum_age,
            "maximum_age": maximum_age,
            "cost": cost,
            "cost_amount": cost_amount,
            "cost_description": cost_description,
            "schedule": schedule,
            "schedule_description": schedule_description,
            "referral_route": routes,
            "eligibility": ";".join(eligibility),
            "languages": languages,
            "accepting_referrals": ("yes" if rng.random() < 0.8 else "no") if capacity else "",
            "wait_weeks": str(rng.choice([0, 1, 2, 2, 3, 4, 6, 8, 12])) if capacity else "",
            "last_verified_at": verified.isoformat(),
        }
    )
    if remote:
        modes = _weighted(rng, ["phone", "online", "phone;online"], [45, 30, 25])
        national = rng.random() < 0.1
        row.update({"delivery": modes, "area_wide": "yes", "service_area": "" if national else lsoa.la_code})
    else:
        # A venue a few hundred metres from the LSOA's centroid (1 degree of latitude is 111 km).
        lat = round(lsoa.lat + rng.gauss(0, 0.0025), 5)
        lng = round(lsoa.lng + rng.gauss(0, 0.004), 5)
        hybrid = rng.random() < 0.05
        wheelchair = _weighted(rng, ["yes", "no", ""], [50, 10, 40])
        access = (
            "; ".join(rng.sample(ACCESS, rng.randint(1, 3)))
            if wheelchair == "yes" and rng.random() < 0.6
            else ""
        )
        row.update(
            {
                "location_name": venue,
                "address_1": f"{rng.randint(1, 240)} {rng.choice(STREETS)}",
                "city": la,
                "latitude": f"{lat:.5f}",
                "longitude": f"{lng:.5f}",
                "wheelchair": wheelchair,
                "accessibility": access,
                "delivery": "in_person;online" if hybrid else "in_person",
            }
        )
    return row


def generate(n: int, seed: int = DEFAULT_SEED) -> list[dict]:
    """n rows of the CSV template; the same (n, seed) always gives the same rows."""
    rng = random.Random(seed)
    needs = list(need_codes())
    missing = [code for code in needs if code not in BANK]
    if missing:
        raise RuntimeError(f"bench/synth.py has no phrase bank for need(s): {', '.join(missing)}")
    weights = [BANK[code]["weight"] for code in needs]
    return [service_row(i + 1, rng, needs, weights) for i in range(n)]


def to_csv_bytes(rows: list[dict]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of services")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, required=True, help="CSV file to write")
    args = parser.parse_args(argv)
    args.out.write_bytes(to_csv_bytes(generate(args.n, args.seed)))
    print(f"wrote {args.n} services to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
