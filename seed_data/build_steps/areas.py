"""England's current local authorities (GSS code and name), so that "residents of Trafford" in a
record's text becomes E08000009, the code ORUK service_area URIs and our geography use; and the
wider areas each lies in under the names publishers write ("Tyne and Wear", "Cheshire", "North
West England"), so that a service area given only as such a name still says whom it reaches."""

from __future__ import annotations

from .common import EXTERNAL, SEED_DIR, read_csv, write_csv

SOURCE = EXTERNAL / "geo_lookups_uk" / "la_all_codes.csv"
ENGLAND = "E92000001"

# Since May 2024 one North East Combined Authority covers the seven councils the source still splits
# between "North East" and "North of Tyne". Named in full: a publisher's bare "North East" is the
# region (REGION_SAID_BARE), Tees Valley's five councils with it.
RENAMED_COMBINED_AUTHORITIES = {
    "North of Tyne": "North East Combined Authority",
    "North East": "North East Combined Authority",
}
# Regions that feeds name without "England" ("North East" as a fire service's service area).
REGION_SAID_BARE = {"North East England": "North East"}

SOUTH_EAST_LONDON = ["Bexley", "Bromley", "Greenwich", "Lambeth", "Lewisham", "Southwark"]
SOUTH_WEST_LONDON = [
    "Croydon",
    "Kingston upon Thames",
    "Merton",
    "Richmond upon Thames",
    "Sutton",
    "Wandsworth",
]
SOUTH_LONDON = SOUTH_EAST_LONDON + SOUTH_WEST_LONDON
NORTH_CENTRAL_LONDON = ["Barnet", "Camden", "Enfield", "Haringey", "Islington"]
NORTH_EAST_LONDON = [
    "Barking and Dagenham",
    "City of London",
    "Hackney",
    "Havering",
    "Newham",
    "Redbridge",
    "Tower Hamlets",
    "Waltham Forest",
]
NORTH_WEST_LONDON = [
    "Brent",
    "Ealing",
    "Hammersmith and Fulham",
    "Harrow",
    "Hillingdon",
    "Hounslow",
    "Kensington and Chelsea",
    "Westminster",
]
LONDON = SOUTH_LONDON + NORTH_CENTRAL_LONDON + NORTH_EAST_LONDON + NORTH_WEST_LONDON
NORTHAMPTONSHIRE = ["North Northamptonshire", "West Northamptonshire"]
BERKSHIRE = ["Bracknell Forest", "Reading", "Slough", "West Berkshire", "Windsor and Maidenhead", "Wokingham"]
BERKSHIRE_WEST = ["Reading", "West Berkshire", "Wokingham"]
BERKSHIRE_EAST = ["Bracknell Forest", "Slough", "Windsor and Maidenhead"]
HUMBER = [
    "East Riding of Yorkshire",
    "Kingston upon Hull, City of",
    "North East Lincolnshire",
    "North Lincolnshire",
]
SOUTH_YORKSHIRE = ["Barnsley", "Doncaster", "Rotherham", "Sheffield"]
TEESSIDE = ["Hartlepool", "Middlesbrough", "Redcar and Cleveland", "Stockton-on-Tees"]
NORTHUMBRIA = [
    "Northumberland",
    "Newcastle upon Tyne",
    "Gateshead",
    "North Tyneside",
    "South Tyneside",
    "Sunderland",
]
# Essex as its councils and its NHS divide it: the two unitaries that "Greater Essex" adds to the
# county's districts; the parts of the county that plan services together and the
# integrated care boards named after them ("registered with a GP in West Essex", "Mid and South
# Essex ICB"), each read as its councils rather than as the whole county (or, for "North East
# Essex", as the North East of England).
SOUTH_ESSEX = ["Basildon", "Brentwood", "Castle Point", "Rochford", "Southend-on-Sea", "Thurrock"]
MID_ESSEX = ["Braintree", "Chelmsford", "Maldon"]
NORTH_EAST_ESSEX = ["Colchester", "Tendring"]
WEST_ESSEX = ["Epping Forest", "Harlow", "Uttlesford"]
DORSET_BOTH = ["Dorset", "Bournemouth, Christchurch and Poole"]
HAMPSHIRE_AND_IOW = ["Hampshire", "Southampton", "Portsmouth", "Isle of Wight"]
HERTS_EAST_NORTH = ["Broxbourne", "East Hertfordshire", "North Hertfordshire", "Stevenage", "Welwyn Hatfield"]
HERTS_SOUTH_WEST = ["Dacorum", "Hertsmere", "St Albans", "Three Rivers", "Watford"]

# Names that are not in the register but that feeds use for a service's area: the metropolitan
# counties, which no longer have councils but still name the area, and the historic and ceremonial
# groupings people write. Each is the set of current authorities it covers, by their registered names
# (a county's name stands for its districts).
WIDER_AREAS = {
    # the county of 1974-1996, still the police's, the fire service's and the NHS's name on Teesside
    "Cleveland": TEESSIDE,
    "Tyne and Wear": ["Newcastle upon Tyne", "Gateshead", "North Tyneside", "South Tyneside", "Sunderland"],
    # the city and the two districts around it that plan and fund together
    "Greater Norwich": ["Norwich", "Broadland", "South Norfolk"],
    "Tyneside": ["Newcastle upon Tyne", "Gateshead", "North Tyneside", "South Tyneside"],
    "Wearside": ["Sunderland"],
    "Northumbria": NORTHUMBRIA,
    # the NHS's names for the councils either side of the Tyne ("CNTW's North of Tyne locality")
    "North of Tyne": ["Newcastle upon Tyne", "North Tyneside", "Northumberland"],
    "South of Tyne": ["Gateshead", "South Tyneside", "Sunderland"],
    "Teesside": TEESSIDE,
    # the NHS's name for the two boroughs south of the river ("registered with a GP in South Tees")
    "South Tees": ["Middlesbrough", "Redcar and Cleveland"],
    "Merseyside": ["Knowsley", "Liverpool", "St. Helens", "Sefton", "Wirral"],
    "South Yorkshire": SOUTH_YORKSHIRE,
    "Sheffield City Region": SOUTH_YORKSHIRE,
    "Cheshire": ["Cheshire East", "Cheshire West and Chester", "Halton", "Warrington"],
    "Cheshire and Warrington": ["Cheshire East", "Cheshire West and Chester", "Warrington"],
    # the NHS integrated care board's area
    "Cheshire and Merseyside": [
        "Cheshire East",
        "Cheshire West and Chester",
        "Halton",
        "Warrington",
        "Knowsley",
        "Liverpool",
        "St. Helens",
        "Sefton",
        "Wirral",
    ],
    "Black Country": ["Dudley", "Sandwell", "Walsall", "Wolverhampton"],
    # the NHS integrated care board's area and its own short name
    "Birmingham and Solihull": ["Birmingham", "Solihull"],
    "BSol": ["Birmingham", "Solihull"],
    # counties whose councils were split into unitaries, still the name on maps, letters and feeds
    # ("Cumbria residents", "across Northants")
    "Cumbria": ["Cumberland", "Westmorland and Furness"],
    "Northamptonshire": NORTHAMPTONSHIRE,
    "Northants": NORTHAMPTONSHIRE,
    "Bedfordshire": ["Bedford", "Central Bedfordshire", "Luton"],
    "Beds": ["Bedford", "Central Bedfordshire", "Luton"],
    "Berks": BERKSHIRE,
    "Berkshire": BERKSHIRE,
    # the county of 1974-1996, still the police's and the fire service's name either side of the Humber
    # (not "Humber" alone: "Yorkshire & Humber" is the whole region)
    "Humberside": HUMBER,
    "Greater Essex": ["Essex", "Southend-on-Sea", "Thurrock"],
    "South Essex": SOUTH_ESSEX,
    "South East Essex": ["Castle Point", "Rochford", "Southend-on-Sea"],
    "Mid Essex": MID_ESSEX,
    "North East Essex": NORTH_EAST_ESSEX,
    "NE Essex": NORTH_EAST_ESSEX,
    "West Essex": WEST_ESSEX,
    "Mid and South Essex": MID_ESSEX + SOUTH_ESSEX,
    "Suffolk and North East Essex": ["Suffolk", *NORTH_EAST_ESSEX],
    "SNEE": ["Suffolk", *NORTH_EAST_ESSEX],
    "Hertfordshire and West Essex": ["Hertfordshire", *WEST_ESSEX],
    "HWE": ["Hertfordshire", *WEST_ESSEX],
    # the NHS's two halves of Hertfordshire (its hospital trusts' and former CCGs' areas)
    "East and North Hertfordshire": HERTS_EAST_NORTH,
    "East and North Herts": HERTS_EAST_NORTH,
    "South and West Hertfordshire": HERTS_SOUTH_WEST,
    "South and West Herts": HERTS_SOUTH_WEST,
    "Herts Valleys": HERTS_SOUTH_WEST,
    # two district councils that share their offices and officers, and so their services' areas
    "South and Vale": ["South Oxfordshire", "Vale of White Horse"],
    # England's NHS integrated care boards, and the parts of counties their places and trusts are
    # named for, where the name is not simply its councils' ("Lancashire and South Cumbria": all of
    # Lancashire's councils, not only the county's). (The south of Cumbria is two former districts
    # of Westmorland and Furness, which these tables hold only as the whole authority: Appleby and
    # Kirkby Stephen are not the ICB's, so it is left out, as is "Furness".)
    "Lancashire and South Cumbria": ["Lancashire", "Blackburn with Darwen", "Blackpool"],
    "L&SC": ["Lancashire", "Blackburn with Darwen", "Blackpool"],
    # The bay's hospitals' area, Lancaster district with south Cumbria: Westmorland and Furness is
    # taken whole (its Eden end is further than the bay reaches), since read as nothing a trust's
    # "Morecambe Bay" team reached Blackpool.
    "Morecambe Bay": ["Lancaster", "Westmorland and Furness"],
    "Pennine Lancashire": [
        "Blackburn with Darwen",
        "Burnley",
        "Hyndburn",
        "Pendle",
        "Ribble Valley",
        "Rossendale",
    ],
    "Fylde Coast": ["Blackpool", "Fylde", "Wyre"],
    "Central Lancashire": ["Chorley", "Preston", "South Ribble"],
    "North East and North Cumbria": [*TEESSIDE, "Darlington", "County Durham", *NORTHUMBRIA, "Cumberland"],
    "Humber and North Yorkshire": [*HUMBER, "North Yorkshire", "York"],
    "Sussex": ["East Sussex", "West Sussex", "Brighton and Hove"],
    "East Kent": ["Ashford", "Canterbury", "Dover", "Folkestone and Hythe", "Swale", "Thanet"],
    "West Kent": ["Maidstone", "Sevenoaks", "Tonbridge and Malling", "Tunbridge Wells"],
    "North Kent": ["Dartford", "Gravesham", "Swale", "Medway"],
    "Berkshire West": BERKSHIRE_WEST,
    "West Berkshire and Reading": BERKSHIRE_WEST,
    "East Berkshire": BERKSHIRE_EAST,
    "Buckinghamshire, Oxfordshire and Berkshire West": ["Buckinghamshire", "Oxfordshire", *BERKSHIRE_WEST],
    "BOB": ["Buckinghamshire", "Oxfordshire", *BERKSHIRE_WEST],
    "Frimley": [*BERKSHIRE_EAST, "Surrey Heath", "Rushmoor", "Hart"],
    "BSW": ["Bath and North East Somerset", "Swindon", "Wiltshire"],
    "BNSSG": ["Bristol, City of", "North Somerset", "South Gloucestershire"],
    # Dorset's ceremonial county is two unitaries, Dorset Council and BCP: "pan-Dorset" and the
    # NHS's "NHS Dorset" are both ("Dorset" alone is the council's name, which the register holds).
    "Pan-Dorset": DORSET_BOTH,
    "Pan Dorset": DORSET_BOTH,
    "NHS Dorset": DORSET_BOTH,
    "Dorset ICB": DORSET_BOTH,
    "Hampshire and the Isle of Wight": HAMPSHIRE_AND_IOW,
    "Hampshire and Isle of Wight": HAMPSHIRE_AND_IOW,
    "HIOW": HAMPSHIRE_AND_IOW,
    "Bedfordshire, Luton and Milton Keynes": ["Bedford", "Central Bedfordshire", "Luton", "Milton Keynes"],
    "BLMK": ["Bedford", "Central Bedfordshire", "Luton", "Milton Keynes"],
    # London has no council for the whole (its register entry is empty), so "London", "London-wide"
    # and "Greater London" are its 33 authorities; the City of London is only itself by that name.
    "Greater London": LONDON,
    "London": LONDON,
    # the parts of London as people and its NHS name them (integrated care boards, and the river)
    "South London": SOUTH_LONDON,
    "South East London": SOUTH_EAST_LONDON,
    "SE London": SOUTH_EAST_LONDON,
    "South West London": SOUTH_WEST_LONDON,
    "SW London": SOUTH_WEST_LONDON,
    "North Central London": NORTH_CENTRAL_LONDON,
    "North London": NORTH_CENTRAL_LONDON,
    "North East London": NORTH_EAST_LONDON,
    "East London": NORTH_EAST_LONDON,
    "North West London": NORTH_WEST_LONDON,
    "West London": NORTH_WEST_LONDON,
}


# What everyone calls an authority whose registered name does not start with it, or starts with a
# name another authority shares ("Newcastle" is Newcastle upon Tyne, not Newcastle-under-Lyme).
ALSO_CALLED = {
    "Kingston upon Hull, City of": "Hull",
    "Newcastle upon Tyne": "Newcastle",
    "Cheshire West and Chester": "Cheshire West;West Cheshire;CWaC",
    # the councils' and the NHS's own shorthand
    "Bath and North East Somerset": "B&NES;BANES;BaNES;Bath and NE Somerset;Bath & NE Somerset",
    "South Gloucestershire": "South Glos;S Glos",
    "King's Lynn and West Norfolk": "West Norfolk",
    "Bournemouth, Christchurch and Poole": "BCP",
    "Hammersmith and Fulham": "H&F",
    "Kensington and Chelsea": "RBKC",
    "Windsor and Maidenhead": "RBWM",
    "West Berkshire": "West Berks",
    "North East Lincolnshire": "NE Lincs",
    "North Lincolnshire": "N Lincs",
    "East Riding of Yorkshire": "East Riding",
    "Birmingham": "Brum",
    "Peterborough": "Pboro",
    # the counties' own shorthand, as on their councils' letters and in NHS notes ("Cambs & Pboro
    # residents", "adults in Staffs and Stoke", "across Notts")
    "Cambridgeshire": "Cambs",
    "Derbyshire": "Derbys",
    "Gloucestershire": "Glos",
    "Hampshire": "Hants",
    "Hertfordshire": "Herts",
    "Lancashire": "Lancs",
    "Leicestershire": "Leics",
    "Lincolnshire": "Lincs",
    "Nottinghamshire": "Notts",
    "Oxfordshire": "Oxon",
    "Staffordshire": "Staffs",
    "Warwickshire": "Warks",
    "Worcestershire": "Worcs",
    "Buckinghamshire": "Bucks",
    "Wiltshire": "Wilts",
    # the one county council whose initials no other council shares ("Kent residents (KCC area)")
    "Kent": "KCC",
    "Shropshire": "Shrops;Salop",
    "North Yorkshire": "North Yorks;N Yorks",
    # and the districts and unitaries named by a compass point and a county, shortened the same way
    # ("North Northants residents only", "Catchment: NNC", "East Herts")
    "North Northamptonshire": "North Northants;NNC",
    "West Northamptonshire": "West Northants;WNC",
    "East Hertfordshire": "East Herts",
    "North Hertfordshire": "North Herts",
    "East Cambridgeshire": "East Cambs",
    "South Cambridgeshire": "South Cambs",
    "West Lancashire": "West Lancs",
    "East Staffordshire": "East Staffs",
    "South Staffordshire": "South Staffs",
    "South Derbyshire": "South Derbys",
    "North East Derbyshire": "NE Derbys;NE Derbyshire;N E Derbyshire",
}
# The same for districts abolished since (written after the official name in former_names).
FORMERLY_CALLED = {
    "East Northamptonshire": "East Northants",
    "South Northamptonshire": "South Northants",
    "South Lakeland": "South Lakes",
}


def build_local_authorities() -> int:
    rows = {}
    regions: dict[str, list[str]] = {}
    # Authorities abolished since 2011 (Hambleton, Richmondshire → North Yorkshire in 2023): postcode
    # files and publishers still name them, so each current authority lists its former ones. A
    # former district is still a place of its own: "Hambleton residents" are not all of North Yorkshire.
    former: dict[str, list[tuple[str, str]]] = {}
    for r in read_csv(SOURCE):
        if r["CTRYCD"] == ENGLAND and r["LADCD"] != r["LADCD_ACTIVE"]:
            former.setdefault(r["LADCD_ACTIVE"], []).append((r["LADCD"], r["LADNM"]))
    for r in read_csv(SOURCE):
        # Current lower-tier authorities only: an abolished district's name would send a
        # "residents of" rule to a code no postcode maps to any more.
        if r["CTRYCD"] != ENGLAND or r["Current"] != "TRUE" or r["LADCD"] != r["LADCD_ACTIVE"]:
            continue
        rows[r["LADCD"]] = {
            "code": r["LADCD"],
            "name": r["LADNM"],
            "tier": "lower",
            "county_code": r["UTLACD"] if r["UTLACD"] != r["LADCD"] else "",
            "combined_authority": RENAMED_COMBINED_AUTHORITIES.get(r["CAUTHNM"], r["CAUTHNM"]),
        }
        if r["RGNNM"] and r["RGNNM"] != "London":  # "Greater London" is its combined authority
            regions.setdefault(f"{r['RGNNM']} England", []).append(r["LADCD"])
        # Counties (upper tier) are named in records too ("residents of Lancashire").
        if r["UTLACD"] != r["LADCD"]:
            rows.setdefault(
                r["UTLACD"],
                {
                    "code": r["UTLACD"],
                    "name": r["UTLANM"],
                    "tier": "county",
                    "county_code": "",
                    "combined_authority": "",
                },
            )
    wider: dict[str, list[str]] = {code: [] for code in rows}
    by_name = {row["name"]: code for code, row in rows.items() if row["tier"] == "lower"}
    # A county named in a wider area stands for its districts, as the register lists them.
    districts: dict[str, list[str]] = {}
    for code, row in rows.items():
        if row["tier"] == "lower" and row["county_code"]:
            districts.setdefault(rows[row["county_code"]]["name"], []).append(code)
    named = {
        area: [code for name in names for code in ([by_name[name]] if name in by_name else districts[name])]
        for area, names in WIDER_AREAS.items()
    }
    bare = [
        (REGION_SAID_BARE[area], codes) for area, codes in sorted(regions.items()) if area in REGION_SAID_BARE
    ]
    for area, codes in [*named.items(), *sorted(regions.items()), *bare]:
        for code in codes:
            wider[code].append(area)
    for code, row in rows.items():
        row["wider_areas"] = ";".join(wider[code])
        row["also_called"] = ALSO_CALLED.get(row["name"], "")
        # only those with another name: a renumbered authority (Gateshead) is the same place
        renamed = [(old, name) for old, name in former.get(code, []) if name != row["name"]]
        row["former_codes"] = ";".join(old for old, _ in former.get(code, []))
        row["former_names"] = ";".join(
            f"{old}={also}"
            for old, name in renamed
            for also in [name, *filter(None, FORMERLY_CALLED.get(name, "").split(";"))]
        )
    out = sorted(rows.values(), key=lambda row: row["code"])
    return write_csv(
        SEED_DIR.parent / "directory_app" / "data" / "geo" / "local_authorities_england.csv",
        [
            "code",
            "name",
            "tier",
            "county_code",
            "combined_authority",
            "wider_areas",
            "also_called",
            "former_codes",
            "former_names",
        ],
        out,
    )


if __name__ == "__main__":
    print(build_local_authorities())
