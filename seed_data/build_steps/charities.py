"""Charities from the Charity Commission register that plausibly serve people in
and around Trafford.

The register lists every charity that names Trafford in its area of operation:
grant-makers, PTAs, church repair funds and regional bodies as much as
befriending schemes. Link workers need the second kind, so we keep a charity
only when (1) its contact postcode is in or near Trafford, (2) its activities
describe something a person could be referred to, and (3) it is not one of the
kinds of charity that never deliver a service to individuals.
"""

from __future__ import annotations

import re
from collections import Counter

from .common import EXTERNAL, PostcodeIndex, clean, fmt_coord, normalise_postcode, read_csv
from .rows import empty_row, find_phone, normalise_url, split_address
from .services import organisational_email

SOURCE = EXTERNAL / "community_assets_greater_manchester" / "charities_operating_in_trafford.csv"
# The extract's own date is not stated; its latest registration is 2023-03-23,
# so the register was read no earlier than that. Using it keeps us honest.
CHARITIES_DATE = "2023-03-23"
MAX_KM = 10.0
DESCRIPTION_MAX = 600

# Activities that a link worker could refer someone to. Word-bounded, case-insensitive,
# matched against name + activities (many community centres only say so in their name).
SERVICE_SIGNALS = [
    r"befriend\w*",
    r"lonel\w*",
    r"isolat\w*",
    r"lunch(eon)? clubs?",
    r"social (club|group|activit\w+|events?)",
    r"coffee mornings?",
    r"drop[- ]in",
    r"carers?",
    r"respite",
    r"bereave\w*",
    r"grief",
    r"samaritans",
    r"distress",
    r"advi[cs]e",
    r"advocacy",
    r"debt",
    r"welfare rights",
    r"benefits? (advice|claims?)",
    r"food",
    r"food ?banks?",
    r"food parcels?",
    r"mental (ill[- ])?health",
    r"counsell\w*",
    r"well-?being",
    r"meditation",
    r"older (people|persons?)",
    r"elderly",
    r"pensioners?",
    r"over (50|55|60|65)s?",
    r"disab\w+",
    r"learning difficult\w+",
    r"autis\w+",
    r"dementia",
    r"alzheimer\w*",
    r"blind",
    r"visually (impaired|handicapped)",
    r"deaf",
    r"hearing (loss|impair\w+)",
    r"stroke",
    r"cancer",
    r"hiv",
    r"epilepsy",
    r"sickle cell",
    r"head injur\w+",
    r"brain injur\w+",
    r"spina bifida",
    r"youth (club|work|group|project)s?",
    r"young (people|persons?|adults)",
    r"children and (young people|families)",
    r"toddlers?",
    r"parents?",
    r"families",
    r"pregnan\w+",
    r"gardening",
    r"allotments?",
    r"horticultur\w+",
    r"conservation volunteer\w*",
    r"arts?",
    r"crafts?",
    r"music",
    r"choir",
    r"choral",
    r"singing",
    r"concerts?",
    r"(brass )?band",
    r"drama",
    r"theatre",
    r"dance",
    r"writing",
    r"sports?",
    r"exercise",
    r"fitness",
    r"football",
    r"swimming",
    r"walking",
    r"cycling",
    r"physical activity",
    r"volunteer\w*",
    r"refugees?",
    r"asylum",
    r"migrants?",
    r"domestic (abuse|violence)",
    r"sexual (violence|abuse)",
    r"violence",
    r"addict\w+",
    r"alcohol",
    r"drugs?",
    r"substance misuse",
    r"recovery",
    r"ex[- ]?offenders?",
    r"homeless\w*",
    r"housing",
    r"employment",
    r"employability",
    r"unemploy\w+",
    r"apprenticeships?",
    r"(job|skills|vocational|employment|volunteer|it|computer) training",
    r"training (courses?|opportunities|sessions)",
    r"classes",
    r"english (classes|lessons|language)",
    r"esol",
    r"computers?",
    r"digital",
    r"community (centre|center|hall|association|group|cafe|café|building)",
    r"village hall",
    r"shopmobility",
    r"transport",
    r"men'?s sheds?",
    r"men in sheds",
    r"scout\w*",
    r"guid(es|ing)",
    r"duke of edinburgh",
    r"dofe",
    r"playgroups?",
    r"play schemes?",
    r"holiday clubs?",
    r"women'?s (institute|club)",
    r"support groups?",
    r"self[- ]help",
    r"peer support",
    r"helpline",
    r"listening",
]
SERVICE_RE = re.compile(r"\b(" + "|".join(SERVICE_SIGNALS) + r")\b", re.I)

# A place of worship is kept only when it names a service beyond worship and teaching.
RELIGIOUS_RE = re.compile(
    r"\b(worship|gospel|evangeli\w+|christian faith|religio\w+|relegious|church|chapel|mosque|synagogue|"
    r"temple|gurdwara|ministr(y|ies)|parish|congregation|kollel|torah|quran|dharma|missionary|"
    r"mission work|(sikh|christian|gospel) mission|jewish faith)\b",
    re.I,
)
# Equal-opportunity boilerplate ("without distinction of ... religious ... opinions") is not religion.
_BOILERPLATE_RE = re.compile(
    r"(without (any )?distinction|regardless|irrespective) of[^.;]*|"
    r"\b(race|religion|religious|political)\b[^.;]{0,40}\bopinions?\b",
    re.I,
)
STRONG_SERVICE_RE = re.compile(
    r"\b(food ?banks?|food parcels?|emergency food|befriend\w*|lonel\w*|isolat\w*|lunch(eon)? clubs?|"
    r"coffee mornings?|drop[- ]in|youth (club|group|work|project)s?|toddlers?|playgroups?|advice|counsell\w+|"
    r"homeless\w*|refugees?|asylum|esol|english classes|community (centre|cafe|café|hall)|older people|elderly|"
    r"carers|bereave\w*|disab\w+|mental health|debt|employment|men'?s sheds?|social (club|group|activit\w+))\b",
    re.I,
)

# Kinds of charity that do not serve individuals directly. Each rule looks at
# the name, the whole text (name + activities), or only the opening of the
# activities, where a charity states its main purpose: fund-raising mentioned
# in passing by a choir or a village hall is not what it is for.
EXCLUDE_RULES: list[tuple[str, str, re.Pattern]] = [
    (
        "grant-maker",
        "text",
        re.compile(
            r"\b(grant[- ]?making|grantmaking|makes? (education/training )?grants?|making grants|"
            r"grants? (are|is)? ?(made|given)|give grants|giving grants|grants (to|for)|"
            r"(educational|small|hardship) grants|scholarships?|bursar(y|ies)|interest free loans|"
            r"distribut\w+ (of )?(funds|money|income)|support (of )?(other )?charit(ies|able (institutions|organisations))|"
            r"to other charities|benevolent fund|charitable trust|endowment|general charitable purposes|"
            r"any such charitable purpose)\b",
            re.I,
        ),
    ),
    (
        "fund-raiser",
        "opening",
        re.compile(
            r"\b(rais(e|es|ing) (money|funds)|fund ?-?raising|fundraisers?|funding|donations? (to|for))\b",
            re.I,
        ),
    ),
    (
        "school or PTA",
        "text",
        re.compile(
            r"\b(pta|ptfa|psa|p\.t\.a|parents?,? (and )?(teachers?|staff)|parent\W?teachers?|pupils|primary school|"
            r"high school|grammar school|school fund|independent (day )?school|nursery school|old boys|old girls|"
            r"school (discos?|fairs?))\b",
            re.I,
        ),
    ),
    ("school or PTA", "name", re.compile(r"\bfriends of [\w' ]*(school|academy)\b", re.I)),
    ("church governance body", "name", re.compile(r"\bparochial church council\b", re.I)),
    (
        "church fabric or heritage",
        "text",
        re.compile(
            r"\b(fabric|restoration of|(church|building|tramcar) restoration|repair of the church|church building|"
            r"organ fund|bells?|churchyard|heritage (trust|tram\w*|railway|attraction)|historic buildings?|"
            r"preservation trust|civic society|museum|archives?|record society)\b",
            re.I,
        ),
    ),
    (
        "almshouse or residential home",
        "text",
        re.compile(
            r"\b(almshouses?|alms ?houses?|nursing care|nursing home|care home|residential home|"
            r"maintain the home|accommodation of elderly residents)\b",
            re.I,
        ),
    ),
    (
        "hospital or health-provider fund",
        "text",
        re.compile(
            r"\b(nhs foundation trust charity|hospital (charity|shop|radio)|league of friends|"
            r"friends of [\w' ]+hospital)\b",
            re.I,
        ),
    ),
    (
        "umbrella or infrastructure body",
        "name",
        re.compile(r"\b(scout council|county scout|churches together|centre for voluntary)\b", re.I),
    ),
    (
        "umbrella or infrastructure body",
        "text",
        re.compile(
            r"\b(umbrella (and resource )?body|(support|development) of the voluntary|"
            r"voluntary,? (and )?community,? (and faith )?(and social enterprise )?(sector|organisations)|vcfse?)\b",
            re.I,
        ),
    ),
    (
        "closed or inactive",
        "text",
        re.compile(
            r"\b(now closed|no (longer|current) (active|operating|activities)|generates no activities|"
            r"currently (non-active|inactive|not active)|not currently active|dormant|wound up|winding up)\b",
            re.I,
        ),
    ),
    (
        "profession or members only",
        "text",
        re.compile(
            r"\b(members of the (medical )?profession|clergy|freemasons?|masonic|retired teachers|engineers|"
            r"engineering surveyors|former employees|old members|dental team)\b",
            re.I,
        ),
    ),
]
OPENING_CHARS = 80

# Decisions the rules above cannot make, each with its reason (register
# wording too vague or too unusual for a rule).
MANUAL_EXCLUDE = {
    "1059115": "GreaterSport: strategic body, no direct service",
    "1048581": "Manchester City Galleries Trust: supporters' trust for a gallery",
    "1171531": "Manchester Rugby Union Development Group: supports schools and clubs, not individuals",
    "1179052": "Manchester Schools' PE Association: programme for schools",
    "1185685": "GM Chamber Communities Foundation: channels support through other charities",
    "517020": "Greater Manchester Drama Federation: federation of amateur theatre groups",
    "227319": "High Lee House Trust: general objects, supports other charitable objectives",
    "313186": "J G Bird Trust: supports activities run by others",
    "1038063": "SKCV Children's Trust: works overseas",
    "1087178": "Manchester Aid to Kosovo: international development",
    "1104110": "Sri Guru Gobind Singh Ji Sangat Bhatra centre: objects only, no service described",
    "1160435": "Broadheath Community Association: community centre not yet built",
    "1166878": "Hale Community Trust: community centre not yet built",
    "1164618": "Markaz Al-Taqwa: religious education only",
    "1172087": "Quaker Meeting: worship; raises money for other causes",
    "1180143": "Hale and District Hebrew Congregation: activities for its members",
    "1094397": "Samjo: supports Jewish educational and religious bodies",
    "1081423": "Manchester Balfour Trust: cultural promotion, no service for individuals",
    "1113902": "Manchester International Festival: biennial festival",
    "1188662": "Palace Theatre & Opera House Trust: theatre buildings trust",
    "1175769": "Hidden Altrincham Festival: festival",
}
# Kept although the keyword list or a rule above would drop them.
MANUAL_INCLUDE = {
    "255181": "Hale Older People's Welfare Committee: activities for older people in Hale (no keyword in its text)",
    "1027715": "3rd Altrincham (Grammar School) Scout Group: a scout group, not a school fund",
    "1117126": "Federation of Jewish Services: advice, support and care in the community as well as a care home",
}

_SMALL = {"and", "of", "the", "for", "in", "on", "at", "to", "a", "an", "with", "by", "or", "de", "la"}
_ACRONYMS = {
    "UK",
    "CIO",
    "CIC",
    "YMCA",
    "YWCA",
    "NHS",
    "BME",
    "BAME",
    "LGBT",
    "LGBTQ",
    "HIV",
    "AIDS",
    "ADHD",
    "GM",
    "RC",
    "CE",
    "URC",
    "PCC",
    "AFC",
    "FC",
    "RAF",
    "WI",
    "U3A",
    "ESOL",
    "DIAS",
    "ROBES",
    "TLC",
    "CAN",
    "FAST",
    "RAPAR",
    "MAK",
    "ASGMA",
    "ACCG",
    "CDI",
    "LMCP",
    "UKCAT",
    "MS",
    "ME",
    "SOS",
    "DV",
    "IT",
    "ICT",
    "CVS",
    "VCS",
    "VCSE",
    "BSL",
    "CAB",
    "NW",
    "II",
    "III",
    "IV",
    "RDA",
    "PE",
    "SORT",
    "GMCVO",
}
_NOT_ACRONYMS = {"ST", "MR", "MRS", "DR", "LTD"}  # no vowels, but words: "St Ann's", "Ltd"
_PROPER = [
    "Trafford",
    "Manchester",
    "Greater Manchester",
    "Salford",
    "Stockport",
    "Cheshire",
    "Lancashire",
    "England",
    "Wales",
    "Britain",
    "British",
    "Altrincham",
    "Sale",
    "Stretford",
    "Urmston",
    "Partington",
    "Hale",
    "Timperley",
    "Flixton",
    "Davyhulme",
    "Bowdon",
    "Carrington",
    "Old Trafford",
    "Christian",
    "Jewish",
    "Muslim",
    "Islamic",
    "Islam",
    "God",
    "Christ",
    "Jesus",
    "Hindu",
    "Sikh",
    "Asian",
    "African",
    "Caribbean",
    "Chinese",
    "Polish",
    "English",
    "Irish",
    "Wythenshawe",
    "Chorlton",
    "Hulme",
    "Moss Side",
]


def _is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def title_case_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    if not _is_shouting(name):
        return name
    words = name.split(" ")

    def is_letter(w: str) -> bool:
        return len(re.sub(r"[^A-Za-z]", "", w)) == 1

    def fix(i: int, word: str) -> str:
        core = re.sub(r"[^A-Za-z0-9']", "", word).upper()
        # Spelt-out initials ("Y W C A") stay capitals; a lone "a" between words is the article.
        if is_letter(word) and (core != "A" or i == 0 or is_letter(words[i - 1])):
            return word.upper()
        if core in _ACRONYMS or (
            core.isalpha()
            and len(core) <= 4
            and core not in _NOT_ACRONYMS
            and not re.search(r"[AEIOUY]", core)
        ):
            return word.upper()
        if re.fullmatch(r"\(\w{2,5}\)", word) or (
            re.search(r"\d", core)
            and re.search(r"[A-Z]", core)
            and not re.fullmatch(r"\d+(ST|ND|RD|TH)", core)
        ):
            return word.upper()  # "(GIFT)", "4CT"; but ordinals read "3rd"
        low = word.lower()
        if i > 0 and low in _SMALL:
            return low
        # Capitalise each hyphen/bracket/slash-separated part; apostrophes stay lower ("Men's").
        return re.sub(r"(^|[-(/&\"])([a-z])", lambda m: m.group(1) + m.group(2).upper(), low)

    return " ".join(fix(i, w) for i, w in enumerate(words))


def _sentence_case(text: str) -> str:
    s = text.lower()
    s = re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), s)
    s = re.sub(r"\bi\b", "I", s)
    for word in _PROPER:
        s = re.sub(rf"\b{re.escape(word)}\b", word, s, flags=re.I)
    for acr in _ACRONYMS:
        if len(acr) > 2:
            s = re.sub(rf"\b{re.escape(acr.lower())}\b", acr, s)
    return s


# Encoding damage in the register export (UTF-8 read as code page 437, then ASCII-folded).
_MOJIBAKE = [
    (re.compile(r"\u00d4\u00c7\u00d3", re.I), " - "),
    (re.compile(r"\+\u00bf"), "\u00e8"),
    (re.compile(r"-\u00fa(?=\d)"), "\u00a3"),
]


def tidy_description(text: str) -> str:
    s = re.sub(r"\s+", " ", clean(text)).strip()
    for rx, repl in _MOJIBAKE:
        s = rx.sub(repl, s)
    s = re.sub(r"\s+", " ", s).lstrip(" -")
    if not s:
        return ""
    if _is_shouting(s):
        s = _sentence_case(s)
    # The register export glues list items together ("organisationsMakes grants").
    s = re.sub(r"([a-z]{3})([A-Z][a-z])", r"\1. \2", s)
    s = re.sub(r"([a-z]{2}[.;:!?])([A-Z][a-z])", r"\1 \2", s)
    if len(s) <= DESCRIPTION_MAX:
        return s
    cut = s[:DESCRIPTION_MAX]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if end >= DESCRIPTION_MAX // 2:
        return cut[: end + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:-") + "…"


def _short_name(org: str) -> str:
    s = re.sub(r"\s*\(?\b(limited|ltd\.?|cio|c\.i\.o\.?)\)?\.?$", "", org, flags=re.I).strip(" ,-")
    return s or org


def classify(
    rows: list[dict], pcs: PostcodeIndex
) -> tuple[list[tuple[dict, tuple[float, float], str]], dict]:
    """Return kept (row, point, postcode) and counts at each step, for the report and ATTRIBUTION.md."""
    steps: Counter = Counter()
    reasons: Counter = Counter()
    kept = []
    steps["1 register rows"] = len(rows)
    for r in rows:
        number = r["registered_charity_number"].strip()
        activities = clean(r["charity_activities"])
        pc = normalise_postcode(r["charity_contact_postcode"])
        point = pcs.lookup(pc, record=False) if pc else None
        if point is None:
            continue
        if not pcs.in_trafford(pc) and pcs.km_to_trafford(*point) > MAX_KM:
            continue
        steps["2 contact postcode known and within 10 km of Trafford"] += 1
        if not activities:
            continue
        steps["3 with an activities description"] += 1
        text = f"{r['charity_name']} {activities}"
        if number not in MANUAL_INCLUDE and not SERVICE_RE.search(text):
            continue
        steps["4 activities describe a service for people"] += 1
        if number in MANUAL_EXCLUDE:
            reasons["listed in MANUAL_EXCLUDE"] += 1
            continue
        where = {"name": r["charity_name"], "text": text, "opening": activities[:OPENING_CHARS]}
        hit = next((label for label, field, rx in EXCLUDE_RULES if rx.search(where[field])), None)
        if (
            not hit
            and RELIGIOUS_RE.search(_BOILERPLATE_RE.sub(" ", text))
            and not STRONG_SERVICE_RE.search(text)
        ):
            hit = "worship or religious teaching only"
        if hit and number not in MANUAL_INCLUDE:
            reasons[hit] += 1
            continue
        kept.append((r, point, pc))
    steps["5 after excluding non-service charities"] = len(kept)
    return kept, {"steps": dict(steps), "excluded": dict(reasons)}


def build_charities(pcs: PostcodeIndex, tagger) -> tuple[list[dict], dict]:
    kept, report = classify(read_csv(SOURCE), pcs)
    out = []
    for r, point, pc in kept:
        number = r["registered_charity_number"].strip()
        org = title_case_name(clean(r["charity_name"]))
        activities = clean(r["charity_activities"])
        _, _, city = split_address(clean(r["charity_contact_address"]), pc)
        pcs.lookup(pc)  # kept: now its postcode belongs in gm_postcodes_extra
        row = empty_row()
        row.update(
            external_id=f"charity-{number}",
            name=_short_name(org),
            organization=org,
            description=tidy_description(activities),
            url=normalise_url(clean(r["charity_contact_web"])),
            email=organisational_email(clean(r["charity_contact_email"]), org),
            phone=find_phone(clean(r["charity_contact_phone"])) or clean(r["charity_contact_phone"]),
            taxonomy_terms=";".join(tagger.tag(f"{clean(r['charity_name'])} {activities}")),
            # The register gives a contact address, often a trustee's home, not a venue:
            # we keep the postcode for distance and the town, but no street or venue name.
            city=city,
            postcode=pc,
            latitude=fmt_coord(point[0]),
            longitude=fmt_coord(point[1]),
            last_verified_at=CHARITIES_DATE,
        )
        out.append(row)
    out.sort(key=lambda x: int(x["external_id"].split("-")[1]))
    return out, report
