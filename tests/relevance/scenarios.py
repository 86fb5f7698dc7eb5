"""Hand-written link-worker scenarios over the Trafford seed directory, with graded judgments.

Each scenario is what a social prescribing link worker would type into POST /api/v1/match for one
person: their goals in their own words, a real Trafford postcode (directory_app/data/geo/trafford_postcodes.csv),
an age, and any hard constraints and circumstances. The judgments were written by reading the
descriptions in seed_data/directory/trafford_services.csv, never from the matcher's output:

    3 = ideal: what a link worker would hand over first
    2 = good: clearly meets the need, but less specific, further away or for a narrower group
    1 = acceptable: relevant enough to mention (e.g. generic support, or a long way off)

Services not listed count as 0. `must_not` lists services that must never be shown to this person:
inactive listings, services whose recorded age range or eligibility excludes them, paid or
low-cost services when they asked for free only, services not open on their days.

Postcodes and their areas, for reading the grades (distance matters to a grade: a group 2 km away
beats the same group 12 km away):
    M33 7BF Sale Central, M33 6AF Ashton upon Mersey, M33 5AF Sale (Manor), M33 4AF Brooklands,
    M32 9AF / M32 8BF Stretford, M32 0AF Gorse Hill, M31 4EN Partington, M41 9BF / M41 5AF Urmston,
    M41 6EQ Flixton, M41 0GS Davyhulme, M16 7EG / M16 0BE Old Trafford, WA14 1BQ / WA14 2BG
    Altrincham, WA15 7AG Timperley, WA15 8BF Hale.
"""

from __future__ import annotations

# Services every scenario may check against: the one inactive listing, and the directory's only
# services with a charge (Dance System: £30 and £45 courses).
INACTIVE = "foodbank-4ct-limited-m11-3tq"
CHARGED = ["mh-dance-system-cic-m33-3jr", "mh-dance-system-cic-wa15-8ap"]
# Services with a recorded minimum age above a child's or a teenager's.
ADULTS_16 = [
    "mh-trafford-psychological-therapies-m33-6wt",
    "mh-african-and-caribbean-mental-health-services-m16-7wd",
]
ADULTS_18 = ["mh-pakistani-resource-centre-trafford-south-asian-mental-health-service-m16-0ln"]
# Services with a recorded maximum age of 25 (young people's services).
YOUTH_ONLY = ["mh-talkshop-trafford-m33-7zf", "mh-42nd-street-m4-5ag"]

SCENARIOS: list[dict] = [
    {
        "id": "widower-hardly-goes-out",
        "profile": {
            "goals": "Hardly leaves the house since his wife died last year. Lives alone and "
            "has lost touch with his friends.",
            "postcode": "M33 7BF",
            "age": 79,
        },
        "judgments": {
            "charity-1146179": 3,  # Cyril Flint: free befriending for lonely older people in Trafford, Sale
            "charity-1109047": 3,  # Age UK Trafford: social activities for over 50s, Urmston
            "mh-sporting-memories-m33-4qw": 2,  # monthly over-50s meet-up in Sale
            "mh-g-force-wa15-7dd": 2,  # listening ear, Men in Sheds, to reduce isolation (Timperley)
            "charity-1129558": 2,  # Altrincham Methodist: senior citizens' club, visits the bereaved
            "charity-1109545": 1,  # Beacon Counselling: bereavement counselling (Stockport)
            "charity-1182807": 1,  # Chabad Community Care: isolated elderly, bereavement (Salford)
            "charity-503050": 1,  # Shawe Hall: over-60s social groups (Flixton)
            "mh-ear4u-listening-ear-service-m31-4fa": 1,  # for lonely residents, but in Partington
            "mh-african-caribbean-care-group-m15-5fs": 1,  # visits isolated older adults
            "mh-the-counselling-and-family-centre-wa15-9rp": 1,
            "charity-1133079": 1,  # Counselling and Family Centre, Altrincham
            "charity-1135828": 1,  # Friendship Circle: buddies for isolated people (Prestwich)
            "charity-1174275": 1,  # South Manchester Men in Sheds (Chorlton)
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "rent-and-bailiffs",
        "profile": {
            "goals": "Can't keep up with the rent and the bailiffs keep writing. Behind on "
            "council tax too and worried sick about it.",
            "postcode": "M32 9AF",
            "age": 38,
            "constraints": {"free_only": True},
        },
        "judgments": {
            "charity-1102003": 3,  # Citizens Advice Trafford: advice for all Trafford residents
            "charity-1167970": 2,  # Open Door GM: advice on housing and finance (Eccles)
            "charity-1097107": 1,  # Citizens Advice Stockport: specialist debt advice, but Stockport
            "charity-1171817": 1,  # Citizens Advice SORT group
            "charity-519868": 1,  # Citizens Advice Oldham
            "charity-701212": 1,  # Citizens Advice Rochdale
            "charity-1052551": 1,  # Carmel: CAP debt centre, but in Denton
            "charity-1191835": 1,  # RCCG Manifest: financial advice (Salford)
            "charity-1143531": 1,  # Christian Restoration: financial support (north Manchester)
            "charity-1133298": 1,  # Global Aid Solution: housing and welfare benefit advice
            "charity-1170317": 1,  # Greater Manchester Law Centre: legal advice
        },
        "must_not": [INACTIVE, *CHARGED],
    },
    {
        "id": "son-15-wont-talk",
        "profile": {
            "goals": "My son is 15 and won't talk to anyone. He stays in his room, has stopped "
            "seeing his mates and I think he is being bullied at school.",
            "postcode": "M41 9BF",
            "age": 15,
        },
        "judgments": {
            "mh-talkshop-trafford-m33-7zf": 3,  # advice and information for 13-19s in Trafford
            "mh-42nd-street-m4-5ag": 3,  # counselling and 1:1 support for 13-25s
            "charity-702687": 3,  # 42nd Street: young people under stress, 11-25
            "charity-1172118": 2,  # Gorse Hill Studios: youth arts for 8-25s with mental health issues
            "mh-talk-listen-change-tlc-m16-9ez": 2,  # counselling for young people
            "charity-512710": 2,  # TLC: counselling for children and young people
            "charity-1133079": 2,  # Counselling and Family Centre: children and young people
            "charity-1141342": 2,  # Face to Face: low-cost counselling for young people (Chorlton)
            "mh-the-counselling-and-family-centre-wa15-9rp": 1,
            "charity-1109545": 1,  # Beacon Counselling: young people, in schools (Stockport)
            "charity-1115104": 1,  # Kids Trust: teens in crisis (Salford)
            "charity-525014": 1,  # Sharon Youth Association: confidence and social skills
            "charity-1191660": 1,  # Brink Productions: young people's confidence through the arts
            "mh-the-proud-trust-m1-7hb": 1,  # youth groups and peer support
            "charity-1054096": 1,  # Old Moat Youth Outreach: young people's personal issues
        },
        "must_not": [INACTIVE, *ADULTS_16, *ADULTS_18],
    },
    {
        "id": "carer-husband-dementia",
        "profile": {
            "goals": "She looks after her husband who has dementia and is exhausted. She needs "
            "a break and someone who understands.",
            "postcode": "M33 6AF",
            "age": 74,
            "circumstances": ["carers"],
        },
        "judgments": {
            "mh-trafford-carers-centre-m33-7xx": 3,  # unpaid carers in Trafford
            "charity-1102075": 3,  # Trafford Carers Centre (charity record)
            "mh-alzheimers-society-trafford-m33-7hh": 3,  # people affected by dementia, carers (Sale)
            "mh-age-uk-trafford-dementia-service-m41-9eh": 3,  # dementia advisers for family carers
            "charity-1109047": 3,  # Age UK Trafford: dementia day care, support to carers
            "mh-sporting-memories-m33-4qw": 1,  # over 50s and people with dementia, monthly
            "charity-1117126": 1,  # Federation of Jewish Services: carers' support (Prestwich)
            "charity-1073437": 1,  # Wai Yin: elderly carers (Chinese community)
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "back-to-work-after-caring",
        "profile": {
            "goals": "Wants to get back into work after years caring for her mum, who is now in "
            "a care home. Hasn't written a CV in twenty years and her confidence is low.",
            "postcode": "M16 7EG",
            "age": 52,
        },
        "judgments": {
            "charity-1146058": 3,  # St John's Centre: training for paid employment (Old Trafford)
            "charity-1156506": 3,  # LBC Lifeline: job search skills, coaching (Old Trafford)
            "jcp-alexandra-park": 2,  # nearest Jobcentre Plus
            "jcp-stretford": 2,
            "charity-1091274": 2,  # Industrial Mission: employment support at St Antony's, Trafford Park
            "charity-1095379": 2,  # FAST: employability and confidence (city centre)
            "charity-1188938": 1,  # GREAT: vocational courses and workshops
            "charity-1135192": 1,  # Mustard Tree: confidence and employment, for people in crisis
            "charity-1123223": 1,  # Ethnic Health Forum: job search skills club
            "charity-1177160": 1,  # Jewel Foundation: employment opportunities (Prestwich)
            "charity-1119133": 1,  # Salford Red Devils Foundation: employment courses
            "charity-1168097": 1,  # Community Change Programme: employability
            "charity-1196593": 1,  # Yes Manchester: but for north Manchester
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "low-mood-outdoors",
        "profile": {
            "goals": "Low mood for months. Would like to be outdoors, maybe gardening or "
            "walking with other people.",
            "postcode": "M32 8BF",
            "age": 45,
        },
        "judgments": {
            "charity-1179731": 3,  # Friends of Victoria Park, Stretford: gardening, walking for health
            "charity-1174275": 2,  # South Manchester Men in Sheds: wellbeing, community garden
            "mh-urmston-depression-group-trafford-self-help-services-m41-0na": 2,
            "mh-old-trafford-wellbeing-centre-m16-0ln": 2,  # wellbeing practitioners
            "mh-trafford-psychological-therapies-m33-6wt": 2,  # talking therapy for depression
            "charity-1122063": 1,  # Self Help Services: mental health, user-led
            "mh-trafford-etherapy-service-m16-0ln": 1,
            "charity-1078209": 1,  # Lower Moss Wood nature reserve: conservation (far, Cheshire)
            "charity-1154394": 1,  # Altrincham FC Community: walking football
            "charity-1064628": 1,  # Creative Living Centre: wellbeing groups, tai chi (Prestwich)
            "mh-new-way-forward-m33-4pl": 1,
            "mh-g-force-wa15-7dd": 1,
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "no-food-till-payday",
        "profile": {
            "goals": "No money for food till payday and two kids aged 4 and 7. Needs a food "
            "parcel this week.",
            "postcode": "M31 4EN",
            "age": 31,
            "circumstances": ["families"],
        },
        "judgments": {
            "foodbank-trussell-trust-m31-4bu": 3,  # Partington food bank
            "foodbank-the-trussell-trust-irlam-cadishead-m44-6hd": 2,  # Irlam, just over the river
            "charity-1181504": 2,  # Trafford South Foodbank (Altrincham)
            "foodbank-trussell-trust-wa14-5nx": 2,
            "foodbank-trussell-trust-m33-4qw": 2,
            "foodbank-trussell-trust-m33-2rp": 2,
            "foodbank-trussell-trust-m32-9af": 1,
            "charity-1167416": 1,  # Stretford Foodbank
            "foodbank-trussell-trust-wa15-7ug": 1,
            "foodbank-the-globe-old-trafford-pantry-m16-7qb": 1,
            "foodbank-trussell-trust-m16-8ez": 1,
            "foodbank-mustard-tree-m30-0lj": 1,
            "foodbank-trussell-trust-eccles-m30-0ug": 1,
        },
        "must_not": [
            INACTIVE,
            "foodbank-the-children-s-society-m15-4zy",  # young asylum seekers only
            "foodbank-salford-food-parcel-project-m6-5pw",
        ],  # asylum seekers only
    },
    {
        "id": "anxiety-tuesdays-only",
        "profile": {
            "goals": "Panic attacks and anxiety. Would like a group where other people "
            "understand what it's like.",
            "postcode": "M41 5AF",
            "age": 33,
            "constraints": {"days": ["TU"]},
        },
        "judgments": {
            "mh-chorlton-anxiety-group-m21-9jg": 3,  # anxiety drop-in, Tuesday evenings
            "mh-urmston-depression-group-trafford-self-help-services-m41-0na": 2,  # Tuesdays, Urmston
            "mh-trafford-psychological-therapies-m33-6wt": 2,
            "charity-1122063": 2,  # Self Help Services: user-led mental health (runs the groups)
            "mh-trafford-etherapy-service-m16-0ln": 1,
            "mh-old-trafford-wellbeing-centre-m16-0ln": 1,
            "mh-the-counselling-and-family-centre-wa15-9rp": 1,
            "mh-new-way-forward-m33-4pl": 1,
            "mh-samaritans-m1-5nh": 1,
            "charity-1038999": 1,  # Kadampa meditation classes
        },
        "must_not": [
            INACTIVE,
            "mh-zion-anxiety-group-m15-4zy",  # Wednesdays only
            "mh-altrincham-anxiety-group-trafford-self-help-services-wa154-1hf",  # Mondays
            "mh-parent-support-group-m33-4bp",
        ],  # Fridays, and for mothers
    },
    {
        "id": "controlling-partner",
        "profile": {
            "goals": "Scared of her partner. He checks her phone, controls all the money and "
            "she has two small children.",
            "postcode": "M32 0AF",
            "age": 29,
            "circumstances": ["women", "families"],
        },
        "judgments": {
            "mh-trafford-domestic-abuse-service-m16-0pn": 3,
            "charity-1120983": 3,  # Trafford Domestic Abuse Services: accommodation and support
            "charity-1158313": 3,  # Independent Choices: women and children who have been abused
            "charity-1183646": 2,  # Wythenshawe Safespots: women, domestic violence (south Manchester)
            "mh-collaborative-women-uk-m32-8ap": 2,  # women in crisis to independent living, Stretford
            "charity-1168234": 1,  # Olive Pathway: gender-based violence in BME communities
            "charity-248685": 1,  # Pakistani Resource Centre: domestic violence
            "charity-1133298": 1,  # Global Aid Solution: domestic violence mentoring
            "charity-1189924": 1,  # GM Women's Support Alliance: women with complex needs
            "charity-1153102": 1,  # Trafford Rape Crisis: women, abuse
        },
        "must_not": [INACTIVE],
    },
    {
        "id": "drinking-too-much",
        "profile": {
            "goals": "Drinking too much since he lost his job. Wants to stop and stay sober.",
            "postcode": "M32 0AF",
            "age": 48,
        },
        "judgments": {
            "mh-target-cafe-m32-0fp": 3,  # staying free from drugs and alcohol, Gorse Hill
            "charity-1017467": 2,  # Back on Track: after substance misuse (city centre)
            "charity-1168097": 2,  # Community Change Programme: substance abusers, employability
            "charity-1135192": 1,  # Mustard Tree: recovering from addictions
            "charity-1052551": 1,  # Carmel: addiction (Denton)
            "charity-1143531": 1,  # Christian Restoration: drug abuse awareness
            "jcp-stretford": 1,
            "charity-1146058": 1,  # St John's Centre: training towards employment
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "refugee-learn-english",
        "profile": {
            "goals": "Arrived in the UK last year and has refugee status. Wants to learn "
            "English and meet people from her community.",
            "postcode": "M16 0BE",
            "age": 34,
            "circumstances": ["refugees", "women"],
        },
        "judgments": {
            "charity-1158551": 3,  # WAST: women asylum seekers, basic English, confidence
            "mh-manchester-refugee-support-network-m14-4rb": 3,  # run by refugee communities
            "charity-1196560": 3,  # Manchester Refugee Support Network
            "charity-1165889": 2,  # Open Arms: ESOL classes (Salford)
            "charity-1187340": 2,  # Hazara Community Association: refugees settling in the UK
            "charity-1095961": 1,  # RAPAR: refugees, education
            "charity-1136476": 1,  # Ogaden Community: translation, adult education (Old Trafford)
            "charity-1149378": 1,  # Eden Westwood: English language skills (Middleton)
            "charity-1123908": 1,  # Immigration Aid Unit
            "charity-1073437": 1,  # Wai Yin: adult education for minority communities
        },
        "must_not": [INACTIVE],
    },
    {
        "id": "brother-learning-disability",
        "profile": {
            "goals": "My brother is 24 and has a learning disability. He wants to make friends "
            "and have things to do in the evenings and at weekends.",
            "postcode": "WA14 1BQ",
            "age": 24,
            "circumstances": ["people_with_disabilities"],
        },
        "judgments": {
            "charity-226413": 3,  # Trafford Mencap: leisure for people with a learning disability
            "charity-1063388": 3,  # Future Visions: by and for people with learning disabilities, Trafford
            "mh-creative-support-wa14-4lw": 2,  # learning disabilities, Altrincham
            "mh-trafford-centre-for-independent-living-m16-0pq": 2,
            "mh-united-response-m22-0gj": 1,
            "charity-1167842": 1,  # Creating Adventures: adults with autism and LD (Warrington)
            "charity-1048525": 1,  # Oakwood High Youth Club: young people with LD (Salford)
            "charity-1143958": 1,  # Proud & Loud Arts: disability, social isolation
            "charity-1128608": 1,  # Waters Edge Arts: trains learning disabled adults
            "charity-1171377": 1,  # Pegasus RDA: riding for disabled adults (Carrington)
            "charity-1143362": 1,  # Simply Cycling: all-ability cycling
            "mh-leonard-cheshire-disability-m41-0na": 1,
        },
        "must_not": [INACTIVE],
    },
    {
        "id": "child-autism-play",
        "profile": {
            "goals": "Our 8 year old has autism. Looking for play schemes or activities where "
            "he will be understood, and some support for us as parents.",
            "postcode": "M33 5AF",
            "age": 8,
            "circumstances": ["families", "people_with_disabilities"],
        },
        "judgments": {
            "charity-1076305": 3,  # Leisure for Autism: play schemes for children with autism (Sale)
            "charity-1089527": 2,  # Autistic Society GM: support to people affected by autism
            "mh-autistic-society-for-the-greater-manchester-area-asgma-m32-0hl": 2,
            "charity-1162013": 2,  # Vision Beyond Autism: children with autism and parents (Cheshire)
            "charity-1129085": 1,  # Jump Space: young people with a disability (Stockport)
            "charity-1171377": 1,  # Pegasus RDA: riding for disabled children
            "mh-the-toy-house-m41-6ap": 1,  # play, listening ear for parents
            "charity-1168925": 1,  # The Toy House: hub for people with disabilities
            "mh-south-asian-disability-support-network-m16-0pq": 1,
        },
        "must_not": [INACTIVE, *ADULTS_16, *ADULTS_18, *YOUTH_ONLY],
    },
    {
        "id": "new-mum-low",
        "profile": {
            "goals": "New mum, baby is three months old. Feeling really low and tearful and "
            "doesn't know anyone round here.",
            "postcode": "M33 4AF",
            "age": 27,
            "circumstances": ["women", "families"],
        },
        "judgments": {
            "mh-parent-support-group-m33-4bp": 3,  # mothers with postnatal depression, Sale
            "charity-1115320": 3,  # Home-Start: volunteers visit families with under-5s
            "mh-homestart-m32-9an": 2,
            "mh-the-toy-house-m41-6ap": 2,  # listening ear for parents
            "mh-trafford-psychological-therapies-m33-6wt": 2,
            "charity-1058810": 1,  # Trafford Christian Life Centre: parent and toddler groups
            "charity-1126536": 1,  # Timperley Methodist: parent and toddlers
            "charity-513483": 1,  # Old Trafford Family Centre: parents group
            "charity-1137438": 1,  # Sale West Community Urban Trust: families
        },
        "must_not": [INACTIVE],
    },
    {
        "id": "get-online-nhs-app",
        "profile": {
            "goals": "Wants to learn to use her smartphone and get online to order "
            "prescriptions on the NHS app. No internet at home.",
            "postcode": "M41 9BF",
            "age": 81,
        },
        "judgments": {
            "library-urmston-library": 3,
            "charity-1109047": 3,  # Age UK Trafford: silver surfers courses, Urmston
            "library-woodsend-library": 2,
            "library-stretford-library": 2,
            "library-sale-library": 1,
            "library-trafford-town-hall-library": 1,
            "library-lostock-library": 1,
            "charity-1168695": 1,  # All Arts & Media: basic IT training
            "charity-1095379": 1,  # FAST: digital training
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "pip-form-copd",
        "profile": {
            "goals": "Needs help filling in a PIP form and checking which benefits he can get. "
            "Has COPD and can't walk far.",
            "postcode": "M33 7BF",
            "age": 61,
            "constraints": {"wheelchair": True},
        },
        "judgments": {
            "charity-1102003": 3,  # Citizens Advice Trafford
            "charity-1109047": 3,  # Age UK Trafford: benefits advice for over 50s
            "charity-1088703": 2,  # Ethnic Disabled Group Emerged: benefit matters for disabled people
            "mh-trafford-centre-for-independent-living-m16-0pq": 2,
            "charity-1133298": 1,  # Global Aid Solution: welfare benefit advice
            "charity-248685": 1,  # Pakistani Resource Centre: welfare rights
            "charity-1169291": 1,  # Irish Community Care: benefits applications
            "charity-1133529": 1,  # Disability Stockport: advice for disabled people
            "charity-1170317": 1,  # GM Law Centre
            "charity-1097107": 1,  # other boroughs' Citizens Advice
            "charity-1171817": 1,
            "jcp-stretford": 1,
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "retired-joiner-on-his-own",
        "profile": {
            "goals": "Retired joiner, bored and on his own all day. Would like to make things "
            "with other men.",
            "postcode": "WA15 7AG",
            "age": 68,
            "circumstances": ["men"],
        },
        "judgments": {
            "mh-g-force-wa15-7dd": 3,  # Men in Sheds project, Timperley
            "charity-1174275": 2,  # South Manchester Men in Sheds: woodworking (Chorlton)
            "charity-1109047": 2,  # Age UK Trafford: social activities
            "charity-1146179": 2,  # Cyril Flint befriending
            "charity-1159698": 1,  # Hale U3A
            "charity-1038280": 1,  # Sale U3A
            "mh-sporting-memories-m33-4qw": 1,
            "charity-1129558": 1,  # Altrincham Methodist: men's meetings, senior citizens' club
            "charity-1086430": 1,  # Intergen: volunteering in schools
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "wants-to-sing",
        "profile": {
            "goals": "Loves singing and would like to join a choir; it used to lift her mood.",
            "postcode": "M33 6AF",
            "age": 66,
        },
        "judgments": {
            "charity-501707": 3,  # Sale Choral Society
            "charity-500729": 2,  # Altrincham Choral Society: introductory singing events
            "charity-1164309": 2,  # Sale Gilbert and Sullivan Society
            "charity-1170825": 1,  # Urmston Choral Society (its venue is 14 km away)
            "charity-1052361": 1,  # Philharmonic Choir of Manchester
            "charity-512522": 1,  # William Byrd Singers: elite chamber choir
            "charity-1119510": 1,  # Urmston Musical Theatre
            "charity-1199397": 1,
            "mh-coppice-library-and-wellbeing-centre-m33-4nd": 1,  # arts, crafts and music
            "charity-1172658": 1,  # Seed Studios: community music
            "mh-alchemy-arts-m16-0pq": 1,  # music sessions
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "cold-home-pensioner",
        "profile": {
            "goals": "Can't afford the heating, the house is freezing and the gas meter keeps running out.",
            "postcode": "M16 0BE",
            "age": 72,
        },
        "judgments": {
            "charity-1109047": 2,  # Age UK Trafford: information and advice for over 50s
            "charity-1102003": 2,  # Citizens Advice Trafford
            "charity-1182807": 1,  # Chabad Community Care: emergency funds
            "charity-1167970": 1,  # Open Door GM: advice on finance
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "after-breast-cancer",
        "profile": {
            "goals": "Just finished chemo for breast cancer. Feeling wiped out and anxious, and "
            "wants to meet others who have been through it.",
            "postcode": "M41 5AF",
            "age": 55,
            "circumstances": ["women"],
        },
        "judgments": {
            "mh-macmillan-wellbeing-centre-m41-5sl": 3,  # cancer support centre, Urmston
            "charity-1016053": 3,  # Call Plus: cancer counselling and sharing experience (Urmston)
            "mh-being-there-m41-5sn": 2,  # emotional support for people with cancer
            "charity-1152291": 2,  # Paddlers for Life: breast cancer dragon boat team
            "charity-1166128": 2,  # Can-Survive UK: cancer support groups
            "charity-1158428": 2,  # Be Breast Aware: support for breast cancer
            "mh-being-there-m23-9lt": 1,
            "charity-258085": 1,  # St Ann's Hospice
            "mh-trafford-psychological-therapies-m33-6wt": 1,
        },
        "must_not": [INACTIVE],
    },
    {
        "id": "nineteen-no-job-gaming",
        "profile": {
            "goals": "19, left college and has no job. Sits in his room gaming all day; wants "
            "to get some training or an apprenticeship.",
            "postcode": "M16 7EG",
            "age": 19,
        },
        "judgments": {
            "charity-510911": 3,  # Salford and Trafford Engineering Group Training: apprenticeships
            "charity-1102708": 3,  # Unity in the Community: young people in Old Trafford, employment
            "charity-1188938": 3,  # GREAT: vocational training for young people (Old Trafford)
            "charity-1121461": 2,  # GIFT: education, employment and training for young people
            "charity-1071994": 2,  # First Cut Media: pathway to apprenticeships
            "jcp-alexandra-park": 2,
            "jcp-stretford": 2,
            "charity-1146058": 2,  # St John's Centre: training towards employment
            "charity-1156506": 2,  # LBC Lifeline: job search skills
            "mh-talkshop-trafford-m33-7zf": 1,  # advice for young people up to 25
            "charity-1149378": 1,  # Eden Westwood: young people not in work (Middleton)
            "charity-1072970": 1,  # Communities United: training for 16+
        },
        "must_not": [INACTIVE],
    },
    {
        "id": "losing-hearing",
        "profile": {
            "goals": "Losing her hearing, struggling to follow conversations and withdrawing "
            "from friends. Interested in lip reading.",
            "postcode": "M33 7BF",
            "age": 70,
        },
        "judgments": {
            "charity-1177183": 3,  # Trafford Hard of Hearing Group: lip reading, Sale
            "charity-1110373": 2,  # Manchester Deaf Centre: hard of hearing, 50 Group
            "charity-1109047": 1,  # Age UK Trafford
            "charity-1146179": 1,  # Cyril Flint befriending
            "mh-trafford-centre-for-independent-living-m16-0pq": 1,  # sensory impairments
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "registered-blind-news",
        "profile": {
            "goals": "Registered blind and misses keeping up with local news and what's on.",
            "postcode": "WA15 8BF",
            "age": 84,
        },
        "judgments": {
            "charity-510071": 3,  # Trafford Talking News for the Blind
            "charity-1109047": 2,  # Age UK Trafford: home library service
            "mh-trafford-centre-for-independent-living-m16-0pq": 1,  # sensory impairments
            "library-hale-library": 1,
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "sofa-surfing",
        "profile": {
            "goals": "Sofa surfing since his relationship broke down. Nowhere to live and "
            "sleeping in his car some nights.",
            "postcode": "M33 5AF",
            "age": 41,
        },
        "judgments": {
            "charity-1167970": 3,  # Open Door GM: housing advice for the homeless (Eccles)
            "charity-1102003": 2,  # Citizens Advice Trafford
            "charity-1183979": 2,  # Grit Street Aid: rough sleepers (Wythenshawe)
            "charity-1135192": 2,  # Mustard Tree: people at risk of homelessness
            "charity-1182807": 1,  # Chabad Community Care: housing and homeless support
            "charity-1017467": 1,  # Back on Track: after homelessness
            "charity-1173081": 1,  # Guidance Hub: homeless feed
            "charity-1153700": 1,  # The River: food, clothing, friendship
            "charity-1133298": 1,  # Global Aid Solution: housing advice
            "foodbank-booth-centre-m3-1fu": 1,  # homeless day centre (meals)
            "foodbank-audacious-a-teams-m3-7bb": 1,  # food and support for homeless people
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "retired-teacher-volunteer",
        "profile": {
            "goals": "Recently retired teacher with time on her hands. Wants to feel useful and "
            "give something back.",
            "postcode": "M33 7BF",
            "age": 63,
        },
        "judgments": {
            "charity-1086430": 3,  # Intergen: volunteering in Trafford schools, Sale
            "charity-1146179": 3,  # Cyril Flint: volunteers befriending older people, Sale
            "charity-1109047": 2,  # Age UK Trafford: volunteering
            "charity-1115320": 2,  # Home-Start: trained volunteers visiting families
            "charity-1159034": 2,  # Art with a Heart: volunteers (Altrincham)
            "charity-1038280": 2,  # Sale U3A: for people no longer in full-time work
            "charity-1159698": 1,  # Hale U3A
            "charity-1169087": 1,  # Neshomo: volunteers for people with mental health problems
            "charity-1135828": 1,  # Friendship Circle: community volunteers
            "charity-1146058": 1,  # St John's Centre: volunteer opportunities
            "charity-1168925": 1,  # The Toy House: volunteers of all ages
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "gay-teen-isolated",
        "profile": {
            "goals": "17 and recently came out as gay. Feeling isolated and wants to meet other "
            "LGBT young people.",
            "postcode": "M33 7BF",
            "age": 17,
            "circumstances": ["lgbtq"],
        },
        "judgments": {
            "mh-the-proud-trust-m1-7hb": 3,  # youth groups and peer support
            "mh-lgbt-foundation-m1-3hf": 3,  # support for lesbian, gay, bisexual and trans people
            "mh-42nd-street-m4-5ag": 2,
            "charity-702687": 2,  # 42nd Street
            "mh-talkshop-trafford-m33-7zf": 2,  # young people's advice, Sale
            "charity-1172118": 1,  # Gorse Hill Studios: youth arts
        },
        "must_not": [INACTIVE, *ADULTS_18],
    },
    {
        "id": "shy-girl-10-after-school",
        "profile": {
            "goals": "Wants her 10 year old daughter, who is very shy, to join a club after "
            "school to make friends and build her confidence.",
            "postcode": "M41 6EQ",
            "age": 10,
            "circumstances": ["families"],
        },
        "judgments": {
            "charity-1024556": 3,  # Urmston Division Girl Guides: Brownies and Guides
            "charity-521086": 3,  # Hartford Community Association: Rainbows, Brownies, dance (Urmston)
            "charity-1024268": 2,  # Girl Guiding Trafford and Salford
            "charity-1020643": 2,  # 1st Flixton Scouts (6-18)
            "charity-521686": 2,  # 8th Flixton Scouts (6-18)
            "charity-521687": 2,  # 2nd Davyhulme Scouts
            "charity-521688": 2,  # 3rd Davyhulme Scouts (6-25)
            "charity-516022": 2,  # 1st Davyhulme Scouts
            "charity-521690": 2,  # 2nd Urmston Scouts
            "charity-521691": 2,  # 5th Urmston Scouts: skills for life
            "charity-1175334": 2,  # Stretford Children's Theatre: drama and singing from age 4
            "charity-1126536": 1,  # Timperley Methodist: Brownies and Guides (Timperley)
            "charity-503050": 1,  # Shawe Hall: dance schools, drama group (Flixton)
        },
        "must_not": [INACTIVE, *ADULTS_16, *ADULTS_18, *YOUTH_ONLY],
    },
    {
        "id": "arthritis-gentle-exercise",
        "profile": {
            "goals": "Has arthritis and wants gentle exercise like chair yoga or tai chi to keep moving.",
            "postcode": "M41 6EQ",
            "age": 70,
        },
        "judgments": {
            "charity-503050": 3,  # Shawe Hall: exercise classes, games for elderly (Flixton)
            "charity-521086": 2,  # Hartford Community Association: yoga (Urmston)
            "charity-1109047": 2,  # Age UK Trafford: falls prevention
            "charity-1179731": 2,  # Friends of Victoria Park: walking for health
            "charity-1154394": 1,  # Altrincham FC Community: senior aerobics, yoga (far)
            "charity-1064628": 1,  # Creative Living Centre: tai chi, yoga (Prestwich)
            "charity-1126536": 1,  # Timperley Methodist: activity sessions
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "free-art-for-mood",
        "profile": {
            "goals": "Feels low and anxious. Used to love painting and wants a creative group.",
            "postcode": "M16 0BE",
            "age": 36,
            "constraints": {"free_only": True},
        },
        "judgments": {
            "mh-old-trafford-wellbeing-centre-m16-0ln": 3,  # arts and crafts with wellbeing staff
            "mh-alchemy-arts-m16-0pq": 3,  # music, mindfulness, confidence (Old Trafford)
            "charity-1113043": 3,  # Pool Arts: art for people in mental or emotional distress
            "mh-open-studios-cic-wa14-1ds": 2,  # art for people with mental health conditions (far)
            "charity-1172658": 2,  # Seed Studios: community music and arts
            "mh-new-way-forward-m33-4pl": 2,  # art and craft group for mental health
            "mh-coppice-library-and-wellbeing-centre-m33-4nd": 2,
            "charity-1176385": 1,  # Venture Arts: art workshops
            "charity-1157001": 1,  # Tandem Theatre: arts for mental health
            "mh-broomwood-wellbeing-centre-wa15-7ju": 1,
            "mh-partington-library-wellbeing-centre-m31-4fl": 1,
            "charity-1064628": 1,  # Creative Living Centre
            "mh-g-force-wa15-7dd": 1,
        },
        "must_not": [INACTIVE, *CHARGED],
    },
    {
        "id": "agoraphobia-online-only",
        "profile": {
            "goals": "Can't leave the house because of agoraphobia and anxiety. Wants support "
            "online or on the phone.",
            "postcode": "M33 6AF",
            "age": 40,
            "constraints": {"delivery": "online_only"},
        },
        "judgments": {
            "mh-trafford-etherapy-service-m16-0ln": 3,  # online therapy courses
            "mh-samaritans-m1-5nh": 2,  # phone, for anything worrying you
        },
        "must_not": [
            INACTIVE,
            "mh-urmston-depression-group-trafford-self-help-services-m41-0na",
            "mh-trafford-psychological-therapies-m33-6wt",
        ],  # in person only
    },
    {
        "id": "partington-widow-walking-distance",
        "profile": {
            "goals": "Widowed and lonely. Doesn't drive, so wants a coffee morning or group she can walk to.",
            "postcode": "M31 4EN",
            "age": 77,
            "constraints": {"max_distance_km": 2},
        },
        "judgments": {
            "mh-ear4u-listening-ear-service-m31-4fa": 3,  # for lonely residents, Partington
            "mh-partington-library-wellbeing-centre-m31-4fl": 2,  # activities open to everyone
            "library-partington-library-and-wellbeing-centre": 1,
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "cantonese-elder-isolated",
        "profile": {
            "goals": "Elderly Cantonese-speaking man with little English. Isolated since his "
            "children moved away and would like Chinese company and help with his health.",
            "postcode": "M16 7EG",
            "age": 80,
        },
        "judgments": {
            "charity-1073437": 3,  # Wai Yin: Chinese community, elderly luncheon club
            "charity-1094063": 3,  # Chinese Health Information Centre: older people, interpreting
            "charity-1109047": 1,  # Age UK Trafford
            "charity-1146179": 1,  # Cyril Flint: friendships across cultures
        },
        "must_not": [INACTIVE, *YOUTH_ONLY],
    },
    {
        "id": "south-asian-mum-depressed",
        "profile": {
            "goals": "Pakistani mum, very depressed, would prefer to talk to someone who speaks "
            "Urdu and understands her culture.",
            "postcode": "M16 0BE",
            "age": 44,
            "circumstances": ["women"],
        },
        "judgments": {
            "mh-pakistani-resource-centre-trafford-south-asian-mental-health-service-m16-0ln": 3,
            "charity-248685": 3,  # Pakistani Resource Centre: mental health, counselling
            "mh-lmcp-care-link-m14-4th": 3,  # South Asian women with mental health needs
            "charity-1128263": 2,  # LMCP Care Link
            "mh-cdi-community-counselling-service-m16-0pq": 2,  # bilingual counselling for BME groups
            "mh-voice-of-bme-trafford-m16-0pq": 1,
            "mh-black-health-agency-m16-0qa": 1,
            "mh-trafford-psychological-therapies-m33-6wt": 1,
            "charity-1176038": 1,  # GM Pakistani Association: advice
        },
        "must_not": [INACTIVE],
    },
]
