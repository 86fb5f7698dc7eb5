"""How a person likes to take part, read from their words: "not one for coffee mornings", "can't
face a room full of people", "after work", "somewhere quiet, no crowds".

Each code in PREFERENCES comes with the phrases that say it in everyday UK English, and, in
TAKEN_BACK, the longer phrases that contain the same words but mean something else: "a few cans
after work" is a drinking habit, not a wish for evening sessions; "phone call with Mrs X" is how
the note was taken, not a wish to be phoned. Ranking reads the codes (matching/fit.py); nothing
here is a filter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Negative verbs a link worker writes for "the person does not want": "not keen on", "can't be
# doing with", "has no time for".
_AGAINST = (
    r"(not|no|hates?|can'?t stand|can'?t be doing with|can'?t face|not keen on|not into|not one for|"
    r"never been one for|not a fan of|not interested in|doesn'?t (like|want|do|fancy)|don'?t (like|want|do|fancy)|"
    r"won'?t (do|go to|join)|wouldn'?t (do|go to|join)|dislikes?|avoids?|has no time for)"
)
_HIM_HER = r"(his|her|their|my)"

PREFERENCES: dict[str, tuple[str, ...]] = {
    "not_coffee_mornings": (
        r"\b(not|never)( really| much)?( been)?( really| much)? (one|a fan|keen|big) (for|of|on) (them |the |those )?"
        r"coffee mornings?\b",
        rf"\b{_AGAINST} (a |the |them |those )?coffee mornings?\b",
        r"\b(won'?t|wouldn'?t|will not|definitely not|not) (do |go to |a )?(a )?coffee mornings?\b",
        rf"\bcoffee mornings? (are|is|aren'?t|isn'?t) (not )?(really )?{_HIM_HER} (thing|scene|cup of tea)\b",
        r"\bnot (the|a) coffee morning (type|sort|person)\b",
    ),
    "not_talking_much": (
        r"\b(doesn'?t|does not|don'?t|won'?t) (want to|like to|wanna) (talk|chat)\w*( much| a lot)?\b",
        r"\bsit(ting)? (in a circle|around|round) (talking|chatting|sharing)\b",
        r"\bnot (a|much of a|one for|a big|a great) (talker|chat\w*)\b",
        r"\bnot (one|much|big) (for|on) (sitting (in a circle |around |round )?)?(talking|chatting|talk|chat)\b",
        r"\bwithout (having to )?(talk|chat|speak)\w*\b",
        r"\b(doesn'?t|don'?t|won'?t|wouldn'?t) (want to |have to |need to )?(say|talk|speak) (much|a lot|a word)\b",
        r"\b(hates?|can'?t stand|not into|not good at) (small talk|chit[- ]?chat)\b",
        r"\bno (talking|chatting)\b(?! (therap|to))",
        r"\b(do|doing) (something|things)( practical| hands[- ]on)?,? (not|rather than|instead of) (just )?(talk|chat)\w*\b",
        r"\b(very )?shy\b",
        r"\bprivate person\b",
    ),
    "quiet": (
        r"\b(somewhere|something|summat|owt|anything|some ?place) (nice and |a bit |fairly |really |more )?"
        r"(quiet|calm|peaceful)\b",
        r"\bquiet (place|group|space|setting|session|room|activity|spot|environment|one)s?\b",
        r"\b(no|hates?|doesn'?t like|don'?t like|can'?t (cope|deal|be doing) with|can'?t stand|struggles? with|"
        r"avoids?|not good (in|with)|panics? in|anxious in) (big |large |the )?(noise|noisy|crowds?|crowded|"
        r"busy places?|loud places?|packed)\b",
        r"\bnothing (too )?(loud|big|busy|noisy|crowded|hectic)\b",
        r"\b(too|very|really) (loud|noisy|crowded)\b",
        r"\bpeace and quiet\b",
        r"\blow[- ]key\b",
        r"\b(anxious|nervous|panics?|overwhelmed|uncomfortable) (in|by|with|around) (big |large )?(crowds|noise|busy places)\b",
        r"\bsmall (group|numbers|class)(es|s)?\b",
        r"\bnot (a |too )?(big|large) group\b",
        rf"\b{_AGAINST} (big|large) groups?\b",
    ),
    "not_groups": (
        r"\b(not|no|doesn'?t want|don'?t want|hates?|can'?t face|not keen on|not into) (a )?groups?\b",
        r"\bnot (one|really one|much) for groups?\b",
        r"\bnot a (group|groups|joiner|people) (person|type)\b",
        r"\bnot a joiner\b",
        r"\bnot interested in (a )?groups?\b",
        rf"\bgroups? (are|is|aren'?t|isn'?t) (not )?(really )?{_HIM_HER} (thing|scene|cup of tea)\b",
        r"\b(can'?t|couldn'?t|won'?t) (face|cope with|manage|handle|do) (a )?(room|hall)s? (full of|of) "
        r"(people|strangers)\b",
        r"\b(can'?t|couldn'?t) (face|cope with|handle) (a )?groups?\b",
        r"\bnot (ready|up to|confident enough) (for |to (go to|join) )?(a )?groups?\b",
        r"\b(anxious|nervous|panics?|uncomfortable|freezes) (in|with|around) (a )?groups?\b",
        rf"\bgroups? (make|makes) {_HIM_HER.replace('his', 'him')} (anxious|nervous|panic\w*|uncomfortable)\b",
        r"\bone[- ](to|on)[- ]one\b",
        r"\b1[:-]1\b",
        r"\b1[- ]?(2|to)[- ]?1\b",
        r"\bon (his|her|their) own\b rather than",
        rf"\bprefers? (to (be|do (it|things)) )?(on )?{_HIM_HER} own\b",
    ),
    "evenings": (
        r"\bevenings? only\b",
        r"\bonly (free |available )?(in the |on |of an )?evenings?\b",
        r"\bevenings? (would be|are|is|suit) (best|better|easier)?\b",
        r"\bfree (in the |of an )?evenings?\b",
        r"\bafter work\b",
        r"\bafter (his|her|their|my) shifts?\b",
        r"\bworks (days|full[- ]time|9[- ]?(to|-)[- ]?5)\b",
        r"\b(something|anything|summat|owt|groups?|sessions?|classes|courses?) (in|on|of) (the |an )?evenings?\b",
        r"\bevening (groups?|class(es)?|sessions?|courses?|ones?|clubs?)\b",
        r"\b(can'?t|cannot) do (the )?day(time)?s?\b",
        r"\b(he|she|they|i) works? (during the day|in the day|all day|days)\b",
        r"\bafter (5|five|6|six|7|seven)( ?pm| o'?clock)?\b",
        r"\b(once|when|after) the (kids|children|little ones) (are|go) (in|to) bed\b",
    ),
    "daytime": (
        r"\bdaytime\b",
        r"\bnot (out )?(after dark|at night|in the evenings?|in the dark)\b",
        r"\b(doesn'?t|won'?t|will not|does not|can'?t|don'?t) (go out|like going out|go anywhere|drive) "
        r"(after dark|at night|in the dark|in the evenings?)\b",
        r"\bbefore (it gets )?dark\b",
        r"\b(not|never|doesn'?t|won'?t|can'?t|don'?t|scared of|afraid of|nervous about|hates?) (go(ing)? |be(ing)? )?out "
        r"(after dark|at night|in the dark)\b",
        r"\bdark (nights|evenings)\b",
        r"\b(mornings?|afternoons?) (only|best|are best|is best|would be best|suit)\b",
        r"\bonly (free |available )?(in the )?(mornings?|afternoons?)\b",
        r"\b(during|in) the day\b",
        r"\b(while|when) (the )?(kids|children|little ones) (are|is) (at|in) school\b",
        r"\bschool hours\b",
    ),
    "weekends": (
        r"\bweekends? only\b",
        r"\b(only|free|available) (at |on )?(the )?weekends\b",
        r"\bweekends? (would be|are|is) (best|better|easier)\b",
        r"\bweekends,? as (he|she|they) works?\b",
        # "over the weekend" is usually last weekend; the plural, or "at the weekend", is a habit.
        r"\b(at|on|over|during|for|fill|filling|fills) (the )?(weekends|wknds)\b",
        r"\bat the weekend\b",
        r"\b(something|anything|summat|owt) (for|at|on|over) (the )?weekends?\b",
        r"\bwknds?\b",
        r"\bweekends? (are|is) (the )?(worst|hardest|longest|loneliest|lonely|long)\b",
        r"\b(something|anything|summat|owt) (on|for) (a )?(saturday|sunday)s?\b",
        r"\b(saturdays|sundays) (are|is) (the )?(worst|hardest|longest|loneliest)\b",
        r"\bweekends?\s*[.!]?$",
    ),
    "outdoors": (
        r"\boutdoors?\b",
        r"\bfresh air\b",
        r"\b(in the )?open air\b",
        r"\b(something|anything|summat|owt|be|being|get|getting) (out )?outside\b",
        r"\bout in (the )?(nature|countryside|green)\b",
        r"\bcountryside\b",
        r"\bgreen spaces?\b",
    ),
    "not_online": (
        r"\b(no|hasn'?t got|doesn'?t have|without) (the )?(internet|wifi|wi-fi|smartphone)\b",
        r"\b(doesn'?t|does not|can'?t|won'?t|don'?t) (do|use|manage) (online|computers?|the internet|zoom|video|"
        r"(a |the )?(mobile )?phone)\b",
        r"\bnot online\b",
        r"\bnothing online\b",
        r"\bnot (very |really )?(techy|tech[- ]savvy)\b",
        r"\b(hates?|can'?t stand|won'?t do) (zoom|video calls?|online)\b",
        r"\bnot (good|great) with (technology|computers|phones)\b",
    ),
    # A Deaf person who cannot use phone lines, a man "deaf as a post on the phone", a lad who "won't
    # answer the phone": a service reached only by phone is little use to them.
    "not_by_phone": (
        r"\b(can'?t|cannot|can not|unable to|doesn'?t|does not|won'?t|will not|don'?t|never) (use|do|manage|answer|"
        r"pick up|hear (on|over))( the| a)? (tele)?phones?( lines?| calls?)?\b",
        r"\b(deaf|hard of hearing)( as a post)? (on|over|with) the (tele)?phone\b",
        r"\b(can'?t|cannot|won'?t) (tele)?phone (them|anyone|people|up)\b",
        r"\b(doesn'?t|don'?t|won'?t) want (a |another |any )?(tele)?phone( calls?| lines?| befriend\w*)?\b",
        r"\btext(ing)? only\b",
        r"\bno (tele)?phone( calls?)?\b(?! (credit|signal|number))",
    ),
    "phone_ok": (
        r"\b(on|over) the (tele)?phone\b",
        r"\b(tele)?phone (support|line|contact|is (best|fine|ok)|ok|fine|would be (best|fine))\b",
        r"\b(happy|fine|ok|prefers?) (for someone )?to (be rung|be called|ring|call)\b",
        r"\b(happy|fine|ok|prefers?) (with |to talk |to be )?(on |over )?(the )?(tele)?phone\b",
        r"\b(tele)?phone (call|calls|befriending) (would be|are|is) (best|fine|ok|better)\b",
        r"\b(tele)?phone befriend\w*\b",
        r"\bhelpline\b",
    ),
    "online_ok": (
        r"\b(only if it'?s|prefers?|happy with|would do|happy to do) online\b",
        r"\bonline (only|is fine|is ok|would be (best|fine))\b",
        r"\b(learn|join) [\w ]{1,25} online\b",
        r"\b(wants?|would like|likes?|keen|happy|try|do|doing|join|joining|prefers?) (to )?(do |join |try |take )?"
        r"(an? |some )?online (\w+ )?(course|class|group|session|meeting|forum|community|support)s?\b",
        r"\b(happy|fine|ok|prefers?|good) (on|with|to use|to do|over|using) (zoom|teams|video( calls?)?|online)\b",
    ),
    "no_transport": (
        r"\bno car\b",
        r"\bno bus(es)?\b",
        r"\b(can'?t|doesn'?t|does not|cannot|don'?t) drive\b",
        r"\bno transport\b",
        r"\bbad (knee|knees|hip|hips|legs?)\b",
        r"\b(walking stick|zimmer|mobility scooter)\b",
        r"\bcan'?t walk far\b",
        r"\bhousebound\b",
        r"\bdoesn'?t get out much\b",
        r"\b(can'?t|cannot|couldn'?t|unable to) (get|make it) (to|into|up to|down to) (the )?(bus stop|town|the shops)\b",
        r"\b(two|three|four|2|3|4) (buses|bus changes|changes)\b",
        r"\bbus (only )?(once|twice) a (day|week)\b",
        r"\bno (one|body) to (drive|take) (him|her|them)\b",
        r"\brel(ies|y|ying) on (lifts|taxis)\b",
        r"\bcan'?t afford (the )?(bus|buses|bus fares?|fares|taxis?|petrol|travel)\b",
        r"\b(gave up|given up|lost|surrendered) (his|her|their|my) (driving )?licen[cs]e\b",
    ),
    "women_only_setting": (
        r"\b(women|woman|ladies|female)[- ]only\b",
        r"\b(uncomfortable|nervous|scared|anxious|frightened) (around|with|of) men\b",
        r"\bwomen'?s (\w+ )?(session|group|class)\b",
        r"\b(with|meet) other (\w+ )?(women|ladies)\b",
        r"\bprefers? (women|ladies|female)\b",
    ),
    "men_only_setting": (
        r"\bmen[- ]only\b",
        r"\b(with|meet|around) other (\w+ )?(men|blokes|lads|dads)\b",
        r"\bprefers? (men|male)\b",
        r"\b(dads|men)'?s? (group|shed|club)\b",
    ),
    # "can't afford" or "skint" is a money need, not a wish about cost; these say the wish.
    "free_only": (
        r"\bno money (for|to spend on) (classes|activities|groups|hobbies|clubs|the gym|a gym|courses|extras)\b",
        r"\bno money to spend on\b",
        r"\b(has|have|needs|need|must|got) to be free\b",
        r"\b(as long as|if|only if) (it'?s|it is) free\b",
        r"\bfree,? mind\b",
        r"\bfree (things|stuff|activities|ones)\b",
        r"\bnothing that costs\b",
        r"\bcan'?t (afford|pay for) (to pay for )?(classes|activities|a class|the gym|a gym|gym membership|courses?|"
        r"memberships?|fees|subs)\b",
    ),
    # Kinds of activity a person asks for by name; ranking reads them with matching/fit.py.
    "creative": (
        r"\bsomething creative\b",
        r"\b(keep|get) (her|his|their|my) hands busy\b",
        r"\bsomething to do with (her|his|their|my) hands\b",
        r"\b(likes?|loves?|enjoys?|into) (painting|drawing|pottery|knitting|sewing|crafts?|woodwork|poetry)\b",
        r"\b(write|writing) poetry\b",
        r"\b(sewing|knitting|craft|art|painting) (group|class|club)\b",
        r"\b(would (love|like) to|wants? to|'d (love|like) to|keen to|fancies) (\w+ ){0,2}(paint|draw|sing|knit|sew|"
        r"pottery|crafts?|write poetry|play (an? |the )?(instrument|guitar|piano|drums))\b",
        r"\b(join|joining|sing in) (a |the )?choir\b",
    ),
    "active": (
        r"\b(be|get|getting) more active\b",
        r"\b(get|getting) into (sport|running|football)\b",
        r"\b(5|five)[- ]a[- ]side\b",
        r"\brather be walking\b",
    ),
    "near_home": (
        r"\b(near|close to) (home|where (she|he|they) lives?)\b",
        r"\bclose by\b",
        r"\bdown the road\b",
        r"\bon (her|his|their|my) doorstep\b",
        r"\b(within )?walking distance\b",
        r"\b(something|somewhere|anything|summat|owt) (nearby|local|close)\b",
    ),
    "in_person": (
        r"\bin[- ]person\b",
        r"\bface[- ]to[- ]face\b",
        r"\bpop (in|round) for a\b",
        r"\b(someone|somebody) to (visit|pop (in|round|by)|come (round|over|to the house))\b",
        r"\b(home )?visitor\b",
    ),
    "weekdays": (r"\bweekdays?\b",),
    "faith_based": (
        r"\b(at|through|from) (the|a|her|his|their) (church|mosque|gurdwara|temple|synagogue)\b",
        r"\b(church|mosque|gurdwara|faith) group\b",
        r"\b(her|his|their|my) (faith|church|mosque) is (really |very )?important\b",
    ),
    "not_faith_based": (
        r"\bnot (very |really |a )?(religious|churchy)\b",
        r"\bnothing (religious|church\w*|faith[- ]based)\b",
        r"\bnon[- ]religious\b",
        r"\bnot (church|faith)[- ](run|based|led)\b",
    ),
}

# Longer phrases holding a cue's words that mean something else; a cue whose words fall inside
# one of these (in the same sentence) does not count.
TAKEN_BACK: dict[str, tuple[str, ...]] = {
    # "doesn't want to talk to her family about it": who she talks to, not how much.
    "not_talking_much": (r"\b(want|like|wanna)( to)? (talk|chat|speak)\w* (to|with|about)\b",),
    "evenings": (r"\b(cans?|pints?|drinks?|beers?|drinking|pub|wine) after work\b",),
    "weekends": (
        r"\bworks? (at |on )?(the )?weekends?\b",
        r"\b(not|except|apart from|but not) (at |on |over )?(the )?weekends?\b",
        r"\b(last|this|next|every other) weekend\b",
        r"\b(visits?|comes?|stays?|sees?|has) [\w ]{0,25}(at|on|over) (the )?weekends?\b",
    ),
    "phone_ok": (
        r"^\W*(\w+ )?(tele)?phone (call|review|conversation|contact|assessment) with\b",
        r"\b(deaf|hard of hearing|can'?t hear)( as a post)? (on|over) the (tele)?phone\b",
        # "'not another phone line'", "doesn't want a helpline": a phone is what they do not want
        r"\b(not|no|never|nor)( another| more| a| the)? (tele)?(phone( line| calls?)?|helpline)\b",
        r"\b(doesn'?t|don'?t|won'?t|wouldn'?t) (want|like|do|use)( a| another| the)? (tele)?(phone|helpline)\b",
        r"\bsick of (the )?(tele)?phone\b",
    ),
    "in_person": (r"\b(tele)?phone visitor\b",),
    # "can't do daytime anything": the day is what they cannot do
    "daytime": (
        r"\b(can'?t|cannot|couldn'?t|not|no|never) (do |make )?(any |anything (in the )?)?daytime\b",
    ),
    "outdoors": (r"\b(can'?t|cannot|couldn'?t|doesn'?t|won'?t) (get |go )?(out )?outside\b",),
}

_COMPILED = {code: tuple(re.compile(p, re.I) for p in patterns) for code, patterns in PREFERENCES.items()}
_TAKEN_BACK = {code: tuple(re.compile(p, re.I) for p in patterns) for code, patterns in TAKEN_BACK.items()}
_SENTENCE_END = re.compile(r"[.;!?\n]")


def sentence_of(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence holding text[start:end], and where it starts in `text`."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    begin = before[-1] if before else 0
    after = _SENTENCE_END.search(text, end)
    return text[begin : after.start() if after else len(text)], begin


def first_cue(
    patterns: Iterable[re.Pattern[str]],
    text: str,
    taken_back: Iterable[re.Pattern[str]] = (),
) -> re.Match[str] | None:
    """The first place any of `patterns` says the cue (patterns in order of strength), skipping
    words that one of `taken_back` shows to mean something else."""
    taken_back = tuple(taken_back)
    for pattern in patterns:
        for found in pattern.finditer(text):
            if not taken_back or not is_taken_back(found, text, taken_back):
                return found
    return None


def is_taken_back(found: re.Match[str], text: str, taken_back: Iterable[re.Pattern[str]]) -> bool:
    """Whether the words `found` lie inside a longer phrase of `taken_back` in their sentence."""
    sentence, begin = sentence_of(text, found.start(), found.end())
    start, end = found.start() - begin, found.end() - begin
    return any(m.start() < end and start < m.end() for p in taken_back for m in p.finditer(sentence))


def read_preferences(text: str) -> list[tuple[str, str]]:
    """(code, the words that said it) for each preference the text states."""
    out = []
    for code, patterns in _COMPILED.items():
        found = first_cue(patterns, text, _TAKEN_BACK.get(code, ()))
        if found:
            out.append((code, found.group(0)))
    return out
