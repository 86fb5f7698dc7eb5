"""Explicit patterns only: how a service is delivered, cost, wheelchair access and capacity (where
it reaches and who may use it by residency: reach.py; times: schedule.py). Each returns Findings
that quote the words or name the field they came from."""

from __future__ import annotations

import re

from .osm import no_longer, osm_tags
from .prices import per_session
from .record import Record
from .result import Finding

# Who comes most, not who may come: "open to all, esp. men 50+", "mainly over 60s"
HEDGED = re.compile(
    r"\b(?:esp\.?|especially|particularly|mainly|mostly|largely|often)\s+(?:\w+\s+){0,2}$", re.I
)

# What follows "ring us" or "call us" when the call is only how to get in touch, ask or be referred.
# ("If you are homeless tonight, call us." and "Call free." are the service itself.)
_TO_GET_IN_TOUCH = (
    r"(?!\s*(?:if\s+(?:you\s+are|you'?re)\s+(?:not\s+sure|unsure)|or\s+ask\b|yourself\b|"
    r"to\s+(?:book|refer|register|join|find\s+out|arrange)\b|for\s+(?:details|more\s+info|a\s+referral)\b))"
)

DELIVERY_PATTERNS = {
    "phone": (
        r"help\s?lines?|advice\s?lines?|support\s?lines?|listening\s+(?:line|service)|phone\s?lines?|"
        r"(?:tele)?phone\s+(?:support|service|counsell\w*|befriending|advice|calls?|helpline|check[- ]?ins?|"
        r"appointments?|consultations?|sessions?|assessments?)|"
        r"(?:tele)?phone\s+(?:\w+\s+){1,3}(?:service|support|line)|(?:ring|call)s?\s+you\b|"
        r"(?:wellbeing|information|crisis|befriending|chat|talk|carers|mental\s+health|info)\s+lines?|careline|"
        # (not "ring the bell if the shutter's down")
        # (nor "ring us if you are not sure", "ask your school to refer, or ring us yourself": a way to
        # get in touch or be referred, not a service given by phone)
        r"ring\s+(?:us|our|the)(?!\s+(?:door\s?)?(?:bell|buzzer|intercom))" + _TO_GET_IN_TOUCH + r"|"
        r"end\s+of\s+the\s+(?:tele)?phone|text\s+\w+\s+to\s+\d+|"
        # "Phone first, face to face by appt", "weekly phone group"
        r"(?:tele)?phone\s+first\b|(?:tele)?phone\s+(?:groups?|circles?|clubs?)\b|"
        r"(?:weekly|regular|daily|friendly|welfare)\s+(?:phone\s+|telephone\s+)?calls?|"
        r"(?:by|via|over)\s+(?:\w+\s+(?:and|or)\s+)?(?:tele)?phone|(?:tele)?phone\s+(?:and|or)\s+(?:video|online|email|text)|"
        r"(?:by|over\s+the|via)\s+(?:tele)?phone|freephone|text\s+(?:service|support|line)|"
        # a team's list: "telephone + face to face", "phone only", "f2f/phone", "telephone casework"
        r"(?:tele)?phone\s*(?:\+|/|&)\s*(?:face\s+to\s+face|in\s+person|online|home\s+visits?)|(?:tele)?phone\s+only\b|"
        # "Drop-in and phone for care leavers"
        r"(?:face\s+to\s+face|in\s+person|drop[- ]?ins?|appointments?)\s*(?:\+|/|&|and|or)\s*(?:by\s+)?(?:tele)?phone\b|"
        r"(?:tele)?phone\s+casework|"
        # a befriender who "visits you at home once a week, or rings if you'd rather"
        r"\bor\s+rings?\s+(?:you\s+)?(?:if|instead)\b|"
        r"call\s+(?:us|free|our)"
        + _TO_GET_IN_TOUCH
        + r"|telephone\s+befriending|(?:at\s+)?any\s?time\s+of\s+(?:the\s+)?day\s+or\s+night|"
        r"24[- ]hours?\s+(?:a\s+day\s+)?(?:helpline|listening|support\s+(?:line|by\s+phone))|"
        # "24/7 listening. Call 116 123 free.", "Phone, video or face to face."
        r"24/7\s+(?:listening|helpline|support\s+line)|call\s+\d{3}\s?\d{3}\s+free|(?:tele)?phone\s*,\s*video\b|"
        # "Drop-in Tues & Thurs, or phone.", "Phone or visits." (not "phone to book")
        r"(?<!camera\s)(?<!tablet\s)(?<!laptop\s)(?<!computer\s)(?<!ipad\s)(?<!mobile\s)\bor\s+(?:by\s+)?(?:tele)?phone\b(?!\s+(?:to|for|first|ahead|before)\b)|(?:tele)?phone\s*(?:or|and|/|&)\s*(?:home[\s-]+)?visits?\b"
    ),
    "online": (
        r"online\s+(?:service|support|counsell\w*|therapy|course|sessions?|chat|groups?|forum|resources|"
        r"programme|meetings?)|(?:delivered|available|run|held|meet|access\w*)\s+online|web\s?chat|"
        r"(?:by|via|over|on)\s+video\s+calls?|(?:microsoft\s+)?teams\s+(?:meeting|call|drop[- ]in)|on\s+(?:microsoft\s+)?teams|"
        # not "tide dependant - check the WhatsApp group": a way to hear of changes, not how it is run;
        # nor a way to get in touch: "msg Nasreen to join the WhatsApp", "text/WhatsApp only: 07700 …",
        # "call or WhatsApp Mary on 07700 …"
        r"(?<!check\s)(?<!check\sthe\s)(?<!check\sour\s)(?<!see\sthe\s)(?<!see\sour\s)(?<!to\sjoin\sthe\s)"
        r"whatsapp(?!\W{0,3}(?:only\W{0,3})?\d)(?!\s+\w+\s+on\s+\+?\d)|"
        r"e-?learning|live\s+chat|log\s+in|(?:video|online)\s+appointments?|"
        # "a private Facebook group", "monthly coffee morning + closed Facebook group", "by phone or
        # video", "phone/video/face to face", "sessions ... by text chat" (not help to make video
        # calls, nor booking by video relay)
        r"facebook\s+(?:support\s+)?group|(?:(?:tele)?phone|text)\s*(?:or|/|,)\s*video\b(?!\s+relay)|"
        r"(?:by|or)\s+video\b(?!\s+relay)|text\s+chat|"
        r"virtual\s+(?:\w+\s+)?(?:mornings?|caf[eé]s?)|video\s+(?:call\s+)?(?:appointments?|sessions?|consultations?|conferenc\w*)|zoom|e-?therapy|via\s+(?:the\s+)?(?:internet|website|app)|"
        r"virtual\s+(?:sessions?|groups?|meetings?)|email\s+support|remotely|(?:tele)?phone\s*,\s*video\b|"
        r"(?<!get\s)(?<!getting\s)(?<!go\s)(?<!going\s)(?<!safely\s)(?<!using\s)(?<!use\s)"
        # a way to get in, not the service: "self-referral online", "book online"
        r"(?<!referral\s)(?<!refer\s)(?<!book\s)(?<!apply\s)(?<!register\s)(?<!donate\s)"
        # "Register once online and bring your barcode", "sign up online", "pay online"
        r"(?<!register\sonce\s)(?<!registered\s)(?<!registration\s)(?<!sign\sup\s)(?<!enrol\s)(?<!booking\s)"
        r"(?<!booked\s)(?<!pay\s)(?<!order\s)"
        r"online\b(?!\s+(?:safety|safe|skills|forms?|shopping|banking|services|accounts?))"
    ),
    "home_visits": (
        r"home[\s-]+visit\w*|visits?\s+(?:\w+\s+){0,2}(?:in|at)\s+(?:their|your|the)\s+(?:own\s+)?homes?|"
        # "confidential farm visits for farmers and their families": a farm is where they live
        r"farm\s+visits?\b|"
        r"visits?\s+(?:[\w-]+\s+){0,4}at\s+home|(?:(?:tele)?phone|calls?)\s*(?:or|and|/|&)\s*(?:home[\s-]+)?visits?\b|"
        r"in\s+(?:their|your|people's|clients')\s+(?:own\s+)?homes?|meals\s+on\s+wheels|"
        r"home[- ](?:based|library|visiting|support)|delivered\s+to\s+(?:your|their)\s+(?:door|home)|"
        r"at\s+home\s+(?:support|visits?)|"
        r"(?:workers?|volunteers?|staff|advisers?|advisors?|befrienders?|we)\s+(?:will\s+|can\s+|then\s+)?visits?\s+"
        r"(?:you|people|them|clients|older|vulnerable|elderly|adults|residents|patients|families)|"
        # "advisers visit your home", "we come to you", "volunteers pop round", "meet you at home"
        r"visits?\s+your\s+(?:own\s+)?home|(?:we|they)\s+(?:can\s+|will\s+)?come\s+to\s+you|pop\s+round|"
        r"call\s+round|meet\s+you\s+(?:[\w,-]+\s+){0,5}?(?:at\s+|in\s+)?(?:your\s+)?home\b|"
        # not "advisers visit on alternate weeks": they come to the venue
        r"(?:worker|volunteer|adviser|handyperson)s?\s+visits?\b(?!\s+(?:on|every|each|weekly|fortnightly|monthly|"
        r"once|twice|regularly|the|our|this))|handy\s?(?:person|man)\s+(?:service|scheme)|"
        r"home\s+from\s+hospital|"
        # "in the comfort of your own home", "care at home", "home deliveries", "we will visit you"
        r"comfort\s+of\s+(?:your|their)\s+(?:own\s+)?homes?|(?:help|care|support)\s+(?:in\s+and\s+)?(?:at|in)\s+(?:the\s+)?home\b|"
        r"home\s+(?:care|help|deliver(?:y|ies))|in[- ]home\s+(?:support|care|visits?)|domiciliary|sitting\s+service|"
        r"deliver(?:s|ed|ing)?\s+(?:\w+\s+){0,3}to\s+(?:people's|your|their|the\s+person's)\s+(?:own\s+)?(?:homes?|doors?)|"
        r"(?:will|can|to|who)\s+visit\s+you\b|befriending\s+visits?|visiting\s+befriend\w*|"
        # a good neighbours scheme: "help with small jobs, shopping ... and regular visits for a chat"
        r"(?:regular|weekly|fortnightly)\s+visits?\s+for\s+a\s+(?:chat|cuppa|natter|brew)|"
        r"(?:pop|call)s?\s+in\s+for\s+a\s+(?:chat|cuppa|natter|brew)|"
        r"help\s+with\s+(?:small|odd)\s+jobs|"
        # what a care marketplace lists: paid help that comes to the person
        r"visiting\s+care|live[- ]in\s+care|personal\s+assistants?|odd\s+jobs|key\s+safes?|grab\s+rails|"
        r"cleaning,?\s+(?:and\s+)?(?:ironing|shopping)|accompanied\s+(?:shopping|trips)|pension\s+collection"
    ),
    "outreach": (
        r"outreach(?!\s+(?:centre|center|ministr\w*))|"
        r"mobile\s+(?:service|unit|library|van|team|assistance|support|pantry|food\w*|clinic|bus)|"
        # a van or bus that tours villages on a rota: "Advice van ... Just come to the van", "Wellbeing Bus"
        r"(?:advice|wellbeing|health|library|welfare|information|community|food|play)\s+(?:vans?|bus(?:es)?)\b|"
        r"come\s+(?:to|along\s+to)\s+the\s+(?:van|bus)\b|"
        r"(?:live|living|sleep\w*)\s+on\s+the\s+streets?|community[- ]based\s+support|"
        r"street\s+(?:work|team|outreach)|street[- ]level|detached\s+youth|"
        r"(?:in|at)\s+(?:a\s+variety\s+of|various|different|several|\d+|many|local)\s+(?:\w+\s+){0,2}"
        r"(?:settings|schools|venues|locations|sites)|out\s+in\s+the\s+community|street\s+(?:pastors|angels|patrols?)|"
        r"(?:delivered|volunteering|working|work)\s+in\s+(?:\w+\s+)?schools|"
        r"via\s+(?:a\s+)?\W?referring\s+agenc\w*|"
        # transport that fetches people, and workers who meet them where they are
        r"door[- ]to[- ]door|dial[- ]a[- ]ride|volunteer\s+(?:car|drivers?)|community\s+transport|"
        r"(?:village|rural)\s+(?:hopper|bus)|hopper\s+(?:bus|minibus)|minibus\s+(?:service|connecting|that\s+collects)|"
        r"(?:drivers?|we|volunteers?)\s+(?:can\s+|will\s+)?(?:take|drive|collect)\s+(?:you|people|them)\b|"
        r"meet(?:ing)?\s+you\s+(?:wherever|at\s+the\s+gate|in\s+town|at\s+school)|wherever\s+suits|"
        # workers who go to people rather than people to a venue
        r"(?:at|in)\s+a\s+(?:community\s+)?(?:venue|place|location|café|cafe)\s+(?:near\s+you|of\s+your\s+choice|"
        r"(?:that\s+)?(?:suits|convenient\s+(?:to|for))\s+you)|wherever\s+you\s+(?:are|live|feel)|"
        r"pop[- ]up\s+(?:\w+\s+)?(?:sessions?|events?|stalls?|clinics?|shops?|hubs?)|in-?reach|peripatetic|"
        r"(?:we|workers?|staff|volunteers?|teams?)\s+(?:go|goes|travel)\s+(?:out\s+)?to\s+(?:people|you|them|where)"
    ),
}
# A listing form's own field, flattened into the text: "Delivery: Face to face / Telephone",
# "Delivery method: Video", "Delivery: Hybrid".
_DELIVERY_LABEL = re.compile(r"\bdelivery(?:\s+(?:method|mode|format))?\s*:\s*([^.;\n]{2,80})", re.I)
_LABELLED_MODES = {
    "in_person": re.compile(r"\b(?:face[- ]to[- ]face|in[- ]person|f2f|hybrid|groups?|drop[- ]in)\b", re.I),
    "phone": re.compile(r"\b(?:tele)?phone\b", re.I),
    "online": re.compile(r"\b(?:video|online|zoom|teams|virtual|live\s+chat|web\s?chat|hybrid)\b", re.I),
    "home_visits": re.compile(r"\bhome\s+(?:\w+\s+)?visits?\b", re.I),
    "outreach": re.compile(r"\boutreach\b", re.I),
}
_AT_A_VENUE = re.compile(r"\b(?:venue|centre|building|premises)\b", re.I)
# Words that mean a person goes somewhere: they keep in_person beside a phone line or website.
_IN_PERSON = re.compile(
    r"\b(?:drop[- ]in|centre|center|clubs?|groups?|sessions?|classes|café|cafe|meet(?:s|ing)?|venue|face[- ]to[- ]face|"
    r"visit\s+us|come\s+along|premises|shop|food\s?bank|pantry|library|hall|workshops?|activities|"
    r"in[- ]person|appointments?|clinic|surgery|office|bureau|gym|pool|garden|allotment|church)\b",
    re.I,
)
# A service whose whole offer is a line, a website or visits to people's homes.
_REMOTE_ONLY = re.compile(
    r"\b(?:help\s?line|phone\s?line|advice\s?line|listening\s+line|online\s+(?:service|counselling|therapy|support)|"
    r"e-?therapy|meals\s+on\s+wheels|telephone\s+(?:befriending|support|counselling)|home\s+visiting\s+service|"
    r"24[- ]hours?(?:\s+a\s+day)?|any\s?time\s+of\s+(?:the\s+)?day\s+or\s+night)\b",
    re.I,
)
# A record that says in so many words that it is only a line or only online ("Online only - they
# stopped the face to face group in Basildon in 2024", "phone only, no venue"): its address is an
# office, and the groups it once held in person are not on.
_SAID_REMOTE_ONLY = re.compile(
    r"\b(?:online|zoom|phone|telephone|virtual|remote)[- ]only\b|"
    r"\bonly\s+(?:online|on\s+zoom|by\s+(?:tele)?phone|over\s+the\s+(?:tele)?phone)\b(?!\s+(?:for|if|when|until))|"
    r"\bno\s+(?:public\s+)?venue\b|\bno\s+(?:longer\s+)?(?:face[- ]to[- ]face|in[- ]person)\b",
    re.I,
)
_DELIVERY_COMPILED = {k: re.compile(r"\b(?:" + p + r")\b", re.I) for k, p in DELIVERY_PATTERNS.items()}
# Housebound people are reached at home, by a visit unless the service says it calls them.
_HOUSEBOUND = re.compile(r"\bhousebound\b", re.I)
# A place to go to, named by a service with no venue of its own ("a drop-in at a confidential venue").
_GO_TO = re.compile(
    r"(?<!teams\s)(?<!zoom\s)(?<!online\s)(?<!virtual\s)(?<!phone\s)\bdrop[- ]ins?\b|"
    r"\bface[- ]to[- ]face\b|\bin[- ]person\b|\bcommunity\s+venues?\b|\brefuge\s+accommodation\b|"
    r"\bapart\s+from\s+(?:our|the)\s+(?:help\s?line|phone\s?line)\b",
    re.I,
)

LOW_COST_LIMIT = 5.0
_FREE = re.compile(
    r"\b(?:free\s+of\s+charge|(?<!feel\s)free(?!\s*(?:phone|dom|lance|hold|time|from|to\s+(?:join|contact)|"
    r"-?\s*(?:smoke|drug|alcohol|range)))|no\s+(?:charge|cost|fee)s?|at\s+no\s+cost|without\s+charge|"
    r"costs?\s+nothing)\b",
    re.I,
)
# A form's cost field folded into the prose with nothing to pay in it ("Fees: None", "Charges: N/A",
# "Cost: donation", "COST_TYPE=Free"), as a helpline's or a council's record export writes its fields.
_NO_FEE_FIELD = re.compile(
    r"(?:^|\n|[.;|]\s*)(?:fees?|costs?|charges?|price)(?:[\s_]*(?:type|band))?\s*[:=]\s*"
    r"(?:none|nil|nothing|n/?a|free|no\s+(?:charge|cost|fee)|£\s?0(?:\.00)?|0|donations?(?:\s+only)?)\s*(?:$|[.;|\n])",
    re.I,
)
# Giving that is optional: a service that says it is free and that donations are welcome is free.
_OPTIONAL_GIFT = re.compile(
    r"\bdonations?\s+(?:(?:are|always|gratefully)\s+)?(?:welcome|welcomed|invited|appreciated|received)\b",
    re.I,
)
# What a building charges to hire it ("Hall hire £12/hr") is not what it costs to come.
_HIRE = re.compile(r"\b(?:hall|room|rooms|space)\s+hire\b[^.;\n]*", re.I)
_PRICE = re.compile(r"£\s?(\d+(?:\.\d{1,2})?)|(\d+)\s?p\b(?!m)", re.I)
# A price whose £ a scan or a paste lost, known by what it is paid for: "3 a session", "2.50 inc
# tea", "Pay 4.50 a week", "Membership 10/yr" (not "16+", "7pm" or "Sat 10.30").
_LOST_POUND = re.compile(
    r"(?<![\w.£/:-])(?<!to\s)(?<!about\s)(?<!times\s)(\d{1,3}(?:\.\d{2})?)\s*(?:(?:a|per|each)\s+(?:session|class|week|night|visit|family|person|"
    r"term|month|year|go)\b|/\s?(?:yr|year|session|week)\b|inc\.?\s+(?:tea|lunch|refreshments)\b)",
    re.I,
)
_LOW = re.compile(
    r"\b(?:small\s+(?:charge|fee|cost|donation)|subsidi[sz]ed|donations?\s+(?:welcome|requested|invited)|"
    r"pay\s+(?:as|what)\s+you\s+(?:feel|can)|suggested\s+donation|nominal\s+(?:fee|charge)|subs|"
    r"membership\s+(?:fee|scheme)|low[- ]cost|"
    # "concessions with Leisure card", "normal swim prices apply": a price, lower for some
    r"concessions?\s+(?:with|for|available|apply)|concessionary\s+(?:rates?|prices?|fees?)|"
    r"(?:normal|usual|standard)\s+(?:\w+\s+)?(?:prices?|rates?|charges?)\s+apply)\b",
    re.I,
)
_PAID = re.compile(
    r"\b(?:fees?\s+(?:apply|payable|charged)|charges?\s+(?:apply|are\s+made)|paid\s+service|"
    r"private(?:ly)?\s+(?:fee|funded)|cost\s+per\s+(?:session|hour|term)|"
    # "Day rate payable (Direct Payments accepted)": a care provider's charge
    r"(?:day|daily|hourly|session|weekly)\s+(?:rate|fee|charge)s?\s+(?:payable|applies|apply|charged)|"
    r"direct\s+payments?\s+(?:accepted|welcome|can\s+be\s+used))\b",
    re.I,
)
_WHEEL_NO = re.compile(
    r"\b(?:not\s+(?:wheelchair|fully|suitable\s+for\s+wheelchair|step[- ]free|accessible)|"
    r"no\s+(?:wheelchair|disabled|step[- ]free|level|lift)\s*(?:access)?|"
    r"(?:steps|stairs)\s+(?:only|(?:to|at)\s+(?:the\s+)?(?:entrance|door|front))|"
    r"upstairs\s+(?:with\s+)?(?:no|without)\s+(?:a\s+)?lift|"
    r"inaccessible|limited\s+(?:wheelchair|disabled)\s+access|only\s+accessible\s+by\s+stairs|"
    r"no\s+lift|not\s+suitable\s+for\s+wheelchairs?|(?:up\s+)?a\s+(?:steep\s+)?(?:flight\s+of\s+)?(?:stairs|steps)|"
    # "Two steps at the door, no ramp", "up six steps"
    r"no\s+ramp|(?:\d+|one|two|three|four|five|six|seven|eight|several|a\s+few)\s+steps\s+(?:at|to|up\s+(?:to|into)|into|"
    r"outside)|up\s+(?:\d+|two|three|four|five|six|seven|eight|several|some)\s+(?:steps|stairs)|"
    # a venue's note: "old church hall - access poor, 3 steps"
    r"(?:access\s+(?:is\s+)?(?:poor|difficult|very\s+limited)|poor\s+access)|"
    r"(?:\d+|two|three|four|five|six|several)\s+steps(?=\s*(?:[),;.]|$)))\b",
    re.I,
)
# A barrier a venue may have a way round: an outdoor site's ground ("Grass paths, no accessible
# toilet", "uneven ground") or one step ("Workshop has a step and gravel yard"). A "no" unless the
# same note says how wheelchair users get in ("a step at the entrance; portable ramp available").
_WHEEL_BARRIER = re.compile(
    r"\b(?:(?:grass|grassy|uneven|rough|muddy|gravel|unmade)\s+(?:paths?|ground|terrain|tracks?|surfaces?|yard)|"
    r"(?:has|with|there\s+is|and)\s+a\s+(?:small\s+|single\s+)?step|a\s+(?:small\s+|single\s+)?step\s+(?:up|down|at|into|to)|"
    # a note that starts with its barrier: "step at the door", "small step, tight between tables",
    # "upstairs" (with no word of a lift), "has steps up to the lounge"
    r"^\s*(?:a\s+)?(?:small\s+|single\s+|one\s+)?steps?\b|^\s*(?:up\s*stairs|first[- ]floor)\b(?![^\n]*\blift)|"
    r"(?:has|with)\s+steps\s+(?:up|down|to|into|at)|narrow\s+door(?:way)?s?)\b",
    re.I | re.M,
)
_TOILETS_UP_STAIRS = re.compile(
    r"\b(?:stairs|steps)\s+(?:up\s+|down\s+)?to\s+the\s+(?:toilets?|loos?|wc)|"
    r"(?:toilets?|loos?|wc)\s+(?:are\s+|is\s+)?(?:up|down)stairs",
    re.I,
)
_WHEEL_YES = re.compile(
    r"\b(?:wheelchair[- ](?:accessible|access|friendly|users?\s+welcome)|step[- ]free|level\s+access|"
    r"ramps?(?:ed)?\s+(?:access|entrance)|disabled\s+access|accessible\s+(?:building|venue|entrance)|"
    r"fully\s+accessible|ground\s+floor|lifts?(?:\s+(?:to|available))?|ramp|hoist|changing\s+places|"
    # "accessible" on its own, but not a toilet ("no accessible toilet" says nothing of the way in)
    r"(?<!\bno\s)(?<!\bnot\s)accessible(?!\s+(?:toilets?|loos?|wc|parking)))\b",
    re.I,
)
# In a description, "accessible" may mean welcoming, and "stairs" a stair-climbing class.
_WHEEL_NO_STRICT = re.compile(
    r"\b(?:not\s+wheelchair\s+acc(?:essible|(?=\.))|not\s+wheelchair(?=\s*(?:[.;,)]|$))|no\s+wheelchair\s+access|no\s+step[- ]free|"
    r"not\s+suitable\s+for\s+wheelchairs?|upstairs,?\s+(?:with\s+)?no\s+lift|(?:has\s+|sorry,?\s+)?no\s+lift|"
    # an outdoor site: "grass slopes, no paths to the trees"
    r"no\s+(?:proper\s+|made\s+|surfaced\s+)?paths?\s+(?:to|through|around|across)\b|"
    # "there is a lift but it was broken when I visited", "lift broken atm"
    r"lift\s+(?:(?:is|was|but\s+it\s+(?:is|was)|but\s+it['’]s)\s+)?(?:often\s+|currently\s+)?(?:broken|out\s+of\s+order|not\s+working)|"
    r"(?:up|down)\s+a\s+(?:steep\s+)?flight\s+of\s+(?:stairs|steps)|(?:cannot|can['’]?t|can\s+not|(?:un|not\s+)able\s+to)\s+(?:take|accommodate|cater\s+for|welcome)\s+(?:a\s+)?wheelchairs?(?:\s+users?)?|"
    # "Three steps up to the door, sorry", "access by stairs only"
    r"(?:\d+|one|two|three|four|five|six|several|a\s+few)\s+steps\s+(?:up\s+)?(?:to|at|into)\s+(?:the\s+)?"
    r"(?:door|entrance|building|hall|front|hut|room)|(?:access\s+(?:is\s+)?)?by\s+stairs\s+only|no\s+ramp|"
    # "Access: stairs only to the first-floor room", "Upstairs room, stairs only"
    r"stairs\s+only|(?:steps|stairs)\s+at\s+the\s+(?:entrance|front(?:\s+door)?)|"
    # "workshop access is via three steps"
    # "Access to the hub is via a flight of stairs"
    r"access\s+(?:to\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?(?:is\s+)?(?:only\s+)?(?:via|by|up)\s+"
    r"(?:(?:\d+|one|two|three|four|five|six|several|a\s+few|a\s+flight\s+of|a\s+(?:steep\s+)?flight\s+of)\s+)?"
    r"(?:steps|stairs)|"
    # how venues say it otherwise: "no disabled access", "not accessible for wheelchair users",
    # "the building is not accessible", "difficult for wheelchair users", "reached by a staircase",
    # "the lift is out of order", "Access: upstairs"
    r"no\s+(?:disabled|wheelchair|level|step[- ]free)\s+access|"
    r"not\s+(?:fully\s+|currently\s+)?(?:accessible|suitable)\s+(?:to|for)\s+(?:wheelchairs?|wheelchair\s+users|disabled)|"
    r"not\s+(?:fully\s+|currently\s+)?(?:wheelchair|disabled)[- ]accessible|"
    r"(?:building|venue|premises|hall|room|centre|church|space)\s+(?:is\s+|are\s+)?not\s+(?:fully\s+)?"
    r"(?:wheelchair\s+)?accessible|"
    r"(?:difficult|tricky|hard|unsuitable|impossible)\s+for\s+(?:wheelchairs?|wheelchair\s+users)|"
    # "Paths are gravel and grass so can be hard going with a wheelchair or walker"
    r"(?:hard|heavy|tough)\s+going\s+(?:with|for|in)\s+(?:a\s+)?wheelchairs?|"
    r"wheelchair\s+users?\s+(?:may|might|will|would)\s+(?:find|struggle|not\s+be\s+able)|"
    # "the hall is reached by a flight of six steps"
    r"(?:accessed|reached)\s+(?:only\s+)?(?:via|by)\s+(?:a\s+)?(?:(?:narrow|steep)\s+)?(?:flight\s+of\s+)?"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|several|a\s+few)\s+)?(?:stairs|staircase|steps)|"
    r"(?:narrow|steep)\s+(?:stairs|staircase)|"
    # "the lift has been broken since the summer", "a stair lift but it won't take a wheelchair"
    r"lift\s+(?:is\s+|has\s+been\s+|'s\s+been\s+)?(?:still\s+)?(?:out\s+of\s+(?:order|service)|broken|not\s+working)|"
    r"(?:won't|will\s+not|can't|cannot|doesn't|does\s+not)\s+take\s+(?:a\s+)?wheelchairs?|"
    # "Stiles and mud - not for wheelchairs", "not really one for a wheelchair user", "rough paths
    # & gravel, no good for wheelchairs"
    r"not\s+(?:really\s+)?(?:one\s+)?for\s+(?:a\s+)?wheelchairs?(?:\s+users?)?|"
    r"(?:no|not|isn't|is\s+not)\s+(?:any\s+|much\s+)?(?:good|use)\s+(?:for|with)\s+(?:a\s+)?wheelchairs?|"
    r"access\s*:\s*(?:(?:\d+|one|two|three|four|several|a\s+few)\s+)?(?:stairs|steps|upstairs)\b"
    r"(?!\s+to\s+(?:the\s+)?(?:toilets?|loos?)))\b",
    re.I,
)
_WHEEL_YES_STRICT = re.compile(
    r"\b(?:wheelchair[- ](?:accessible|access|friendly)|step[- ]free|level\s+access|"
    r"fully\s+accessible|accessible\s+(?:building|venue|entrance))\b",
    re.I,
)
_NOT_ACCEPTING = re.compile(
    r"\b(?:not\s+(?:currently\s+)?(?:accepting|taking)\s+(?:new\s+)?(?:referrals|clients|members|"
    r"people)|waiting\s+list\s+(?:is\s+)?closed|no\s+(?:spaces|places)\s+"
    r"(?:available|left)|closed\s+to\s+(?:new\s+)?referrals|temporarily\s+closed|"
    # "the card scheme is closed to new applications until April 2027 ... Existing card holders only"
    r"closed\s+to\s+new\s+(?:applications|applicants|members|families|clients|starters)|"
    # "FULL – no new referrals until March; we'll keep a waiting list"
    r"no\s+new\s+(?:referrals|clients|members|starters)\s+(?:until|till|at\s+(?:the\s+)?(?:moment|present))|"
    r"(?-i:FULL)\s*(?:-|–|—|:)|(?:is|are|now|currently|course|group|class|cohort|programme)\s+full(?:y\s+booked)?\b(?!\s+of\b)(?!\s*-?\s*(?:time|day|week)\b)"
    # (not "currently full in Corby, waiting list approx 2 months": full in one town of its area)
    r"(?!\s+(?:in|at|for)\s)|"
    r"(?:existing|current)\s+(?:card\s*holders|members|clients|families|users)\s+only)\b",
    re.I,
)
_ACCEPTING = re.compile(
    r"\b(?:(?:now|currently)\s+(?:accepting|taking)\s+(?:new\s+)?(?:referrals|clients|members)|"
    r"spaces\s+available|no\s+waiting\s+list|new\s+members\s+(?:always\s+)?welcome)\b",
    re.I,
)
_WAIT = re.compile(r"\b(\d{1,2})\s*(?:-|to)?\s*(\d{1,2})?\s*(day|week|month)s?\b", re.I)


# A "|" between a survey's or a form's answers ends one as a full stop does.
SENTENCE = re.compile(r"[^.!?\n|]+[.!?|]?")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line of `text`."""
    return [m.span() for m in SENTENCE.finditer(text)]


def quote(text: str, match: re.Match[str], width: int = 40) -> str:
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")


def _first(
    record: Record,
    pattern: re.Pattern[str],
    fields: tuple[str, ...],
    unless: re.Pattern[str] | None = None,
    unless_line: re.Pattern[str] | None = None,
) -> tuple[str, re.Match[str]] | None:
    """The first match in `fields`, skipping one whose 40 characters before it `unless` finds, or
    whose line or sentence `unless_line` finds at its start."""
    for field in fields:
        text = record.texts.get(field, "")
        for match in pattern.finditer(text) if text else ():
            if unless is not None and unless.search(text[max(0, match.start() - 40) : match.start()]):
                continue
            if unless_line is not None and unless_line.match(text, _start_of_sentence(text, match.start())):
                continue
            return field, match
    return None


def _start_of_sentence(text: str, index: int) -> int:
    return max(text.rfind("\n", 0, index), text.rfind(". ", 0, index) + 1) + 1


# A prospectus's or a list's line on how to get a place: "Enrolment: … ring the college office or fill in
# the form", "To book: call 01332 …" is how to join, not a service given by phone.
_HOW_TO_JOIN_LINE = re.compile(
    r"\W*(?:enrol(?:ment|ling)?|bookings?|to\s+book|how\s+to\s+(?:book|join|enrol|apply|get\s+a\s+place)|"
    r"to\s+(?:join|enrol|apply)|applications?)\s*[:\-–]",
    re.I,
)


TEXT_FIELDS = (
    "name",
    "description",
    "eligibility",
    "attending",
    "schedule_description",
    "application_process",
    "alert",
    "service_area_text",
)


# "the club does not offer home visits", "we know of no visiting scheme", "Age UK Mid Mersey's
# telephone befriending does": a way of reaching people this service does not use.
_NOT_OURS_BEFORE = re.compile(
    # (any case: "No local face to face group found" begins its sentence)
    r"(?:(?i:\b(?:no|not|nothing|never|doesn'?t|don'?t|isn'?t|aren'?t|cannot|can'?t|without)\s+(?:\w+\s+){0,3})|"
    # somewhere else a person is sent: "the person cared for can't come - signpost to sitting service"
    r"(?i:\b(?:signpost(?:ed|ing)?|refer(?:red)?|sen[dt])\s+(?:\w+\s+)?to\s+(?:an?\s+|the\s+)?(?:local\s+)?)|"
    # what a caller asked for, in a counter note: "Biddulph cust asked for face to face - nothing in Biddulph"
    r"(?i:\b(?:asked|asks|asking)\s+(?:us\s+)?for\s+(?:a\s+)?)|"
    r"\b[A-Z][\w&]*(?:\s+[A-Z][\w&]*)+'s\s+(?:\w+\s+)?)$"
)


_MODE_TAG = {
    "outreach": "outreach",
    "home visits": "home_visits",
    "home visit": "home_visits",
    "home visiting": "home_visits",
    "telephone": "phone",
    "telephone support": "phone",
    "phone support": "phone",
    "helpline": "phone",
    "phone line": "phone",
    "online": "online",
    "online support": "online",
}
_VISITS_WITHOUT_VENUE = re.compile(r"\b(?:volunteer|befriender)s?\s+(?:will\s+|can\s+)?visits?\b", re.I)


def find_delivery(record: Record) -> list[Finding]:
    found: dict[str, Finding] = {}
    texts = dict(record.texts)
    texts["service_area_text"] = " ".join(a["text"] for a in record.service_areas)
    view = Record(texts=texts)
    for mode, pattern in _DELIVERY_COMPILED.items():
        joining = _HOW_TO_JOIN_LINE if mode == "phone" else None
        hit = _first(view, pattern, TEXT_FIELDS, unless=_NOT_OURS_BEFORE, unless_line=joining)
        if hit:
            field, match = hit
            found[mode] = Finding(mode, 0.85 if field != "alert" else 0.6, field, quote(texts[field], match))
    for field in ("description", "eligibility"):
        for label in _DELIVERY_LABEL.finditer(texts.get(field, "")):
            for mode, pattern in _LABELLED_MODES.items():
                if pattern.search(label.group(1)):
                    found.setdefault(mode, Finding(mode, 0.9, field, label.group(0).strip()))
    # A feed's own "attending type" field is that label without the word "Delivery".
    attending = texts.get("attending", "")
    for mode, pattern in _LABELLED_MODES.items():
        if pattern.search(attending) or (mode == "in_person" and _AT_A_VENUE.search(attending)):
            found.setdefault(mode, Finding(mode, 0.9, "attending", attending.strip()))
    # With no venue to come to, a befriending volunteer who "visits weekly" comes to the person (money
    # advisers who "visit on alternate weeks" come to a warm space).
    if (
        "home_visits" not in found
        and not record.venue
        and not any(loc["type"] == "physical" for loc in record.locations)
    ):
        hit = _first(view, _VISITS_WITHOUT_VENUE, ("description", "eligibility"))
        if hit:
            field, match = hit
            found["home_visits"] = Finding("home_visits", 0.7, field, quote(texts[field], match))
    if "home_visits" not in found and not found.keys() & {"phone", "online"}:
        hit = _first(view, _HOUSEBOUND, ("description", "eligibility"))
        if hit:
            field, match = hit
            found["home_visits"] = Finding("home_visits", 0.6, field, quote(texts[field], match))
    # A directory's own tag that is nothing but a way of taking part ("outreach", "home visits"); not
    # a charity register's classification, which says what the charity was set up to do.
    for term in record.terms:
        tagged = _MODE_TAG.get(term.name.strip().lower())
        if tagged and not term.classifies_the_charity:
            found.setdefault(tagged, Finding(tagged, 0.7, "taxonomy", term.name))
    for location in record.locations:
        if location["type"] == "virtual" and "online" not in found:
            found["online"] = Finding("online", 0.9, "location.location_type", "virtual")
    for mode in record.declared.get("delivery", []):
        if mode in DELIVERY_PATTERNS or mode == "in_person":
            found[mode] = Finding(mode, 0.95, "delivery", ", ".join(record.declared["delivery"]))
    said_remote = "in_person" not in record.declared.get("delivery", []) and _first(
        view, _SAID_REMOTE_ONLY, ("name", "description", "eligibility"), unless=_NOT_OURS_BEFORE
    )
    if said_remote and found.keys() & {"phone", "online", "home_visits", "outreach"}:
        found.pop("in_person", None)
    elif "in_person" not in found:
        physical = [loc for loc in record.locations if loc["type"] == "physical"]
        # visits to people's homes are the service unless it also names a place to go to
        remote = _first(view, _REMOTE_ONLY, ("name", "description")) or found.get("home_visits")
        goes_somewhere = _first(view, _IN_PERSON, ("name", "description", "schedule_description"))
        go_to = _first(view, _GO_TO, ("name", "description", "eligibility"), unless=_NOT_OURS_BEFORE)
        if physical and (not remote or goes_somewhere or go_to):
            where = physical[0]["postcode"] or physical[0]["name"] or "a physical location"
            confidence = 0.8 if goes_somewhere else 0.6
            found["in_person"] = Finding("in_person", confidence, "location", where)
        elif not physical and (go_to or (goes_somewhere and not found)):
            field, match = go_to or goes_somewhere  # type: ignore[misc]  # one of them is set
            found["in_person"] = Finding("in_person", 0.5, field, quote(texts[field], match))
    if not found and record.phones:
        found["phone"] = Finding("phone", 0.4, "phone", record.phones[0])
    elif not found and record.url:
        found["online"] = Finding("online", 0.4, "url", record.url)
    order = ["in_person", "phone", "online", "home_visits", "outreach"]
    return sorted(found.values(), key=lambda f: order.index(f.value))


# A directory's own cost dropdown, exported as an attribute: "Cost: Free", "Price: ££".
_COST_VOCABULARY = re.compile(r"(?:cost|price|fee|charge)s?(?:band)?|pricing", re.I)
# Tried in this order: the most pounds first, as "££" is dearer than "£".
_TERM_BANDS = (
    (re.compile(r"£{2,}|paid|charged?|fees?|full\s+price", re.I), "paid"),
    (
        re.compile(
            r"free|no\s+(?:cost|charge)|nil|none|£\s?0(?:\.00)?|donations?(?:\s+welcome)?|pay\s+what\s+you\s+can",
            re.I,
        ),
        "free",
    ),
    (re.compile(r"£|low(?:\s+cost)?|cheap|small\s+charge|subsidi[sz]ed", re.I), "low_cost"),
)


def _cost_term(record: Record) -> Finding | None:
    for term in record.terms:
        if not _COST_VOCABULARY.fullmatch(term.vocabulary):
            continue
        said = (term.name or term.code).strip()
        for pattern, band in _TERM_BANDS:
            if pattern.fullmatch(said):
                return Finding(band, 0.85, "terms", said)
    return None


def _band(top: float) -> str:
    """The cost band of the dearest price a record names."""
    return "free" if top == 0 else ("low_cost" if top <= LOW_COST_LIMIT else "paid")


def find_cost(record: Record) -> Finding:
    declared = record.declared.get("cost")
    if declared in ("free", "low_cost", "paid"):
        return Finding(declared, 0.95, "cost", declared)
    if record.cost_amounts:
        top, where = max(record.cost_amounts)
        return Finding(_band(top), 0.95, where, f"£{top:g}")
    if (from_term := _cost_term(record)) is not None:
        return from_term
    for field in ("fees", "description", "eligibility", "name"):
        text = _HIRE.sub(" ", record.texts.get(field, ""))
        if not text.strip():
            continue
        prices = [
            per_session(float(m.group(1)) if m.group(1) else float(m.group(2)) / 100, text[m.end() :])
            for m in _PRICE.finditer(text)
        ]
        lost = [] if prices else list(_LOST_POUND.finditer(text))
        if lost:
            return Finding(_band(max(float(m.group(1)) for m in lost)), 0.7, field, quote(text, lost[0]))
        # A price in fees text is a charge; in a description it could be a grant or a target.
        if prices and (
            field == "fees"
            or re.search(
                r"\b(?:per|a|each)\s+(?:session|class|week|visit|term|month|hour|go)|"
                r"\bcosts?\b|\bcharge|\bon\s+the\s+door\b|\bto\s+attend\b|\bsubs\b|\bdonation\b|"
                r"\bincluding\s+(?:tea|lunch|refreshments|a\s+meal)|\bfor\s+(?:lunch|tea|a\s+meal|the\s+meal)\b|"
                # what a meal costs, said beside it: "two-course meal £4", "a hot lunch for £4.50"
                r"\b(?:meal|lunch|dinner|breakfast|roast)\s+(?:(?:is|for|at|costs?|only)\s+)?£|"
                # a price said on its own: "Bring your knitting. £2."
                r"(?:^|[.!?]\s+)£\s?\d+(?:\.\d\d)?p?\s*(?:[.!]|$)|"
                # a course's: "£20 for the 6 wks"
                r"£\s?\d+(?:\.\d\d)?\s+for\s+(?:the\s+|all\s+)?\d{1,2}\s*(?:wks?|weeks?|sessions?)\b",
                text,
                re.I,
            )
        ):
            top = max(prices)
            return Finding(_band(top), 0.8, field, quote(text, next(_PRICE.finditer(text))))
        no_fee = _NO_FEE_FIELD.search(text)
        if no_fee:
            return Finding("free", 0.8, field, quote(text, no_fee))
        free = _FREE.search(text)
        if free and _OPTIONAL_GIFT.search(text):
            return Finding("free", 0.75, field, quote(text, free))
        for pattern, band, confidence in (
            (_LOW, "low_cost", 0.75),
            (_PAID, "paid", 0.75),
            (_FREE, "free", 0.8),
        ):
            match = pattern.search(text)
            if match:
                return Finding(band, confidence, field, quote(text, match))
    # a mapper's "fee=no" / "fee=yes": free, or some charge of unknown size
    fee = osm_tags(record).get("fee", "").lower()
    if fee in ("no", "yes"):
        return Finding("free" if fee == "no" else "low_cost", 0.7, "terms", f"fee={fee}")
    # Emergency food is given, not sold: a food bank that names no charge is free.
    hit = _first(record, _FOOD_BANK, ("name", "description"))
    if hit:
        field, match = hit
        return Finding("free", 0.7, field, quote(record.texts[field], match))
    return Finding("unknown", 0.5, "", "")


_FOOD_BANK = re.compile(r"\b(?:food\s?banks?|emergency\s+food|food\s+parcels?|foodbank\s+voucher)\b", re.I)


_UNCONTRACTED = re.compile(r"\b(is|are|was|were|does|do|has|have)n't\b", re.I)


def find_wheelchair(record: Record) -> Finding:
    declared = record.declared.get("wheelchair")
    if declared in ("yes", "true", "no", "false"):
        return Finding("yes" if declared in ("yes", "true") else "no", 0.95, "wheelchair", declared)
    for location in record.locations:
        if location.get("wheelchair") is not None:
            value = "yes" if location["wheelchair"] else "no"
            return Finding(value, 0.9, "location.wheelchair", value)
    # a venue named with its access note ("Walton Methodist (old church hall - access poor, 3 steps)"):
    # only a "no", since a name like "Accessible Arts Centre" says nothing of the way in
    for name in [location.get("name") or "" for location in record.locations] + record.venue:
        no = _WHEEL_NO.search(name)
        if no:
            return Finding("no", 0.85, "location.name", quote(name, no))
    for field in ("accessibility", "description", "location_description", "eligibility"):
        # "it isn't suitable for wheelchair users" as "is not suitable": the patterns say "not"
        text = _UNCONTRACTED.sub(lambda m: m.group(1) + " not", record.texts.get(field, "").replace("’", "'"))
        no = _WHEEL_NO_STRICT.search(text) or (_WHEEL_NO.search(text) if field == "accessibility" else None)
        yes = _WHEEL_YES.search(text) if field == "accessibility" else _WHEEL_YES_STRICT.search(text)
        if not no and not yes and field == "accessibility":
            no = _WHEEL_BARRIER.search(text)
        if yes and not no and _TOILETS_UP_STAIRS.search(text):
            continue  # "ground floor, stairs to the toilets": in, but not for long
        if no:
            return Finding("no", 0.85, field, quote(text, no))
        if yes:
            return Finding("yes", 0.85, field, quote(text, yes))
    # a mapper's "wheelchair=yes|no" ("limited" says only that there is more to know)
    tagged = osm_tags(record).get("wheelchair", "").lower()
    if tagged in ("yes", "no"):
        return Finding(tagged, 0.8, "terms", f"wheelchair={tagged}")
    return Finding("unknown", 0.5, "", "")


# A service that has stopped, said in its words while its status still says active. Not "closed
# on bank holidays", "a closed Facebook group" or "closed to new referrals" (capacity, below).
_CLOSED = re.compile(
    r"\b(?:(?P<named>service|group|project|programme|club|class|scheme|caf[eé])\s+(?:has\s+)?(?:now\s+)?(?:closed|ended|finished|folded)|"
    r"(?:has|have)\s+(?:now\s+)?(?:closed|ceased|stopped\s+running|folded)|"
    # a group that folded did so for good, whenever: "the group folded in summer 2026"
    r"(?P<folded>(?:service|group|project|club|class|scheme|caf[eé]|we)\s+(?:has\s+|have\s+)?(?:now\s+)?folded"
    r"\s+(?:in|during|at|over|after|when|last|this)\b)|"
    # a referral directory's own word: "contract ended 31/03 - do not refer" (not "do not refer if ...")
    r"contract\s+(?:has\s+)?(?:ended|expired)|do\s+not\s+refer(?=\s*(?:[.;!)\n]|$))|"
    r"no\s+longer\s+(?:running|operating|meets|meeting|available|open)|"
    # "not running any more", "isn't meeting anymore", "stopped since summer" (a moderator's note)
    r"(?:not|n['’]t)\s+(?:running|meeting|happening|on)\s+any\s*more|"
    r"(?:has\s+|have\s+|was\s+)?stopped\s+(?:running\s+|meeting\s+)?since\s+(?:the\s+)?(?:summer|spring|autumn|winter|covid|lockdown|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|last\s+\w+|(?:19|20)\d\d)|"
    # stopped for now, with no date to start again: not there for the person today
    r"suspended\s+(?:until\s+further\s+notice|indefinitely)|"
    r"not\s+(?:running|meeting|on)\s+(?:at\s+(?:the\s+)?mo(?:ment)?|currently|for\s+now|right\s+now)|"
    r"(?:currently|temporarily)\s+not\s+(?:running|meeting)|"
    r"(?:closed|ended|ceased|stopped)\W{1,4}(?:due\s+to\s+|as\s+|after\s+|since\s+|when\s+)?(?:the\s+|our\s+)?(?:end\s+of\s+)?"
    r"(?:lack\s+of\s+)?funding|funding\s+(?:has\s+)?(?:ended|ran\s+out|stopped|finished)|"
    # "lost ICB funding from Nov - not sure it's still running"
    r"(?:has\s+|have\s+)?lost\s+(?:(?:its|our|their|the)\s+)?(?:[A-Z]{2,4}\s+|council\s+|lottery\s+)?funding|"
    # "has not been funded for this winter": not there this year, whatever its timetable says
    r"(?:has\s+)?not\s+(?:been\s+)?funded\s+(?:for\s+)?this\s+(?:winter|year|season)|"
    # "Winter 2026/27 – not running this year, funding not renewed"
    r"not\s+(?:running|meeting|on)\s+this\s+(?:winter|year|season|term)|"
    r"funding\s+(?:was\s+|has\s+been\s+)?not\s+(?:been\s+)?renewed|"
    # a funder's list: "PROJECT COMPLETED – end of grant report received" (unless it goes on: below)
    r"(?:project|programme|scheme)\s+(?:was\s+|has\s+been\s+|is\s+)?(?:now\s+)?completed|"
    # "café stopped summer 2025 when the lead volunteer moved away"
    r"(?P<stopped>(?:service|group|project|club|class|scheme|caf[eé])\s+(?:has\s+|was\s+)?"
    r"(?:closed|ended|finished|stopped)\s+(?:in\s+)?(?:(?:the\s+)?(?:spring|summer|autumn|winter)|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\s+(?:of\s+)?(?:19|20)\d\d)|"
    r"closed\s+(?:permanently|for\s+good|indefinitely)|"
    # a listing's headline: "Kickstart – closed.", "CLOSED. Paid placements", "Job club – now closed."
    # (not "Tue: closed", a day; nor "closed on bank holidays")
    r"(?:^\W*|\s[-–—]\s*)(?:now\s+)?closed(?=\s*(?:[.!;)]|$|[-–—]\s))|"
    # a prospectus's course not on offer this term: "Last run in spring 2026"
    r"last\s+run\s+(?:in\s+)?(?:the\s+)?(?:spring|summer|autumn|winter|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\s+(?:term\s+)?(?:of\s+)?20\d\d|"
    r"(?:service\s+(?:has\s+been\s+|was\s+)?)decommissioned|"
    # "UPDATE: our last night was in October – the pub has changed hands"
    r"(?:our|the)\s+(?:very\s+)?last\s+(?:night|session|meeting|meet|get[- ]together|group|class|club)\s+was\s+(?:in\s+|on\s+)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|last\s+(?:week|month|year)|(?:19|20)\d\d)|"
    # "the café closed in July 2026 when our volunteers retired": ended on a date that is past. (Said
    # of the thing itself, not of a named part of it: "the Hyde carers' group stopped in 2024".)
    r"(?P<dated>(?:this|the|our)\s+(?!(?:old|previous|former|original|other)\b)(?-i:[a-z]+\s+)?"
    r"(?:service|group|project|programme|club|class|scheme|caf[eé]|pantry|centre|shop|space)"
    # "Our singing group for people with dementia and their carers finished in July 2026"
    r"(?:\s+for(?:\s+[\w'-]+){1,7}?)?\s+(?:has\s+|was\s+)?"
    r"(?:closed|ended|finished|stopped)\s+in\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d))\b"
    # "has closed for the summer", "closed to new referrals", "closed until March": for a while
    r"(?!\s+(?:to|for\s+(?!good)|on|over|until|till|at|in|during)\b)",
    re.I,
)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
# Stopped for now with a date or a reason to start again ("PAUSED UNTIL THE NEW YEAR while the
# kitchen is refitted", "Paused for winter", "on hold until further notice", "closed until March"):
# not there for the person a link worker sees today, though it has not ended. A pause over the
# summer or the school holidays is not now for most of the year. Not "closed until 2pm", "closed to new
# referrals" (capacity) or "you may be on hold for a few minutes" (a phone queue).
_PAUSED = re.compile(
    r"\b(?:paused\b(?!\s+(?:over|for|during|in)\s+(?:the\s+)?(?:summer|school|half[- ]term|holidays?|august|easter))"
    # "paused from April to October": a season, which its timetable gives
    r"(?!\s+(?:from\s+)?" + _MONTH + r"\s*(?:to|until|till|-|–)\s*" + _MONTH + r")|"
    r"(?:on\s+(?:a\s+)?(?:pause|hold)|suspended)\s+(?:until|till|while|whilst|for\s+now|due\s+to|"
    r"at\s+the\s+mo(?:ment)?)|"
    # a directory lead's note of the service itself: "service suspended pending recommissioning" (not
    # "if your benefits are suspended pending review")
    r"(?:service|group|project|club|drop[- ]?in|sessions?|provision)\s+(?:is\s+|are\s+|has\s+been\s+|was\s+)?"
    r"(?:currently\s+|temporarily\s+)?suspended\s+(?:pending|awaiting|from|since)\b|"
    r"(?:closed|not\s+running|not\s+meeting)\s+(?:until|till)\b(?!\s*\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)\b)|"
    r"(?:currently|temporarily)\s+(?:paused|on\s+hold|closed)\b(?!\s+(?:to|on|at|for\s+the\s+summer)\b))",
    re.I,
)


# "the Middlesbrough drop in is paused" beside "Phone line only at the moment", "Carers' breaks grant:
# this fund is now closed until April": a part of the service stopped, not the service.
_A_PART = re.compile(
    r"\b(?:the|this|our)\s+(?:[\w'-]+\s+){0,3}?(?P<part>fund|grant|bursary|drop[- ]?in|appointments?)\s+"
    r"(?:is\s+|are\s+|has\s+(?:been\s+)?)?(?:now\s+|currently\s+)?$",
    re.I,
)
_STILL_RUNS = re.compile(r"\b(?:only\s+at\s+the\s+mo(?:ment)?|still\s+(?:running|open|available))\b", re.I)


# "set up after the old lunch club closed", "no Deaf social any more since the club closed in 2023":
# something else's ending, said to explain this one (not "since funding ended": its own)
_SOMETHING_ELSE_ENDED = re.compile(
    r"\b(?:since|after|when|because|once)\s+(?:[\w'-]+\s+){0,4}$|"
    # "the old Wednesday group closed in 2024"
    r"\b(?:old|previous|former|original|other)\s+(?:[\w'-]+\s+){0,2}$",
    re.I,
)
# "NB: Fleetwood satellite (Tues/Thurs) PAUSED from Sept 2026", "Morecambe face-to-face group
# DECOMMISSIONED – now phone only": one of its places or ways stopped, and the service goes on.
_ONE_OF_ITS_PARTS = re.compile(
    r"\b(?:satellite|branch|spoke|outreach\s+(?:clinic|session)s?|face[- ]to[- ]face\s+(?:group|sessions?)|"
    r"evening\s+(?:group|sessions?))\b(?:\s*\([^)]{0,30}\))?\s*(?:is\s+|was\s+|has\s+been\s+)?(?:now\s+)?$",
    re.I,
)
# "Funding ended March 2026 – group now meets every other month", "Project completed; the club
# carries on", "still running on reserves": it ended as a grant, not as a group.
_GOES_ON = re.compile(
    r"\b(?:(?:group|club|café|cafe|it|we|they|service)\s+(?:now\s+|still\s+)?(?:meets|runs|continues)|"
    r"still\s+(?:running|meeting|going|open)|now\s+(?:running|meeting|open)|"
    r"continu(?:es|ing)\s+(?:to\s+(?:run|meet)|weekly|monthly)|"
    r"carr(?:y|ies)\s+on|now\s+funded\s+by|running\s+on\s+(?:reserves|subs|donations))\b",
    re.I,
)


def find_closed(record: Record) -> Finding | None:
    for field in ("alert", "description", "eligibility"):
        text = record.texts.get(field, "")
        for pattern in (_CLOSED, _PAUSED):
            for match in pattern.finditer(text):
                named = (
                    match.groupdict().get("named")
                    or match.groupdict().get("dated")
                    or match.groupdict().get("folded")
                    or match.groupdict().get("stopped")
                )
                before = text[max(0, match.start() - 40) : match.start()]
                if named and _SOMETHING_ELSE_ENDED.search(before):
                    continue
                if _a_part_stopped(record, text, before):
                    continue
                if _GOES_ON.search(text, match.end(), match.end() + 120):
                    continue
                return Finding(True, 0.8, field, quote(text, match))
    # a mapper's "disused:amenity=social_facility": the place no longer does what it did
    tag = no_longer(osm_tags(record))
    return Finding(True, 0.8, "terms", tag) if tag else None


def _a_part_stopped(record: Record, text: str, before: str) -> bool:
    if _ONE_OF_ITS_PARTS.search(before):
        return True
    part = _A_PART.search(before)
    if not part:
        return False
    # the fund of a grants service, or the drop-in that is the whole service, is the service
    if re.search(re.escape(part.group("part")[:4]), record.texts.get("name", ""), re.I):
        return False
    return part.group("part").lower().startswith(("fund", "grant", "bursar")) or bool(
        _STILL_RUNS.search(text)
    )


def find_capacity(record: Record) -> Finding | None:
    accepting, wait, evidence, source = None, None, [], ""
    if record.declared.get("accepting_referrals") in ("yes", "no"):
        accepting, source = record.declared["accepting_referrals"] == "yes", "accepting_referrals"
        evidence.append(record.declared["accepting_referrals"])
    if record.declared.get("wait_weeks") is not None:
        wait, source = record.declared["wait_weeks"], source or "wait_weeks"
    for field in ("wait_time", "alert", "description"):
        text = record.texts.get(field, "")
        if not text:
            continue
        if accepting is None:
            for pattern, value in ((_NOT_ACCEPTING, False), (_ACCEPTING, True)):
                match = pattern.search(text)
                if match:
                    accepting, source = value, source or field
                    evidence.append(quote(text, match))
                    break
        if wait is None and field == "wait_time":
            match = _WAIT.search(text)
            if match:
                high = float(match.group(2) or match.group(1))
                unit = match.group(3).lower()
                wait = round(high / 7, 1) if unit == "day" else (high * 4.3 if unit == "month" else high)
                source = source or field
                evidence.append(quote(text, match))
    if accepting is None and wait is None:
        return None
    return Finding({"accepting": accepting, "wait_weeks": wait}, 0.8, source, "; ".join(evidence))
