"""Is this pair the same service? Plain facts in, a decision with its reasons out (no database).

What makes two records one service, as curators judge it:
- the same venue (same postcode once normalised, or points within about 150 m) and a name or an
  organisation that says the same thing, however differently each publisher words it;
- no venue on one side (phone lines, online services) but the same phone number, email or web page,
  and a similar name or organisation.
What does not: the same organisation at another venue. A Trussell Trust food bank in Stretford and
one in Partington share an organisation, a phone line and most of a name, and are two services.

Pairs are found by blocking, not by comparing everything with everything: records meet only when
they share a postcode district and a name word, a postcode, a phone number, an email or a web page.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from ..needs import taxonomy
from .geo import normalise_postcode

# Words that say nothing about which service a record is ("Sale Lunch Club Ltd" is "Sale Lunch Club").
NOISE = {
    "the",
    "ltd",
    "limited",
    "cic",
    "charity",
    "trust",
    "and",
    "of",
    "uk",
    "group",
    "for",
    "at",
    "in",
    "a",
    "an",
    "service",
    "services",
    "cio",
    "inc",
    "scheme",
    "project",
}
# Words too common to block on: a block for "club" would pair every club in a district.
COMMON = NOISE | {
    "club",
    "group",
    "centre",
    "center",
    "community",
    "support",
    "advice",
    "team",
    "st",
    "road",
    "hall",
    "church",
    "people",
    "health",
    "mental",
    "drop",
    "day",
}
SAME_VENUE_KM = 0.15
MAX_BLOCK = 60  # a block bigger than this is a word like "trafford": it pairs nothing useful
NAME_ALONE = 0.9  # at the same venue, names this close are enough
NAME_WITH_EVIDENCE = 0.6


@dataclass
class Facts:
    """What a record says about identity, normalised so publishers' formats do not matter."""

    id: str
    name: str
    organization: str = ""
    postcodes: set[str] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    phones: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)  # host + path: a service's own page
    hosts: set[str] = field(default_factory=set)  # host alone: often the organisation's site
    needs: set[str] = field(default_factory=set)

    @property
    def has_venue(self) -> bool:
        return bool(self.postcodes or self.points)

    @property
    def districts(self) -> set[str]:
        return {pc.split(" ")[0] for pc in self.postcodes}


_WORD = re.compile(r"[a-z0-9]+")


def words(text: str | None) -> list[str]:
    """Lower-case words with apostrophes dropped ("Men's" → "mens") and "&" read as "and"."""
    text = (text or "").lower().replace("&", " and ").replace("'", "").replace("\u2019", "")
    return _WORD.findall(text)


def meaningful(text: str | None) -> list[str]:
    """The words of a name that can tell services apart (no "the", "ltd", "group")."""
    return list(_meaningful(text or ""))


# A directory pass compares each record with dozens of others, reading the same names each time.
@lru_cache(maxsize=65536)
def _meaningful(text: str) -> tuple[str, ...]:
    return tuple(w for w in words(text) if w not in NOISE)


def phone_digits(number: str | None) -> str | None:
    digits = re.sub(r"\D", "", number or "")
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits if len(digits) >= 6 else None


def _url_parts(url: str | None) -> tuple[str | None, str | None]:
    if not url or not str(url).strip():
        return None, None
    url = str(url).strip().lower()
    parts = urlsplit(url if "//" in url else "//" + url)
    host = parts.netloc.removeprefix("www.") or None
    path = parts.path.strip("/")
    return host, (f"{host}/{path}" if host and path else None)


def make_facts(
    id: str,
    name: str,
    organization: str | None = None,
    postcodes=(),
    points=(),
    phones=(),
    emails=(),
    urls=(),
    needs=(),
) -> Facts:
    facts = Facts(id=id, name=name or "", organization=organization or "", needs=set(needs or ()))
    for raw in postcodes:
        postcode = normalise_postcode(raw)
        if postcode and " " in postcode:
            facts.postcodes.add(postcode)
    facts.points = [
        (float(lat), float(lng))
        for lat, lng in points
        if lat is not None and lng is not None and -90 <= lat <= 90 and not (lat == 0 and lng == 0)
    ]
    facts.phones = {d for d in (phone_digits(p) for p in phones) if d}
    facts.emails = {e.strip().lower() for e in emails if e and "@" in e}
    for url in urls:
        host, page = _url_parts(url)
        if host:
            facts.hosts.add(host)
        if page:
            facts.pages.add(page)
    return facts


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = math.radians(b[0] - a[0])
    dlng = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371.0 * math.hypot(dlat, dlng)


def name_similarity(a: str, b: str) -> float:
    """0..1, word order and publishers' punctuation ignored. Different numbers ("Group 1",
    "Group 2") mark siblings, not twins."""
    ta, tb = meaningful(a), meaningful(b)
    if not ta or not tb:
        return 0.0
    sa, sb = " ".join(ta), " ".join(tb)
    # "Food Bank" and "Foodbank", "Drop In" and "Drop-in": compare with the spaces gone as well.
    similarity = (
        max(
            fuzz.token_sort_ratio(sa, sb),
            fuzz.ratio(sa.replace(" ", ""), sb.replace(" ", "")),
            0.9 * fuzz.token_set_ratio(sa, sb),
        )
        / 100
    )
    if {t for t in ta if t.isdigit()} != {t for t in tb if t.isdigit()}:
        similarity *= 0.5
    return similarity


def _own_words(facts: Facts, org: set[str] | None = None) -> list[str]:
    """The words of the name that are not the organisation's (`org`, else its own): "Lunch Club"
    in "Age UK Stockport Lunch Club"."""
    org = set(meaningful(facts.organization)) if org is None else org
    return [w for w in meaningful(facts.name) if w not in org and not w.isdigit()]


@lru_cache(maxsize=1)
def _offer_words() -> frozenset[str]:
    """The words of the needs' labels and synonyms: what a name adds when it names what is offered
    or who for ("dementia", "lunch", "advice"), not where ("Altrincham")."""
    return frozenset(
        word
        for need in taxonomy().needs()
        for phrase in (need.label, *need.synonyms)
        for word in meaningful(phrase)
    )


def _names_an_offer(words: list[str]) -> bool:
    return any(word in _offer_words() for word in words)


def _service_words(facts: Facts) -> set[str]:
    """Own words, and joined pairs ("food bank" → "foodbank") so wording differences still meet."""
    own = _own_words(facts)
    return set(own) | {a + b for a, b in zip(own, own[1:], strict=False)}


def venue_relation(a: Facts, b: Facts) -> str:
    """ "same", "different" (both have venues, none shared) or "unknown" (one has none).

    Two unit postcodes are two addresses, however close: two food bank venues 150 m apart are two
    venues. Points decide only when one side has no postcode."""
    if not (a.has_venue and b.has_venue):
        return "unknown"
    if a.postcodes & b.postcodes:
        return "same"
    if a.postcodes and b.postcodes:
        return "different"
    if any(_km(p, q) <= SAME_VENUE_KM for p in a.points for q in b.points):
        return "same"
    return "different"


def words_conflict(a: Facts, b: Facts) -> bool:
    """Each name has a word found nowhere in the other record's name or organisation ("Citizens
    Advice Oldham" / "Citizens Advice Rochdale"): siblings from one family, not one service twice."""
    wa = {w for w in meaningful(a.name) if len(w) > 2}
    wb = {w for w in meaningful(b.name) if len(w) > 2}
    ta = wa | set(meaningful(a.organization))
    tb = wb | set(meaningful(b.organization))

    def lone(mine, theirs):
        return any(all(fuzz.ratio(w, t) < 75 for t in theirs) for w in mine)

    return bool(wa and wb) and lone(wa, tb) and lone(wb, ta)


# Who a name says a service is for: one organisation's women's and men's domestic abuse services, or
# its youth and older people's clubs, share a phone number and most words, and are two services.
_NAMED_AUDIENCES = {
    "women": re.compile(r"\b(?:women|woman|ladies|female|girls|mums|mothers)(?:'s|s')?\b", re.I),
    "men": re.compile(r"\b(?:men|man|gents|male|boys|dads|fathers|blokes)(?:'s|s')?\b", re.I),
    "young": re.compile(r"\b(?:youth|young\s+people|young\s+adults|teens?|children|kids|junior)\b", re.I),
    "older": re.compile(r"\b(?:older|elderly|senior|over\s+\d\d'?s|pensioners|later\s+life)\b", re.I),
}


def _named_for_others(a: str, b: str) -> bool:
    named_a = {who for who, pattern in _NAMED_AUDIENCES.items() if pattern.search(a or "")}
    named_b = {who for who, pattern in _NAMED_AUDIENCES.items() if pattern.search(b or "")}
    return bool(named_a and named_b and not named_a & named_b)


@dataclass(frozen=True)
class Verdict:
    duplicate: bool
    score: float
    reasons: tuple[str, ...]


def compare(a: Facts, b: Facts) -> Verdict:
    """Whether `a` and `b` are one service, how sure (0..1), and why, in a curator's words."""
    venue = venue_relation(a, b)
    # Two cases are decided whatever the names say (most blocked pairs are the first):
    # the same organisation at another venue is another service, whatever else they share; and
    # one charity's food bank and its HIV support listing (same name, same address) have nothing
    # in common that a person would come for.
    if (
        venue == "different"
        or (a.needs and b.needs and not a.needs & b.needs)
        or _named_for_others(a.name, b.name)
    ):
        return Verdict(False, 0.0, ())
    name = name_similarity(a.name, b.name)
    organization = (
        fuzz.token_set_ratio(" ".join(meaningful(a.organization)), " ".join(meaningful(b.organization))) / 100
        if meaningful(a.organization) and meaningful(b.organization)
        else 0.0
    )
    shared_words = _service_words(a) & _service_words(b)
    contacts = []
    if a.phones & b.phones:
        contacts.append("same phone number")
    if a.emails & b.emails:
        contacts.append("same email")
    if a.pages & b.pages:
        contacts.append(f"same web page ({sorted(a.pages & b.pages)[0]})")

    reasons = []
    if name >= NAME_WITH_EVIDENCE:
        reasons.append(f"similar name ({name:.0%})")
    if organization >= 0.9:
        reasons.append("same organisation")
    if venue == "same":
        shared = sorted(a.postcodes & b.postcodes)
        reasons.append(f"same postcode ({shared[0]})" if shared else "same place (within 150 m)")
    reasons += contacts
    if not a.pages & b.pages and a.hosts & b.hosts:
        # Shown, never decisive: an organisation's site is shared by all its services.
        reasons.append(f"same website ({sorted(a.hosts & b.hosts)[0]})")

    if venue == "same" and organization >= 0.9:
        # One organisation at one venue: the same service when what the names add to the
        # organisation's name agrees ("Lunch Club" / "Lunch Club"), not when it differs ("Lunch
        # Club" / "Computer Class"). Both plain organisation listings ("Mustard Tree" / "The Mustard
        # Tree") agree; one service beside the whole organisation's listing needs a shared contact.
        # What the names add is read against the words both organisations share: a publisher that
        # names the organisation after the service ("Age UK Trafford (Dementia Service)") still
        # lists one service of it, not the whole "Age UK Trafford" at the same address.
        shared_org = set(meaningful(a.organization)) & set(meaningful(b.organization))
        own_a, own_b = _own_words(a, shared_org), _own_words(b, shared_org)
        if own_a and own_b:
            duplicate = (
                bool(shared_words)
                or fuzz.token_sort_ratio(" ".join(sorted(own_a)), " ".join(sorted(own_b))) >= 60
            )
        else:
            # Only one name adds words. A place ("The Counselling and Family Centre, Altrincham",
            # "Manchester and Salford Samaritans") is the same service; what is offered ("Lunch
            # Club", "(Dementia Service)") is one of the organisation's services beside its whole
            # listing, the same only with a shared contact.
            duplicate = not _names_an_offer(own_a or own_b) or bool(contacts)
    elif venue == "same":
        # Organisations differ or are unknown: names that agree without a word that sets them
        # apart, backed by a shared contact unless they are near-identical.
        duplicate = not words_conflict(a, b) and (
            name >= NAME_ALONE or (name >= NAME_WITH_EVIDENCE and bool(contacts))
        )
    else:
        # No venue to compare: a shared phone number, email or page must say it is the same service,
        # and names with a word each that the other lacks are one organisation's services for two
        # places or people behind its one number ("Harbour - Hartlepool Outreach", "East Durham
        # Domestic Abuse Outreach (Women)").
        duplicate = (
            bool(contacts)
            and not words_conflict(a, b)
            and (name >= NAME_WITH_EVIDENCE or (organization >= 0.9 and bool(shared_words)))
        )
    if not duplicate:
        return Verdict(False, 0.0, ())
    score = min(
        1.0,
        0.45 * name
        + 0.2 * organization
        + 0.2 * (venue == "same")
        + 0.15 * bool(contacts)
        + 0.1 * bool(shared_words),
    )
    return Verdict(True, round(score, 3), tuple(reasons))


def blocks(facts: list[Facts]) -> set[tuple[int, int]]:
    """Index pairs worth comparing: sharing a postcode, a postcode district and a name word, a phone
    number, an email or a web page. Oversized blocks (a common word in a busy district) are dropped."""
    keyed: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        keys: set[tuple[str, ...]] = {("pc", pc) for pc in f.postcodes} | {("tel", p) for p in f.phones}
        keys |= {("mail", e) for e in f.emails} | {("page", p) for p in f.pages}
        tokens = {
            w for w in meaningful(f.name) + meaningful(f.organization) if w not in COMMON and len(w) > 2
        }
        tokens |= {w[:-1] for w in tokens if w.endswith("s")}  # "Mens Shed" / "Men Shed"
        places = f.districts or {"-"}  # services without a venue block among themselves on words
        keys |= {("word", d, w) for d in places for w in tokens}
        for key in keys:
            keyed[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for key, members in keyed.items():
        if len(members) > MAX_BLOCK and key[0] == "word":
            continue
        pairs.update(combinations(sorted(members), 2))
    return pairs


def find_pairs(facts: list[Facts], only: set[str] | None = None) -> list[tuple[Facts, Facts, Verdict]]:
    """Every likely duplicate pair among `facts`, most likely first; with `only`, just the pairs
    with at least one of those ids (an import's records against the whole directory)."""
    found = []
    for i, j in blocks(facts):
        if only is not None and facts[i].id not in only and facts[j].id not in only:
            continue
        verdict = compare(facts[i], facts[j])
        if verdict.duplicate:
            found.append((facts[i], facts[j], verdict))
    found.sort(key=lambda item: (-item[2].score, item[0].id, item[1].id))
    return found
