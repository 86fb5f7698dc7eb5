"""Explicit age ranges in a record's words: "aged 6-25", "(11-25 years)", "over 50s", "18+".

Only wording that is plainly about who may come counts: "for over 20 years" and "0161 ..." are not
ages. A lower bound from "over N" is N itself (people say "over 50s" for people in their fifties);
an upper bound from "under N" is N - 1 ("under 18s" are 17 at most).
"""

from __future__ import annotations

import re

from .rules import HEDGED

_N = r"(\d{1,2})"
_YEARS = r"(?:\s*(?:years?|yrs?)(?:\s*old)?|\s*year\s*olds?|s)?"
_RANGE = re.compile(
    r"(?:\b(?:aged?|ages(?:\s+of)?|for|from|between)\s+|\()"
    + _N
    + r"\s*(?:years?|yrs?)?\s*(?:-|–|to|and)\s*"
    + _N
    + _YEARS
    + r"\b"
    r"|\b" + _N + r"\s*(?:-|–|to)\s*" + _N + r"\s*(?:years?|yrs?|year[- ]olds?)\b"
    # a bare range beside the people it is for: "young people 11-19", "LGBTQ+ 16-25", "Age: 11-18",
    # "16-25 care leavers" (not a time: "Tuesday evenings 6-8")
    r"|(?:\b(?:young\s+(?:people|adults?|carers)|children|kids|youth|teens|teenagers|care\s+leavers|girls|boys)"
    r"|\blgbt(?:q\+?|qia\+?|\+)?|\bages?\s*:)\s*"
    + _N
    + r"\s*(?:-|–|to)\s*"
    + _N
    + r"\b(?!\s*(?:am|pm|[:.]\d))"
    r"|\b" + _N + r"\s*(?:-|–|to)\s*" + _N + r"\s+(?:care\s+leavers|young\s+(?:people|adults?|carers))\b",
    re.I,
)
_MIN = re.compile(
    r"\b(?:aged?\s+|ages\s+)?(?:over|over\s+the\s+age\s+of|above|older\s+than)\s+"
    + _N
    + r"\s*(?:'?s\b|\+|\s*years?\s*(?:old|of\s+age)|(?=\s+(?:only|and)\b))"
    r"|\b(?:over|above)\s+the\s+age\s+of\s+" + _N + r"\b"
    r"|\b(?:men|man|women|woman|people|adults|anyone|those|carers|parents|ages?)\s+\(?(?:aged\s+)?(?:over|above)\s+"
    + _N
    + r"\b(?!\s*(?:years|minutes|hours|%))"
    r"|\baged\s+(?:over\s+)?" + _N + r"\s*(?:\+|\s*(?:years?\s*)?(?:and|or)\s+(?:over|above|older))"
    r"|\b" + _N + r"\s*(?:\+|plus\b)\s*(?:years?\b|yrs\b|only\b|age\b|adults?\b|people\b|\))?"
    r"|\b" + _N + r"\s*(?:years?\s*)?(?:and|or)\s+(?:over|above|older)\b"
    # "all ages from 16 up"
    r"|\bfrom\s+" + _N + r"\s+(?:up|upwards)\b",
    re.I,
)
_MAX = re.compile(
    r"\b(?:aged?\s+)?(?:under|below|younger\s+than)\s+"
    + _N
    + r"\s*(?:'?s\b|\s*years?\b|(?=\s+(?:only|and)\b)|(?=\s*(?:$|[.,;:)])))"
    r"|\b(?:aged?\s+)?up\s+to\s+" + _N + r"\s*(?:years?\b|yrs\b)?(?=\s*(?:years?|old|only|\.|,|\)|$))"
    r"|\b(?:aged?\s+)?" + _N + r"\s*(?:years?\s*(?:old\s*)?)?(?:or|and)\s+(?:under|younger|below)\b"
    # "lost a partner before their 51st birthday": 50 at most
    r"|\bbefore\s+(?:their|your|his|her|the)\s+" + _N + r"(?:st|nd|rd|th)\s+birthday\b",
    re.I,
)
# "aged 50 or under" includes 50; "under 50" does not.
_INCLUSIVE_MAX = re.compile(r"\d\s*(?:years?\s*(?:old\s*)?)?(?:or|and)\s+(?:under|younger|below)", re.I)
# "over 20 years" of experience, "under 5 minutes": numbers that follow these are not ages.
_NOT_AGE_AFTER = re.compile(
    r"^\s*(?:years?\s+(?:of|experience|ago|since|in|we|the|and\s+(?!over))|"
    # a time since something, not an age: "up to 2 years after birth", "2 yrs post-natal"
    r"(?:years?|yrs?)\s+(?:after|following|since|post[- ]?)\s*(?:the\s+)?(?:birth|having|giving|delivery|natal|partum|diagnosis|discharge)|"
    r"minutes|hours|days|weeks|months|miles|people|members|volunteers|%|£|items?|things|products|bags|parcels|"
    r"meals|sessions|pounds|languages|courses|activities|groups|clubs|places|spaces|tools|books|beds|rooms)",
    re.I,
)
# "no under 18s", "not suitable for under 16s": the age named is the youngest who may come.
_NOT_UNDER = re.compile(
    r"\b(?:no|not\s+(?:suitable|open|available|for)(?:\s+(?:for|to))?|sorry,?\s+no|excluding|except|cannot\s+"
    r"(?:take|accept)|"
    # an exclusion list's item: "Exclusion criteria:\n• Under 25s", "Exclusions: children under 16"
    r"exclu\w*(?:\s+criteria)?\s*[:\-–]?\s*(?:[•*·\-–]\s*)?(?:(?:children|young\s+people|people|anyone|those)\s+)?)\s*$",
    re.I,
)
# "aged 65+ or anyone who has had a fall": the age is one way in, not a limit.
# "60+ or disabled", "over 65s or people with a disability": likewise.
_OR_ANYONE = re.compile(
    r"^\W{0,3}(?:or|and\s+also)\s+(?:anyone|someone|people|those|younger|any\s+age|(?:a\s+)?disab\w*|with\s+a\s+disability|"
    r"who\s+(?:have|has|are|is)\b|(?:have|has|with)\s+(?:a\s+)?(?:disability|long[- ]term\s+(?:health\s+)?condition))\b|"
    # "60+ and disabled residents": two kinds of people, either of whom may come
    r"^\W{0,3}and\s+(?:people\s+with\s+a\s+disability|disabled)\b|"
    # the first of a list of ways in: "Home visits are for people 65+, disabled or with young children"
    r"^\s*,\s*(?:disab\w*|(?:with|have|has)\s+(?:a\s+)?(?:disability|young\s+children|children|long[- ]term)|"
    r"carers?|pregnant)[^.;]{0,30}?\bor\b",
    re.I,
)
# "Priority: over 65s", "labour free for over 65s", "a free TV licence for over 75s", "self refer if
# over 55": an age that earns a priority, a price or a way in, not a limit on who may come.
_PERK_BEFORE = re.compile(
    r"\b(?:priority(?:\s+(?:is\s+)?given)?|prioriti[sz]e\w*|free|discount\w*|concession\w*|reduced|cheaper|subsidi[sz]ed|licence|(?<!only\s)if)"
    r"\s*(?::|\s+(?:to|for))?\s*(?:people\s+|those\s+|anyone\s+)?(?:aged\s+)?$",
    re.I,
)
# "50+ especially welcome", "60+ preferred", "Over 60s mainly but it's for anyone"
_HEDGED_AFTER = re.compile(
    r"^\W{0,3}(?:(?:especially|particularly|esp\.?|very|most)\s+welcome|preferred|mainly|mostly|encouraged)\b",
    re.I,
)
# "a disability or mobility difficulty, or are aged 70+": the age is another way in, not a limit;
# "Anyone, but it is designed for people aged 60 and over": whom it suits, not whom it admits.
_ANOTHER_WAY_IN_BEFORE = re.compile(
    r"\bor\s+(?:are\s+|is\s+|who\s+(?:are|is)\s+|people\s+|anyone\s+)?(?:aged\s+)?$|"
    r"\b(?:anyone|everyone|open\s+to\s+all|all\s+welcome)\b[^.;]{0,15}\bbut\b[^.;]{0,50}$",
    re.I,
)
# "30 members aged between 7 and 80", "a modern WI with members from 30 to 90": who comes now, not
# who may ("for members aged 18-25" is a limit).
_MEMBERS_NOW_BEFORE = re.compile(r"(?<!for\s)(?<!for\sour\s)\bmembers\s+(?:aged\s+)?$", re.I)
# "the energy adviser is here from 10-12": hours, not ages
_HOURS_FROM_BEFORE = re.compile(r"\b(?:here|there|in|open|available|runs?|running|is|are)\s+$", re.I)
# "worries about behaviour, teenagers, bullying", "parenting teenagers": the parent's children
_THEIR_TEENAGERS_BEFORE = re.compile(
    r"\b(?:parenting|parents?\s+of|mums?\s+of|dads?\s+of|about)\b[^.;:!?]{0,40}$", re.I
)
# "Support for carers of any age ... young carers service (8-17)": an age after it is a part's.
_ANY_AGE = re.compile(
    r"(?:\b(?:of|at)\s+any\s+age|\ball\s+ages|\bno\s+age\s+(?:limit|restriction)s?)\b"
    # not "all ages over 18", "all ages from 16 up"
    r"(?!\s*(?:over|above|from|under|up\s+to|of\s+\d|\d|\())",
    re.I,
)
# "Young carers (aged 5-17) are referred on to the Young Carers team", "(under 18) are supported by a
# separate team", "Under 25s have their own group": people sent elsewhere, not the service's ages.
_SENT_ON_AFTER = re.compile(
    r"^[^.;]{0,12}?\b(?:are|is|get|will\s+be)\s+(?:\w+\s+)?(?:referred|signposted|passed|supported\s+by\s+(?:a|our|the)\s+"
    r"(?:separate|different|other)|seen\s+by\s+(?:a|our|the)\s+(?:separate|different|other))|"
    # "Under 25s have their own group (Rainbow Youth) - this is adults"
    r"^[^.;]{0,12}?\b(?:have|has|get)\s+(?:their|its)\s+own\b",
    re.I,
)
# "Mon-Fri 9.30-5 plus evenings": an hour, not an age
_AN_HOUR_BEFORE = re.compile(r"\d[-–.:]\s?$")
# "their under 5s", "with your under 5s": the children the adult brings.
_THEIR_CHILDREN = re.compile(r"\b(?:their|your|with\s+(?:their|your|his|her))\s*$", re.I)
# School years ("school years 7 to 11", "year 7 and up"): year 7 starts at 11.
# "Y7 to Y13", "Y7+": a school's shorthand for the same.
_SCHOOL_RANGE = re.compile(
    r"\b(?:school\s+)?(?:years?\s+|y)(\d{1,2})\s*(?:-|–|to)\s*(?:y(?:ear\s*)?)?(\d{1,2})\b(?!\s*(?:years?|old))",
    re.I,
)
_SCHOOL_FROM = re.compile(
    r"\b(?:school\s+)?(?:year\s+|y)(\d{1,2})\s*(?:\+|and\s+(?:up|above|over|older)|upwards|or\s+above)"
    # "Y7+ to 18": the upper end is an age
    r"(?:\s*(?:-|–|to)\s*(\d{2})\b(?!\s*(?:years?\s+(?:of|ago)|%)))?",
    re.I,
)
_SCHOOL_AGE = 4
CHILD_UNDER_SCHOOL_AGE = 4  # the oldest a child is before starting school
# A family session's ages from birth up to the end of primary school ("0-5", "dads with children
# 0-11", "children under 5 and their grown-ups") are the children's who come with their parents.
FAMILY_SESSION_UP_TO = 11
_ADULTS_ONLY = re.compile(
    r"\b(?:adults?[-\s]+only|for\s+adults\s+(?:aged\s+)?18|18\s*\+\s*only|this\s+(?:one\s+)?is\s+(?:for\s+)?adults)\b",
    re.I,
)


# A service for parents whose ages are the children's ("babies 0-12 months", "SEND (0-25)").
_PARENTS = re.compile(
    r"\b(?:parents?|grown[- ]?ups|mums|mothers|dads|fathers|grand(?:parents|ads|mas)|carers|families|partners)\b|"
    r"\byour\s+(?:child|baby|little\s+one|toddler)",
    re.I,
)
# ("dads with under 5s": the under-5s are children too)
_CHILD_WORDS = re.compile(
    r"\b(?:bab(?:y|ies)|toddlers?|child(?:ren)?|kids|creche|infants?|send|under[- ]?\d{1,2}s|\d\s*[-–]\s*\d{1,2}s)\b",
    re.I,
)
_CHILDREN = re.compile(r"\b(?:child(?:ren)?|young\s+people|kids|families|youth|teen\w*)\b", re.I)
_ADULTS = re.compile(
    # ("under 16s with an adult" are children accompanied)
    r"\b(?:for|support(?:s|ing)?)\s+(?:\w+\s+){0,2}?(?<!young\s)adults?\b|\b(?<!be\s)with\s+(?:\w+\s+){0,2}?adults\b|"
    r"\b(?<!young\s)adult\s+carers\b|"
    r"\b(?:lgbtq?\+?|lgbt)\s+adults\b",
    re.I,
)
# An eligibility that opens by naming adults ("Adults in Cambridgeshire and Peterborough", "Adults
# with a learning disability", "Adult carers"): who it is for, as the labellers read it (35 of 38
# such development records labelled 18 or over); not "Adults and children" nor "Adults, carers and
# families".
_ADULTS_FIRST = re.compile(r"^\W*(?:for\s+)?adults?\b(?!\s*(?:and|&|or|,|/|\+)(?:\s|$))", re.I)
# "Under 11s must be with an adult": younger people come accompanied, so it is not an upper bound.
_ACCOMPANIED = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:must|should|need\s+to|to)\s+be\s+(?:with|accompanied|supervised)|^\W*(?:with|accompanied\s+by)\s+an?\s+(?:adult|parent)|"
    r"^\W*(?:\w+\s+){0,2}?with\s+(?:a\s+)?(?:signed\s+)?(?:consent|parental|parent|guardian)",
    re.I,
)
_PERSON_BEFORE = re.compile(
    r"\b(?:(?:widowed|bereaved)(?:\s+at)?|people|adults|those|anyone|men|women|carers|parents|members|"
    # "widowed at 50 or under", "partner died when you were 50 or under"
    r"(?:who|and|you|they)\s+(?:are|were|was|is))\s+$",
    re.I,
)
# "small class of up to 10", "groups of up to 8", "room for up to 12": how many come, not how old
_HEADCOUNT_BEFORE = re.compile(
    r"\b(?:class(?:es)?|groups?|sessions?|sizes?|capacity|numbers?|limited|maximum|max|rooms?|space|places|"
    r"seats?|takes?|holds?|fits?)\s+(?:\w+\s+)?(?:of|for|to)?\s*$",
    re.I,
)
_TEENS = re.compile(r"\bteens\b|\bteenagers\b", re.I)
# "There's still nothing for teenagers on the Roseland": what the area lacks, not who may come
_NOTHING_FOR = re.compile(
    r"\b(?:nothing|no\s+(?:\w+\s+)?(?:provision|services?|groups?|clubs?))\s+(?:\w+\s+)?for\s+$", re.I
)
# "open to all, esp. men 50+": who comes most, not a limit
# Pensioners: state pension age (66 since 2020)
_PENSIONERS = re.compile(
    r"\b(?:OAPs?|old\s+age\s+pensioners|pensioners\s+only|(?:for|open\s+to)\s+(?:local\s+|all\s+)?pensioners)\b",
    re.I,
)
PENSION_AGE = 66


# "Free weekly 5k run ... Juniors (4-14) on Sundays": a junior section's own day, beside the main
# activity, gives the juniors' ages, not the service's.
_JUNIOR_SECTION_BEFORE = re.compile(r"(?:^|[.;:!?,]\s*|\band\s+)juniors?\s*\(?\s*$", re.I)
_ON_ANOTHER_DAY = re.compile(
    r"^\W{0,3}\s*(?:years?\s+)?(?:on|every|each)\s+(?:mon|tue|wed|thu|fri|sat|sun)\w*", re.I
)

# "Longer rambles (5-8 miles)": a distance or a time, not an age
_A_DISTANCE_OR_TIME_AFTER = re.compile(
    r"^\s*(?:miles?|km|kilometres?|metres?|minutes?|mins?|hours?|hrs?|weeks?|days?|%|people|members)\b", re.I
)
# "we're sorry we can't take teenagers": who is turned away
_TURNED_AWAY_BEFORE = re.compile(r"\b(?:can'?t|cannot|can\s+not|unable\s+to|not|no)\b[^.;]{0,40}$", re.I)

_STRETCH = re.compile(r"^\W{0,3}(?:\w+\s+){0,2}?up\s+to\s+(\d{1,2})\b", re.I)
_FOR_SOME = re.compile(r"^\s*(?:years?\s+)?(?:with|who\s+(?:have|has))\b", re.I)
_CRECHE = re.compile(r"\b(?:cr[eè]che|childcare|child\s+care)\b[^.]{0,20}$", re.I)


def for_parents_and_little_ones(text: str) -> bool:
    """Words for parents who come with their babies or children ("expectant mums and parents with
    babies under one"): an age the publisher gives is then the children's, not the parent's."""
    return bool(_PARENTS.search(text) and _CHILD_WORDS.search(text))


def _about_children(text: str, match: re.Match[str], for_parents: bool) -> bool:
    if re.match(r"\s*months?\b", text[match.end() :], re.I):
        return True
    # "Creche for under 5s": the age is the children's, looked after while the adults attend
    if _CRECHE.search(text[max(0, match.start() - 40) : match.start()]):
        return True
    return for_parents and bool(_CHILD_WORDS.search(text[max(0, match.start() - 60) : match.end() + 5]))


# A directory platform's own line: "Age range: 18-125", "Age range: 0-999" (no upper limit).
_PLATFORM_RANGE = re.compile(r"\bage\s+range\s*:?\s*(\d{1,2})\s*(?:-|–|to)\s*(\d{1,3})\b", re.I)
NO_LIMIT = 99


def _plausible(low: int | None, high: int | None) -> bool:
    if low is not None and not 0 <= low <= 100:
        return False
    if high is not None and not 1 <= high <= 110:
        return False
    return low is None or high is None or low < high


# "... is for adults over 25", "a group for over 50s": whom a part of the service is for; not a
# parent who stays, nor a group sent elsewhere ("over 18s go to the adult group").
_FOR_THEM = re.compile(r"\b(?:is|are|also)\s+(?:\w+\s+){0,3}for\b", re.I)
_ADULTS_WITH_THEM = re.compile(r"\b(?:parents?|carers?|grown-?ups|mums|dads)\b", re.I)


def _older_group_too(text: str, top: int) -> bool:
    """Whether the words also open the service to a group older than a range they state ("youth
    group for 14-19s; our Tuesday group is for adults over 25"): then no upper age holds."""
    for m in _MIN.finditer(text):
        value = int(next(g for g in m.groups() if g is not None))
        before = re.split(r"[.;!?]", text[max(0, m.start() - 60) : m.start()])[-1]
        if (
            value >= top
            and _FOR_THEM.search(before)
            and not _ADULTS_WITH_THEM.search(before + m.group(0))
            and not _NOT_AGE_AFTER.match(text[m.end() :])
            and not HEDGED.search(before)
        ):
            return True
    return False


def one_way_in(text: str, age: int) -> bool:
    """Whether the words give `age` as one way in among others ("tenants aged 65+ or who have a
    disability"), so that a form's minimum age of 65 is no limit either."""
    for m in _MIN.finditer(text):
        after = text[m.end() :]
        # ("Aged 16+, pregnant or with a baby under 2" is both, not either)
        if int(next(g for g in m.groups() if g is not None)) == age and (
            (_OR_ANYONE.match(after) and re.match(r"\W{0,3}(?:or|and)\b", after))
            or _ANOTHER_WAY_IN_BEFORE.search(text[max(0, m.start() - 80) : m.start()])
        ):
            return True
    return False


def find_ages(text: str) -> tuple[int | None, int | None, str]:
    """(min_age, max_age, quoted words) found in `text`; (None, None, "") when nothing is stated."""
    open_to_any_age = _ANY_AGE.search(text or "")
    if open_to_any_age:
        # what follows is a part's age ("carers of any age - a young carers' club (8-17)"); what went
        # before still holds ("all services are for women over 18; the helpline is open to all ages")
        text = text[: open_to_any_age.start()]
    if not text:
        return None, None, ""
    low = high = None
    quotes: list[str] = []
    for_parents = bool(_PARENTS.search(text))
    for m in _SCHOOL_RANGE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if 1 <= a < b <= 13:
            low, high = a + _SCHOOL_AGE, b + _SCHOOL_AGE + 1
            quotes.append(m.group(0).strip())
            break
    for m in _SCHOOL_FROM.finditer(text):
        if low is None and 1 <= int(m.group(1)) <= 13:
            low = int(m.group(1)) + _SCHOOL_AGE
            if m.group(2) and low < int(m.group(2)) <= 25:
                high = int(m.group(2))
            quotes.append(m.group(0).strip())
    platform = _PLATFORM_RANGE.search(text)
    if platform and low is None:
        a, b = int(platform.group(1)), int(platform.group(2))
        if a or b < NO_LIMIT:
            low, high = a or None, b if b < NO_LIMIT else None
            quotes.append(platform.group(0).strip())
    for m in _RANGE.finditer(text):
        if low is not None and quotes and "year" in quotes[0].lower():
            break
        a, b = (int(g) for g in m.groups() if g is not None)
        if _about_children(text, m, for_parents):
            continue
        after = text[m.end() :]
        if (
            (
                _JUNIOR_SECTION_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
                and _ON_ANOTHER_DAY.match(after)
            )
            or _A_DISTANCE_OR_TIME_AFTER.match(after)
            or _SENT_ON_AFTER.match(after)
            or _MEMBERS_NOW_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
            or (
                m.group(0).lower().startswith("from")
                and _HOURS_FROM_BEFORE.search(text[max(0, m.start() - 15) : m.start()])
            )
        ):
            continue
        # a range of years or a price ("1990-2000", "2-3 hours" is filtered by _YEARS words)
        if _plausible(a, b) and b - a >= 2:
            # "aged 13 to 19 (up to 25)": the stretched upper bound counts; not one for some people
            # only ("up to 25 with SEND"), which the publishers' own labels leave at 19, and which a
            # 22-year-old without it would be turned away from
            stretch = _STRETCH.match(text[m.end() :])
            if (
                stretch
                and b < int(stretch.group(1)) <= 30
                and not _FOR_SOME.match(text[m.end() + stretch.end() :])
            ):
                b = int(stretch.group(1))
            low = a if low is None else min(low, a)
            high = b if high is None else max(high, b)
            quotes.append(m.group(0).strip(" ("))
    if high is not None and _older_group_too(text, high):
        high = None
    if low is None:
        for m in _MIN.finditer(text):
            value = int(next(g for g in m.groups() if g is not None))
            if _NOT_AGE_AFTER.match(text[m.end() :]) or not 3 <= value <= 90:
                continue
            before = text[max(0, m.start() - 30) : m.start()]
            if (
                re.search(r"£|\$", text[max(0, m.start() - 2) : m.start() + 1])
                or _OR_ANYONE.match(text[m.end() :])
                or HEDGED.search(before[-25:])
                or _PERK_BEFORE.search(before)
                or _ANOTHER_WAY_IN_BEFORE.search(text[max(0, m.start() - 80) : m.start()])
                or _HEDGED_AFTER.match(text[m.end() :])
                or _AN_HOUR_BEFORE.search(before)
            ):
                continue
            low = value if low is None else min(low, value)
            quotes.append(m.group(0).strip())
    if high is None:
        for m in _MAX.finditer(text):
            value = int(next(g for g in m.groups() if g is not None))
            if _NOT_UNDER.search(text[max(0, m.start() - 30) : m.start()]) and re.match(
                r"under", m.group(0), re.I
            ):
                if low is None and 3 <= value <= 25:
                    low = value
                    quotes.append(text[max(0, m.start() - 20) : m.end()].strip())
                continue
            if _THEIR_CHILDREN.search(text[max(0, m.start() - 20) : m.start()]):
                continue
            # "under 5s" is most often a creche, so an upper bound above 30 needs the person before
            # it: "widowed under 60", "adults aged under 65".
            adult_bound = value <= 99 and bool(
                re.match(r"aged?\b|before\b", m.group(0), re.I) or _PERSON_BEFORE.search(text[: m.start()])
            )
            if (
                _NOT_AGE_AFTER.match(text[m.end() :])
                or (m.group(0).lower().startswith("up") and _HEADCOUNT_BEFORE.search(text[: m.start()]))
                or not (2 <= value <= 30 or adult_bound)
                or _about_children(text, m, for_parents)
                or _ACCOMPANIED.match(text[m.end() :])
                or _SENT_ON_AFTER.match(text[m.end() :])
            ):
                continue
            exclusive = re.search(
                r"under|below|younger|before", m.group(0), re.I
            ) and not _INCLUSIVE_MAX.search(m.group(0))
            upper = value - 1 if exclusive else value
            if low is None or upper > low:
                high = upper
                quotes.append(m.group(0).strip())
                break
    if low is None and high is None:
        children = any(not _TURNED_AWAY_BEFORE.search(text[: c.start()]) for c in _CHILDREN.finditer(text))
        adults = _ADULTS_ONLY.search(text) or (
            None if children else (_ADULTS.search(text) or _ADULTS_FIRST.search(text))
        )
        teens = next(
            (
                t
                for t in _TEENS.finditer(text)
                if not _NOTHING_FOR.search(text[: t.start()])
                and not _TURNED_AWAY_BEFORE.search(text[: t.start()])
                and not _THEIR_TEENAGERS_BEFORE.search(text[: t.start()])
            ),
            None,
        )
        pensioners = _PENSIONERS.search(text)
        if pensioners:
            low = PENSION_AGE
            quotes.append(pensioners.group(0))
        elif adults:
            low = 18
            quotes.append(adults.group(0))
        elif teens:
            low, high = 13, 19
            quotes.append(teens.group(0))
    if low is not None and high is not None and low >= high:
        return None, None, ""
    return low, high, "; ".join(dict.fromkeys(quotes))
