"""Situations: who a service is for beyond the groups a link worker ticks — a condition ("stroke
survivors", "people living with cancer"), a kind of loss ("bereaved by suicide", "widowed"), a
path through life ("care leavers", "people leaving prison").

Real records state these in prose ("open to anyone bereaved by suicide", "referred by the cardiac
rehab team"); the person states them in their words ("her son took his own life"). A service
restricted to a situation is offered only to someone whose words say it, because nobody ticks
"bereaved by suicide" on a form, and offering that group to a widow whose husband died of cancer
is the mistake a link worker would notice first.

Two strengths. A *hard* situation is about the person themself and is plainly stated when it
applies: the service is held back (with the reason) unless the words say it. A *soft* one is about
money or paperwork ("people on Universal Credit", "single parents") that a note often leaves out:
the service stays, with a "check" the link worker can answer in a sentence.

Each pattern is general UK usage. The record side is read in matching.understanding.conditions,
the person side in matching.stated_situations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .shorthand import ORGAN


@dataclass(frozen=True)
class Situation:
    code: str
    label: str  # "people bereaved by suicide": follows "only for"
    service: re.Pattern[str]  # how a record names it
    person: re.Pattern[str]  # how a person's words say it
    hard: bool = True
    needs: frozenset[str] = frozenset()  # a need that, once read from the words, says it too
    ticked: str | None = None  # a circumstance the link worker ticks that says it too
    # words that say the person is past it, whatever was ticked: a refugee who "got her status"
    # ticks the same box as someone seeking asylum
    not_if_said: re.Pattern[str] | None = None
    # "loss", "illness" (its services are for those who have it, so what someone died of is not
    # the bereaved person's), "health" (other health matters; cancer services take the family and
    # the bereaved too), "life" (a path through life), "money" (money and work) or "community" (a
    # heritage, faith or language); forms group by it
    kind: str = "life"
    # A heritage inside a wider one ("Bangladeshi" within "South Asian"), or a loss inside a wider
    # one (war widows within the widowed), or a condition inside a wider one (hearing voices within
    # mental health problems): someone who says the narrower is in the wider too, but a group for
    # Bangladeshi women is not for a Pakistani woman, nor a hearing voices group for someone low. (Only a heritage may be unsaid: a
    # "Punjabi" may be Pakistani; a widow is not a war widow unless she says so.)
    within: str | None = None
    # Whether a service's name alone can say it: "Stroke Survivors Club" is for stroke survivors,
    # but "Irish Community Centre" and "Indian Senior Citizens Centre" are often open to all.
    named: bool = True
    # An age that settles it either way when the person's age is known: a falls class "for older
    # adults" is not for a man of 30, and is for a woman of 74 whatever her words say.
    from_age: int | None = None
    # Asked beside whatever else the service names, not as one alternative among them: "older
    # members of the Jewish community", "out of work with a health condition" ask both.
    on_its_own: bool = False
    # Words that say the person is not in it yet ("not started cardiac rehab"): a service for it is
    # then not theirs, even where the situation is otherwise only a check.
    ruled_out_by: re.Pattern[str] | None = None


def _re(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + pattern + r")", flags)


_SPOUSE = r"(?:wife|husband|partner|spouse)"
_CHILD = r"(?:son|daughter|child|boy|girl|baby|little\s+one)"
_THEIR = r"(?:my|our|his|her|their)"

MENTAL_HEALTH = "mental_health"
# A forces family member in the person's words: "army wife", "war widow", "husband served".
_FORCES_FAMILY_MEMBER = _re(
    r"(?:gurkha|army|forces|navy|naval|raf|military)\s+(?:widow|wife|wives|family|families|spouse|husband|kids|children)\b|"
    r"war\s+widow|(?:husband|wife|partner|dad|father|son|daughter)\s+(?:\w+\s+){0,2}?(?:served\b|is\s+(?:in|away\s+with)\s+"
    r"the\s+(?:army|navy|raf|forces|marines)\b|was\s+(?:in\s+the\s+(?:army|navy|raf|forces|marines|gurkhas)\b|a\s+gurkha))"
)

SITUATIONS: tuple[Situation, ...] = (
    Situation(
        "bereaved_by_suicide",
        "people bereaved by suicide",
        _re(
            r"bereaved\s+(?:by|through|after)\s+(?:a\s+)?suicide|suicide\s+bereave\w*|"
            r"(?:lost|lose|losing)\s+(?:someone|a\s+loved\s+one|a\s+family\s+member|somebody)\s+(?:to|through)\s+"
            r"suicide|affected\s+by\s+(?:a\s+)?suicide|survivors?\s+of\s+suicide|after\s+a\s+suicide"
        ),
        _re(
            r"suicide\b|took\s+(?:his|her|their)\s+(?:own\s+)?life|killed\s+(?:him|her|them)sel(?:f|ves)|"
            r"hanged\s+(?:him|her)self"
        ),
        kind="loss",
    ),
    Situation(
        "child_loss",
        "parents whose child has died",
        _re(
            r"bereaved\s+(?:parents|mums|dads|mothers|fathers)|parents\s+(?:who\s+have\s+)?(?:lost|losing)\s+a\s+"
            r"(?:child|son|daughter)|(?:death|loss)\s+of\s+(?:a|their)\s+(?:child|son|daughter)"
        ),
        _re(
            rf"(?:lost|losing)\s+{_THEIR}\s+(?:\w+\s+)?{_CHILD}|{_THEIR}\s+(?:\w+\s+)?{_CHILD}\s+"
            rf"(?:died|passed|was\s+killed)|(?:death|loss)\s+of\s+{_THEIR}\s+{_CHILD}"
        ),
        kind="loss",
    ),
    Situation(
        "baby_loss",
        "parents who have lost a baby",
        _re(
            r"baby\s+loss|still\s*birth|stillborn|miscarriage|neonatal\s+death|pregnancy\s+loss|"
            r"(?:lost|loss\s+of)\s+a\s+baby"
        ),
        _re(
            rf"miscarr\w+|still\s*(?:birth|born)|(?:lost|losing)\s+(?:{_THEIR}|a|the)\s+baby|{_THEIR}\s+baby\s+"
            r"(?:died|passed)|baby\s+loss"
        ),
        kind="loss",
    ),
    # "War widows and widowers", "widows of service personnel": a narrower loss than widowhood
    # (`within`), so a widow whose husband never served is not one of them.
    Situation(
        "forces_bereaved",
        "widows and widowers of service personnel",
        _re(
            r"war\s+widow\w*|widow\w*(?:\s+and\s+widowers?)?\s+of\s+(?:service\s+personnel|servicem[ae]n|"
            r"(?:the\s+)?(?:armed\s+)?forces|veterans|soldiers)|bereaved\s+(?:armed\s+)?forces\s+famil\w+|"
            r"died\s+as\s+a\s+result\s+of\s+(?:their\s+)?service"
        ),
        _re(
            r"war\s+widow\w*|(?:husband|wife|partner|spouse)\s+(?:\w+\s+){0,2}?(?:served\b|ex[- ]?(?:army|navy|raf|"
            r"forces|military|marines)\b|was\s+in\s+the\s+(?:army|navy|raf|forces|military|marines)\b)"
        ),
        kind="loss",
        within="widowed",
    ),
    Situation(
        "widowed",
        "widowed people",
        _re(
            rf"widow(?:ed|s|ers?|hood)?\b|(?:lost|death\s+of)\s+(?:a|their)\s+{_SPOUSE}|"
            r"bereaved\s+(?:husbands|wives|partners|spouses)"
        ),
        _re(
            # "husband was a miner at Astley Green, died last yr" (not "husband's mum died")
            rf"widow\w*|\b{_SPOUSE}\b(?!'s)(?:(?!\b(?:mum|mam|mother|dad|father|son|daughter|brother|sister|friend|nan|"
            rf"gran\w*|dog|cat)\b)[^.;!?\n]){{0,50}}?\b(?:died|passed|was\s+killed)|(?:lost|losing)\s+(?:{_THEIR}|the)\s+"
            rf"(?:late\s+)?{_SPOUSE}|death\s+of\s+{_THEIR}\s+{_SPOUSE}|{_THEIR}\s+late\s+{_SPOUSE}|"
            # clinical shorthand: "bereaved (wife, Aug)", "bereaved - husband"
            rf"bereaved\W+(?:\w+\W+)?{_SPOUSE}\b|{_SPOUSE}'?s\s+grave"
        ),
        kind="loss",
    ),
    Situation(
        "cancer",
        "people affected by cancer",
        _re(r"cancers?\b|macmillan|oncology|chemotherapy"),
        _re(
            r"cancers?\b|chemo\w*|radiotherapy|tumou?rs?\b|oncology|leuka?emia|lymphoma|mastectomy|macmillan|"
            # clinical shorthand: "prostate ca on hormone tx", "Ca breast"
            rf"{ORGAN}\s+ca\b|\bca\.?\s+{ORGAN}"
        ),
        kind="health",
    ),
    # One cancer's group ("for people living with secondary breast cancer only", "men with prostate
    # cancer and their partners") is not for someone with another; a person who names theirs is
    # among "people affected by cancer" too (within).
    *(
        Situation(code, label, _re(service), _re(person), kind="health", within="cancer")
        for code, label, service, person in (
            (
                "secondary_breast_cancer",
                "people living with secondary breast cancer",
                r"secondary\s+breast\s+cancer|metastatic\s+breast\s+cancer|(?-i:MBC)\b",
                r"secondar(?:y|ies)|metasta\w+|stage\s+(?:4|iv)\b|(?-i:MBC)\b",
            ),
            (
                "prostate_cancer",
                "people with prostate cancer",
                r"prostate\s+cancer",
                r"prostate\s+(?:cancer|ca)\b|ca\.?\s+prostate|(?-i:PSA)\b[^.]{0,20}cancer",
            ),
            (
                "blood_cancer",
                "people with a blood cancer",
                r"blood\s+cancers?|lymphoma|leuka?emia|myeloma",
                r"blood\s+cancer|lymphoma|leuka?emia|myeloma",
            ),
            (
                "head_neck_cancer",
                "people with head and neck cancer",
                r"head\s+(?:and|&)\s+neck\s+cancers?|laryngectom\w+",
                r"head\s+(?:and|&)\s+neck|laryngectom\w+|voice\s+box|throat\s+cancer|mouth\s+cancer|tongue\s+cancer",
            ),
            (
                # (not "incurable cancer or another life-limiting illness": a hospice's, for both)
                "advanced_cancer",
                "people living with advanced or incurable cancer",
                r"(?:incurable|advanced|terminal|metastatic|secondary|stage\s+(?:4|iv))\s+cancers?"
                r"(?!\s+or\s+(?:an?|another|other)\s+(?:\w+\s+)?(?:life[- ]limiting|terminal|illness))|"
                r"cancer\s+that\s+(?:can(?:no|['’])?t|cannot)\s+be\s+cured",
                # (not "now the kids are at secondary")
                r"secondaries|secondary\s+(?:\w+\s+)?(?:cancer|ca|tumou?rs?)\b|metasta\w+|stage\s+(?:4|iv)\b|incurable|"
                r"terminal(?:ly)?\b|"
                r"palliative|end[- ]stage|end\s+of\s+life|advanced\s+(?:\w+\s+)?(?:cancer|ca)\b|can(?:no|['’])?t\s+be\s+"
                r"cured|not\s+curable|hospice|(?:weeks|months)\s+to\s+live|(?-i:MBC)\b",
            ),
            (
                "unknown_primary_cancer",
                "people with cancer of unknown primary",
                r"(?:cancer\s+of\s+)?unknown\s+primary",
                r"unknown\s+primary|(?-i:CUP)\b",
            ),
        )
    ),
    Situation(
        "stroke",
        "stroke survivors",
        _re(r"(?<!breast\s)(?<!back\s)strokes?\b(?!\s+(?:of|technique))"),
        _re(r"(?<!breast\s)strokes?\b|(?-i:CVA)\b"),
        kind="illness",
    ),
    Situation(
        "heart",
        "people with a heart condition",
        _re(
            r"cardiac|heart\s+(?:failure|disease|conditions?|attacks?|surgery|patients?|health\s+support)|"
            r"coronary|angina"
        ),
        _re(
            r"cardiac|heart\s+(?:failure|disease|conditions?|attacks?|problems?|op\b|operation|surgery|bypass)|"
            r"angina|bypass|stents?\b|pacemaker|coronary|(?-i:MI|AF|CHF)\b|atrial\s+fibrillation"
        ),
        kind="illness",
    ),
    Situation(
        "lung",
        "people with a lung condition",
        _re(
            r"copd|lung\s+(?:conditions?|disease|health|cancer)|respiratory|breathe\s+easy|emphysema|"
            r"chronic\s+bronchitis|pulmonary"
        ),
        _re(
            r"copd|emphysema|lungs?\b|breathless\w*|(?:short\s+of|out\s+of)\s+breath|breathing\s+(?:problems?|"
            r"difficult\w*)|breathing'?s?\s+(?:\w+\s+)?(?:bad|poor|worse)|(?-i:SOBOE|SOB)\b|"
            r"chest\s+(?:problems?|conditions?|infections?)|inhalers?|oxygen|asthma\w*|"
            # "home O2 at night", "puffed out on the stairs", "wheezy"
            r"(?-i:O2)\b|puffed(?:\s+out)?|wheez\w*|"
            r"bronchitis|pulmonary"
        ),
        kind="illness",
    ),
    # A maintenance class "for people who have completed cardiac rehab" (or pulmonary rehab) is the
    # step after the hospital's programme, not instead of it. Few notes say the rehab is done, so
    # it is a check, unless the words say it has not happened yet.
    Situation(
        "rehab_finished",
        "people who have finished cardiac or pulmonary rehab",
        _re(
            r"(?:who\s+have|who'?ve|must\s+have|having|have)\s+(?:already\s+|now\s+)?(?:completed|finished|been\s+"
            r"through|graduated\s+from)\s+(?:their\s+|an?\s+|the\s+)?(?:\w+\s+){0,3}?rehab(?:ilitation)?\b|"
            r"(?:once|after|when)\s+(?:\w+\s+){0,3}?rehab(?:ilitation)?\s+(?:finishes|has\s+finished|ends|is\s+"
            r"(?:complete|over))\b|completed\s+phase\s+(?:3|iii|three)\b"
        ),
        _re(
            r"(?:finished|completed|done|did|been\s+through|graduated\s+from|discharged\s+from)\s+(?:(?:his|her|my|their|"
            r"the|a)\s+)?(?:\w+\s+){0,2}?rehab(?:ilitation)?\b|rehab(?:ilitation)?\s+(?:now\s+|has\s+|was\s+)?(?:completed|"
            r"finished|done|over|ended)\b"
        ),
        hard=False,
        kind="health",
        named=False,
        on_its_own=True,
        ruled_out_by=_re(
            r"(?:not|never|hasn'?t|haven'?t|has\s+not|have\s+not|didn'?t|did\s+not)\s+(?:yet\s+)?(?:started|"
            r"begun|had|done|finished|completed|been\s+(?:to|on|offered))\s+(?:(?:his|her|my|their|the|any|a)\s+)?"
            r"(?:\w+\s+){0,2}?rehab|(?:yet\s+to|due\s+to|about\s+to|waiting\s+(?:for|on|to)|wants?\s+to|keen\s+"
            r"to|hoping\s+to|referred\s+(?:for|to))\s+(?:start\s+|begin\s+|get\s+to\s+|join\s+|do\s+)?"
            r"(?:(?:his|her|my|their|the|a)\s+)?(?:(?!after\b|since\b|following\b)\w+\s+){0,2}?rehab|"
            r"rehab(?:ilitation)?\s+(?:\w+\s+){0,2}?(?:declined|not\s+(?:yet\s+)?started|waiting\s+list|starts\s+next)"
        ),
    ),
    Situation(
        "parkinsons",
        "people with Parkinson's",
        _re(r"parkinson'?s"),
        _re(r"parkinson'?s"),
        kind="illness",
    ),
    Situation(
        "dementia",
        "people affected by dementia",
        # "dementia-friendly" and "Dementia Friends" welcome everyone; they restrict nobody
        _re(r"dementia(?![- ]friendly)(?!\s+friends?\b)|alzheimer'?s|memory\s+caf[eé]s?"),
        _re(
            r"dementia|alzheimer'?s|memory(?:\s+(?:problems?|loss|clinic|assessment|caf[eé]s?)|(?:\s+is|'s)?\s+going(?!\s+back)|"
            r"(?:\s+is|'s)?\s+(?:getting\s+worse|declining|deteriorating))|losing\s+(?:his|her|their|my)\s+memory|"
            r"(?:getting|becoming|very|more)\s+forgetful"
        ),
        # its groups and cafés take the family and friends who support the person too
        kind="health",
    ),
    # One dementia's group, as one cancer's: a group for young onset dementia ("under 65 when
    # diagnosed") is not for a woman diagnosed with Alzheimer's at 80, nor a group for "rarer
    # dementias only – for Alzheimer's or vascular please see our memory cafés" for her husband.
    Situation(
        "young_onset_dementia",
        "people with young onset dementia",
        _re(r"young[- ]onset\s+dementia|early[- ]onset\s+dementia|(?-i:YOD)\b"),
        _re(
            # (not "diagnosed autistic at 51": the dementia is named)
            r"young[- ]onset|early[- ]onset\s+(?:dementia|alzheimer)|(?-i:YOD)\b|"
            r"(?:dementia|alzheimer'?s|(?-i:AD))\W+(?:\w+\W+){0,3}?(?:dx|diagnosed)\s+(?:\w+\s+){0,2}?(?:at|aged)\s+"
            r"(?:[1-5]\d|6[0-4])\b|(?:dx|diagnosed)\s+(?:with\s+)?(?:dementia|alzheimer'?s|(?-i:AD))\s+(?:\w+\s+){0,2}?"
            r"(?:at|aged)\s+(?:[1-5]\d|6[0-4])\b"
        ),
        kind="health",
        within="dementia",
    ),
    Situation(
        "rarer_dementia",
        "people with a rarer dementia",
        _re(
            r"rarer\s+dementias?|less\s+common\s+(?:forms\s+of\s+|types\s+of\s+)?dementias?|frontotemporal\s+dementia|"
            r"dementia\s+with\s+lewy\s+bod\w+|lewy\s+body\s+dementia|posterior\s+cortical\s+atrophy"
        ),
        _re(
            r"frontotemporal|(?-i:b?v?FTD|DLB|PCA|PPA)\b|lewy|posterior\s+cortical|primary\s+progressive\s+aphasia|"
            r"pick'?s\s+disease|rarer\s+dementia"
        ),
        kind="health",
        within="dementia",
    ),
    # Training for care homes' staff ("Care home staff only ... Not for family carers"): not for the
    # people they care for, nor their families.
    Situation(
        "care_staff",
        "care staff",
        _re(
            # (not "Referral from ward staff ONLY": how people come, not who)
            r"(?:care\s+home|care|paid)\s+staff\s+only|staff\s+(?:working\s+)?(?:in|at|of)\s+(?:\w+\s+){0,3}?care\s+homes?\s+only"
        ),
        _re(
            r"(?:i|she|he)\s+(?:works?|working)\s+(?:in|at|for)\s+(?:a\s+)?care\s+homes?|care\s+home\s+(?:staff|worker|"
            r"manager|nurse)|activit(?:y|ies)\s+co-?ordinator"
        ),
        on_its_own=True,
    ),
    Situation(
        "housebound",
        "people who cannot leave home",
        # A home library or a visiting scheme "for housebound people" is for those who cannot get
        # out; someone who walks to the shops but sees nobody, or hardly goes out since a death, is
        # lonely, not housebound.
        _re(
            r"house[- ]?bound|(?:unable\s+to|cannot|can'?t)\s+(?:leave|get\s+out\s+of)\s+(?:their|the)\s+"
            r"(?:own\s+)?(?:homes?|houses?)|confined\s+to\s+(?:their|the)\s+homes?"
        ),
        _re(
            r"house[- ]?bound|bed[- ]?bound|(?:can'?t|cannot|unable\s+to)\s+(?:get|go)\s+out\b|"
            r"(?:can'?t|cannot|unable\s+to)\s+leave\s+(?:the|her|his|my|their)\s+(?:house|flat|home|bungalow)|"
            # a body that keeps them in, not grief or shyness ("hardly leaves the house since his wife died")
            r"(?:hasn'?t|haven'?t|hadn'?t|not)\s+(?:been|got|gone)\s+out\s+(?:of\s+the\s+(?:house|flat)\s+)?since\s+(?:the|his|her|my|their)\s+"
            r"(?:fall|stroke|operation|op|surgery|accident|knee|hip)|stuck\s+(?:in|indoors)\b|"
            # a carer tied to the house ("can't leave him more than a couple of hrs"), not one leaving a
            # relationship ("I can't leave him, the house is in his name")
            r"(?:can'?t|cannot|unable\s+to)\s+leave\s+(?:him|her|them|mum|mam|dad)\s+(?:alone|on\s+(?:his|her|their)\s+own|"
            r"for\s+(?:long|more\s+than)|more\s+than|any\s+(?:time|length))"
        ),
        kind="health",
    ),
    # A hospital chaplaincy or a ward visiting scheme sees the patients on the wards: not for
    # someone at home, however low.
    Situation(
        "hospital_patients",
        "patients in hospital",
        _re(r"in-?patients|patients\s+(?:on\s+(?:the\s+)?wards|in\s+(?:the\s+)?hospital)"),
        _re(
            r"(?:is|'s|are|currently|still|now)\s+(?:\w+\s+)?in\s+hospital\b(?!\s+(?:appointments?|visits?))|"
            r"in-?patient\b|on\s+(?:the\s+)?ward\b"
        ),
        kind="health",
    ),
    # A home-from-hospital scheme settles people back in for the weeks after they leave a ward: not
    # for someone who has not been in hospital.
    Situation(
        "hospital_discharge",
        "people just out of hospital",
        _re(
            r"(?:patients|people|adults|those|residents)\s+(?:being\s+|recently\s+|who\s+(?:have\s+been|are\s+(?:being\s+)?)?)?"
            # (not "discharged from NHS Talking Therapies", "from the CMHT": a service's caseload)
            r"discharged\s+(?:from(?!\s+(?:(?:the|an?|nhs|their|our)\s+)*(?:talking\s+therap|iapt|cmht|community\s+mental|"
            r"secondary\s+care|mental\s+health\s+services|counselling|treatment|services?\b|caseload|(?:the\s+)?team))|"
            r"by|home)|home\s+from\s+hospital|"
            r"(?:after|following)\s+(?:a\s+)?(?:hospital\s+discharge|discharge\s+from\s+hospital|stay\s+in\s+hospital)|"
            r"(?:when|as)\s+(?:you|they|people)\s+(?:leave|come\s+out\s+of|come\s+home\s+from)\s+hospital"
        ),
        _re(
            # "home from HRI", "D/C from STDH", "home from George Eliot": a hospital by its initials
            # (a trust's end in H, I or W: not HMP, EIP) or its name; not "out of Bolton College"
            r"(?:out\s+of|left|leaving|discharged\s+(?:from|home\s+from)|(?-i:D/?C|d/c)\s+from|came\s+(?:home|out)\s+(?:of|from)|"
            r"home\s+from|back\s+(?:home\s+)?from|got\s+out\s+of|released\s+from)\s+(?:the\s+)?"
            r"(?:hospital|ward|(?-i:[A-Z]{1,4}[HIW])\b|(?-i:[A-Z][a-z']+\s+(?:General|Infirmary|Royal|Hospital))|"
            r"(?-i:Royal\s+[A-Z][a-z']+))|"
            r"home\s+from\s+(?:the\s+)?(?-i:[A-Z][a-z']+\s+[A-Z][a-z']+)|"
            # "home from the Lister 8 days ago after a fall": a hospital by its one-word name, told
            # by how lately, or by what took the person in
            r"home\s+from\s+the\s+(?-i:[A-Z][a-z']+)\s+(?:(?:\w+\s+)?(?:days?|wks?|weeks?)\s+(?:ago|now)\b|"
            r"(?:after|following)\s+(?:a|an|her|his|their|the)\s+(?:fall|op\b|operation|stroke|heart\s+attack|"
            r"(?:hip|knee)\s+(?:op|operation|replacement)|surgery|chest\s+infection|infection|pneumonia))|"
            r"discharged\s+home|post[- ]?discharge|(?:hospital|ward)\s+discharge|(?-i:MFFD)|medically\s+fit\s+for\s+discharge|"
            r"ready\s+for\s+discharge|(?:going|go|sent)\s+home\s+(?:from\s+(?:hospital|the\s+ward)|tomorrow|today|on\s+\w+day|"
            # "on the cardiac ward at Wycombe, going home next week"
            r"(?:next|this)\s+week|at\s+the\s+weekend)|"
            # "on the ward at MKUH, home Friday"
            r"(?:on|in)\s+(?:a|the)\s+(?:\w+\s+)?ward\b[^.;]{0,40}?\bhome\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
            r"before\s+(?:he|she|they)\s+can\s+go\s+home|"
            r"(?:after|since)\s+(?:a\s+|her\s+|his\s+|my\s+|their\s+)?"
            r"(?:\w+\s+)?(?:spell|stay|stint|admission|weeks?|days?|months?)\s+in\s+hospital|"
            r"(?:was|been|were|recently)\s+(?:\w+\s+)?in\s+(?:hospital|(?-i:[A-Z]{1,4}[HIW])\b)|"
            # "had a fall, was on a ward at Royal Stoke, home since last Tues"
            r"(?:was|been|were)\s+(?:\w+\s+)?on\s+(?:a|the)\s+(?:\w+\s+)?ward\b"
        ),
        kind="health",
    ),
    # Kinship care: raising a relative's or friend's child (a grandparent on a special guardianship
    # order). A group for kinship carers is not for someone caring for a husband with dementia.
    Situation(
        "kinship_carers",
        "kinship carers",
        _re(
            r"kinship\s+carers?|kinship\s+care\b|special\s+guardian(?:s|ship)?|SGOs?\b|"
            r"grand(?:parents|mas?|ads?|dads?|mothers?|fathers?)\s+(?:who\s+are\s+)?(?:raising|bringing\s+up|"
            r"looking\s+after)\s+(?:their\s+)?grand(?:children|kids)"
        ),
        _re(
            r"kinship|special\s+guardian\w*|SGO\b|"
            r"(?:raising|bringing\s+up|brought\s+up|got|have|looking\s+after|live\s+with\s+(?:me|us))\s+"
            r"(?:my\s+|our\s+|me\s+|the\s+)?(?:grand(?:son|daughter|kids?|children|child)|nephew|niece)s?|"
            r"(?:raising|bringing\s+up|brought\s+up)\s+(?:her|his|their)\s+(?:grand(?:son|daughter|kids?|children|child)|nephew|niece)s?|"
            # "had her grandson (6) since her daughter went off the rails": living with her, not a visit
            r"(?:has\s+)?had\s+(?:my|her|his|their|our)\s+grand(?:son|daughter|kids?|children|child)s?\s*(?:\(\d{1,2}\)\s*)?"
            r"(?:since|for\s+(?:\d+|a|two|three|four|five|six)\s+(?:years?|months?)|full[- ]time|permanently)\b|"
            r"grand(?:son|daughter|kids?|children)\s+(?:lives?|living|has\s+lived)\s+with\s+(?:me|us)|"
            r"(?:nan|nana|grandma|gran|grandad|grandpa)\s+raising"
        ),
    ),
    Situation(
        "secondary_mental_health",
        "people under a community mental health team",
        # a trust's own pathways ("Open to CMHT or under EIP", "on the GP SMI register", "care
        # coordinator to refer"): for people its teams already see, not anyone low in mood
        _re(
            r"(?:open\s+to|under|known\s+to|on\s+the\s+caseload\s+of|supported\s+by|receiving)\s+(?:a\s+|the\s+)?"
            r"(?:\w+\s+){0,2}?(?:CMHTs?|community\s+mental\s+health\s+teams?|EIP|early\s+intervention|"
            r"secondary\s+(?:mental\s+health\s+)?(?:care|services?))|"
            # "on the GP SMI (severe mental illness) register"
            r"(?:SMI|(?:severe|serious)\s+mental\s+illness)\s+(?:\([^)]{0,40}\)\s+)?register|"
            r"care\s+co-?ordinators?\s+(?:to\s+|must\s+|will\s+)?refer|"
            r"referr?(?:al|ed)\s+(?:by|from|via|through)\s+(?:your\s+|a\s+|the\s+)?care\s+co-?ordinator"
        ),
        # "discharged from EIP" or "not under MH services" is not under them now
        _re(
            r"under\s+(?:the\s+)?(?:CMHT|EIP|crisis\s+team|community\s+mental\s+health|early\s+intervention|"
            r"secondary\s+(?:mental\s+health|care|services))|open\s+to\s+(?:the\s+)?(?:CMHT|EIP)|"
            r"(?:has|got|sees)\s+(?:a\s+)?(?:care\s+co-?ordinator|CPN)|on\s+CPA\b|"
            r"(?:his|her|my|their)\s+(?:care\s+co-?ordinator|CPN)\b"
        ),
        kind="health",
        named=False,
        within="mental_health",
    ),
    Situation(
        "multiple_sclerosis",
        "people with MS",
        _re(r"multiple\s+sclerosis|ms\s+(?:society|group|support|centre|therapy)"),
        re.compile(r"\b(?:[Mm]ultiple\s+[Ss]clerosis|MS)\b"),
        kind="illness",
    ),
    Situation(
        "diabetes",
        "people with diabetes",
        # not "for men with or at risk of type 2 diabetes": anyone at risk may come
        _re(
            r"(?<!risk\sof\s)(?<!risk\sof\stype\s2\s)(?<!risk\sof\sdeveloping\s)"
            r"(?<!risk\sof\sdeveloping\stype\s2\s)diabet\w+"
        ),
        # ("pre-diabetic", "non-diabetic hyperglycaemia": at risk, not diabetic)
        _re(r"(?<!pre-)(?<!pre)(?<!non-)(?<!non)diabet\w+|blood\s+sugar|insulin|type\s*[12]\b"),
        kind="illness",
    ),
    Situation(
        "brain_injury",
        "people with a brain injury",
        _re(r"(?:acquired\s+|traumatic\s+)?brain\s+injur\w+|headway"),
        _re(r"brain\s+injur\w+|head\s+injur\w+|brain\s+(?:damage|haemorrhage|tumou?r)|(?-i:ABI|TBI)\b"),
        kind="illness",
    ),
    Situation(
        "chronic_pain",
        "people living with long-term pain",
        _re(r"arthritis|chronic\s+pain|fibromyalgia|persistent\s+pain|long[- ]term\s+pain"),
        _re(
            r"arthritis|arthritic|(?:chronic|persistent|constant)\s+(?:\w+\s+){0,2}pain|back\s+pain|(?-i:MSK)\b|"
            r"fibromyalgia|pain\s+(?:clinic|management)|"
            r"in\s+(?:a\s+lot\s+of\s+)?pain|bad\s+(?:back|knees?|hips?)|joints?\b|aches?\b"
        ),
        kind="illness",
    ),
    Situation(
        "long_covid",
        "people with long Covid",
        _re(r"long\s+covid|post[- ]covid"),
        _re(r"long\s+covid|post[- ]covid|since\s+(?:I|he|she|they)\s+had\s+covid"),
        kind="illness",
    ),
    Situation(
        "eating_disorder",
        "people with an eating disorder",
        _re(r"eating\s+disorders?|anorexi\w+|bulimi\w+|binge\s+eating"),
        # not "not eating": grief and low mood take the appetite too
        _re(r"eating\s+disorders?|anorexi\w+|bulimi\w+|binge\w*|starv\w+|purg\w+"),
        kind="health",
    ),
    Situation(
        "hiv",
        "people living with HIV",
        _re(r"hiv\b"),
        # (not "on PrEP, HIV neg")
        _re(r"hiv\b(?!\s*[-–]?\s*(?:neg\w*|tests?\b|tested\b))"),
        kind="illness",
    ),
    # ("people living with HIV, or being treated for TB": either one)
    Situation(
        "tuberculosis",
        "people with TB (tuberculosis)",
        _re(r"tuberculosis|(?-i:TB)\b"),
        # the person's own TB: "on TB treatment", "has TB"; not a herd's "failed TB test"
        _re(
            r"tuberculosis|(?:has|had|got|with|for|latent|active|his|her|my)\s+(?-i:TB)\b|"
            r"(?-i:TB)\s+(?:treatment|meds|medication|clinic|nurse|diagnosis|team|infection)"
        ),
        kind="illness",
    ),
    # a blood disorder its own peer groups and clinics are for (thalassaemia beside it)
    Situation(
        "sickle_cell",
        "people with sickle cell or thalassaemia",
        _re(r"sickle[- ]cell|thalass[a]?emia"),
        _re(r"sickle[- ]cell|\bscd\b|thalass[a]?emia"),
        kind="illness",
    ),
    Situation(
        "serious_mental_illness",
        "people with a serious mental illness",
        _re(
            r"(?:severe|serious|enduring)\s+(?:and\s+enduring\s+)?mental\s+(?:illness|health\s+(?:problems|conditions))|"
            r"secondary\s+mental\s+health\s+services|psychosis|schizophreni\w+|bipolar|(?-i:SMI)\b"
        ),
        _re(
            r"psychosis|psychotic|schizophreni\w+|bipolar|personality\s+disorder|cmht|"
            r"(?:community\s+)?mental\s+health\s+team|sectioned|(?:severe|serious)\s+mental\s+illness"
        ),
        # "enduring mental health problems" is also how people describe years of depression
        hard=False,
        kind="health",
        within="mental_health",
    ),
    # A course for people with a personality disorder diagnosis ("Suitable if you have a diagnosis of
    # personality disorder (including EUPD/BPD)") is not for a man with bipolar disorder.
    Situation(
        "personality_disorder",
        "people with a personality disorder diagnosis",
        _re(r"personality\s+disorder|(?-i:EUPD|BPD)\b|borderline\s+personality"),
        _re(
            r"personality\s+disorder|eupd|bpd\b|borderline\s+personality|emotionally\s+unstable\s+personality|"
            r"(?:pd|personality\s+disorder)\s+pathway"
        ),
        kind="health",
        within="mental_health",
    ),
    # Where a person is on the NHS talking therapies path: a group "for people on the Talking
    # Therapies waiting list" is not for a man who finished his CBT in September, nor a
    # relapse-prevention group "for adults discharged from Talking Therapies" for a mum still waiting.
    Situation(
        "talking_therapies_waiting",
        "people waiting for NHS talking therapies",
        _re(
            r"(?:on|currently\s+on)\s+the\s+(?:nhs\s+)?(?:talking\s+therap\w+\s+|iapt\s+)?waiting\s+list"
            r"(?=\s+for\s+(?:nhs\s+)?(?:talking\s+therap|iapt|psychological\s+therap|counselling|cbt)|\s+\(step)|"
            r"(?:on|currently\s+on)\s+the\s+(?:nhs\s+)?(?:talking\s+therap\w+|iapt)\s+waiting\s+list|"
            r"while\s+(?:you(?:'re|\s+are)?\s+)?wait(?:ing)?\s+for\s+(?:nhs\s+)?(?:talking\s+therap|iapt|psychological\s+therap)"
        ),
        _re(
            r"(?:on\s+(?:the\s+|a\s+)?)?(?:waiting\s+list|wait\s*list|waitlist)\s+(?:for|with)\s+(?:nhs\s+)?"
            r"(?:talking\s+therap|tt\b|iapt|cbt|counselling|therapy|mindsmatter|minds\s+matter)|"
            r"waiting\s+(?:[\w-]+\s+){0,3}?(?:for|on)\s+(?:(?:nhs|his|her|their|my)\s+)?(?:talking\s+therap|tt\b|iapt|cbt|counselling|therapy)|"
            r"(?:talking\s+therap\w+|iapt|tt|cbt|counselling)\s+wait(?:ing)?\s*list|"
            # "HV referred her to talking therapies, she's on the waiting list"
            r"(?:referred|referral)\s+(?:\w+\s+){0,2}?(?:to|for)\s+(?:nhs\s+)?(?:talking\s+therap\w+|iapt|tt\b|cbt|counselling)"
            r"[^.;]{0,30}?\bon\s+(?:the|a)\s+(?:waiting\s+list|wait\s*list|waitlist)"
        ),
        kind="health",
        within=MENTAL_HEALTH,
    ),
    Situation(
        "talking_therapies_finished",
        "people who have finished NHS talking therapies",
        _re(
            r"discharged\s+from\s+(?:nhs\s+)?(?:talking\s+therap\w+|iapt)|"
            r"(?:finished|completed|come\s+to\s+the\s+end\s+of)\s+(?:a\s+course\s+of\s+)?(?:nhs\s+)?(?:talking\s+therap\w+|iapt)"
        ),
        _re(
            r"(?:finished|completed|done|discharged\s+from|came\s+to\s+the\s+end\s+of|ended|end\s+of)\s+"
            r"(?:(?:his|her|their|my|a|the|with)\s+)?(?:course\s+of\s+|block\s+of\s+|sessions?\s+of\s+)?"
            r"(?:nhs\s+)?(?:cbt|talking\s+therap\w+|iapt|counselling|tt\b)|"
            r"(?:cbt|talking\s+therap\w+|iapt|counselling)\s+(?:has\s+)?(?:finished|ended)|"
            r"(?:post|after)[- ](?:tt|iapt|cbt|talking\s+therap\w+)"
        ),
        kind="health",
        within=MENTAL_HEALTH,
    ),
    # "Football for adults living with mental health problems", "a garden for people recovering from
    # mental ill health": a peer group of people who have been through it. Not for a man told to lose
    # weight, nor a girl getting grief for coming out, whom judges keep off such lists; anyone whose
    # words speak of their mind (a mental wellbeing need read from them says it too) is in it.
    Situation(
        MENTAL_HEALTH,
        "people with mental health problems",
        _re(
            r"mental\s+(?:ill[- ]?health|illness|health\s+(?:problems?|issues|conditions?|difficult(?:y|ies)|needs|"
            r"challenges|struggles))|poor\s+mental\s+health"
        ),
        _re(
            r"mental\s+(?:health|ill)|depress\w*|anxi\w+|panic|low\s+mood|ptsd|ocd\b|bipolar|psycho\w+|"
            r"schizophreni\w+|hear(?:s|ing)?\s+voices|self[- ]harm\w*|suicid\w*|breakdown|nerves|eating\s+disorder|"
            r"anorexi\w*|bulimi\w*|cmht|camhs|iapt|talking\s+therap\w+|counsell\w+|anti-?depressants?|"
            r"sertraline|citalopram|fluoxetine|mirtazapine|personality\s+disorder|eupd|bpd\b"
        ),
        needs=frozenset({"mental_wellbeing"}),
        kind="health",
        named=False,
    ),
    # A hearing voices group (the Hearing Voices Network's way) is for people who hear voices or
    # see visions; someone anxious, or low, is not helped by it.
    Situation(
        "hearing_voices",
        "people who hear voices",
        _re(r"hear(?:s|ing)?\s+voices|voice[- ]hearers?"),
        _re(
            r"hear(?:s|ing)?\s+(?:\w+\s+)?voices|voices\s+(?:in|inside)\s+(?:my|his|her|their)\s+head|"
            r"psychos[ie]s|psychotic|schizophreni\w+|voice[- ]hearers?"
        ),
        kind="health",
        within="mental_health",
    ),
    # Exercise on referral and similar schemes: "for adults with a health condition such as high
    # blood pressure, diabetes, arthritis or depression", "with a qualifying medical condition".
    # (Not "on a low income or with a health condition made worse by the cold", one way in of two.)
    Situation(
        "health_condition",
        "people with a qualifying health condition",
        _re(
            r"(?<!or\s)(?:with|who\s+(?:have|has))\s+(?:a|an)\s+(?:qualifying\s+|diagnosed\s+|long[- ]term\s+)?"
            r"(?:medical|health)\s+condition(?!s?\s+made\s+worse)|"
            r"qualifying\s+(?:medical\s+|health\s+)?condition|"
            # "a course for adults living with any long-term health condition - pain, diabetes, ..."
            r"(?:with|who\s+(?:have|has))\s+any\s+(?:long[- ]term\s+)?(?:medical\s+|health\s+)?conditions?"
        ),
        # what people and referral notes say of their own health
        _re(
            r"(?:health|medical)\s+(?:conditions?|problems?|probs|issues)|long[- ]term\s+conditions?|"
            r"overweight|obes\w+|bmi\b|lose\s+(?:some\s+|a\s+bit\s+of\s+)?weight|blood\s+pressure|hypertension|"
            r"cholesterol|asthma\w*|inhalers?|breathless\w*|short\s+of\s+breath|copd|emphysema|depress\w*|"
            r"anxi\w+|panic|arthriti\w+|osteo\w+|joints?\b|bad\s+(?:back|knees?|hips?)|knee\s+replacement|"
            r"hip\s+replacement|heart|cardiac|angina|diabet\w+|pre[- ]?diabet\w+|sugars|stroke|cva\b|parkinson\w*|"
            r"multiple\s+sclerosis|cancer|had\s+a\s+fall|falls\b|frail\w*|chronic\s+\w+|fibromyalgia|"
            r"long\s+covid|rehab\w*|surgery|operation"
        ),
        needs=frozenset({"long_term_conditions", "mental_wellbeing"}),
        kind="illness",
        on_its_own=True,
    ),
    # "Who is this for? Older adults who've had a fall": older with no number. Soft (a link worker
    # checks) when the person's age is not known; settled by it when it is.
    Situation(
        "older_people",
        "older people",
        _re(
            r"(?:older\s+(?:people|adults|residents|folk|persons|men|women|members)|elderly|senior\s+citizens|"
            r"seniors\b|(?:people|adults)\s+in\s+later\s+life)"
            # (Age UK's "for older people and their families": their families come too)
            r"(?!\s+(?:and|&)\s+(?:their\s+)?(?:families|carers|relatives))"
        ),
        _re(
            r"retired|pensioners?\b|(?:on|only\s+has)\s+(?:a|the|her|his|my|their)\s+(?:state\s+)?pension|"
            r"(?-i:OAP)|elderly|older\s+(?:man|woman|lady|gent|gentleman|person|adult)"
        ),
        hard=False,
        needs=frozenset({"older_people"}),
        from_age=50,
        on_its_own=True,
    ),
    # "Village volunteers visit older people living alone": a befriending scheme's rule, asked beside
    # age. Soft (a link worker checks) unless the person's words say they live with someone
    # (constraints.lives_with_someone): a wife caring for her husband at home is not alone.
    Situation(
        "lives_alone",
        "people who live alone",
        _re(
            r"(?:people|adults|persons|residents|folk|those|anyone|men|women|over\s+\d{2}s?)\s+(?:who\s+)?"
            r"(?:live|living|lives)\s+(?:alone|on\s+their\s+own|by\s+themselves)"
        ),
        _re(
            r"(?:lives?|living)\s+(?:alone|on\s+(?:her|his|their|my)\s+own|by\s+(?:her|him|my)sel[fv]e?s?)|"
            r"on\s+(?:her|his|my)\s+own\s+(?:now|since|at\s+home)|no\s?one\s+at\s+home"
        ),
        hard=False,
        on_its_own=True,
    ),
    # "We bring nature into care homes ... For care homes – residents can't self-refer": for the
    # residents of care homes, booked by the home, not for someone living in their own home.
    Situation(
        "care_home_residents",
        "people living in care homes",
        _re(
            r"(?:residents|people\s+living)\s+(?:of|in)\s+(?:care|nursing|residential)\s+homes|care\s+home\s+residents|"
            # an eligibility field that names the homes: "Care homes and day centres in Knowsley"
            r"^\W*(?:care|nursing|residential)\s+homes\b"
        ),
        _re(
            r"(?:in|into|at|lives\s+in|living\s+in|moved\s+into)\s+(?:a\s+|the\s+)?(?:care|nursing|residential)\s+home|"
            r"care\s+home\s+resident"
        ),
    ),
    Situation(
        "bsl_users",
        "Deaf people who use BSL",
        # not "people with hearing loss who do not use BSL"
        _re(
            r"(?:deaf\s+)?bsl\s+users|(?<!not\s)use\s+(?:british\s+sign\s+language|bsl)|"
            r"(?:entirely\s+)?in\s+(?:british\s+sign\s+language|bsl)\b|bsl\s+is\s+the\s+language|deaf\s+community"
        ),
        _re(
            # not "would like to learn sign language": wanting to learn is not signing
            r"(?<!learn\s)(?<!learning\s)(?<!learn\ssome\s)(?:(?-i:BSL)\b|sign\s+language)|"
            # ("Deaf as a post on the phone", "deaf in one ear": hard of hearing, not a signer)
            r"(?:uses?|using)\s+sign|(?-i:Deaf)\b(?!\s+(?:as\s+a\s+post|in\s+one\s+ear|on\s+the\s+phone))|"
            r"profoundly\s+deaf|born\s+deaf|"
            r"deaf\s+(?:since|from)\s+(?:birth|a\s+child)"
        ),
        ticked="deaf_bsl",
        kind="health",
    ),
    # A menopause café is for women going through it, not for a new mum who is low.
    Situation(
        "menopause",
        "women going through the menopause",
        _re(r"(?:peri[- ]?)?menopaus\w*"),
        _re(r"(?:peri[- ]?)?menopaus\w*|hot\s+flush\w*|(?-i:HRT)\b|the\s+change\b"),
        kind="health",
    ),
    # A club for people with sight loss is not for a wheelchair user who ticked "disabled".
    Situation(
        "sight_loss",
        "blind and partially sighted people",
        _re(
            r"(?:blind|partially\s+sighted|visually\s+impaired|vision\s+impaired|sight\s+(?:loss|impair\w*))"
            r"(?!\s+(?:people\s+)?(?:welcome|too|also))|(?-i:VI)\s+(?:social|club|group|people)"
        ),
        _re(
            r"blind|partially\s+sighted|visually\s+impaired|sight\s+(?:loss|impair\w*)|(?:losing|lost)\s+"
            r"(?:(?:his|her|their|my)\s+)?(?:sight|vision)|macular|glaucoma|can'?t\s+see\s+(?:well|properly|much)|"
            r"(?:poor|failing|bad)\s+(?:eye)?sight|white\s+cane|guide\s+dog"
        ),
        kind="health",
    ),
    Situation(
        "learning_disability",
        "people with a learning disability",
        # not "physical and learning disabilities": that service is for either
        _re(
            r"(?<!physical\sand\s)(?<!physical\sor\s)(?<!physical\s&\s)learning\s+(?:disabilit|difficult)\w*"
        ),
        _re(
            r"learning\s+(?:disabilit|difficult)\w*|(?-i:LD)\b|down'?s\s+syndrome|"
            r"(?-i:SEND)\b|special\s+(?:educational\s+)?needs"
        ),
        kind="health",
    ),
    # Autism is not a learning disability: a day service "for adults with a learning disability" is
    # not for a young man diagnosed autistic last year; one "for people with learning disabilities
    # and/or autism" is.
    Situation(
        "autism",
        "autistic people",
        _re(r"autis\w+|asperger\w*|(?-i:ASC|ASD)\b"),
        _re(r"autis\w+|asperger\w*|(?-i:ASC|ASD)\b|on\s+the\s+spectrum"),
        kind="health",
    ),
    Situation(
        "parent_carers",
        "parents of disabled children",
        # "parents and carers of children and young people (0-25) with special educational needs"
        _re(
            r"parent[- ]carers?|parents?\s+(?:and|or|&|/)\s*carers?\s+of\s+(?:a\s+)?(?:disabled\s+)?"
            r"(?:children|child|kids|young\s+people)(?:\s+and\s+young\s+people)?\s+(?:\(\d+\s*[-–]\s*\d+\)\s+)?"
            r"(?:with|who\s+have)\s+(?:send\b|special|additional|disabilit|complex|autis|learning)|"
            r"famil(?:y|ies)\s+(?:of|with)\s+(?:a\s+)?(?:disabled\s+child|children\s+with\s+(?:send\b|disabilit|"
            r"additional\s+needs|special|autis))"
        ),
        _re(
            r"parent[- ]carer|disabled\s+(?:son|daughter|child|kids?|children|boy|girl)|(?:"
            + _THEIR
            + r"\s+(?:\w+\s+)?|(?:mum|mam|mother|dad|father|parent)\s+(?:of|to)\s+(?:\w+\s+){0,3}?"
            # a note that begins with the child: "Son (9) autistic, EHCP battle"
            r"|^|(?<=[.;!?]\s))"
            r"(?:son|daughter|child|kids?|boy|girl|lad|lass|bairn|year[- ]old)\b[^.;!?]{0,30}?"
            r"(?:autis\w*|disabled|disabilit\w+|adhd|(?-i:SEND|EHCP)\b|learning\s+disab\w+|down'?s|"
            r"cerebral\s+palsy|(?:special|additional|complex)\s+needs)"
        ),
    ),
    Situation(
        "care_leavers",
        "care leavers",
        _re(
            r"care\s+leavers?|(?:left|leaving)\s+(?:local\s+authority\s+)?care\b|care[- ]experienced|looked[- ]after"
        ),
        _re(
            r"care\s+leaver|(?:left|leaving|grew\s+up\s+in|was\s+in|been\s+in)\s+(?:foster\s+)?care\b|"
            # "left Lancs care at 18": an authority's care, left at the age care ends
            r"(?:left|leaving|came\s+out\s+of)\s+(?:[\w']+\s+){1,2}care\s+(?:at|when\s+(?:he|she|they|i)\s+(?:was|were|turned))\s+"
            r"(?:1[5-9]|sixteen|seventeen|eighteen)\b|"
            r"foster\s+(?:care|homes?)|care[- ]experienced|looked[- ]after|children'?s\s+home"
        ),
    ),
    Situation(
        "prison_leavers",
        "people leaving prison or with convictions",
        _re(
            r"(?:ex|former)[- ]?offenders?|(?:leaving|left|released\s+from|out\s+of)\s+(?:prison|hmp\b)|prison\s+leavers?|"
            r"criminal\s+justice\s+system|on\s+probation|(?:people|those)\s+with\s+(?:a\s+)?(?:criminal\s+)?"
            r"(?:records?|convictions?)|"
            # a probation directory's own terms: "On licence, PSS or community order", "in contact with
            # the CJS", "released from the three Sheppey prisons", "prepare PoPs for treatment"
            r"on\s+(?:a\s+)?licence|(?-i:PSS|CJS|PoPs?)\b|post[- ]sentence\s+supervision|community\s+orders?\b|"
            r"released\s+from\s+(?:\w+\s+){0,3}prisons?|(?:in|at\s+risk\s+of)\s+(?:\w+\s+){0,3}justice\s+system"
        ),
        _re(
            r"prison|jail|probation|offend\w+|convictions?|criminal\s+record|served\s+(?:time|a\s+sentence)|"
            r"community\s+order|(?-i:RAR|PSS|PoP)\b|unpaid\s+work\s+hours|suspended\s+sentence|"
            r"(?:got|came)\s+out\s+of\s+(?:prison|jail|nick)|in\s+the\s+nick|(?-i:HMP)\b|on\s+licence|"
            # "due out of Holme House next month": the prison's own name is seldom said with it
            r"release\s+date|(?:being|been|was|just|recently|getting)\s+released\b(?!\s+from\s+hospital)|"
            r"due\s+out\b(?!\s+of\s+(?:hospital|rehab))"
        ),
    ),
    # A scheme for people still in the asylum system is not for a refugee resettled with status.
    Situation(
        "seeking_asylum",
        "people seeking asylum",
        _re(
            r"(?<!refugees\sand\s)(?<!refugees\s&\s)(?<!refugees,\s)(?<!refugees\sor\s)"
            r"(?:asylum[- ]seekers?|people\s+seeking\s+asylum|(?:in|within)\s+the\s+asylum\s+system)\b"
            r"(?!,?\s+(?:and|&|or)\s+(?:\w+\s+)?refugees)(?!,\s+refugees)(?!\s+(?:are|is)\s+(?:also\s+)?"
            r"(?:eligible|welcome))"
        ),
        _re(
            r"asylum[- ]seek\w*|seeking\s+asylum|claim(?:ed|ing)?\s+asylum|asylum\s+(?:claim|case|application|"
            r"interview|hotel|support)|in\s+the\s+asylum\s+system|(?-i:NASS)\b|waiting\s+(?:on|for)\s+(?:a\s+|the\s+|"
            r"(?:his|her|their|my)\s+)?(?:home\s+office\s+)?decision"
        ),
        # the form's one box for "Refugees and people seeking asylum"
        ticked="refugees",
        not_if_said=_re(
            r"(?:got|has|have|had|granted|given)\s+(?:her|his|their|my|our)?\s*(?:refugee\s+)?status|"
            r"(?:new\s+)?refugee\s+status|leave\s+to\s+remain|resettle\w*|settled\s+status|indefinite\s+leave|"
            r"homes\s+for\s+ukraine"
        ),
        kind="life",
    ),
    # A drop-in "only for residents of Home Office contingency hotels" is not for someone seeking
    # asylum in a shared house. A person "in the hotel" lives there (a link worker's note does not
    # record holidays); one who works in a hotel does not.
    Situation(
        "asylum_hotel",
        "people seeking asylum who live in Home Office hotels",
        _re(
            r"(?:living|staying|housed|accommodated|placed)\s+(?:\w+\s+){0,2}?in\s+(?:the\s+)?(?:home\s+office\s+|"
            r"contingency\s+|asylum\s+|bridging\s+)+hotels?|(?:residents?|people)\s+(?:of|in)\s+(?:the\s+)?(?:home\s+"
            r"office\s+|contingency\s+|asylum\s+|bridging\s+)+hotels?|hotel\s+residents"
        ),
        _re(
            r"(?:home\s+office|asylum|contingency|bridging)\s+hotels?|hotel\s+accom\w*|"
            # "in the hotel 8 month", "isolated in hotel", "in one of the hotels on the seafront",
            # "in Elephant hotel"; not "works in a hotel", nor "moved out of the hotel"
            r"(?<!works\s)(?<!work\s)(?<!worked\s)(?<!working\s)(?<!job\s)(?<!stayed\s)\bin\s+(?:(?:a|an|the|one\s+of\s+the)\s+)?"
            r"(?:[A-Z]\w+\s+)?hotels?\b"
        ),
        within="seeking_asylum",
    ),
    Situation(
        "sexual_violence",
        "survivors of sexual violence",
        _re(
            r"rape|sexual\s+(?:violence|abuse|assault|exploitation)|sexually\s+(?:abused|assaulted)|"
            r"childhood\s+sexual\s+abuse"
        ),
        _re(
            r"rape[ds]?\b|sexual(?:ly)?\s+(?:abuse[ds]?|assault(?:ed)?|violence|exploit\w*)|molest\w*|"
            r"abused\s+as\s+a\s+(?:child|kid)"
        ),
    ),
    Situation(
        "homeless",
        "people who are homeless or about to be",
        _re(
            # (a service "for rough sleepers" is for them alone: rough_sleeping)
            r"homeless\w*|sofa[- ]surf\w*|no\s+fixed\s+abode|(?:people|those)\s+in\s+temporary\s+accommodation"
        ),
        _re(
            r"homeless\w*|rough|sofa[- ]?surf\w*|no\s+fixed\s+abode|(?-i:NFA|RS|CHAIN)\b|on\s+the\s+streets?|hostel|"
            r"(?:sleeping|kipping|sleeps|slept)\s+(?:out|outside|by|near|behind|round|around)\b|"
            r"temp(?:orary|\.)?\s+accommodation|"
            r"evict\w*|(?:on|kipping\s+on|sleeping\s+on)\s+(?:my\s+|his\s+|her\s+|a\s+)?(?:mate|friend|pal|sister|"
            r"brother|cousin|mum|dad|nan)'?s\s+(?:sofa|settee|couch|floor)|"
            r"nowhere\s+to\s+(?:live|stay|sleep|go)|kicked\s+(?:me\s+|him\s+|her\s+)?out|sleeping\s+(?:in|on)\s+"
            r"(?:a\s+|the\s+|my\s+|his\s+|her\s+)?(?:car|streets?|sofa|couch|floor)"
        ),
        needs=frozenset({"housing"}),
    ),
    # Street outreach "for rough sleepers across NCL" is not for a man in a hostel, nor for a woman
    # renting a room; someone sleeping rough is homeless too (their words say both: "homeless" reads
    # "RS" and "on CHAIN").
    Situation(
        "rough_sleeping",
        "people sleeping rough",
        _re(
            r"rough\s+sleepers?|(?:people|those|anyone|adults|men|women)\s+(?:who\s+are\s+(?:currently\s+)?)?sleeping\s+rough|"
            r"street\s+homeless\w*|(?:people|those)\s+(?:living|sleeping)\s+on\s+the\s+streets?"
        ),
        _re(
            r"(?-i:RS)\b|rough\s*sleep\w*|sleeping\s+rough|slept\s+rough|sleeps\s+rough|on\s+the\s+streets?|street\s+homeless|"
            r"(?:sleeping|kipping|slept|sleeps)\s+(?:in|on|under)\s+(?:a\s+|the\s+|his\s+|her\s+|my\s+)?(?:car|streets?|"
            r"doorways?|parks?|tent|bus(?:es)?|stairwells?|bridge|bench)|bedd(?:ed|ing)\s+down|(?-i:CHAIN)\b|"
            # "Sleeping by Tottenham Hale", "kipping out behind the station" (not "sleeping at a mate's")
            r"(?:sleeping|kipping|sleeps|slept)\s+(?:out|outside|by|near|behind|round|around)\b"
        ),
    ),
    # A trans and non-binary peer group ("Trans, non-binary and questioning people aged 18+ only",
    # "TNB 16+") is not for a cis gay man, nor for the mum of a trans teenager.
    Situation(
        "trans",
        "trans, non-binary and questioning people",
        _re(
            # (not "gay, bi, trans and questioning young people", a list of all; nor "parents of trans
            # children", whose group is the parents')
            r"(?<!bi,\s)(?<!bi\s)(?<!of\s)(?:trans(?:gender)?\s*(?:,|and|&|or|/)\s*non[- ]binary|(?-i:TNB)\b|trans\s+"
            r"(?:and|&)\s+(?:gender[- ])?(?:questioning|diverse)|trans(?:gender)?\s+(?:people|women|men|adults|folk|young\s+"
            r"people|youth|swimmers)\s+only)"
        ),
        _re(
            r"trans(?:gender)?(?:\s+(?:woman|man|women|men|masc\w*|fem\w*|person|girl|boy|lad|teen|young\s+person))?\b"
            r"(?!\s*(?:port|fer|late|action|it\b|ition|plant|fusion|formation))|non[- ]?binary|enby|genderqueer|"
            r"(?-i:NB|TNB|MtF|FtM)\b|they/them|questioning\s+(?:their|her|his|my)\s+gender|gender\s+(?:identity\s+clinic|"
            r"dysphoria)|(?-i:GIC)\b"
        ),
    ),
    # An outreach van "for women who sell sex" is not for every woman with a controlling partner.
    Situation(
        "sex_work",
        "people who sell sex",
        _re(
            r"(?:who|that)\s+(?:sell|sold|exchange)(?:\s+(?:or|and|/)\s+(?:sell|exchange))?\s+sex|sex\s+work(?:ers?|ing)?\b|"
            r"sex\s+industry|selling\s+sex|"
            r"street[- ]based\s+(?:sex\s+)?work\w*|sexual\s+exploitation\s+and\s+sex\s+work"
        ),
        # (not "on the game", which is as often a teenager on his Xbox)
        _re(r"sex\s+work\w*|sell(?:s|ing)?\s+sex|sold\s+sex|prostitut\w+"),
    ),
    Situation(
        "domestic_abuse",
        "people experiencing domestic abuse",
        _re(r"domestic\s+(?:abuse|violence)|coercive\s+control|abusive\s+relationships?|honour[- ]based"),
        _re(
            r"domestic\s+(?:abuse|violence)|abus\w+|violent|coercive|controlling|hits?\s+(?:me|her|him)|(?-i:DV|DA)\b|"
            # coercive control as it is described: the phone checked, the clothes chosen, the ex fled
            r"checks\s+(?:my|her|his)\s+phone|decides\s+what\s+(?:I|she|he)\s+(?:wear|eat|spend)|"
            r"(?:safe|away)\s+from\s+(?:my|her|his|their)\s+(?:ex|partner|husband|boyfriend)\b|"
            r"(?:afraid|scared|frightened)\s+of\s+(?:my|her|his|their)\s+(?:partner|husband|wife|boyfriend|ex)"
        ),
        needs=frozenset({"domestic_abuse"}),
    ),
    Situation(
        "recovery_abstinent",
        "people already abstinent from alcohol or drugs",
        _re(
            r"(?:completed|finished)\s+(?:a\s+)?(?:detox|treatment)|abstinen\w+|must\s+be\s+(?:sober|alcohol[- ]free|"
            r"drug[- ]free|abstinent)|not\s+(?:suitable\s+)?(?:for\s+)?(?:people\s+)?(?:who\s+are\s+)?(?:currently|still)\s+"
            r"(?:drinking|using)"
        ),
        _re(
            r"sober|abstinent|clean\s+(?:for|since|now)|"
            r"(?:clean|dry)\s+(?:for\s+)?(?:\w+\s+)?(?:days?|weeks?|months?|years?)\b|"
            # "5 months clean off the ale and coke"
            r"(?:\d+|a|two|three|six)\s+(?:days?|weeks?|months?|years?)\s+(?:clean|dry|sober)\b|"
            r"dry\s+(?:for|since|now)|in\s+recovery|"
            r"(?:stopped|quit|gave\s+up|off\s+the)\s+(?:drinking|drink|booze|drugs|using)|(?:completed|finished|"
            r"done)\s+(?:a\s+|my\s+|his\s+|her\s+)?detox"
        ),
    ),
    Situation(
        "social_tenants",
        "tenants of a named landlord",
        _re(
            r"(?i:tenants|residents)\s+of\s+(?:[A-Z][\w&]*\s+){1,3}(?i:housing|homes|group|trust|association)|"
            r"(?i:(?:housing\s+association|council|social\s+housing)\s+tenants|tenants\s+only|our\s+tenants)|"
            # a landlord named for its homes: "Bolton at Home tenants", "Wigan & Leigh Homes tenants"
            # ("Must be a Teesmouth Homes tenant")
            r"(?:[A-Z][\w&]*\s+){1,3}(?:at\s+)?(?:Home|Homes|Housing)\s+(?i:tenants?|tenancy)|"
            # "Home Group tenants in Barrow only", "Riverside Housing Group customers"
            r"(?:[A-Z][\w&]*\s+){0,2}(?:Home|Homes|Housing)\s+(?:Group|Trust|Association)\s+"
            r"(?i:tenants?|tenancy|customers)|"
            # a landlord by its own name alone: "for Curo tenants", "open to Clarion tenants"
            # (not who the tenants are: "for Deaf tenants", "for Older Tenants")
            r"(?:(?<=\bfor\s)|(?<=\bto\s))(?!(?i:private|all|any|local|new|prospective|future|deaf|disabled|"
            r"older|elderly|vulnerable|young|single|female|male|black|asian|lgbt\w*|trans|our|their)\b)"
            r"(?:[A-Z][\w&]*\s+){1,2}(?i:tenants|tenancy\s+holders)\b|"
            # a landlord's word for its tenants: "Teesmouth Homes customers only"
            r"(?:[A-Z][\w&]*\s+){1,3}(?:at\s+)?(?:Home|Homes|Housing|Living)\s+(?i:customers\s+only)|"
            # a landlord's own rules: "Customers must have a current tenancy", "Older tenants living
            # alone", "Sheltered scheme residents only"
            r"(?i:(?:a|with\s+a|have\s+a)\s+current\s+tenancy|(?:older|elderly|sheltered)\s+tenants|"
            r"sheltered\s+(?:scheme|housing)\s+residents|residents\s+of\s+our\s+sheltered)",
            0,
        ),
        _re(
            # a private renter is a tenant too, but not a landlord's named in a service's rules
            r"(?<!private\s)(?<!privately\s)tenants?\b|(?<!private\s)tenancy|housing\s+association|"
            r"(?:council|social)\s+(?:house|flat|home|housing|property)|"
            r"rents?\s+from\s+(?:the\s+)?council|sheltered\s+(?:housing|accommodation|flat|scheme)|(?-i:HA)\b"
        ),
    ),
    Situation(
        "in_treatment",
        "people already in treatment with a named service",
        _re(
            r"(?:in|engaged\s+(?:in|with)|receiving)\s+(?:structured\s+)?treatment\s+(?:with|at|from)|"
            r"(?:current\s+)?(?:clients|service\s+users)\s+of\s+(?:the\s+)?[A-Z]"
        ),
        _re(
            r"in\s+treatment|(?:drug|alcohol|recovery|substance)\s+(?:\w+\s+)?key\s*worker|"
            r"on\s+(?:a|the)\s+(?:programme|script)|methadone|subutex|buprenorphine|"
            r"recovery\s+(?:service|worker|team)|(?:drug|alcohol)\s+(?:and\s+alcohol\s+)?(?:service|team|worker)"
        ),
    ),
    # Soft: paperwork and money a note seldom mentions; a "check", not a barrier.
    Situation(
        "benefits",
        "people on benefits",
        _re(
            r"(?:(?:claiming|in\s+receipt\s+of|receiving)|(?:people|those|anyone|families|adults|residents|who\s+are)"
            r"\s+on)\s+(?:universal\s+credit|(?:means[- ]tested\s+)?benefits|pension\s+credit)|"
            r"universal\s+credit\s+claimants|"
            # a Jobcentre's own words: "UC or JSA customers only", "Customer group: UC – Intensive Work
            # Search", "in the UC IWS regime or on JSA"
            r"(?-i:UC|JSA|ESA)(?:\s*(?:or|and|/|,|&)\s*(?-i:UC|JSA|ESA))*\s+(?:customers|claimants)\b|"
            r"customer\s+group\s*:\s*(?-i:UC|JSA|ESA)\b|"
            r"(?:in|on)\s+the\s+(?-i:UC)\s+(?:IWS|intensive\s+work\s+search|light\s+touch|LCWRA)\b"
        ),
        _re(r"universal\s+credit|\bUC\b|benefits?|pension\s+credit|pip\b|esa\b|jsa\b|on\s+the\s+dole"),
        hard=False,
        needs=frozenset({"welfare_benefits"}),
        kind="money",
        # "out of work for 9 months and on UC or JSA" asks both
        on_its_own=True,
        # "Not on any benefits", "not claiming – husband's wage": a claimants' service is not theirs
        ruled_out_by=_re(
            r"not\s+(?:on|claiming|getting|receiving|in\s+receipt\s+of)\s+(?:any(?:thing)?\b|benefits?\b|"
            r"(?-i:UC)\b|universal\s+credit)|not\s+claiming\b(?!\s+(?:for|pip|the|his|her|carer|attendance))|"
            r"no\s+benefits\b|(?:doesn'?t|don'?t|isn'?t|aren'?t|never)\s+(?:claim\w*|been\s+on|on)\s+(?:any\s+)?"
            r"(?:benefits?|(?-i:UC)\b|universal\s+credit)"
        ),
    ),
    # Universal Credit's "no work-related requirements" group (LCWRA) and ESA's support group: a
    # Jobcentre's wellbeing course "with no conditionality" for them is not for someone in the
    # intensive work search regime, who must look for work.
    Situation(
        "not_fit_for_work",
        "people found not fit for work (LCWRA or ESA support group)",
        _re(
            r"(?:customer\s+group\s*:\s*)?(?-i:UC)\s*[-–—:]?\s*(?-i:LCWRA)\b(?!\s*,?\s*(?:and\s+)?(?:PIP|JSA|IWS))|"
            r"no\s+work[- ]related\s+requirements|(?-i:ESA)\s+support\s+group(?!\s*,?\s*(?:and|or)\s+(?:WRAG|work))"
        ),
        _re(
            r"(?-i:LCWRA)|limited\s+capability\s+for\s+work|no\s+work[- ]related\s+requirements|"
            r"(?-i:ESA)\s+(?:support\s+group|(?-i:SG))|support\s+group\s+(?:of|on)\s+(?-i:ESA)"
        ),
        hard=False,
        kind="money",
        on_its_own=True,
        # "on UC IWS", "on JSA", "intensive work search": must look for work
        ruled_out_by=_re(
            r"(?-i:IWS)\b|intensive\s+work\s+search|light\s+touch|(?-i:JSA)\b|job\s*seekers?'?\s+allowance"
        ),
    ),
    Situation(
        "single_parents",
        "single parents",
        _re(r"single\s+(?:parents?|mums?|mothers|dads?|fathers)|lone\s+parents?"),
        _re(
            r"single\s+(?:parent|mum|mam|mother|dad|father)|lone\s+parent|on\s+(?:my|me|her|his)\s+own\s+with\s+"
            r"(?:the\s+|two\s+|three\s+|\d\s+)?(?:kids|children|bairns)|"
            r"(?:kids|children|bairns)\s+on\s+(?:my|me|her|his)\s+own"
        ),
    ),
    Situation(
        "farming",
        "people who work in farming",
        # a farmers' network or a line "for anyone in farming"; not a farmers' market or a farm visit
        _re(
            r"(?:anyone|people|those|families|workers)\s+(?:in|working\s+in|from)\s+(?:the\s+)?(?:farming|agricultur\w*)|"
            r"farming\s+(?:families|communit\w*|people|households|folk)|"
            r"farmers?\b(?!'?s?\s+markets?)|agricultural\s+workers?|"
            # "seasonal farm & packhouse workers", "agricultural/packhouse workers"
            r"(?:farm|agricultural|packhouse|field)\s*(?:(?:&|and|/)\s*(?:farm|agricultural|packhouse|field)\s+)?workers?"
        ),
        _re(
            r"farmers?\b(?!'?s?\s+markets?)|farming|(?:on|runs?|ran|works?\s+on|our|his|her|my|the\s+family)\s+(?:the\s+)?farm\b|"
            # "farms on his own up on the Wolds", "herd failed its test", "at the mart every Weds"
            r"\bfarms\s+(?:on\s+(?:his|her|their|my)\s+own|alone|up|near|in|at|sheep|cattle|beef|dairy|arable|pigs)\b|"
            r"\b(?:his|her|my|their|our|the)\s+(?:herd|flock|livestock|ewes)\b|\bat\s+the\s+mart\b|cattle\s+market|"
            r"(?:hand(?:ed|ing)?|left|leaving|sold|selling|retired\s+from|gave\s+up|giving\s+up)\s+(?:over\s+)?the\s+farm\b|"
            r"farm\s+(?:work|hand|worker|labourer)|shepherd|hill\s+farm|tenant\s+farm|"
            # "dairy farm outside Melton, milk price"
            r"(?:dairy|sheep|beef|pig|arable|poultry|livestock|cattle|family)\s+farm(?:s|ing)?\b|milk\s+prices?|"
            r"packhouse|pack\s+house|(?:fruit|veg|vegetable|daffodil|flower|strawberr\w*|potato)\s+pick\w*|field\s+work"
        ),
    ),
    # "Gurkha veterans' families", "forces families": the families of those who serve or served,
    # widows among them; not a breakfast club for veterans themselves. A veteran ticked is one too.
    Situation(
        "forces_families",
        "armed forces families",
        _re(
            r"(?:armed\s+)?forces\s+famil(?:y|ies)|(?:military|gurkha|army|naval|raf)\s+famil(?:y|ies)|"
            r"veterans?'?\s+famil(?:y|ies)|families\s+of\s+(?:serving\s+|service\s+|armed\s+forces\s+|ex-?\s*service\s+)?"
            r"(?:personnel|veterans|gurkhas|soldiers|servicem[ae]n)"
        ),
        _FORCES_FAMILY_MEMBER,
        ticked="veterans",
    ),
    # A coffee morning on base "for partners of serving personnel only" is not for a veteran: the
    # veterans' box says forces family, not serving now.
    Situation(
        "serving_forces_families",
        "families of serving armed forces personnel",
        _re(
            r"(?:families|partners|spouses|wives|husbands)\s+of\s+(?:currently\s+)?serving\s+"
            r"(?:(?:raf|army|navy|royal\s+navy|armed\s+forces)\s+)?(?:personnel|members|soldiers|sailors|forces|"
            r"military|troops|officers|airm[ae]n)|famil(?:y|ies)\s*\(serving\)|serving\s+(?:personnel|forces|"
            r"military)(?:'s)?\s+(?:families|partners|spouses)"
        ),
        _re(
            r"(?:husband|wife|partner|dad|father|mum|mother)\s+(?:\w+\s+){0,2}?(?:is\s+(?:in|away\s+with|serving\s+"
            r"(?:in|with))\s+the\s+(?:army|navy|raf|forces|marines)\b|is\s+(?:deployed|posted|at\s+sea|on\s+"
            r"deployment)|(?:is\s+)?serving\b)|on\s+deployment\b|"
            # "husband posted to Cranwell", "wife's just been posted to Catterick"
            r"(?:husband|wife|partner)(?:'s)?\s+(?:(?:has\s+|'s\s+|just\s+)?(?:been\s+)?|got\s+)?posted\s+(?:to|at|up|down|over)\b"
        ),
        within="forces_families",
    ),
    # "Coffee morning for partners and families of serving or ex-forces personnel": the family, not
    # the veteran himself (the veterans' box says forces family only where a group is the forces
    # community's as a whole: "Gurkha families drop in").
    Situation(
        "forces_partners",
        "partners and families of armed forces personnel",
        _re(
            r"(?:partners|spouses|wives|husbands|families)(?:\s*(?:,|and|&)\s*(?:partners|spouses|families|children))*\s+"
            r"of\s+(?:(?:currently\s+)?serving\s+(?:or|and|&|/)\s+)?(?:ex-?\s*(?:forces|service|military)|former\s+"
            r"(?:forces|service|military)|veterans?|retired\s+(?:forces|military))\b"
        ),
        _FORCES_FAMILY_MEMBER,
        within="forces_families",
    ),
    # The Fishermen's Mission and its like: "only for fishing families (working or retired)"; not an
    # angling club or a fishing trip, and not someone who "never worked the boats"
    Situation(
        "fishing",
        "people who work or worked in fishing, and their families",
        _re(
            r"(?:active\s+and\s+retired\s+|retired\s+)?fisherm[ae]n\b|fisherfolk|trawlerm[ae]n|"
            r"fishing\s+(?:families|communit\w*|industry|fleet|people|folk|households)|"
            r"(?:anyone|people|those|families|workers)\s+(?:in|working\s+in|from)\s+(?:the\s+)?(?:fishing|commercial\s+fishing)"
        ),
        _re(
            r"fisherm[ae]n\b|trawler(?:m[ae]n)?\b|deck\s?hand|fished\s+(?:out\s+of|for\s+a\s+living|commercially)|"
            r"(?:worked|works|working|work)\s+(?:on\s+)?the\s+(?:boats|trawlers)\b|fishing\s+(?:boats?|fleet|industry)|"
            r"fishing\s+for\s+a\s+living|(?:on|off)\s+the\s+trawlers|"
            # a fisherman's family: "Husband's boat lost in Oct storm", "husband crews a boat out of West Bay"
            r"crew(?:s|ed|ing)?\s+(?:on\s+)?(?:a|the|his)\s+boat|"
            r"(?:husband|partner|dad|father|son|man)'?s\s+boat\b|\bboat\s+(?:was\s+)?lost\b"
        ),
    ),
    Situation(
        "students",
        "students",
        _re(r"(?:current|university|college|enrolled)\s+students|students\s+(?:only|at|of|enrolled)"),
        _re(r"students?|at\s+(?:uni|university|college)|studying"),
    ),
    Situation(
        "unemployed",
        "people out of work",
        _re(
            r"unemployed|out\s+of\s+work|jobseekers?|not\s+(?:currently\s+)?in\s+(?:employment|work)|"
            r"economically\s+inactive"
        ),
        _re(
            r"unemployed|out\s+of\s+work|no\s+job|lost\s+(?:my\s+|his\s+|her\s+|their\s+|the\s+|a\s+)?job|jobless|"
            r"redundan\w+|off\s+work|no\s+work\w*|"
            r"looking\s+for\s+(?:a\s+)?(?:job|work)|job\s*seek\w*|not\s+working|can'?t\s+find\s+work"
        ),
        hard=False,
        needs=frozenset({"employment_skills"}),
        kind="money",
    ),
    # A programme for young people "not in education, employment or training" is not for a
    # sixteen-year-old still at school; a young person out of college, or asking for help into
    # work (the employment need says it: their age is the service's own limit), is who it is for.
    Situation(
        "neet",
        "young people not in education, employment or training",
        _re(
            r"\bNEETs?\b|not\s+in\s+(?:any\s+)?(?:education|employment|work)\s*(?:,|/)?\s*(?:(?:education|employment|work)\s*)?"
            r"(?:or|and|nor|/)\s+training"
        ),
        _re(
            r"\bNEET\b|(?:left|leaving|jacked(?:\s+in)?|packed(?:\s+in)?|dropped\s+out\s+of|quit|finished|kicked\s+out\s+of|"
            r"excluded\s+from)\s+(?:(?:the|his|her|my)\s+)?(?:school|college|sixth\s+form|uni(?:versity)?|course)|"
            r"(?:jacked|packed)\s+(?:school|college)\s+in|nothing\s+since\s+(?:school|college)|"
            r"not\s+(?:been\s+)?in\s+(?:school|college|education|training)"
        ),
        needs=frozenset({"employment_skills"}),
        kind="money",
    ),
)
# A community a service is for: a heritage, a faith or a language, said as the people it serves
# ("ONLY for women of South Asian heritage", "Arabic-speaking mums", "Black men of African and
# Caribbean heritage"), never the adjective alone ("African drumming", "Polish deli", "Chinese New
# Year"). The person's side is how a link worker notes it ("Pakistani lady, mainly Urdu", "from
# Sudan, Arabic", "Cantonese only"). A link worker who does not note it can tick it on the form.
_OF_PEOPLE = (
    r"(?:(?:\s+(?:and|or|&|/)\s+[\w-]+)?\s+(?:heritage|backgrounds?|origin|communit(?:y|ies)|people|men|women|"
    r"ladies|girls|boys|elders|mums|mothers|dads|fathers|parents|families|youth|young\s+people|residents|"
    r"speakers|seniors|senior\s+citizens?|older\s+people|carers|(?:seasonal\s+|migrant\s+|farm\s+)?workers|"
    r"newcomers|new\s+arrivals|veterans|ex-?servicem[ae]n|ex-?service\s+(?:men|women|personnel))\b|"
    r"[- ]speak(?:ing|ers?)\b)"
)


_IRISH_COUNTY_NAMES = (
    "Antrim",
    "Armagh",
    "Carlow",
    "Cavan",
    "Clare",
    "Cork",
    "Donegal",
    "Dublin",
    "Fermanagh",
    "Galway",
    "Kerry",
    "Kildare",
    "Kilkenny",
    "Laois",
    "Leitrim",
    "Limerick",
    "Longford",
    "Louth",
    "Mayo",
    "Meath",
    "Monaghan",
    "Offaly",
    "Roscommon",
    "Sligo",
    "Tipperary",
    "Tyrone",
    "Waterford",
    "Westmeath",
    "Wexford",
    "Wicklow",
)
# Also people's first names: "a message from Kerry" is not about Ireland, "County Kerry" is.
_IRISH_COUNTY_AND_NAME = ("Clare", "Kerry")
_IRISH_COUNTIES = r"(?:" + "|".join(_IRISH_COUNTY_NAMES) + r")"
_IRISH_PLACES = r"(?:" + "|".join(c for c in _IRISH_COUNTY_NAMES if c not in _IRISH_COUNTY_AND_NAME) + r")"


def _community(
    code: str, label: str, service: str, person: str, within: str | None = None, people: str | None = None
) -> Situation:
    return Situation(
        code,
        label,
        # "Arabic-speaking mums", and "Hackney residents who speak Turkish or Kurdish"; `people`, a
        # word that is itself the people ("Hongkongers")
        _re(
            r"(?:"
            + service
            + r")"
            + _OF_PEOPLE
            + r"|\b(?:who|that)\s+speaks?\s+(?:[\w-]+\s*(?:,|or|and|/|&)\s*)*(?:"
            + service
            + r")\b"
            # the people by their plural name alone: "Ukrainians and their hosts", "for Afghans"
            + r"|\b(?:"
            + service
            + r")s\b"
            + (r"|(?:" + people + r")\b" if people else "")
        ),
        _re(person),
        kind="community",
        named=False,
        within=within,
    )


# Where someone came from, by its city: "from Lagos 2 yrs", "came over from Aleppo". Only after
# "from": a holiday in Lagos (the Algarve's) or a friend in Tripoli says nothing of the person.
_FROM_CITY = r"\bfrom\s+"


COMMUNITIES: tuple[Situation, ...] = (
    _community(
        "south_asian",
        "people of South Asian heritage",
        r"south\s+asian|(?<!east\s)(?<!south[- ]east\s)asian|pakistani|bangladeshi|indian|sri\s+lankan|punjabi|"
        r"gujarati|bengali|sylheti|urdu|hindi|tamil",
        r"south\s+asian|asian\b|pakistan\w*|bangladesh\w*|india\b|indian|sri\s+lanka\w*|punjabi|gujarati|"
        r"bengali|sylheti|urdu|hindi|tamil|sikh|hindu",
    ),
    _community(
        "african_caribbean",
        "Black people of African or Caribbean heritage",
        r"black(?!\s+and\s+minority)|african(?:[- ]caribbean)?|afro[- ]caribbean|caribbean|"
        # the countries people name their community by: "Nigerian mums", "Ghanaian elders"
        r"nigerian|ghanaian|jamaican|congolese|zimbabwean|kenyan|ugandan|sierra\s+leonean|cameroonian",
        r"black\s+(?:man|woman|lady|british|african|caribbean|guy|lad|fella|bloke|mum|dad|family|men|women)|"
        r"african|caribbean|jamaica\w*|nigeria\w*|ghana\w*|eritrea\w*|ethiopia\w*|somali\w*|sudan\w*|"
        r"congo\w*|zimbabw\w*|kenya\w*|uganda\w*|sierra\s+leon\w*|gambia\w*|cameroon\w*|barbad\w*|trinidad\w*",
    ),
    _community(
        "chinese",
        "Chinese people and Chinese speakers",
        r"chinese|cantonese|mandarin|hong\s*kong(?:ers?)?|east\s+asian",
        # "HK family came over on BN(O) 2024"
        r"chinese|cantonese|mandarin|hong\s*kong(?:ers?)?|china\b|(?-i:HK)\b|(?-i:BN\s*\(?O\)?)(?!\w)",
        people=r"hong\s*kongers",
    ),
    _community(
        "arabic",
        "Arabic speakers",
        # ("Kurdish & Syrian women": a Syrian woman is one of those it is for)
        r"arab|arabic|syrian|iraqi|yemeni|lebanese|palestinian|egyptian|moroccan|libyan|algerian",
        r"arab\w*|syria\w*|iraq\w*|yemen\w*|sudan\w*|egypt\w*|liby\w*|morocc\w*|palestin\w*|leban\w*|"
        r"algeria\w*|tunisia\w*|kuwait\w*|saudi|"
        + _FROM_CITY
        + r"(?:aleppo|damascus|homs|idlib|baghdad|mosul|basra|sana'?a|benghazi|tripoli|cairo|beirut|gaza)\b",
    ),
    # The nationalities community groups are most often for, inside the heritages above. (Urdu is
    # the language of Pakistan; in Britain its speakers are most often of Pakistani heritage.)
    _community(
        "pakistani",
        "people of Pakistani heritage",
        r"pakistani",
        r"pakistan\w*|mirpur\w*|urdu|" + _FROM_CITY + r"(?:karachi|lahore|islamabad|rawalpindi)\b",
        "south_asian",
    ),
    _community(
        "bangladeshi",
        "people of Bangladeshi heritage",
        r"bangladeshi|sylheti|bengali",
        r"bangladesh\w*|sylhet\w*|bengali|" + _FROM_CITY + r"dhaka\b",
        "south_asian",
    ),
    _community(
        "indian", "people of Indian heritage", r"indian|gujarati", r"india\b|indian|gujarat\w*", "south_asian"
    ),
    # and in Polish, as a note may quote it: "Pan z Polski", "mówi tylko po polsku"
    _community("polish", "Polish people", r"polish", r"polish|poland|polsk[aiu]|polsce", "eastern_european"),
    _community(
        "ukrainian",
        "Ukrainian people",
        r"ukrainian",
        r"ukrain\w*|" + _FROM_CITY + r"(?:kyiv|kiev|kharkiv|odesa|odessa|mariupol|lviv|dnipro)\b",
        "eastern_european",
    ),
    _community("romanian", "Romanian people", r"romanian", r"romania\w*", "eastern_european"),
    # (said, so that a Ukrainian hub is not a Slovak mum's: "Slovak Roma mum")
    _community(
        "slovak_czech", "Slovak and Czech people", r"slovak|czech", r"slovak\w*|czech\w*", "eastern_european"
    ),
    _community(
        "baltic",
        "Lithuanian, Latvian and Estonian people",
        r"lithuanian|latvian|estonian|baltic",
        r"lithuania\w*|latvia\w*|estonia\w*",
        "eastern_european",
    ),
    _community(
        "somali",
        "Somali people",
        r"somali(?:land)?",
        r"somali\w*|" + _FROM_CITY + r"(?:mogadishu|hargeisa)\b",
    ),
    # (a Sudanese man is not one of an Eritrean community, though both are African)
    _community("sudanese", "Sudanese people", r"sudanese", r"sudan\w*", "african_caribbean"),
    _community(
        "horn_of_africa",
        "Eritrean and Ethiopian people",
        r"eritrean|ethiopian|habesha|tigrinya|amharic|oromo",
        r"eritrea\w*|ethiopia\w*|habesha|tigrinya|amharic|oromo",
        "african_caribbean",
    ),
    # A Windrush elders' club is for people of Caribbean heritage, a Nigerian mums' group for West
    # Africans: a Ghanaian widow is in neither the first nor, for a Jamaican, the second. ("African
    # Caribbean" and "Black" groups are for both.)
    _community(
        "caribbean",
        "people of Caribbean heritage",
        r"(?<!african[- ])(?<!afro[- ])(?<!african\s&\s)(?<!african\sand\s)caribbean|windrush(?:\s+generation)?|"
        r"jamaican|west\s+indian|bajan|"
        r"barbadian|trinidadian",
        r"(?<!african[- ])(?<!afro[- ])caribbean|jamaica\w*|barbad\w*|bajan|trinidad\w*|tobago|grenad\w*|"
        r"st\.?\s+lucia\w*|antigua\w*|guyan\w*|windrush|west\s+indi\w*|montserrat\w*",
        "african_caribbean",
    ),
    _community(
        "west_african",
        "people of West African heritage",
        r"west\s+african|nigerian|ghanaian|sierra\s+leonean|gambian|cameroonian|yoruba|igbo",
        r"west\s+africa\w*|nigeria\w*|ghana\w*|sierra\s+leon\w*|gambia\w*|cameroon\w*|yoruba|igbo|"
        r"senegal\w*|liberia\w*|togo\b|togolese|"
        + _FROM_CITY
        + r"(?:lagos|abuja|ibadan|accra|kumasi|freetown|dakar)\b",
        "african_caribbean",
    ),
    # "For Spanish speakers", "Grupo de Apoio - Mulheres Brasileiras": Latin America's two languages
    _community(
        "latin_american",
        "Latin American people and Spanish and Portuguese speakers",
        r"latin[- ]americans?|latinx?|hispanic|spanish|portuguese|brazilian|colombian|ecuadorian|bolivian|"
        r"peruvian|venezuelan",
        r"latin\s+americ\w*|latin[ao]s?\b|hispanic|spanish|espa[nñ]ol|portugu\w*|brazil\w*|brasil\w*|"
        r"colombia\w*|ecuador\w*|bolivia\w*|peru\b|peruvian|venezuela\w*|mexic\w*|chile\b|chilean",
    ),
    _community("vietnamese", "Vietnamese people", r"vietnamese", r"vietnam\w*"),
    # care workers from the Philippines, Gurkha families, and Afghans resettled since 2021 (ARAP)
    _community(
        "filipino", "Filipino people", r"filipin[oa]|tagalog", r"filipin\w*|philippin\w*|tagalog|pinoy|pinay"
    ),
    _community(
        "nepali",
        "Nepali people and Gurkha families",
        r"nepal[ie]|gurkha",
        r"nepal\w*|gurkha\w*",
        "south_asian",
    ),
    _community(
        "afghan",
        "Afghan people",
        r"afghan|dari|pashto|pashtun",
        r"afghan\w*|\bdari\b|pashto|pashtun|\b(?-i:ARAP|ACRS)\b",
    ),
    # not the bird: "Turkish", "Kurdish", "from Turkey"
    _community(
        "turkish_kurdish",
        "Turkish and Kurdish people",
        r"turkish|kurdish|kurds|turkish[- ]speaking",
        r"turkish|kurd\w*|t[uü]rkiye|from\s+turkey",
    ),
    _community(
        "roma",
        "Gypsy, Roma and Traveller people",
        r"roma|romani|romany|gypsy|gypsies|travellers?",
        # "Irish Traveller, on the site nr Cottenham", "from the travelling community"
        r"roma\b|romani\b|romany|gypsy|irish\s+travell?ers?\b|travelling\s+(?:community|people|famil\w+)|"
        r"travell?ers?\s+(?:community|famil\w+|sites?|background|heritage)|"
        # the people's own name, capitalised: "Traveller woman, pulled up roadside", "she's a Traveller"
        r"(?-i:\bTravell?ers?)\s+(?:wom[ae]n|m[ae]n|mum|mother|dad|father|lad|lass|girl|boy|lady|couple|child\w*|kids?)\b|"
        r"\b(?:(?:is|am|i'?m|she'?s|he'?s|they'?re|are)\s+(?:an?\s+)?(?:irish\s+)?)(?-i:Travell?ers?)\b",
    ),
    _community(
        "jewish",
        "Jewish people",
        r"jewish",
        # how the Orthodox community says it of itself: "frum", "Shabbos", Yiddish
        r"jewish|jew\b|synagogue|shul\b|kosher|frum\b|shabbos|shabbat|yiddish|orthodox\s+jew\w*",
    ),
    _community(
        "eastern_european",
        "Polish and Eastern European people",
        r"polish|eastern\s+european|romanian|lithuanian|latvian|slovak|czech|ukrainian|bulgarian|hungarian",
        r"polish|poland|polsk[aiu]|polsce|romania\w*|lithuania\w*|latvia\w*|slovak\w*|czech|ukrain\w*|"
        r"bulgaria\w*|hungar\w*|eastern\s+europe\w*",
    ),
    # People say where in Ireland they are from more often than "Irish": "from Mayo originally",
    # "a Cork man", "Co. Donegal". ("Down" and "Derry" are left out: an ordinary English word and
    # a name.)
    _community(
        "irish",
        "Irish people",
        r"irish",
        r"irish|ireland|\b(?:co\.?|county)\s+" + _IRISH_COUNTIES + r"\b|"
        r"\b(?:from|born\s+in)\s+" + _IRISH_PLACES + r"\b|"
        r"(?-i:" + _IRISH_PLACES + r")[- ](?:man|woman|lad|lass|girl|fella|born)\b",
    ),
)
SITUATIONS = SITUATIONS + COMMUNITIES
BY_CODE = {s.code: s for s in SITUATIONS}
HARD = frozenset(s.code for s in SITUATIONS if s.hard)
# A named illness or health matter is a health condition too: a stroke survivor qualifies for an
# exercise referral scheme.
HEALTH_CONDITION = "health_condition"
_HEALTH = frozenset(s.code for s in SITUATIONS if s.kind in ("illness", "health")) - {HEALTH_CONDITION}


def wider_heritages(codes: Iterable[str]) -> list[str]:
    """The heritages `codes` lie within ("south_asian" for "bangladeshi"), in order, once each."""
    return list(dict.fromkeys(wider for code in codes if code in BY_CODE and (wider := BY_CODE[code].within)))


def with_implied(codes: set[str] | frozenset[str] | tuple[str, ...], disabled: bool = False) -> set[str]:
    """The situations `codes` state, and those they imply (a disability ticked is one too)."""
    out = set(codes)
    if out & _HEALTH or disabled:
        out.add(HEALTH_CONDITION)
    return out | set(wider_heritages(codes))


# One pass over a service's words finds whether any community is named at all; most name none, so
# the communities are read one by one only for the few that do.
_ANY_COMMUNITY = re.compile("|".join(c.service.pattern for c in COMMUNITIES), re.I)


def communities_named(text: str) -> frozenset[str]:
    """The communities `text` names as the people it serves. Around half a millisecond for a
    record's words: the search index keeps each service's answer (fit.named_communities), so a
    match does not read it again for each of its hundreds of candidates."""
    if not _ANY_COMMUNITY.search(text):
        return frozenset()
    return frozenset(c.code for c in COMMUNITIES if c.service.search(text))


def for_another_community(named: Iterable[str], audiences: Iterable[str]) -> bool:
    """Whether a service whose words name the communities `named` is a community's own (an
    African Caribbean care group, "Polish speakers only for the advice session") that the person
    is not known to be of."""
    named = set(named)
    if not named:
        return False
    theirs = set(audiences)
    return any(code not in theirs and not might_be(code, theirs) for code in named)


def ruled_out(code: str, words: str | None) -> bool:
    """Whether the person's words say they are not (yet) in situation `code`."""
    situation = BY_CODE.get(code)
    return bool(situation and situation.ruled_out_by and words and situation.ruled_out_by.search(words))


# Heritages others lie within (South Asian, Black African or Caribbean, Eastern European): too wide
# to say on their own which group is a person's own.
_WIDE_HERITAGES = frozenset(c.within for c in COMMUNITIES if c.within)


def named_communities_of(codes: Iterable[str]) -> list[str]:
    """The communities among `codes` narrow enough to be a person's own (Somali, Polish, from Hong
    Kong), not a wide heritage ("Black", "South Asian") that a hundred groups name."""
    return [code for code in dict.fromkeys(codes) if is_community(code) and code not in _WIDE_HERITAGES]


def is_community(code: str) -> bool:
    return code in BY_CODE and BY_CODE[code].kind == "community"


def might_be(code: str, stated: Iterable[str]) -> bool:
    """Whether someone whose words state `stated` may be of heritage `code` without saying so: they
    gave the wider heritage it lies within and no narrower one ("Punjabi and Urdu" may be Pakistani;
    "from Sylhet" is Bangladeshi, not Pakistani)."""
    wider = BY_CODE[code].within if code in BY_CODE and BY_CODE[code].kind == "community" else None
    said = set(stated)
    return (
        wider is not None
        and wider in said
        and not any(BY_CODE[c].within == wider for c in said if c in BY_CODE)
    )


def most_specific(codes: list[str], keep_conditions: bool = False) -> list[str]:
    """`codes` without one that another of them implies ("stroke", not "stroke" and "health
    condition"; "Bangladeshi", not "Bangladeshi" and "South Asian"; a service for "prostate cancer",
    not for "prostate cancer" and "cancer"). `keep_conditions` keeps a wider condition ("cancer"
    beside "prostate cancer"), as a person's words say both."""
    wider = set(wider_heritages(codes))
    if keep_conditions:
        wider = {code for code in wider if BY_CODE[code].kind not in ("health", "illness")}
    return [c for c in codes if not (c == HEALTH_CONDITION and set(codes) & _HEALTH) and c not in wider]


AGE_SITUATIONS = frozenset(s.code for s in SITUATIONS if s.from_age is not None)
ON_ITS_OWN = frozenset(s.code for s in SITUATIONS if s.on_its_own)


def label(code: str) -> str:
    found = BY_CODE.get(code)
    return found.label if found else code.replace("_", " ")


def kind(code: str) -> str | None:
    """What sort of situation `code` is ("loss", "illness", "community", ...); None if unknown."""
    found = BY_CODE.get(code)
    return found.kind if found else None
