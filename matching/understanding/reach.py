"""Where a service reaches and who may use it by where they live: residency (GSS codes of local
authorities, from service areas and explicit wording) and whether it covers a whole area.

Explicit patterns only, as in rules.py; the area table is handed in (areas.py)."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

from .areas import AreaLookup, Place, authority_of, read_place, written
from .places import (
    NAME_IN_LIST,
    NAMED_ITEMS,
    around_the_practice,
    around_the_venue,
    drawable,
    named_as_part,
    place_value,
)
from .record import Record
from .result import Finding
from .rules import quote

AREA_WIDE = re.compile(
    r"\b(?:across|throughout|all\s+(?:of|over)|covers?|covering|anywhere\s+in|whole\s+of|the\s+borough\s+of|"
    r"(?:borough|county|city|region|nation|uk|country)[- ]?wide|nationwide|nationally|national\s+(?:help\s?line|line|service)|"
    r"all\s+(?:\w+\s+)?residents|(?:greater\s+)?manchester\s+and\s+surrounding)\b",
    re.I,
)
# Words that limit a service to where people live. "Across Greater Manchester" or "based in
# Manchester" say where a service works, not who may use it, unless an eligibility statement says so.
_RESIDENCY_CUE = re.compile(
    # ("living or working in Derby or Derbyshire": its workers too, and no one else)
    r"\b(?:residents?\s+(?:of|in|within)|(?:live|living|lives)\s+(?:or|and|/)\s+(?:work|working|works|study|studying)\s+in|"
    r"(?:who\s+)?(?:live|living|lives|reside|resident)"
    # ("living on the Marsh", "live on the island": a place's people)
    r"(?:\s+(?:alone|on\s+(?:their|your|his|her)\s+own|independently))?\s+(?:in|within|on(?=\s+the\s+(?-i:[A-Z])))|"
    # an estate's people, as a group names those it is for: "a walk and talk group for men on
    # Blackbird Leys and Greater Leys"
    r"for\s+(?:\w+\s+){0,2}?(?:men|women|people|families|parents|mums|dads|adults|residents|tenants)\s+"
    r"on(?=\s+(?:the\s+)?(?-i:[A-Z]))(?![^.;]{0,40}\bborders?\b)|"
    # a small group's own words for where it goes: "We cover Whitstable, Tankerton and Herne Bay"
    r"(?:we|they)\s+(?:only\s+)?cover|"
    r"the\s+people\s+of|within\s+(?:the\s+)?(?:borough|area|district)\s+of|"
    r"registered\s+with\s+(?:a\s+)?gp\s+(?:practice\s+)?in|care\s+for\s+someone\s+in|"
    # where visitors go: "befrienders visit people over 65 at home in Congleton, Sandbach and ..."
    r"(?:at|in)\s+(?:their\s+|your\s+)?(?:own\s+)?homes?\s+(?:in|across|throughout)|"
    # "patients of Chadderton PCN practices": a practice's patients live around it
    r"patients\s+(?:registered\s+)?(?:of|at|with)(?:\s+(?:a|the))?|"
    # a health team's "Catchment: Leigh, Atherton & Tyldesley only"; a care marketplace's form line
    # "Areas covered: Alnwick, Amble, Rothbury and surrounding villages"
    r"catchment(?:\s+area)?(?:\s+is|\s*[:\-])?|areas?\s+covered\s*[:\-]|"
    # a charity's "area of benefit" is whom its governing document lets it help
    r"area\s+of\s+benefit(?:\s+is|\s*[:\-])?|"
    # a directory's column of the rule, flattened into the text: "Who can go: asylum seekers and
    # refugees in Loughborough"
    r"who\s+can\s+(?:go|come|attend|join|use\s+it)\s*[:?]\s*(?:[\w'&/-]+\s+){0,6}?(?:in|from)|"
    # what a provider told a referrer: "Partner confirmed only takes Jaywick and West Clacton now"
    r"only\s+(?:takes|accepts|serves|visits|covers)(?:\s+(?:people|referrals|residents)\s+(?:from|in))?"
    r"(?=\s+(?:the\s+)?(?-i:[A-Z])))\s+",
    re.I,
)
# "we cannot accept referrals for people outside County Durham", "not available outside Trafford"
_OUTSIDE_CUE = re.compile(
    r"\b(?:cannot|can't|can\s+not|unable\s+to|do\s+not|don't|not)\s+(?:\w+\s+){0,6}?"
    r"(?:from\s+|living\s+|who\s+live\s+|based\s+)?outside(?:\s+of)?\s+(?:the\s+)?",
    re.I,
)
# "we cannot help carers living in ...", "not for people who live in ...": the places after the cue
# are the ones turned away.
# A referrer's list of whom not to send ("Do not refer if: lives in Grays town centre (RM17)", a
# contact centre's knowledge article; "DNR if under 18"): what it names is turned away, heading and all.
DO_NOT_REFER = r"(?:(?:do\s+not|don't)\s+refer|DNR)(?:\s+(?:if|when))?\s*:?"
_TURNED_AWAY = re.compile(
    r"\b(?:cannot|can't|can\s+not|unable\s+to|do\s+not|don't|does\s+not|doesn't|won't|will\s+not|not\s+(?:for|open\s+to|"
    r"available\s+to))\b[^.;:!?,]{0,40}$|\b" + DO_NOT_REFER + r"[^.;!?]{0,40}$",
    re.I,
)
# "if you live in St Helens or Warrington please ask about your own borough's class", "free if you
# live in Wigan": a condition for something else, or people sent elsewhere; "only if you live in
# Wigan" is a limit.
_IF_YOU = re.compile(r"(?<!only\s)\bif\s+(?:you|they|he|she)\s+$", re.I)
# Another service or office people are sent to ("Derby Carers Centre", "our Accrington office",
# "the city service", "your local hub", "a Wigan day centre"), not "please call to book".
ELSEWHERE = (
    r"(?:(?:(?:our|the|their|your)\s+)?(?-i:[A-Z])[\w'’-]+|(?:our|their|the|your|a)\s+"
    r"(?:[\w'’-]+\s+){0,2}(?:office|branch|service|centre|center|team|hub|clubs?))\b"
)
# "Hyndburn residents please use our Accrington office", "carers in Derby City, please contact Derby
# Carers Centre": the people named are sent elsewhere.
_SENT_ELSEWHERE = re.compile(
    # (within the clause: "Stockport residents only - Bury residents please see ..." keeps Stockport)
    r"^(?:(?!\bonly\b|\s[-–]\s)[^.;:!?]){0,40}?\b(?:please|should|can|may|must|(?:will\s+)?need\s+to)\s+"
    rf"(?:use|contact|call|ring|go\s+to|try|see|visit)\s+{ELSEWHERE}"
    # a team's shorthand has no "please": "Rochdale residents see Rochdale Carers Hub"
    r"|^\W*(?:\w+\s+)?see\s+(?-i:[A-Z])"
    # "(Darlington residents - please contact the national Men's Advice Line)"
    r"|^\s*residents?\s*[-–:]\s*(?:please\s+)?(?:contact|call|ring|use|see|go\s+to|try)\b",
    re.I,
)
_ELIGIBILITY_CUE = re.compile(
    r"\b(?:in|for|from|across|throughout|covering|covers|anywhere\s+in|all\s+of|"
    r"(?:borough|area|district)\s+of)\s+",
    re.I,
)
# A carers centre is commissioned for a borough: "Carers centre for Stockport", "carers in Salford".
_BOROUGH_SERVICE_CUE = re.compile(r"\bcarers?(?:'s|s')?\s+(?:\w+\s+){0,2}?(?:for|in|from)\s+", re.I)
# A sentence that is only a list of places and "only": "Alnwick, Amble, Warkworth, Longhoughton
# only." (the cue is where the list starts).
# (Each name is taken whole and items need a separator, so a run of capitals is read once, not
# split every way: "FOOD BANK SUPPORT FOR ..." must not take exponential time.)
_NAME = r"[A-Z][\w'’-]*+(?:\s+[A-Z][\w'’-]*+)*+"
_NAME_PLAIN = r"[A-Z][\w'’-]*+(?:\s+[A-Z][\w'’-]*+){0,3}"
_PLACES_ONLY = re.compile(
    rf"(?:^|(?<=[.!?\n]))\s*(?={_NAME}(?:\s*(?:,|&|/|\band\b|\bor\b)\s*{_NAME}){{0,7}}\s+(?:areas?\s+)?only\b)"
)
# Who it is for and where they live, in one phrase: "lunch for older folk in Milnrow and Newhey",
# "for the over 55s in Swinton and Pendlebury", "dads and dads-to-be in Stockport". The relevance
# judges of two directories read these as limits ("Milnrow lunch club is Milnrow/Newhey only").
_PEOPLE_IN_CUE = re.compile(
    r"(?i:\b(?:for|welcomes?|open\s+to)\s+(?:the\s+|all\s+|local\s+)?(?:older\s+|young\s+|isolated\s+)?"
    r"(?:people|folk|adults|residents|over[- ]?\d0'?s|over\s+\d\d'?s|pensioners|OAPs|carers|dads|mums|parents|"
    r"families|households|homes|householders|tenants|women|men|ladies|veterans|members|community\s+members|anyone|"
    r"everyone)\b"
    # ("carers across Warrington, Halton, St Helens and Knowsley": an online group's four boroughs)
    r"(?:[^.;:!?\n]{0,30}?)\s+(?:in|across|throughout)\s+)(?=[A-Z])"
)
# The parts a service area leaves out: "Devon-wide (not Plymouth or Torbay)"
_NOT_THESE = re.compile(r"\(\s*(?:not|excluding|except|exc\.?|but\s+not)\b[^)]*\)", re.I)
# A navigator's note of who and where, with no "in": "over 65s living alone, Kingstanding/Perry
# Common." (the places end the sentence: "families, Monday to Friday" names no place)
_PEOPLE_THEN_PLACES = re.compile(
    r"(?i:\b(?:people|folk|adults|residents|over[- ]?\d0'?s|over\s+\d\d'?s|pensioners|OAPs|elders|carers|dads|"
    r"mums|parents|families|tenants|women|men|ladies)\b(?!['’])"
    # (not "people living in Grove Hill, Moston or Harpurhey": the other cues read that)
    r"(?:(?!\b(?:in|within|across|throughout|from|of|with|at|to|on)\b)[^.;:!?\n,()]){0,30},\s*)"
    rf"(?={_NAME_PLAIN}(?:\s*(?:,|&|/|\band\b|\bor\b)\s*{_NAME_PLAIN}){{0,5}}\s*(?:[.;!?\n]|$))"
)
# "NAV NOTE: Sparkbrook families, no booking": a place's people opening a clause
_PLACE_PEOPLE_WORD = re.compile(
    r"^\s+(?:families|parents|mums|dads|tenants|carers|elders|pensioners)\b", re.I
)
_CLAUSE_OPENING = re.compile(r"(?:^|[.:;\n]|\s-)\s*$")
# "people travel from Gateshead and Northumberland": where its people come from, beyond its area
# (read beside the area, never as a narrower limit inside it)
_COME_FROM = re.compile(
    r"\b(?:people|members|folk|families|carers|users)\s+(?:also\s+)?(?:travel|come)\s+(?:in\s+)?from\s+", re.I
)
_CLAUSE_END = re.compile(r"[.;:!?\n(]")
_VENUE_ACTIVITY = re.compile(
    r"\b(?:drop[- ]?ins?|class(?:es)?|groups?|sessions?|clubs?|caf[eé]s?|walks?|courses?|programmes?|sheds?|choirs?|"
    r"lunch(?:es)?|coffee\s+mornings?|referral)\b",
    re.I,
)
# "predominantly for residents of Trafford", "mainly people living in Salford": a preference, not a limit
_HEDGE = re.compile(
    r"\b(?:predominantly|mainly|mostly|primarily|particularly|especially|largely|usually|generally|"
    r"typically|often|priority|preference|including)\b[^.;:]{0,15}$",
    re.I,
)
_OPEN_TO_OTHERS = re.compile(
    r"\b(?:others|anyone\s+else|everyone\s+else|non[- ]residents|people\s+from\s+(?:elsewhere|outside\s+\w+))\s+"
    r"(?:can|may|are|is|will\s+be)\s+(?:also\s+)?(?:ask|welcome|come|join|contact|call|referred|considered)|"
    # "Target cohort: Core20 residents of Kingswood, but open to all": whom it hoped to reach
    r"\bbut\s+(?:it'?s\s+|is\s+)?open\s+to\s+(?:all|everyone|anyone)\b|\bbut\s+(?:all|everyone|anyone)\s+(?:is\s+|are\s+)?welcome\b",
    re.I,
)
_RESIDENTS_TERM = re.compile(r"^[\w\s,&'-]{2,40}\s+residents?(?:\s+only)?$", re.I)
# After a name, its residents ("Trafford residents") or its practices' patients ("a Salford GP", "a
# Northwich PCN practice", "a Bellingham surgery")
_RESIDENTS_WORD = re.compile(
    r"^[\s\-]*(?:(?:borough|city|district|county|council)\s+)?(?:schools?\s*/\s*)?residents?\b", re.I
)
# ... or of every place or authority in the list it opens: "Hardwick and Roseworth residents", "Moston,
# Harpurhey or Blackley residents", "Cambs & Pboro residents"
_LIST_ITEM = (
    r"(?:\s*(?:,|\band\b|&|\bor\b)\s*[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,2}){1,5}"
)
_LIST_THEN_RESIDENTS = re.compile(r"^" + _LIST_ITEM + r"[\s\-]*residents?\b")
_PRACTICE = r"[\s\-]*(?:borough\s+)?(?:(?i:gp|pcn)|(?:(?i:gp)\s+)?(?i:practices?|surger(?:y|ies)))\b"
_PRACTICE_WORD = re.compile(r"^" + _PRACTICE, re.I)
# ... or of every one in the list it opens: "registered with a Cornwall or Isles of Scilly GP"
_LIST_THEN_PRACTICE = re.compile(r"^" + _LIST_ITEM + _PRACTICE)
# What an eligibility line may hold besides the areas it names and still be only a catchment:
# "Wigan borough.", "Bolton & Bury only", "Salford area"
_CATCHMENT_FILLER = re.compile(
    r"\b(?:the|borough|boroughs|area|areas|district|council|wide|only|and|or|of|city|metropolitan)\b|[\s,/&\-]+",
    re.I,
)


def _bare_catchments(areas: AreaLookup, text: str) -> list[tuple[str, str]]:
    """(code, sentence) for an eligibility sentence that is nothing but authorities: a team's
    "Wigan borough." on a line of its own is where its people must live."""
    out = []
    for sentence in re.split(r"[.;!?\n]", text):
        named = areas.find(sentence)
        if not named or areas.is_wider_area(named[0][1]):
            continue
        rest = " ".join(sentence.split()).lower()
        for _, words in sorted(named, key=lambda hit: -len(hit[1])):
            rest = rest.replace(words, " ")
        if not _CATCHMENT_FILLER.sub("", rest):
            out += [(code, sentence.strip()) for code, _ in named]
    return out


def _bare_places(
    areas: AreaLookup, text: str, context: set[str], eligibility: bool = False
) -> list[tuple[str, str, str]]:
    """(code, place, sentence) for a sentence that is only a place and the word "area" ("Chester
    area.", "Vale Royal area only"): the area a team works in. In an eligibility statement the
    places alone say it: "Diagnosis of dementia. Glossop, Hadfield and Gamesley." """
    out = []
    for sentence in re.split(r"[.;!?\n]", text):
        if not eligibility and not re.search(r"\bareas?\b", sentence, re.I):
            continue
        named = areas.places(sentence, context)
        rest = " ".join(sentence.split())
        for _, place in named:
            rest = re.sub(written(place), " ", rest)
        if named and not _CATCHMENT_FILLER.sub("", rest.lower()):
            out += [(code, place, sentence.strip()) for code, place in named]
    return out


# Postcode districts a sentence limits residents to: "TS6 postcodes only", "people living in TS1,
# TS3 or TS4". Upper case as written, and not the first half of a full postcode in an address.
# (The one-letter postcode areas are B, E, G, L, M, N, S and W: "Y7-Y11" are school years.)
_POSTCODE_DISTRICT = re.compile(r"\b((?:[BEGLMNSW]|[A-Z]{2})[0-9][0-9A-Z]?)\b(?!\s*[0-9][A-Z]{2}\b)")
_DISTRICT_CUE = re.compile(
    r"\b(?:liv(?:e|es|ing)(?:\s+alone)?\s+in|residents?|reside|postcode\s+(?:areas?|districts?)|catchment|"
    r"areas?\s+covered)\b|"
    r"\bpostcodes?\b[^.;]{0,20}\bonly\b|\bonly\b[^.;]{0,40}\bpostcodes?\b|"
    # "WA6 only", "TS1 and TS5 only", "households with SK10 and SK11 postcodes"
    r"(?-i:\b[A-Z]{1,2}[0-9][0-9A-Z]?(?:\s*(?:,|and|&|or)\s*[A-Z]{1,2}[0-9][0-9A-Z]?)*\s+(?:only\b|postcodes?\b))|"
    # "carers in Wythenshawe (M22, M23, M90)": a place we may not know, drawn by its districts
    r"(?-i:\bin\s+(?:the\s+)?(?:[A-Z][\w'&-]*\s+){1,4}\(\s*[A-Z]{1,2}[0-9][0-9A-Z]?"
    r"(?:\s*(?:,|/|&|and|or)\s*[A-Z]{1,2}[0-9][0-9A-Z]?)+\s*\))",
    re.I,
)


def _postcode_districts(text: str, field: str) -> list[Finding]:
    out = []
    for sentence in re.finditer(r"[^.!?\n]+", text):
        cue = _DISTRICT_CUE.search(sentence.group(0))
        if not cue or _HEDGE.search(sentence.group(0)[: cue.start()]):
            continue
        if _TURNED_AWAY.search(sentence.group(0)[: cue.start()]):
            continue
        words = sentence.group(0).strip()[:120]
        for district in _POSTCODE_DISTRICT.finditer(sentence.group(0)):
            out.append(Finding(district.group(1), 0.8, field, words))
        # "NE65-NE71", "TS24 to TS27": the districts between are in it too
        for span in _DISTRICT_SPAN.finditer(sentence.group(0)):
            first, last = int(span.group(2)), int(span.group(4))
            if span.group(3) in (None, span.group(1)) and 0 < last - first <= 20:
                # ("NE61-65" names its last district by number alone)
                between = range(first + 1, last + (span.group(3) is None))
                out += [Finding(f"{span.group(1)}{n}", 0.8, field, words) for n in between]
    return out


_DISTRICT_SPAN = re.compile(r"\b([BEGLMNSW]|[A-Z]{2})(\d{1,2})\s*(?:-|–|to)\s*([A-Z]{1,2})?(\d{1,2})\b")


_AND_AROUND = re.compile(
    r"\b(?:and|or|&)\s+(?:the\s+)?(?:surrounding\s+(?:villages|area)|villages\s+(?:a?round|near(?:by)?)(?:\s+(?:it|them))?)\s*$",
    re.I,
)
_LIST_JOIN = re.compile(r"^[\s,/&]*(?:(?:and|or)\s+)?(?:the\s+)?$", re.I)
# Between two places we know, others we do not: "Tankerton, Herne Bay, Swalecliffe and Chestfield"
# (Herne Bay and Swalecliffe are towns, not wards). Still one list; the names we cannot place make
# those we can be drawn wider (NAMED_ITEMS).
_LIST_JOIN_UNKNOWN = re.compile(
    r"^(?:[\s,/&]*(?:(?i:and|or)\s+)?(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))*"
    r"[\s,/&]*(?:(?i:and|or)\s+)?(?:the\s+)?$"
)


def _listed_after_cue(areas: AreaLookup, window: str, within: int = 12) -> list[tuple[str, str]]:
    """The authorities named right after a cue ("in Salford", "in the Rochdale area"), and those
    listed with the first ("a GP in Newcastle or Gateshead", "in Sunderland, South Tyneside and
    Gateshead"); not one that merely ends the clause."""
    # (names are found as they are spelt in full: "Redcar & Cleveland" as "redcar and cleveland")
    lowered = window.lower().replace("-", " ").replace(".", "").replace("&", "and")
    named = []
    for code, words in areas.find(window):
        # the whole name first: "Cheshire East" is not where "Cheshire West" starts
        start = lowered.find(words)
        start = start if start >= 0 else lowered.find(words.split()[0])
        named.append((start if start >= 0 else len(lowered), code, words))
    out: list[tuple[str, str]] = []
    end = None
    for start, code, words in sorted(named):
        if end is None and start > within:
            break
        if end is not None and start > end and not _LIST_JOIN.match(lowered[end:start]):
            break
        end = max(end or 0, start + len(words))
        if _INSTITUTION.match(lowered, start + len(words)):
            continue  # "discharged from Southend Hospital": a hospital, not where people live
        out.append((code, words))
    return out


# A place's name that begins an institution's: "Southend Hospital", "Basildon University Hospital",
# "Dorset County Hospital", "Bournemouth University", "Colchester Garrison".
_INSTITUTION = re.compile(
    r"\s+(?:(?:county|general|university|royal|district|community)\s+)*"
    r"(?:hospitals?|infirmary|general\b|university|college|garrison|barracks|prison|airport|station)\b"
)


def _places_listed(areas: AreaLookup, window: str, context: set[str]) -> list[tuple[str, str]]:
    """(authority code, place) for the places named right after a cue and those listed with the
    first ("residents of Harpurhey, Moston or Blackley")."""
    out: list[tuple[str, str]] = []
    end = None
    for code, place in sorted(areas.places(window, context), key=lambda hit: window.find(hit[1])):
        start = window.find(place)
        if end is None and start > 12:
            break
        if end is not None and start > end and not _LIST_JOIN_UNKNOWN.match(window[end:start]):
            break
        out.append((code, place))
        end = max(end or 0, start + len(place))
    return out


def _is_an_authority(areas: AreaLookup, window: str) -> bool:
    """Whether `window` is an authority's name and no more ("Gedling Borough"), not a part of one
    ("South Trafford neighbourhood only", "rural Cheshire West")."""
    return any(
        re.fullmatch(
            rf"\s*(?:the\s+)?(?:(?:borough|city)\s+of\s+)?{re.escape(words)}"
            r"(?:\s+(?:borough|district|city))?(?:\s+(?:council\s+)?area)?\s*",
            window,
            re.I,
        )
        for _, words in areas.find(window)
    )


def _bracketed_places(areas: AreaLookup, text: str, opening: int, context: set[str]) -> list[tuple[str, str]]:
    """The places listed in the brackets that open at `opening`, when the brackets hold a list of
    places and little else."""
    closing = text.find(")", opening)
    if closing < 0 or closing - opening > 160:
        return []
    inside = text[opening + 1 : closing]
    listed = _places_listed(areas, inside, context)
    return listed if len(listed) >= 2 or (listed and len(inside) < 40) else []


# A service area that is one town in a publisher's own words: "Parish of Macclesfield", "Glossop &
# district", "Marple area".
_ONE_PLACE_AREA = re.compile(
    r"^(?:the\s+)?(?:ecclesiastical\s+)?parish\s+of\s+|\s*(?:(?:&|and)\s+district|parish|area)?(?:\s+only)?$",
    re.I,
)
_AREA_ONLY = re.compile(r"\S\s+only\s*$", re.I)
# A church's own regions are named for a cathedral city or a town but reach far beyond it: the
# Diocese of Chester is most of Cheshire and Wirral, not Chester; a Methodist circuit takes in the
# villages round its town.
_CHURCH_REGION = re.compile(r"\b(?:arch)?dioce(?:se|san)\b|\bcircuit\b", re.I)
_NATION = re.compile(
    r"^\s*(?:national(?:ly)?|nationwide|uk(?:[- ]wide)?|united\s+kingdom|england(?:\s+and\s+wales)?|great\s+britain|gb|"
    r"england[- ]wide)\s*$",
    re.I,
)


def _put(found: dict[str, Finding], value: str, finding: Finding) -> None:
    """The first reading of `value` stays, except that words stating it replace a service area's
    stamp: the limit is then the record's own, not only its export's."""
    if value not in found or found[value].source == "service_areas":
        found[value] = finding


_NATIONAL_LINE = re.compile(
    r"\bnational\s+(?:[\w'-]+\s+)?(?:help\s?line|line|advice\s?line|phone\s?line)\b", re.I
)


def _names_its_residents(text: str, index: int, last: str, words: str, field: str, is_place: bool) -> bool:
    """Whether the place name ending at `index` ("... Peak") is said of whom the service is for:
    "Trafford residents", "a Salford GP", a clause opening "Sparkbrook families"; not a place
    named as a hedge, people sent elsewhere or turned away."""
    after = text[index + len(last) :]
    start = max(0, index + len(last) - len(words))
    return bool(
        # "trafford residents" is still Trafford's; a practice needs a name before it, not
        # "lip reading practice"
        (
            _RESIDENTS_WORD.match(after)
            or _LIST_THEN_RESIDENTS.match(after)
            or (text[index].isupper() and (_PRACTICE_WORD.match(after) or _LIST_THEN_PRACTICE.match(after)))
            or (
                is_place
                and field != "name"
                and _PLACE_PEOPLE_WORD.match(after)
                and _CLAUSE_OPENING.search(text[:start])
            )
        )
        and not _HEDGE.search(text[max(0, index - 30) : index])
        and not _SENT_ELSEWHERE.match(after)
        # "we cannot support Stockport residents from Reddish": who it is NOT for
        and not _TURNED_AWAY.search(text[max(0, index - 50) : index])
    )


def authorities_named(record: Record, areas: AreaLookup) -> set[str]:
    """The authorities a record names anywhere in its words, its venue or its service areas, and
    those its venues stand in: "patients of Hatfield PCN practices" beside a venue in Welwyn
    Garden City is Hertfordshire's Hatfield, not Doncaster's."""
    areas_served = [str(area.get("text") or "") for area in record.service_areas]
    return {
        code
        for text in [*record.texts.values(), *record.venue, *areas_served]
        for code, _ in areas.find(text)
    } | venue_authorities(record, areas)


_OTHER_NATIONS_AUTHORITY = re.compile(r"\b(?:W06|S12|N09)\d{6}\b")


def find_residency(record: Record, areas: AreaLookup | None) -> list[Finding]:
    found: dict[str, Finding] = {}
    for field in ("eligibility", "description"):
        for district in _postcode_districts(record.texts.get(field, ""), field):
            found.setdefault(district.value, district)
    if areas is None:
        return list(found.values())
    # Authorities the record names anywhere, to tell one "Broughton" from another.
    context = authorities_named(record, areas)
    # "High Peak" beside "National": the council is where it started, not a limit
    # and so is a branch's listing of a national line ("Cruse National Helpline", service area "Bury")
    national = any(_NATION.match(area["text"] or "") for area in record.service_areas) or bool(
        _NATIONAL_LINE.search(record.texts.get("name", ""))
    )
    # each service area's authorities ("County Durham and Darlington": both), before words stating
    # one of them take its place in `found`
    stamped: dict[str, set[str]] = {}
    # authorities read from a wider area's name ("Greater Manchester residents"), and those named
    # alone ("for people in Bolton, Salford, Trafford and Manchester"): see _finer_wins
    in_wider: dict[str, set[str]] = {}
    named_alone: dict[str, set[str]] = {}
    for area in [] if national else record.service_areas:
        if _CHURCH_REGION.search(area["text"] or ""):
            continue
        # a Welsh, Scottish or Northern Irish council by its code: our tables hold England's, and
        # a Powys befriending service is still not for someone in Shropshire
        for code in _OTHER_NATIONS_AUTHORITY.findall(area["uri"] or ""):
            found.setdefault(code, Finding(code, 0.9, "service_areas", area["text"] or code))
            stamped.setdefault(area["text"] or area["uri"], set()).add(code)
        for text in (area["uri"], _NOT_THESE.sub(" ", area["text"] or "")):
            # a service area named for a former district or a dale ("Tynedale", "North Northumberland")
            local = [
                part
                for code, name in areas.places(text, context)
                if areas.is_local_area(code, name) and (part := areas.place(code, name))
            ]
            # with no venue, a town or an estate that is the whole service area is the whole of its
            # reach (door-knocking "on the estate", service area "Brinnington"); not one of several
            # places named ("Upper Wensleydale and Swaledale", Swaledale not being one we know)
            # "Washington only" beside a venue says the same of that town, as plainly; the venue
            # tells which Washington (its authority is in `context`)
            only_there = bool(_AREA_ONLY.search(text or ""))
            if not local and (not _has_venue(record) or only_there):
                local = [
                    part
                    for code, name in areas.places(text, context)
                    if name.lower() == _ONE_PLACE_AREA.sub("", text.strip()).lower()
                    and not areas.find(name)
                    and (part := areas.place(code, name))
                ]
            for part in local:
                found.setdefault(part.entry(), Finding(part.entry(), 0.85, "service_areas", part.name))
            for code, words in areas.find(text):
                if not any(part.la == code for part in local):  # the county in its name
                    found.setdefault(code, Finding(code, 0.9, "service_areas", words))
                    stamped.setdefault(area["text"] or area["uri"], set()).add(code)
                    if areas.is_wider_area(words):  # (an export's own area names no one on purpose)
                        in_wider.setdefault(code, set()).update(_fields_naming(record, area["text"]))
    unplaced: set[str] = set()
    for field in ("eligibility", "description", "name"):
        text = record.texts.get(field, "")
        cues = [(cue, 0.8, False) for cue in _RESIDENCY_CUE.finditer(text)]
        cues += [(cue, 0.8, False) for cue in _OUTSIDE_CUE.finditer(text)]
        # a carers' centre is a borough's; "carers in Greater Manchester" names a region it works in
        cues += [(cue, 0.75, True) for cue in _BOROUGH_SERVICE_CUE.finditer(text)]
        cues += [(cue, 0.7, True) for cue in _PEOPLE_IN_CUE.finditer(text)]
        cues += [(cue, 0.7, False) for cue in _COME_FROM.finditer(text)]
        cues += [(cue, 0.75, False) for cue in _PLACES_ONLY.finditer(text)]
        if field != "name":  # "Women's Centre drop-in, Great Yarmouth" is where it is
            cues += [(cue, 0.7, True) for cue in _PEOPLE_THEN_PLACES.finditer(text)]
        if field == "eligibility":
            cues += [(cue, 0.75, False) for cue in _ELIGIBILITY_CUE.finditer(text)]
        for cue, confidence, borough_only in cues:
            if _HEDGE.search(text[max(0, cue.start() - 30) : cue.start()]) or _IF_YOU.search(
                text[max(0, cue.start() - 20) : cue.start()]
            ):
                continue
            if cue.re is not _OUTSIDE_CUE and _TURNED_AWAY.search(
                text[max(0, cue.start() - 50) : cue.start()]
            ):
                continue  # "we cannot help carers living in Bolton or Lancashire": who it is NOT for
            sentence_end = re.search(r"[.!?\n]", text[cue.end() :])
            if _OPEN_TO_OTHERS.search(
                text[cue.end() : cue.end() + sentence_end.start() if sentence_end else None]
            ):
                continue  # "patients of Middlesbrough practices are referred; others can ask"
            window = text[cue.end() : cue.end() + 100]
            if _SENT_ELSEWHERE.match(window):
                continue
            clause_end = _CLAUSE_END.search(window)
            window = window[: clause_end.start()] if clause_end else window
            listed = _places_listed(areas, window, context)
            # "South Trafford neighbourhood only (Altrincham, Broadheath, Hale, Timperley)": a part
            # we cannot draw, spelt out by the places in brackets; not an authority's towns, listed
            # to say what it takes in ("Gedling Borough (Arnold, Carlton, Mapperley ...)", where a
            # namesake of one in the next authority would otherwise let its people in)
            spelt_out = (
                _bracketed_places(areas, text, cue.end() + clause_end.start(), context)
                if clause_end
                and clause_end.group(0) == "("
                and not listed
                and not _is_an_authority(areas, window)
                else []
            )
            listed = spelt_out or listed
            # "in Sandwich or the villages round it (Ash, Eastry, Worth)": the villages named too
            if clause_end and clause_end.group(0) == "(" and listed and _AND_AROUND.search(window):
                listed += _bracketed_places(areas, text, cue.end() + clause_end.start(), context)
            # "East Durham", "North Northumberland": a part of the county its name holds
            parts = [place.lower() for code, place in listed if areas.is_local_area(code, place)]
            after_cue = [] if spelt_out else _listed_after_cue(areas, window)
            # "carers in Greater Manchester" names where a service works; "veterans in Oxfordshire,
            # Buckinghamshire and Berkshire" lists its reach, the county of six unitaries with the rest
            alone = len({words for _, words in after_cue}) == 1
            for code, words in after_cue:
                wider = areas.is_wider_area(words)
                (in_wider if wider else named_alone).setdefault(code, set()).add(field)
                if (borough_only and wider and alone) or any(words in part for part in parts):
                    continue
                _put(found, code, Finding(code, confidence, field, quote(text, cue, 50)))
            # "Grove Hill, Berwick Hills or Park End", "Middleham or Coverdale": a name we do not
            # know, or know but cannot draw ("Atherton, Tyldesley & Astley"), is most likely a
            # neighbour of those we can, so theirs are drawn wider
            drawn = [(code, place) for code, place in listed if drawable(areas, code, place, text, record)]
            # (a place named with "and", "Milnrow and Newhey", is as many items as its parts)
            items = sum(1 + place.count(" and ") for _, place in drawn)
            other_halves = [
                m.group(1)
                for m in NAME_IN_LIST.finditer(window.strip())
                if named_as_part(m.group(1), [place for _, place in drawn if place != m.group(1)])
            ]
            wider = items + len(other_halves) < len(NAMED_ITEMS.findall(window))
            for code, place in drawn or listed:
                value = place_value(areas, code, place, unplaced, text, wider, record)
                _put(found, value, Finding(value, confidence - 0.1, field, quote(text, cue, 50)))
            if not listed and not _listed_after_cue(areas, window):
                # "living in Hyde, Hattersley and Mottram": towns we do not know, one of them where
                # the record's venue is, stand for a circle around that venue
                # "Patients of Concord & Oxclose Family Practice": the streets around the practice
                around = around_the_practice(record, window, areas) or around_the_venue(
                    record, window, context, areas
                )
                for value in around:
                    _put(found, value, Finding(value, confidence - 0.2, field, quote(text, cue, 50)))
        # "Trafford residents", "Little Hulton residents", "a Salford GP"
        named = [(code, words, False) for code, words in areas.find(text)]
        named += [(code, words, True) for code, words in areas.places(text, context)]
        for code, words, is_place in named:
            last = words.split()[-1]
            # every mention: "High Peak CVS project - open to High Peak residents" limits by its second
            for mention in re.finditer(re.escape(last), text, re.I):
                index = mention.start()
                if _names_its_residents(text, index, last, words, field, is_place):
                    value = (
                        place_value(areas, code, words, unplaced, text, record=record) if is_place else code
                    )
                    _put(
                        found,
                        value,
                        Finding(value, 0.8, field, text[max(0, index - 20) : index + 40].strip()),
                    )
                    if not is_place:
                        (in_wider if areas.is_wider_area(words) else named_alone).setdefault(code, set()).add(
                            field
                        )
                    break
    # an eligibility term that names the residents of a place: "Tameside residents"
    for term in record.terms:
        if _RESIDENTS_TERM.match(term.name):
            for code, words in areas.find(term.name):
                if not areas.is_wider_area(words):
                    _put(found, code, Finding(code, 0.85, f"taxonomy:{term.vocabulary or 'term'}", term.name))
    for code, sentence in _bare_catchments(areas, record.texts.get("eligibility", "")):
        _put(found, code, Finding(code, 0.75, "eligibility", sentence[:120]))
    # "... fuel debt. Sunderland and South Tyneside." beside a service area "South of Tyne": a
    # description's sentence of nothing but authorities says which of the region's it covers. (Only
    # inside a region: alone, such a sentence is as often where the team is based.)
    regions = [codes for codes in stamped.values() if len(codes) > 1]
    for code, sentence in _bare_catchments(areas, record.texts.get("description", "")):
        if any(code in codes for codes in regions):
            _put(found, code, Finding(code, 0.75, "description", sentence[:120]))
    # "Befriending visits at home. Chester area.": a place alone, said to be the area
    for field in ("eligibility", "description"):
        text = record.texts.get(field, "")
        for code, place, sentence in _bare_places(areas, text, context, eligibility=field == "eligibility"):
            value = place_value(areas, code, place, unplaced, text, record=record)
            _put(found, value, Finding(value, 0.7, field, sentence[:120]))
    # "Aylesbury estate residents", "for tenants on the Gipton Estate only": an estate we cannot look
    # up is the streets around the record's venue on it
    for field in ("eligibility", "description"):
        text = record.texts.get(field, "")
        for estate in _ESTATE_LIMIT.finditer(text):
            if _HEDGE.search(text[max(0, estate.start() - 30) : estate.start()]):
                continue
            name = f"{estate.group('name') or estate.group('name2')} estate"
            for value in _around_the_estate(record, name):
                _put(found, value, Finding(value, 0.75, field, quote(text, estate, 50)))
    # "For WBC residents 18+": a council's initials we cannot tell apart (West Berkshire Council or
    # Wokingham Borough Council) name the council the venue is in
    venue = venue_authorities(record, areas)
    for field in ("eligibility", "description"):
        text = record.texts.get(field, "")
        for initials in _COUNCIL_INITIALS.finditer(text) if len(venue) == 1 else ():
            if areas.find(initials.group("initials")) or _HEDGE.search(
                text[max(0, initials.start() - 30) : initials.start()]
            ):
                continue
            code = next(iter(venue))
            _put(found, code, Finding(code, 0.7, field, quote(text, initials)))
    declared = record.declared.get("service_area", [])
    for name in declared:
        declared_code = areas.code(name)
        if declared_code:
            found[declared_code] = Finding(declared_code, 0.95, "service_area", name)
    # a residency list in our own fields (a CSV column): entries as matching reads them
    for entry in record.declared.get("residency", []):
        found[entry] = Finding(entry, 0.95, "residency", areas.name(entry))
    found = _finer_wins(found, in_wider, named_alone, areas)
    found = _former_district_wins(found, areas)
    found = _without_namesakes(areas, found, stamped)
    return _whole_where_unplaced(
        _areas_near_the_venue(areas, found, venue_authorities(record, areas)), unplaced, stamped
    )


def _fields_naming(record: Record, area_name: str | None) -> set[str]:
    """The service areas field, and the record's fields that name the area again in words (not
    inside a part's name: "East Sussex" does not name Sussex again)."""
    name = (area_name or "").lower()
    if not name:
        return {"service_areas"}
    again = re.compile(
        r"(?<![\w-])(?<!east )(?<!west )(?<!north )(?<!south )(?<!mid )" + re.escape(name) + r"(?![\w-])"
    )
    return {"service_areas"} | {field for field, said in record.texts.items() if again.search(said.lower())}


def _finer_wins(
    found: dict[str, Finding],
    in_wider: dict[str, set[str]],
    named_alone: dict[str, set[str]],
    areas: AreaLookup,
) -> dict[str, Finding]:
    """A record that names a wider area in one field ("Greater Manchester residents") and some of
    its authorities in another as where its users live ("for people in Bolton, Salford, Trafford
    and Manchester") is limited to those: the finer statement is the one written on purpose. Not
    when one field names both ("households in Bristol and the West of England"). A county named is
    inside the wider area when its districts are ("Sussex" beside "Brighton & Hove or East Sussex")."""
    inside = in_wider.keys() | {county for code in in_wider if (county := areas.county_of(code))}
    finer = named_alone.keys() & inside
    if not finer or named_alone.keys() - inside:
        return found
    if set().union(*named_alone.values()) & set().union(*in_wider.values()):
        return found
    return {value: finding for value, finding in found.items() if value not in in_wider or value in finer}


# The fields that state where a service works: ORUK's service_areas and a form's own area field.
_STATED_AREAS = frozenset({"service_areas", "service_area"})


def _former_district_wins(found: dict[str, Finding], areas: AreaLookup) -> dict[str, Finding]:
    """A service area that is a district abolished into an authority ("Coverage area: Purbeck
    only") beside that authority named in the words ("the carers service for Dorset Council") is
    the district: the authority is who runs or pays for it. Not when the authority is a service
    area too ("Dorset; Purbeck": both stated as where it works)."""
    parts = {
        successor
        for value, finding in found.items()
        if finding.source in _STATED_AREAS and (successor := areas.successor_of(value))
    }
    return {
        value: finding
        for value, finding in found.items()
        if value not in parts or finding.source in _STATED_AREAS
    }


# Farther than any authority's own services reach from where the record says it works.
_NAMESAKE_KM = 120


def _without_namesakes(
    areas: AreaLookup, found: dict[str, Finding], stamped: dict[str, set[str]]
) -> dict[str, Finding]:
    """Without an authority the words name far from every one the service area names: "living in
    Sutton" beside a service area of St Helens is St Helens' Sutton, not the London borough."""
    anchors = set().union(*stamped.values()) if stamped else set()
    if not anchors:
        return found
    kept: dict[str, Finding] = {}
    for value, finding in found.items():
        place = read_place(value)
        authority = place.la if place is not None else value
        apart = None if finding.source == "service_areas" else areas.apart_km(authority, anchors)
        if apart is None or apart <= _NAMESAKE_KM:
            kept.setdefault(value, finding)
            continue
        if place is None:
            for near in sorted(anchors):
                if namesake := areas.place(near, areas.name(value)):
                    kept.setdefault(
                        namesake.entry(),
                        Finding(namesake.entry(), finding.confidence - 0.1, finding.source, finding.evidence),
                    )
    return kept


def _areas_near_the_venue(
    areas: AreaLookup, found: dict[str, Finding], venue: set[str]
) -> dict[str, Finding]:
    """A service area named like an authority far from the venue is the venue's own place of that
    name when it has one: "Stratford" for a class in Newham is Stratford, E15, not Stratford-on-Avon;
    "Bury" for a good-neighbour scheme in Ramsey is the village, not the borough."""
    if not venue:
        return found
    kept: dict[str, Finding] = {}
    for value, finding in found.items():
        apart = None
        if finding.source == "service_areas" and read_place(value) is None:
            apart = areas.apart_km(value, venue)
        if apart is None or apart <= _NAMESAKE_KM:
            kept.setdefault(value, finding)
            continue
        names = dict.fromkeys([string.capwords(finding.evidence), areas.name(value)])
        namesake = next(
            (place for near in sorted(venue) for name in names if (place := areas.place(near, name))), None
        )
        if namesake is None:
            kept.setdefault(value, finding)
        else:
            kept.setdefault(
                namesake.entry(), Finding(namesake.entry(), 0.85, finding.source, finding.evidence)
            )
    return kept


def _whole_where_unplaced(
    found: dict[str, Finding], unplaced: set[str], stamped: dict[str, set[str]]
) -> list[Finding]:
    """A place we cannot locate ("Bacup, Stacksteads or Weir", Bacup having no ward of its name
    with a known centre) stands for its whole authority; then so do the others named with it, or
    the authority's people outside the located ones would be turned away from a service for them.
    So do places of an authority the words name as a whole ("Salford residents, Eccles and
    Swinton too"); an ORUK service area naming the authority is where it works, and the places in
    the words the finer limit inside it, as they are inside a service area named for a part of it
    ("North Northumberland"; "Areas covered: Alnwick, Amble, Rothbury")."""
    whole = unplaced | {
        value
        for value, finding in found.items()
        if finding.source != "service_areas" and read_place(value) is None
    }
    worded = {
        place.la for value, f in found.items() if f.source != "service_areas" and (place := read_place(value))
    }
    # `stamped`: the authorities of each service area, one that names a region ("Greater
    # Manchester") among them
    narrowed = bool(worded) and not whole and any(len(c) > 1 and worded <= c for c in stamped.values())
    # "registered with a GP in South Tees (Middlesbrough or Redcar & Cleveland)" beside a service
    # area of all Tees Valley: authorities the words state as the limit, in as many words, inside
    # the region and fewer than it. (Not any authority the words mention: read that way, every
    # development record it changed became wrong.)
    stated = {
        value
        for value, f in found.items()
        if f.source in ("eligibility", "description") and f.confidence >= 0.75 and read_place(value) is None
    }
    narrowed = narrowed or (
        bool(stated)
        and stated == whole - unplaced
        and any(len(c) > len(stated) and stated <= c for c in stamped.values())
    )
    out = []
    for value, finding in found.items():
        place = read_place(value)
        if place is not None and place.la in whole:
            continue
        if place is not None and finding.source == "service_areas" and place.la in worded:
            continue
        # a service area naming the authority ("West Cheshire") beside words that limit it to a
        # part ("registered with a Northwich PCN practice"): the part
        if place is None and finding.source == "service_areas" and value in worded:
            continue
        # a dropdown's "Greater Manchester" beside "living in Farnworth and Kearsley": towns the
        # words limit it to, all inside the region, and nothing else, leave its other boroughs out
        if place is None and finding.source == "service_areas" and narrowed and value not in stated:
            continue
        out.append(finding)
    return out


# An organisation that says where it works: "we operate in the Greater Manchester area", "within the
# Stockport area", "in and around the City of Manchester". A plain "in Stockport" is as often one
# venue's group ("a peer support group for adults in Stockport"), so it does not count.
_WORKS_IN = re.compile(
    r"\b(?:within|in\s+and\s+around|(?:operat|work)(?:e|es|s|ing)?\s+(?:in|across|throughout))\s+(?:the\s+)?",
    re.I,
)


# Where a van or a bus stops on its round: "Our advice van parks up in Thurnscoe, Goldthorpe and
# Wath", "the bus calls at Alston, Nenthead and Garrigill".
_STOPS_IN = re.compile(
    r"\b(?:park(?:s|ing)?\s+up|stops?|calls?|visit(?:s|ing)?|tours|goes\s+(?:to|round))\s+(?:in|at|round|around)?\s*(?=[A-Z])"
)
_STOP_ITEMS = re.compile(r"\s*(?:,|\band\b|&|/)\s*")
_VEHICLE = re.compile(r"\b(?:van|bus|mobile|truck|lorry|trailer)\b", re.I)


def find_works_in(record: Record, areas: AreaLookup | None) -> list[Finding]:
    """The authorities an organisation says it works in, each area named right after the cue and
    those listed with it ("in the Greater Manchester and Cheshire areas"), and the places a van or
    bus stops at on its round."""
    if areas is None:
        return []
    found: dict[str, Finding] = {}
    if _VEHICLE.search(record.text("name", "description")):
        context = authorities_named(record, areas)
        for field in ("description", "schedule_description"):
            text = record.texts.get(field, "")
            for cue in _STOPS_IN.finditer(text):
                window = text[cue.end() : cue.end() + 120]
                clause_end = _CLAUSE_END.search(window)
                window = window[: clause_end.start()] if clause_end else window
                stops = [p for code, name in areas.places(window, context) if (p := areas.place(code, name))]
                # Every stop placed: the round is those places. Some we cannot place: the
                # authorities of those we can, rather than a round with holes in it.
                named = [item for item in _STOP_ITEMS.split(window) if item.strip()]
                entries = (
                    [p.entry() for p in stops] if len(stops) >= len(named) else [p.la for p in stops if p.la]
                )
                for entry in entries:
                    found.setdefault(entry, Finding(entry, 0.6, field, quote(text, cue, 60)))
    if found:
        return list(found.values())
    for field in ("description", "eligibility"):
        text = record.texts.get(field, "")
        for cue in _WORKS_IN.finditer(text):
            window = text[cue.end() : cue.end() + 60]
            clause_end = _CLAUSE_END.search(window)
            window = window[: clause_end.start()] if clause_end else window
            for code, _ in _listed_after_cue(areas, window, within=8):  # "the City of"
                found.setdefault(code, Finding(code, 0.6, field, quote(text, cue, 50)))
    # A service with no venue named for an authority ("Hambleton Community Transport", "Telephone
    # Befriending - Richmondshire") works there.
    if not found and not _has_venue(record):
        name = record.texts.get("name", "")
        for code, words in areas.find(name):
            if not areas.is_wider_area(words):
                found.setdefault(code, Finding(code, 0.5, "name", name[:120]))
    return list(found.values())


def venue_authorities(record: Record, areas: AreaLookup) -> set[str]:
    # asked for by every reader of places, so worked out once a record
    if record.venue_authorities is None:
        points = [location["point"] for location in record.locations if location.get("point")]
        record.venue_authorities = frozenset(
            code for lat, lng in points if (code := areas.authority_at(float(lat), float(lng)))
        )
    return set(record.venue_authorities)


_COUNCIL_INITIALS = re.compile(r"\b(?P<initials>[A-Z]{1,4}C)\s+residents\b")
_ESTATE_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?"
_ESTATE_LIMIT = re.compile(
    r"\b(?:residents|tenants|people|families|households)\s+(?:living\s+)?(?:of|on|in)\s+(?:the\s+)?(?P<name>"
    + _ESTATE_NAME
    + r")\s+[Ee]states?\b|\b(?P<name2>"
    + _ESTATE_NAME
    + r")\s+[Ee]states?\s+(?:residents|tenants|only)\b"
)
# An estate is a few streets: about a kilometre around its venue, or the venue's postcode district
# when the feed gives no point for it.
ESTATE_KM = 1.0


def _around_the_estate(record: Record, name: str) -> list[str]:
    out = []
    for location in record.locations:
        point = location.get("point")
        if point:
            out.append(Place("", name, float(point[0]), float(point[1]), ESTATE_KM).entry())
        elif district := _OUTCODE.match(re.sub(r"\s+", "", str(location.get("postcode") or "")).upper()):
            out.append(district.group(1))
    return out[:1]


# the district of a postcode written any way ("se17 2 uz", "SE172UZ")
_OUTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)[0-9][A-Z]{2}$")


def _has_venue(record: Record) -> bool:
    return any(loc.get("type") == "physical" for loc in record.locations)


def _named_authorities(record: Record, areas: AreaLookup | None) -> set[str]:
    return {code for code, _ in areas.find(record.texts.get("name", ""))} if areas is not None else set()


# A federation's boilerplate about itself: "part of the Mind network of more than 100 local Minds
# across England and Wales" says where the network is, not how far this branch's group reaches.
_THE_NETWORK = re.compile(r"\b(?:network|federation|part\s+of\s+(?:the|a)\b|\d+\s+local\b)", re.I)


def find_area_wide(
    record: Record,
    delivery: list[Finding],
    residency: list[Finding],
    works_in: Sequence[Finding] = (),
    areas: AreaLookup | None = None,
) -> Finding:
    declared = record.declared.get("area_wide")
    if declared in ("yes", "true", "no", "false"):
        return Finding(declared in ("yes", "true"), 0.95, "area_wide", declared)
    modes = {f.value for f in delivery}
    # A line, a website or visits reach everyone in the area, even beside a venue ("drop in, or call
    # our helpline"); a phone number alone is only a way to get in touch.
    stated = {f.value for f in delivery if f.confidence >= 0.6}
    if (
        modes & {"home_visits", "outreach"}
        or (modes and "in_person" not in modes)
        or stated & {"phone", "online"}
    ):
        reason = next(f for f in delivery if f.value in ("home_visits", "outreach", "phone", "online"))
        return Finding(True, 0.75, reason.source, reason.evidence)
    # A class, a group or a drop-in at one venue reaches the people who come to it, even when it
    # is only open to one borough's residents.
    # (One whose venue is withheld, "location not published", reaches its area: there is no
    # distance to tell.)
    activity = _VENUE_ACTIVITY.search(record.texts.get("name", ""))
    if activity and "in_person" in modes and _has_venue(record):
        return Finding(False, 0.6, "name", quote(record.texts["name"], activity))
    # A feed's service area beside a venue is most often the council it sits in, stamped on every
    # record by the publisher's export: who may come (residency), not a reach beyond the venue.
    if record.service_areas and not _has_venue(record):
        return Finding(
            True, 0.85, "service_areas", "; ".join(a["text"] or a["uri"] for a in record.service_areas)[:120]
        )
    # A limit to residents makes a service area-wide where it is the authority's own service, named
    # for it ("Salford Carers Centre"), or has no venue; a pantry or a swim at one venue for the
    # borough's residents still reaches only those who come to it.
    named = _named_authorities(record, areas) if _has_venue(record) else set()
    limits = [f for f in residency if not _has_venue(record) or authority_of(str(f.value)) in named]
    if limits:
        return Finding(True, 0.75, limits[0].source, limits[0].evidence)
    for field in ("eligibility", "description"):
        text = record.texts.get(field, "")
        for match in AREA_WIDE.finditer(text):
            sentence = re.split(r"[.!?\n]", text[: match.start()])[-1]
            if not _THE_NETWORK.search(sentence):
                return Finding(True, 0.6, field, quote(text, match))
    # "we operate in the Stockport area" (find_works_in): it reaches that area
    if works_in:
        return Finding(True, 0.6, works_in[0].source, works_in[0].evidence)
    return Finding(False, 0.6, "", "")
