"""Relevance on other regions' directories, imported as a region would import them.

- **Other Greater Manchester boroughs** (seed_data/eval/services/gm_boroughs_oruk.json): an ORUK 3.0
  feed from two publishers, written messy on purpose by one helper; 36 scenarios with graded
  judgments (seed_data/eval/scenarios_gm.json) by another who read only the records, never this
  code or its output. Fixes were made while looking at its failures, so its figures are not blind.
- **North East England** (ne_oruk.json, 130 services; scenarios_ne.json, 30 scenarios), written and
  judged the same way by two more helpers: the unseen region until 30 November 2026, a development
  region since (its failures were read, and its labels train the service need classifier). As a
  North East curator would, the test first loads that region's postcodes (`flask geo
  import-postcodes` on an OS Code-Point Open extract).
- **Warrington, Halton, St Helens, Cheshire East and High Peak** (mp_oruk.json, 118 services;
  scenarios_mp.json, 30 scenarios), by two more helpers: the unseen region from 30 November until
  session 14, when it fell from 0.80 to 0.77 and was read (a development region since).
- **Tees Valley** (tees_oruk.json, 123 services; scenarios_tees.json, 30 scenarios), written by one
  helper with many eligibility conditions in prose and judged blind by another: a development
  region, read whole while building the reading of situations (matching/situations.py), so its
  figures are not blind either.
- **Pennine and Lancashire fringe** (pf_oruk.json, 110 services; scenarios_pf.json, 30 scenarios),
  by two more helpers on 1 December 2026: measured once unread, a development region since.
- **North Yorkshire** (ny_oruk.json, 109 services; scenarios_ny.json, 30 scenarios), by two more
  helpers the same day: measured once unread, a development region since.
- **Wigan and Bolton** (wb_oruk.json, 110 services; scenarios_wb.json, 30 scenarios), a PCN team's
  spreadsheet exported to ORUK, by two more helpers on 1 December 2026 (session 10): measured once
  unread, a development region since.
- **Oldham, Tameside and Rochdale** (ot_oruk.json, 110 services; scenarios_ot.json, 30 scenarios),
  a council's "Live Well" directory, by two more helpers the same day: measured once unread (on the
  code that had read Wigan and Bolton), a development region since.
- **Stockport, Bury and Salford** (sb_oruk.json, 110 services; scenarios_sb.json, 30 scenarios), a
  volunteer centre's aggregator scraping providers' web pages (session 11), and **County Durham and
  Northumberland** (dn_oruk.json, 110 services; scenarios_dn.json, 30 scenarios), a care
  marketplace's export (session 12), and **Sunderland, South Tyneside and Gateshead** (tw_oruk.json,
  97 services; scenarios_tw.json, 25 scenarios), a housing team's spreadsheet in shorthand (session
  12): each measured once unread, development regions since. So is **the City of Manchester**
  (mc_oruk.json, 100 services; scenarios_mc.json, 25 scenarios), a VCSE hub's directory written by
  the providers themselves (session 14), imported without the Trafford seed (see its entry), and
  **Cheshire West and Chester** (cw_oruk.json, 100 services; scenarios_cw.json, 25 scenarios), a
  social prescribing platform's catalogue (session 14).
- **Newcastle upon Tyne and North Tyneside** (nt_oruk.json, 97 services; scenarios_nt.json, 25
  scenarios), a library service's community information catalogue: the unseen region since session
  14, measured once.

Each feed goes through the real import (understanding, geography, duplicates, index) into an app
that also holds the Trafford seed, so Trafford's phone lines and borough-wide services are there to
be wrongly offered. Briefs in seed_data/eval/briefs/. Reported (run with -s): nDCG@10, P@5 against
the best possible, hard-constraint violations, gap recall and the keyword baseline, by scenario type.

Floors sit a little below what was measured on 1 December 2026 (Meilisearch breaks score ties
differently from run to run); falling below one, or above the violations, is a regression to look
into. The targets (nDCG@10 0.75, every gap, no violation) are higher and NOT met; README, Measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from directory_app import db
from directory_app.directory import geo
from tests.conftest import IN_HALVES, ON_POSTGRESQL, fresh_app

from .conftest import documents_by_id
from .regional import EVAL, broken, check_well_formed, import_feed, load_scenarios, scenario_runs, summarise


@dataclass(frozen=True)
class Region:
    title: str
    feed: Path
    publisher: str
    scenarios: Path
    postcodes: Path | None
    ndcg_floor: float
    gap_recall_floor: float
    known_violations: int
    scenario_count: int = 30  # what its judge was asked for
    # The Trafford seed beside the feed, so that its phone lines and borough-wide services are there
    # to be wrongly offered; not for a region that overlaps the seed's own area, whose real services
    # would then fill the results unjudged (the judge saw only the feed).
    with_seed: bool = True
    # How far above keyword search the matcher must stay (MARGIN_OVER_KEYWORD unless measured lower).
    keyword_margin: float | None = None


REGIONS = {
    # Measured: nDCG@10 0.60 (0.52-0.56 before session 8), keyword 0.10, gap recall 6 of 7, 1
    # must-not service (4-6 before thin second-publisher copies were held to their twins' limits).
    "gm": Region(
        "Other Greater Manchester boroughs",
        EVAL / "services" / "gm_boroughs_oruk.json",
        "Greater Manchester Community Directory",
        EVAL / "scenarios_gm.json",
        None,
        ndcg_floor=0.50,
        gap_recall_floor=0.7,
        known_violations=1,
    ),
    # A development region (tuned on): Tees Valley, written with many eligibility conditions in
    # prose (a diagnosis, a kind of loss, care leavers, postcode districts, a landlord).
    "tees": Region(
        "Tees Valley (development region: conditions in prose)",
        EVAL / "services" / "tees_oruk.json",
        "Tees Valley Wellbeing Finder",
        EVAL / "scenarios_tees.json",
        EVAL / "services" / "tees_postcodes.csv",
        # Measured: nDCG@10 0.75 (0.56 before situations were read, 0.64 with them, 0.72 with the
        # 30 km venue limit), keyword 0.01, gap recall 6 of 6, no must-not service shown (25 before).
        ndcg_floor=0.68,
        # Session 33: the need reader learns from all 27 development regions, so more services read as
        # meeting mental wellbeing and work: a menopause gap and a job club gap go unsaid (4 of 6)
        # where a listening line and a course now meet the broad need. Session 34: both said again
        # (menopause support and job search are read as what the person asks for), 6 of 6.
        gap_recall_floor=0.8,
        known_violations=1,
    ),
    # Measured while unseen: nDCG@10 0.65 (0.56-0.57 before situations were read, 0.58 with them),
    # keyword 0.13, gap recall 5 of 5 (3 of 5 before), 6 must-not services shown (11-12 before).
    # A development region since 30 November evening (its failures were read): with wider areas
    # ("Tyne and Wear"), every authority after "a GP in", "50 or under" and parent carers, 0.67 and
    # 1 must-not service shown.
    "ne": Region(
        "North East (unseen until 30 November, then a development region)",
        EVAL / "services" / "ne_oruk.json",
        "North East Community Wellbeing Directory",
        EVAL / "scenarios_ne.json",
        EVAL / "services" / "ne_postcodes.csv",
        ndcg_floor=0.63,
        # Session 34: a mother back to work after years at home: job search, not an employment rights line.
        gap_recall_floor=0.8,
        known_violations=1,
    ),
    # The unseen region since 30 November 2026, measured once after every choice was fixed: nDCG@10
    # 0.60, keyword 0.06, P@5 0.31 (best 0.62), 9 must-not services shown, gap recall 4 of 6. (The
    # first run refused 3 records whose organisation had no name; the importer now lists them with
    # a warning, and the figures did not move.) Nothing was changed in the light of its failures.
    # Session 8 (1 December), after the new ranking weights were fixed on the development suites:
    # nDCG@10 0.71, P@5 0.39, 10 must-not services, gap recall 4 of 6; and once more after twins
    # (duplicate listings held to each other's limits): 0.71, 10, 4 of 6. Session 9: run by mistake
    # once mid-session (a -k filter matched it; its summary line was seen: 0.73, 11, 4 of 6) and
    # twice more on later code: nDCG@10 0.76, P@5 0.41, 11 must-not services, gap recall 4 of 6,
    # and on the final code 0.79, 0.42, 10, 4 of 6. Nothing was changed in the light of any.
    # Sessions 12 and 13 ended at 0.800, 8 must-not, 4 of 6. Session 14's code gave 0.767, the same
    # twice, so the region was read to find out why: one gap scenario whose only acceptable service
    # (a choir, graded 1) is no longer read as meeting loneliness now that its "choir" tag is read
    # too (needs 0.92 arts, 0.57 loneliness; 0.6 keeps a need). Nothing was changed for it; a
    # development region since, and Newcastle and North Tyneside the unseen region. Session 15 read
    # its 8 must-not services: men's sheds saying "Men 18+" or "Open to men aged 18+", "open to
    # anyone in St Helens", "carers across Warrington, Halton, St Helens and Knowsley", befrienders
    # who "visit people at home in Congleton", "lost a partner before their 51st birthday". Now
    # 0.79, none shown, gap recall 5 of 6; 6 of 6 once a crisis line stopped meeting a teenager's
    # need for someone to talk to (matching/crisis.py).
    "mp": Region(
        "Warrington, Halton, St Helens, Cheshire East, High Peak (unseen until session 14)",
        EVAL / "services" / "mp_oruk.json",
        "Mersey and Peak Community Finder",
        EVAL / "scenarios_mp.json",
        EVAL / "services" / "mp_postcodes.csv",
        ndcg_floor=0.72,
        gap_recall_floor=0.8,
        known_violations=1,
    ),
    # A sixth region, written and judged by two more helpers on 1 December 2026 (session 9): the
    # Pennine and Lancashire fringe, with limits to towns, villages and counties. Measured once on
    # session 9's code before any of it was read (the importer had to take blank coordinates first:
    # 8 records were refused): nDCG@10 0.58, keyword 0.09, P@5 0.42 (best 0.67), 8 must-not
    # services shown, gap recall 6 of 6. A development region since: 0.73, none shown, 6 of 6.
    "pf": Region(
        "Pennine and Lancashire fringe (Rossendale, Todmorden, West Lancashire, Frodsham, Dales villages)",
        EVAL / "services" / "pf_oruk.json",
        "Pennine Fringe Community Directory",
        EVAL / "scenarios_pf.json",
        EVAL / "services" / "pf_postcodes.csv",
        ndcg_floor=0.62,
        gap_recall_floor=0.8,
        known_violations=1,
    ),
    # A seventh region, written and judged by two more helpers on 1 December 2026 (session 9): North
    # Yorkshire's former Richmondshire and Hambleton, whose 2014 postcodes still name the districts
    # abolished in 2023. Measured once before any of it was read (after the code had learnt that
    # postcode files name abolished districts, knowing this region's would): nDCG@10 0.66, keyword
    # 0.10, P@5 0.47 (best 0.78), 30 must-not services, gap recall 6 of 6. A development region
    # since: 0.67, 5 must-not services (a Middleham club drawn as all of Richmondshire; an asylum
    # befriending scheme offered to a resettled refugee), 6 of 6.
    "ny": Region(
        "North Yorkshire: Richmondshire and Hambleton (development region since its unread run)",
        EVAL / "services" / "ny_oruk.json",
        "North Yorkshire Dales and Vale Connect",
        EVAL / "scenarios_ny.json",
        EVAL / "services" / "ny_postcodes.csv",
        ndcg_floor=0.60,
        gap_recall_floor=0.8,
        known_violations=6,
    ),
    # An eighth region, written and judged by two more helpers on 1 December 2026 (session 10):
    # Wigan and Bolton as a PCN social prescribing team's spreadsheet exported to ORUK (shorthand,
    # "Catchment:" lines, the council stamped on every record as its service area, 0 and 120 for no
    # age limit). Measured once before any of it was read (the importer had to take a phone entry
    # with no number first): nDCG@10 0.55, keyword 0.08, P@5 0.37 (best 0.81), 11 must-not
    # services, gap recall 2 of 7. A development region since.
    "wb": Region(
        "Wigan and Bolton (a PCN team's spreadsheet exported to ORUK)",
        EVAL / "services" / "wb_oruk.json",
        "Wigan and Bolton Social Prescribing Directory",
        EVAL / "scenarios_wb.json",
        EVAL / "services" / "wb_postcodes.csv",
        ndcg_floor=0.60,
        gap_recall_floor=0.4,
        known_violations=2,
    ),
    # A ninth region, written and judged by two more helpers on 1 December 2026 (session 10):
    # Oldham, Tameside and Rochdale as a council's "Live Well" directory merged from three
    # councils' systems (eligibility as taxonomy terms, services at several venues, formal prose).
    # Measured once before any of it was read, on session 10's code after Wigan and Bolton: nDCG@10
    # 0.64, keyword 0.02, P@5 0.41 (best 0.74), 13 must-not services, gap recall 2 of 6. A
    # development region since.
    "ot": Region(
        "Oldham, Tameside and Rochdale (a council's Live Well directory)",
        EVAL / "services" / "ot_oruk.json",
        "Live Well Oldham, Tameside and Rochdale",
        EVAL / "scenarios_ot.json",
        EVAL / "services" / "ot_postcodes.csv",
        ndcg_floor=0.60,
        # Session 34: a COPD group he can get into: a breathe easy group asked for is one for his condition.
        gap_recall_floor=1.0,
        known_violations=3,
    ),
    "sb": Region(
        "Stockport, Bury and Salford (a volunteer centre's aggregator scraping providers' web pages)",
        EVAL / "services" / "sb_oruk.json",
        "Healthy Communities Hub (Stockport, Bury & Salford)",
        EVAL / "scenarios_sb.json",
        EVAL / "services" / "sb_postcodes.csv",
        ndcg_floor=0.65,
        # Session 34: a gay widower's group near home: somewhere to go, not a switchboard.
        gap_recall_floor=0.8,
        known_violations=1,
    ),
    # An eleventh region, written and judged by two more helpers on 1 December 2026 (session 12):
    # County Durham and Northumberland as a council-commissioned care marketplace's export (paid
    # home care beside community groups, "Areas covered:" form lines, former district names such as
    # Tynedale and Derwentside). Measured once before any of it was read, on session 12's code
    # before it: nDCG@10 0.715, keyword 0.01, P@5 0.39 (best 0.61), 10 must-not services, gap
    # recall 3 of 6. A development region since: 0.73-0.74, 1 must-not (an exercise referral scheme
    # for people with a qualifying condition, shown to someone with none), 3 of 6.
    "dn": Region(
        "County Durham and Northumberland (a care marketplace's export)",
        EVAL / "services" / "dn_oruk.json",
        "Care and Support Finder North (Durham & Northumberland)",
        EVAL / "scenarios_dn.json",
        EVAL / "services" / "dn_postcodes.csv",
        ndcg_floor=0.68,
        gap_recall_floor=0.5,
        known_violations=2,
    ),
    # A twelfth, written and judged by two more helpers on 1 December 2026 (session 12): Sunderland,
    # South Tyneside and Gateshead as a housing association's tenancy-sustainment spreadsheet put
    # through a poor converter (officer shorthand: "MH", "DA", "LD", "w/c", "tel + f2f", "o50s"; a
    # lunch club "NOT RUNNING AT MO" while its status says active). 25 scenarios. Measured once
    # before any of it was read, on the code before it: nDCG@10 0.69, keyword 0.05, P@5 0.46 (best
    # 0.69), 7 must-not services, gap recall 3 of 5. A development region since: 0.76, 0 must-not,
    # 4 of 5 (shorthand said in words, "NOT RUNNING AT MO" read as closed).
    "tw": Region(
        "Sunderland, South Tyneside and Gateshead (a housing team's spreadsheet, in shorthand)",
        EVAL / "services" / "tw_oruk.json",
        "Wearside & Tyne Homes Tenancy Sustainment",
        EVAL / "scenarios_tw.json",
        EVAL / "services" / "tw_postcodes.csv",
        ndcg_floor=0.70,
        gap_recall_floor=0.6,
        known_violations=1,
        scenario_count=25,
    ),
    # A thirteenth, written and judged by two more helpers on 1 December 2026 (session 14): the City
    # of Manchester as a VCSE hub's wellbeing directory written by the providers themselves (warm,
    # rambling first-person texts with the facts mid-paragraph; wards, city areas and a PCN's
    # patients as limits; groups for one community, some open to all). 25 scenarios. Imported
    # without the Trafford seed: the seed holds real Manchester charities, which its judge never
    # saw and which then filled the results unjudged (measured once unread with the seed: nDCG@10
    # 0.455, keyword 0.09, 4 must-not, gap recall 1 of 5). Measured once unread without it: nDCG@10
    # 0.666, keyword 0.13, P@5 0.54 (best 0.86), 5 must-not services, gap recall 4 of 5. A
    # development region since: 0.70-0.72, 1 must-not (a falls class "for older adults" shown to
    # a man of 30), 5 of 5.
    "mc": Region(
        "City of Manchester (a VCSE hub's directory, written by the providers)",
        EVAL / "services" / "mc_oruk.json",
        "Manchester Wellbeing Directory (VCSE Hub)",
        EVAL / "scenarios_mc.json",
        EVAL / "services" / "mc_postcodes.csv",
        ndcg_floor=0.66,
        gap_recall_floor=0.8,
        known_violations=2,
        scenario_count=25,
        with_seed=False,
    ),
    # A fourteenth, written and judged by two more helpers on 1 December 2026 (session 14): Cheshire
    # West and Chester as a social prescribing platform's catalogue ("Criteria:" and "Tags:" lines,
    # the borough under many names and its former districts, services listed twice by two PCN
    # teams). The postcode file holds only the borough's Frodsham and Helsby corner, so everyone
    # lives there and most venues are known by coordinates alone. 25 scenarios. Its first import
    # refused 18 records (an address's "state_province": null); the importer now takes a null as
    # the column's default. Measured once unread after that: nDCG@10 0.576, keyword 0.00, P@5 0.44
    # (best 0.83), 13 must-not services, gap recall 3 of 5. A development region since: 0.60, 1
    # (a Mind peer group at a venue with no address or point, shown to someone who can walk 5 km),
    # 5 of 5 (3 of 5 until an impairment the person names made the disability need specific).
    # None since session 24: an area-wide service met only at its venues is as far as its venues.
    "cw": Region(
        "Cheshire West and Chester (a social prescribing platform's catalogue)",
        EVAL / "services" / "cw_oruk.json",
        "West Cheshire Social Prescribing Catalogue",
        EVAL / "scenarios_cw.json",
        EVAL / "services" / "cw_postcodes.csv",
        ndcg_floor=0.55,
        gap_recall_floor=0.8,
        known_violations=0,
        scenario_count=25,
    ),
    # A sixteenth, written and judged by two more helpers on 1 December 2026 (session 15): Trafford
    # and south Manchester as an NHS single point of access team's "Health and Wellbeing Service
    # Finder" (inclusion and exclusion criteria blocks, GP registration and PCN catchments, NHS
    # services beside voluntary groups). Imported without the Trafford seed, which its judge never
    # saw. 25 scenarios. Measured once before any of it was read (commit e71385b): nDCG@10 0.770,
    # keyword 0.02, P@5 0.54 (best 0.80), 7 must-not services, gap recall 2 of 5. A development
    # region since: 0.79, 1 must-not (a befriending scheme for four South Trafford places, drawn as
    # circles that reach Sale Moor), 4 of 5.
    "tr": Region(
        "Trafford and south Manchester (an NHS team's health and wellbeing service finder)",
        EVAL / "services" / "tr_oruk.json",
        "Trafford & South Manchester Health and Wellbeing Service Finder",
        EVAL / "scenarios_tr.json",
        EVAL / "services" / "tr_postcodes.csv",
        ndcg_floor=0.72,
        gap_recall_floor=0.6,
        known_violations=2,
        scenario_count=25,
        with_seed=False,
    ),
    # A seventeenth, written and judged by two more helpers on 2 December 2026 (session 16):
    # Stockport, Tameside and Glossop as a council for voluntary service's member directory
    # (organisations' whole offers in their own voice, Charity Commission classifications, "area of
    # benefit", the directory team's notes). Imported without the Trafford seed, which its judge
    # never saw. 25 scenarios. Measured once before any of it was read (commit 9472b73): nDCG@10
    # 0.712, keyword 0.26, P@5 0.43 (best 0.71), 8 must-not services, gap recall 3 of 5; its
    # understanding: needs 0.84 / 0.70, groups 0.72 / 0.97, residency 0.29 / 0.85. A development
    # region since: 0.73, 0 must-not, 4 of 5 (free counselling in Glossop is read as met by an arts
    # and wellbeing group).
    "st": Region(
        "Stockport, Tameside and Glossop (a CVS member directory)",
        EVAL / "services" / "st_oruk.json",
        "Stockport, Tameside & Glossop CVS Member Directory",
        EVAL / "scenarios_st.json",
        EVAL / "services" / "st_postcodes.csv",
        ndcg_floor=0.68,
        gap_recall_floor=0.6,
        known_violations=1,
        scenario_count=25,
        with_seed=False,
    ),
    # An eighteenth, written and judged by two more helpers on 2 December 2026 (session 16):
    # Darlington, Hartlepool and Redcar & Cleveland as a council's adult social care information
    # directory (the platform's headed sections flattened into the text, placeholder age ranges
    # 18-125, care-market entries with fees beside community groups). 25 scenarios. Measured once
    # before any of it was read (on the code of the commit that adds it): nDCG@10 0.660, keyword
    # 0.13, P@5 0.48 (best 0.76), 5 must-not services, gap recall 4 of 6; its understanding: needs
    # 0.82 / 0.70, groups 0.85 / 0.97, residency 0.28 / 0.95, ages wrong 0.62 (the platform's
    # placeholder 18-125 read as a stated age). A development region since: 0.69, 1 must-not (a
    # course for patients of South Tees GPs whose service area says all of Tees Valley), 4 of 6;
    # session 18 read that course's limit: 0.70, no must-not service, 5 of 6.
    "hd": Region(
        "Darlington, Hartlepool and Redcar & Cleveland (a council's adult social care directory)",
        EVAL / "services" / "hd_oruk.json",
        "Tees Valley Adult Social Care Information Directory",
        EVAL / "scenarios_hd.json",
        EVAL / "services" / "hd_postcodes.csv",
        ndcg_floor=0.66,
        # Session 34: a wheelchair-accessible men's shed: the tools he misses are what he asks for.
        gap_recall_floor=1.0,
        # Session 33: the need reader learns from all 27 development regions, so more services read as
        # meeting loneliness; a Headland lunch club, whose residency circle holds this Owton postcode,
        # now reaches a veteran widower's top ten.
        known_violations=1,
        scenario_count=25,
    ),
    # A nineteenth, written and judged by two more helpers on 2 December 2026 (session 17): Bolton,
    # Bury and Rochdale as a social prescribing referral platform's provider catalogue (providers'
    # own listing forms: referral and exclusion criteria, "Accepting referrals", a "Coverage"
    # dropdown, cloned listings half edited). 25 scenarios. Measured once before any of it was read
    # (on the code of the commit that adds it): nDCG@10 0.636, keyword 0.02, P@5 0.39 (best 0.74),
    # 3 must-not services (one befriending scheme for Farnworth and Kearsley, offered in Bury), gap
    # recall 4 of 5; its understanding: needs 0.90 / 0.74, groups 0.92 / 0.97, residency 0.18 /
    # 1.00, delivery online recall 0.64. A development region since: 0.69, 0 must-not, 5 of 5.
    "br": Region(
        "Bolton, Bury and Rochdale (a referral platform's provider catalogue)",
        EVAL / "services" / "br_oruk.json",
        "Bolton, Bury & Rochdale Social Prescribing Provider Catalogue",
        EVAL / "scenarios_br.json",
        EVAL / "services" / "br_postcodes.csv",
        ndcg_floor=0.65,
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=25,
    ),
    # A twentieth, written and judged by two more helpers on 2 December 2026 (session 17):
    # Stockton-on-Tees, Middlesbrough and the Sedgefield locality as a local Healthwatch's
    # signposting database (staff shorthand after phoning providers, notes for colleagues, NHS
    # services beside voluntary groups, national lines). 25 scenarios. Measured once before any of
    # it was read (commit 0b8e957): nDCG@10 0.760, keyword 0.07, P@5 0.40 (best 0.60), 0 must-not
    # services, gap recall 5 of 7; its understanding: needs 0.92 / 0.75, groups 0.95 / 0.97,
    # residency 0.18 / 1.00. A development region since: 0.83, 0 must-not, 7 of 7.
    "sc": Region(
        "Stockton, Middlesbrough and Sedgefield (a Healthwatch signposting database)",
        EVAL / "services" / "sc_oruk.json",
        "Healthwatch South Tees & Stockton Signposting Database",
        EVAL / "scenarios_sc.json",
        EVAL / "services" / "sc_postcodes.csv",
        ndcg_floor=0.79,
        gap_recall_floor=0.85,
        known_violations=1,
        scenario_count=25,
    ),
    # A twenty-first, written and judged by two more helpers on 2 December 2026 (session 18):
    # Wigan, St Helens and Warrington as an older people's charity's information and advice
    # directory (advisers' full sentences for older readers, "Adviser tip:" lines, "Who can use it:
    # Anyone" before a restriction, paid care at home beside groups). 25 scenarios. Without the
    # Trafford seed: Lymm and Warrington border Trafford, whose services the judge never saw.
    # Measured once before any of it was read: nDCG@10 0.689, keyword 0.00, P@5 0.46 (best 0.73),
    # 12 must-not services, gap recall 2 of 6. A development region since: 0.72, 3 must-not, 4 of 6.
    "ws": Region(
        "Wigan, St Helens and Warrington (an older people's information and advice directory)",
        EVAL / "services" / "ws_oruk.json",
        "Later Life Information & Advice Directory (Wigan, St Helens & Warrington)",
        EVAL / "scenarios_ws.json",
        EVAL / "services" / "ws_postcodes.csv",
        ndcg_floor=0.69,
        gap_recall_floor=0.65,
        known_violations=3,
        scenario_count=25,
        with_seed=False,
    ),
    # A twenty-second, written and judged by two more helpers on 2 December 2026 (session 18):
    # Northumberland, Gateshead and Derwentside as an NHS mental health trust's community resources
    # and recovery list (clinicians' shorthand: "open to CMHT", "under EIP", "care coordinator to
    # refer"; pathway codes; a trust-wide footprint beside local groups). 25 scenarios. Measured
    # once before any of it was read: nDCG@10 0.664, keyword 0.00, P@5 0.39 (best 0.74), 7 must-not
    # services, gap recall 4 of 6. A development region since: 0.67, 3 must-not, 5 of 6. Session 29:
    # a postcode district across the border (NE42, Prudhoe's and a corner of Gateshead) no longer
    # puts a Crawcrook woman in Tynedale, so its befriending line is not offered to her (nor, by the
    # same reading, the Prudhoe group stamped "Tynedale" that her judge rated ideal): 0.68, 1 must-not.
    "ng": Region(
        "Northumberland, Gateshead and Derwentside (a mental health trust's community resources list)",
        EVAL / "services" / "ng_oruk.json",
        "Community Resources & Recovery List - North of Tyne and Gateshead Mental Health Services",
        EVAL / "scenarios_ng.json",
        EVAL / "services" / "ng_postcodes.csv",
        ndcg_floor=0.63,
        gap_recall_floor=0.8,
        known_violations=0,
        scenario_count=25,
    ),
    # A twenty-third, written and judged by two more helpers on 2 December 2026 (session 18):
    # Salford, north Manchester and Prestwich as a charities' federation branch finder (national
    # boilerplate edited by each branch, the same national line listed under several branches). 25
    # scenarios. Without the Trafford seed: Salford borders Trafford, whose services the judge never saw.
    # Measured once before any of it was read: nDCG@10 0.542, keyword 0.14, P@5 0.42 (best 0.81),
    # 3 must-not services, gap recall 4 of 5. A development region since: 0.57, no must-not service.
    "sm": Region(
        "Salford, north Manchester and Prestwich (a charities' federation branch finder)",
        EVAL / "services" / "sm_oruk.json",
        "Local Branch Finder - Charity Federation Network (Greater Manchester North West)",
        EVAL / "scenarios_sm.json",
        EVAL / "services" / "sm_postcodes.csv",
        ndcg_floor=0.53,
        # 5 of 5 since a carer's "evenings" is read with a twin listing's known hours (session 23).
        gap_recall_floor=1.0,
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    # A twenty-fourth, written and judged by two more helpers on 2 December 2026 (session 18):
    # Sunderland, Chester-le-Street and Birtley as three GP practices' useful-links pages merged into
    # one feed (NHS self-referral first, entries a line long, services limited to some practices'
    # patients, the same service listed by two practices). 25 scenarios. Measured once before any of
    # it was read: nDCG@10 0.749, keyword 0.15, P@5 0.54 (best 0.81), 5 must-not services, gap
    # recall 5 of 6. A development region since: 0.75, 3 must-not services.
    "sd": Region(
        "Sunderland, Chester-le-Street and Birtley (GP practices' useful-links pages)",
        EVAL / "services" / "sd_oruk.json",
        "Wearside & Chester-le-Street Practices - Useful Links and Local Support",
        EVAL / "scenarios_sd.json",
        EVAL / "services" / "sd_postcodes.csv",
        ndcg_floor=0.71,
        # 6 of 6 since "a group she could get to" asks for one in person (session 23).
        gap_recall_floor=1.0,
        # 1 since session 26 (was 4): a deaf children's family group, a "Washington only"
        # afternoon and a "Sunderland and South Tyneside" energy line are no longer offered outside
        # their group and places. Session 35: a Washington surgery's link worker ("Patients of
        # Concord & Oxclose Family Practice") is no longer offered in Birtley, across the border.
        known_violations=1,
        scenario_count=25,
    ),
    # A twenty-fifth, written and judged by two more helpers on 2 December 2026 (session 19):
    # Cheshire East, High Peak and Stockport as a faith communities network's directory of what
    # congregations run (volunteers' warm prose, church-notice timings, parishes and circuits as
    # service areas, the church standing for the service's name). 25 scenarios. Without the
    # Trafford seed: Stockport borders Trafford, whose services the judge never saw. Measured once
    # before any of it was read: nDCG@10 0.555, keyword 0.11, P@5 0.33 (best 0.64), 11 must-not
    # services, gap recall 4 of 5. A development region since: 0.65, no must-not service.
    "ec": Region(
        "Cheshire East, High Peak and Stockport (a faith communities network's directory)",
        EVAL / "services" / "ec_oruk.json",
        "Faith in the Community Directory (Cheshire East, High Peak & Stockport)",
        EVAL / "scenarios_ec.json",
        EVAL / "services" / "ec_postcodes.csv",
        ndcg_floor=0.6,
        gap_recall_floor=0.75,
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    # A twenty-sixth, the same day: County Durham and Darlington as a council's cost-of-living help
    # finder (grant schemes' eligibility copied into "Who can get it" sections: benefits, income,
    # tenure, vouchers; schemes closed or not yet open). 25 scenarios. Measured once before any of it
    # was read: nDCG@10 0.675, keyword 0.06, P@5 0.55 (best 0.83), 3 must-not services, gap recall
    # 4 of 5. A development region since: 0.72, 2 must-not services (a lunch club 19 km off whose
    # "Sedgefield" service area its judge read as a limit; a NEET scheme for a 16-year-old at school).
    # 0.73 after the men's and women's domestic abuse lines were no longer taken for one service.
    "cd": Region(
        "County Durham and Darlington (a council's cost-of-living help finder)",
        EVAL / "services" / "cd_oruk.json",
        "Cost of Living Help Finder (County Durham & Darlington)",
        EVAL / "scenarios_cd.json",
        EVAL / "services" / "cd_postcodes.csv",
        ndcg_floor=0.68,
        gap_recall_floor=0.75,
        # Session 34: a programme for young people not in education, employment or training is no
        # longer offered to a sixteen-year-old whose school noticed her low mood.
        known_violations=1,
        scenario_count=25,
    ),
    # A twenty-seventh, written and judged by two more helpers on 2 December 2026 (session 19):
    # South Tyneside, Sunderland and east Durham as a hospital discharge team's community support list
    # (clinical shorthand, ward or OT referral, offers for a few weeks after discharge). 25 scenarios.
    # Measured once before any of it was read: nDCG@10 0.689, keyword 0.02, P@5 0.42 (best 0.78),
    # 4 must-not services, gap recall 1 of 6. A development region since: 0.73, 1 must-not service
    # (a volunteer car scheme that cannot take a wheelchair), 2 of 6 gaps. Session 23: no must-not
    # service, and 3 of 6 gaps since an evening group is not met by a line or a visit.
    "ds": Region(
        "South Tyneside, Sunderland and east Durham (a hospital discharge team's list)",
        EVAL / "services" / "ds_oruk.json",
        "Home from Hospital - Community Support Directory (South Tyneside & Sunderland)",
        EVAL / "scenarios_ds.json",
        EVAL / "services" / "ds_postcodes.csv",
        ndcg_floor=0.68,
        # Session 34: a handyperson for grab rails: small jobs at home, not a housing advice line.
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=25,
    ),
    # A twenty-eighth, the same day: Bury, Bolton and Wigan as a public health lifestyle service's
    # directory (programme criteria from commissioning specifications: BMI thresholds, GP or health
    # trainer referral, age bands). 25 scenarios. Without the Trafford seed (Greater Manchester).
    # Measured once before any of it was read: nDCG@10 0.628, keyword 0.00, P@5 0.42 (best 0.78),
    # 5 must-not services, gap recall 4 of 7. A development region since: 0.63, 2 must-not services
    # (befriending for people living alone offered to a carer who lives with her husband; a crisis line
    # whose words name four boroughs under a Greater Manchester stamp), 4 of 7 gaps. Session 29: the
    # befriending no longer offered to the carer ("for people living alone" turns away someone caring
    # for her husband), 1 must-not.
    "lw": Region(
        "Bury, Bolton and Wigan (a public health lifestyle service's directory)",
        EVAL / "services" / "lw_oruk.json",
        "Live Well Lifestyle Hub - Community Offer (Bury, Bolton & Wigan)",
        EVAL / "scenarios_lw.json",
        EVAL / "services" / "lw_postcodes.csv",
        ndcg_floor=0.58,
        # Session 34: a pool with a hoist: a swimmer asks for the water, not a parkrun.
        gap_recall_floor=0.8,
        # Session 34: a crisis line "for people in Bolton, Salford, Trafford and Manchester" whose
        # eligibility says Greater Manchester residents is no longer offered to a Wigan mother.
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    "fh": Region(
        "Rochdale, Oldham and Tameside (family hubs' service directory)",
        EVAL / "services" / "fh_oruk.json",
        "Start for Life & Family Hubs Directory (Rochdale, Oldham & Tameside)",
        EVAL / "scenarios_fh.json",
        EVAL / "services" / "fh_postcodes.csv",
        # Unread (with the seed): 0.433, keyword 0.14, 7 must-not offered, 4 of 6 gaps. Read: 0.46,
        # 0 offered, 5 of 6. The hardest region yet: parents asking for their children. Session 21
        # (a child at home opens a family's service): 0.54, 0, 4 of 6 (two gaps had been said only
        # because a dad's family services were shut to him).
        ndcg_floor=0.50,
        gap_recall_floor=0.6,
        known_violations=0,
        keyword_margin=0.25,
        scenario_count=25,
        # The seed's Greater Manchester-wide services (Manchester's food banks, meals, advice) are
        # 10-20 km away and filled its results unjudged.
        with_seed=False,
    ),
    "ha": Region(
        "Middlesbrough, Redcar and Cleveland and Stockton (a housing association's tenant support directory)",
        EVAL / "services" / "ha_oruk.json",
        "Here to Help - Tenant Support & Community Directory (Tees)",
        EVAL / "scenarios_ha.json",
        EVAL / "services" / "ha_postcodes.csv",
        # Unread: 0.535, keyword 0.01, 17 broken or must-not (a landlord's services offered to
        # private renters), 5 of 5 gaps. Read: 0.56, 6, 5 of 5. Session 21 (another landlord's
        # tenant, "customers only", a walking frame, an office borough-wide only by its line):
        # 0.57, 0, 5 of 5.
        ndcg_floor=0.54,
        gap_recall_floor=0.8,
        known_violations=0,
        scenario_count=25,
    ),
    # A thirtieth and thirty-first, each written and judged by two more helpers on 4 December 2026
    # (session 29), the first new regions since session 21: Rochdale and Bury as a Local Area
    # Coordination team's community asset map (coordinators' chatty notes, informal groups in pub
    # back rooms and WhatsApp groups, "ask for Bev", townships as patches), without the Trafford
    # seed (Greater Manchester); and Hartlepool, Stockton and east Durham as a fire and rescue
    # service's Safe and Well partner referral directory (terse risk language, referral criteria
    # pasted from service specifications, station areas as service areas). 25 scenarios each.
    "lc": Region(
        "Rochdale and Bury (a Local Area Coordination team's community asset map)",
        EVAL / "services" / "lc_oruk.json",
        "Rochdale & Bury Local Area Coordination - Community Asset Map",
        EVAL / "scenarios_lc.json",
        EVAL / "services" / "lc_postcodes.csv",
        # Measured once before any of it was read (commit 8d93c64): nDCG@10 0.621, keyword 0.21,
        # P@5 0.42 (best 0.75), 3 must-not or broken, gap recall 3 of 5. A development region since:
        # 0.65, 3 of 5, no must-not service once a memory café "for people with a dementia
        # diagnosis" was no longer offered to a daughter whose mother is waiting for one.
        ndcg_floor=0.61,
        # Session 34: an art group he can get into: a painter, in person, not an online craft session.
        gap_recall_floor=0.75,
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    "fr": Region(
        "Hartlepool, Stockton and east Durham (a fire service's Safe and Well partner directory)",
        EVAL / "services" / "fr_oruk.json",
        "Safe and Well Partner Referral Directory - Cleveland & East Durham Fire and Rescue",
        EVAL / "scenarios_fr.json",
        EVAL / "services" / "fr_postcodes.csv",
        # Measured once before any of it was read (commit 8d93c64): nDCG@10 0.635, keyword 0.09,
        # P@5 0.44 (best 0.76), 3 must-not services, gap recall 4 of 5. A development region since:
        # 0.70 (two lines of one organisation behind its number no longer one service, "North East"
        # the region, a club that "has folded" closed), 4 of 5; no must-not service once good
        # neighbours "for people living alone" were no longer offered to a man caring for his wife.
        ndcg_floor=0.66,
        gap_recall_floor=0.75,
        known_violations=0,
        scenario_count=25,
    ),
    # A thirty-second and thirty-third, each written and judged by two more helpers on 4 December 2026
    # (session 30), the first outside the North and the first evaluated as a new installation would
    # run there: no unit postcodes loaded, every postcode at its district's centre. Bristol, South
    # Gloucestershire, North Somerset and Bath as a wellbeing charity's self-submitted listings
    # ("We are a friendly bunch...", loosely ticked "Who is this for?" boxes, moderator notes); and
    # Norfolk as a county early help hub merged from five district councils' lists, each with its
    # own fields and words, and a parish magazine's. 25 scenarios each.
    "bs": Region(
        "Bristol, South Gloucestershire, North Somerset and Bath (self-submitted wellbeing listings)",
        EVAL / "services" / "bs_oruk.json",
        "Wellbeing West - Find Support Directory",
        EVAL / "scenarios_bs.json",
        None,
        # Measured once before any of it was read (commit 93909b7, a person's district now giving
        # its authority): nDCG@10 0.737, keyword 0.13, 13 must-not services (and 35 more results
        # whose residency the person's postcode could not confirm), gap recall 6 of 7; without the
        # district's authority (its parent commit): 0.732 and 42 must-not. A development region since:
        # 0.777 (the authorities a shared district spans, "lives Kingswood", B&NES, Curo's tenants,
        # "Pan z Polski", "Southmead."), 6 of 7; the 4 must-not left are a circle around Horfield that Southmead's
        # district centre falls in, a "Weston GP" (Weston-super-Mare's), and two its judge ruled out
        # for a reason the records do not state. Session 35: the "Weston GP" art group is
        # Weston-super-Mare's patients' (a name said short for the town its venue is in). Session 37:
        # 0.792 → 0.752, one scenario: a private Facebook group for Bristol mums is read as online now,
        # so it is not offered to a Weston mum who wants a toddler group to get out of the flat
        # (graded 1, the only service her judge graded; the gap is still said). Session 44: the man
        # who says "Southmead." is outside Horfield, the neighbourhood next to his: 2 must-not left.
        ndcg_floor=0.73,
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=25,
        with_seed=False,
    ),
    "nf": Region(
        "Norfolk (a county early help hub merged from five district lists)",
        EVAL / "services" / "nf_oruk.json",
        "Norfolk Early Help Hub - Community Directory",
        EVAL / "scenarios_nf.json",
        None,
        # Measured once before any of it was read (commit 3e669eb, after the Bristol set's fixes):
        # nDCG@10 0.707, keyword 0.12, 2 must-not services, gap recall 4 of 5; on the session's
        # starting code (no district authorities) 0.654, 30 must-not, 2 of 5. A development region
        # since: 0.745 ("West Norfolk" is King's Lynn and West Norfolk, "Greater Norwich" three
        # districts, a "listening helpline" is for mental wellbeing, "on the machines" gambling),
        # 1 must-not, 5 of 5.
        ndcg_floor=0.71,
        gap_recall_floor=0.75,
        # Session 33: the need reader learns from all 27 development regions, so more services read as
        # meeting older people's needs: a Breckland outreach worker whose record turns away the towns'
        # residents ("Not for residents of ... Attleborough ...") reaches an Attleborough man. Session
        # 34 reads the towns a record turns away; session 36 reads Breckland's Attleborough, a town
        # known by its wards though Nuneaton has a ward of its name, so he is no longer shown.
        # Session 44: health walks for "patients registered with a GP practice in the Sprowston and
        # Old Catton area" are not for a man who says "Hellesdon GP not Sprowston": none left.
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    # A thirty-fourth and thirty-fifth, each written and judged by two more helpers on 4 December
    # 2026 (session 31), evaluated as bs and nf are, with no unit postcodes loaded: the Liverpool
    # City Region as a PCN's social prescribing link workers' own shared resource list (their
    # shorthand: "pts", "SR", "GP ref only", "Knowsley resi only", "over the water", opinions more
    # than facts); and south London (Lambeth, Southwark, Lewisham, Croydon) as a community navigator
    # network run by migrant- and Black-led organisations (bilingual names, groups for one community
    # or language, "sisters only", NRPF and asylum hotels, boroughs that share postcode districts).
    "lv": Region(
        "Liverpool City Region (a PCN link workers' own resource list)",
        EVAL / "services" / "lv_oruk.json",
        "North Mersey & Wirral Social Prescribing - Link Worker Resource List",
        EVAL / "scenarios_lv.json",
        None,
        # Measured once before any of it was read (commit f31c06d, with f815f9d: 8 of its 90 records
        # had been refused for an empty "Last checked" tag): nDCG@10 0.807, keyword 0.21, P@5 0.44
        # (best 0.62), 1 must-not, gap recall 5 of 6. Its judge had little time: 3.2 judgments a
        # scenario. A development region since: 0.805 (a venue named with its access note, "Andy's
        # Man Club", a men's shed for a woman who asked for women only), 6 of 6; the must-not left is
        # an Allerton lunch club "over the water" from a Wirral widower, which no rule says.
        ndcg_floor=0.78,
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=25,
        with_seed=False,
    ),
    "ld": Region(
        "South London: Lambeth, Southwark, Lewisham and Croydon (a community navigator network)",
        EVAL / "services" / "ld_oruk.json",
        "South London Community Navigators Network - Directory",
        EVAL / "scenarios_ld.json",
        None,
        # Measured once before any of it was read (commit f31c06d with f815f9d): nDCG@10 0.690,
        # keyword 0.16, P@5 0.26 (best 0.50), 9 must-not or broken, gap recall 6 of 6 (2.5 judgments
        # a scenario). A development region since: 0.776 ("London-wide" had been the City of London
        # alone, so every London-wide line was refused to everyone outside it; Latin American, Horn of Africa,
        # Nigerian, Vietnamese, Turkish and Kurdish, Roma communities; sickle cell; "elders"; "closed
        # since the funding ended"; "65+ living alone" for a wife caring for her husband; an estate's
        # residents; the form's refugee box opening asylum seekers' groups), 6 of 6; the 4 left: two
        # boroughs that share SE5 and SE11, a grandmother the judge knew lives with family, and a
        # stay and play for a mother whose children's ages are not said.
        ndcg_floor=0.75,
        gap_recall_floor=0.8,
        # Session 33: the need reader learns from all 27 development regions, so more services read as
        # meeting a mother's needs: a food parcel scheme for families reaches a Somali mother whose
        # children the words name but the form's ticks do not. Session 36: a Lambeth residents' club is
        # not listed for a Camberwell widow (SE5 is 83% Southwark), as its record says who may come.
        known_violations=4,
        scenario_count=25,
        with_seed=False,
    ),
    # A thirty-sixth to thirty-eighth, written and judged blind by six more helpers on 4 December
    # 2026 (session 32), evaluated as bs and nf are, with no unit postcodes loaded: Birmingham and
    # the Black Country as a hospital trust's patient navigator spreadsheet converted to ORUK by a
    # student ("Suitable for" ticks, category paths, "NAV NOTE:", HTML entities, "nan"); West
    # Yorkshire as an open-data portal merging three feeds (a council's, a VCS member list's, a
    # mental-health alliance's shorthand) with poor de-duplication; and Cornwall, Plymouth and Devon
    # as rural village agents' directory (buses, seasons, parishes, "Clay country", the moors).
    "wm": Region(
        "Birmingham and the Black Country (a patient navigator spreadsheet converted to ORUK)",
        EVAL / "services" / "wm_oruk.json",
        "Sandwell & West Birmingham Health Inequalities - Patient Navigator Community Resources",
        EVAL / "scenarios_wm.json",
        None,
        # Measured once before any of it was read (commit ab6db09): nDCG@10 0.729, keyword 0.07, P@5
        # 0.52 (best 0.70), 7 must-not, gap recall 5 of 6. A development region since: 0.735 ("north
        # Brum" is Birmingham; "over 65s living alone, Kingstanding/Perry Common" and "Sparkbrook
        # families" are limits; "Mom wants him to get a job" is his need), no must-not, 6 of 6.
        ndcg_floor=0.71,
        gap_recall_floor=0.8,
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    "wy": Region(
        "West Yorkshire (an open-data portal merging three feeds)",
        EVAL / "services" / "wy_oruk.json",
        "West Yorkshire Open Data - Community Support (aggregated)",
        EVAL / "scenarios_wy.json",
        None,
        # Measured once before any of it was read (commit ab6db09): nDCG@10 0.708, keyword 0.15, P@5
        # 0.45 (best 0.71), 8 must-not, gap recall 3 of 6. A development region since: 0.730 ("up to
        # 25 with SEND" is not the range, "the group folded in summer 2026", "Adults-only", "hard
        # going with a wheelchair", a Samaritans entry of its name and hours), 2 must-not, 4 of 6; left: WF10 is Castleford's and a corner of
        # Leeds, so a Leeds-only class stays open to a man there, and a hearing voices group its judge
        # ruled out for another need.
        ndcg_floor=0.69,
        # Session 36: the Leeds-only class is not listed for a man in WF10 (84% Wakefield), and the
        # English classes gap is said (6 of 6).
        gap_recall_floor=0.8,
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    "sw": Region(
        "Cornwall, Plymouth and Devon (rural village agents' directory)",
        EVAL / "services" / "sw_oruk.json",
        "Cornwall & Devon Village Agents - Community Connector Directory",
        EVAL / "scenarios_sw.json",
        None,
        # Measured once before any of it was read (commit ab6db09): nDCG@10 0.659, keyword 0.11, P@5
        # 0.42 (best 0.74), 5 must-not, gap recall 3 of 7. A development region since: 0.720 (West
        # Penwith, Rame and Cornwall's other former districts and corners, "folded in summer 2024",
        # seasonal workers, "There's no men's group on the Lizard", Samaritans), 1 must-not, 6 of 7; left: a Cornwall-only money line
        # offered in PL2, whose nearest LSOAs across the Tamar make Cornwall possible.
        ndcg_floor=0.69,
        # Session 33: the need reader learns from all 27 development regions, so more services read as
        # befriending: a farmers' wives Facebook group now meets loneliness, so a Mid Devon widow's
        # befriending gap goes unsaid (5 of 7).
        # Session 34: someone to ring or pop in: a call or a visit, not a Facebook group.
        gap_recall_floor=0.8,
        # Session 36: a service probably for another area's residents is no longer listed; a need only
        # it would meet is said unmet with it named (the Cornwall money line in PL2).
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    # A thirty-ninth and fortieth, each written and judged blind by two more helpers on 5 December
    # 2026 (sessions 36 and 37), evaluated as bs and nf are, with no unit postcodes loaded:
    # Nottingham and Nottinghamshire as a council's ORUK v1 API export (eligibilitys, attending_type,
    # "Tues & Thurs", "2.30pm"), and the east Kent coast as a COVID-era mutual aid network's shared
    # sheet converted to ORUK 3.0 (street patches, WhatsApp admins, a "Still running?" column).
    "em": Region(
        "Nottingham and Nottinghamshire (a council's ORUK v1 API export)",
        EVAL / "services" / "em_oruk.json",
        "Notts & City Community Help Directory (ORUK v1 API)",
        EVAL / "scenarios_em.json",
        None,
        # Measured once before any of it was read (commit b6a7474): nDCG@10 0.791, keyword 0.05, P@5
        # 0.58 (best 0.82), 8 must-not, gap recall 3 of 5. A development region since: 0.800 ("the
        # county" not the city: "Nottingham City households should contact ... instead"; Gedling's
        # towns in brackets, one of them a namesake of a city ward; "can't accommodate wheelchairs";
        # "Widowed 3 yrs" against a circle for the bereaved in the last two years), 2 must-not, 4 of
        # 5; left: a football group "for adults living with mental health problems" for a man who
        # has none, and a Gedling visiting scheme for "older people" for a 50-year-old. Session 38:
        # 0.790, once Arnold is a town (towns_england.csv): a Deaf man who says he lives there is
        # placed in Gedling, so the city's Deaf club, whose service area is the city, is not offered.
        ndcg_floor=0.77,
        gap_recall_floor=0.6,
        known_violations=2,
        scenario_count=25,
        with_seed=False,
    ),
    "ks": Region(
        "East Kent coast (a mutual aid network's sheet converted to ORUK 3.0)",
        EVAL / "services" / "ks_oruk.json",
        "East Kent Mutual Aid Network - Community Help Sheet",
        EVAL / "scenarios_ks.json",
        None,
        # Measured once before its scenarios were read (commit 0dc11d3; its records had been read in
        # session 37): nDCG@10 0.654, keyword 0.235, P@5 0.46 (best 0.74), 2 must-not (a Whitstable
        # befriending scheme offered in Lydd and Eastry), gap recall 5 of 7. A development region
        # since: 0.798, none, 6 of 7 (towns no ward is named for, "We cover ...", villages round a
        # town, fishing and forces families, a family that moved together, coercive control); left:
        # a Gillingham gambler offered nothing for his distress once Medway's lines are ruled out.
        ndcg_floor=0.75,
        gap_recall_floor=0.85,
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    # A forty-first, written blind on 5 December 2026 (session 38) and judged blind by another helper (session 39):
    # the Sussex coast (Brighton and Hove, Adur, Worthing, Lewes) as a Citizens Advice office's
    # referral partners list converted to ORUK 3.0 (advisers' notes, referral routes, advice
    # shorthand), with no unit postcodes loaded.
    "sx": Region(
        "Sussex coast (a Citizens Advice office's referral partners list converted to ORUK 3.0)",
        EVAL / "services" / "sx_oruk.json",
        "Citizens Advice Brighton, Hove and Coast - Referral Partners List",
        EVAL / "scenarios_sx.json",
        None,
        # First run, unread (session 39, commit after 514d60e): nDCG@10 0.757 (keyword 0.249),
        # P@5 0.54 (best 0.74), 5 must-not services shown, 4 of 6 gaps said.
        ndcg_floor=0.74,
        gap_recall_floor=0.66,
        known_violations=5,
        scenario_count=25,
        with_seed=False,
    ),
    # A forty-second, written (session 39) and judged (session 40) blind by two more helpers on
    # 5 December 2026: Cambridgeshire and Peterborough as GP practices' care-navigation wiki
    # converted to ORUK 3.0 (receptionists' telegraphic notes, "Who can refer", general-practice
    # shorthand), with no unit postcodes loaded. First run, unread: 0.647, 2 must-not, 5 of 6 gaps;
    # read since: 0.726, 1 (the county's adult phone line for a 14-year-old), 6 of 6.
    "cp": Region(
        "Cambridgeshire and Peterborough (GP practices' care-navigation wiki converted to ORUK 3.0)",
        EVAL / "services" / "cp_oruk.json",
        "Cambridgeshire and Peterborough GP care navigation wiki",
        EVAL / "scenarios_cp.json",
        None,
        ndcg_floor=0.70,
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=25,
        with_seed=False,
    ),
    # A forty-third, written and judged blind by two more helpers on 5 December 2026 (session 41):
    # east London (Tower Hamlets, Hackney, Newham, Waltham Forest) as a migrant and refugee forum's
    # partner directory exported to ORUK 3.0 (members' own words, some in other languages, "Languages
    # spoken", "Immigration status accepted"), with no unit postcodes loaded. First run, unread:
    # 0.709, 4 must-not or broken, 5 of 5 gaps; read since: 0.724, 2 (a stay-and-play for under-5s
    # offered to a mum whose children are at school; a Zoom club "except total beginners" to a
    # beginner), 5 of 5.
    "el": Region(
        "East London (a migrant and refugee forum's partner directory exported to ORUK 3.0)",
        EVAL / "services" / "el_oruk.json",
        "East London Migrant and Refugee Forum partner directory",
        EVAL / "scenarios_el.json",
        None,
        ndcg_floor=0.70,
        gap_recall_floor=0.8,
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    # A forty-fourth, written and judged blind by two more helpers on 5 December 2026 (session 41):
    # Southampton, Portsmouth, the Isle of Wight and south Hampshire as a voluntary sector network's
    # online map of pins exported to ORUK 3.0 (pin notes, a map legend, coordinates without
    # postcodes), with no unit postcodes loaded. First run, unread: 0.804, 3 must-not, 5 of 6 gaps;
    # read since: 0.819, 1 (a navy veterans' branch offered to a Gurkha veteran: which service a
    # veteran was in is not read), 6 of 6.
    "hs": Region(
        "Solent: Southampton, Portsmouth, Isle of Wight, south Hampshire (a community map's pins exported to ORUK 3.0)",
        EVAL / "services" / "hs_oruk.json",
        "Solent Community Map (voluntary sector network)",
        EVAL / "scenarios_hs.json",
        None,
        ndcg_floor=0.78,
        gap_recall_floor=0.8,
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    # A forty-fifth, written and judged blind by two more helpers on 5 December 2026 (session 42):
    # Lincolnshire with North and North East Lincolnshire as a county wellbeing partnership's "What's
    # On" events calendar exported to ORUK 3.0 (event titles and teasers, a "Details:" box, loosely
    # ticked categories, one-off events already past), with no unit postcodes loaded. First run,
    # unread: 0.719, 1 must-not, 3 of 6 gaps; read since: 0.749, 0, 5 of 6 (a housebound woman's
    # befriending: the judge takes a monthly library visit as no befriender, we take it as one).
    "lk": Region(
        "Lincolnshire with North and North East Lincolnshire (a county's What's On events calendar exported to ORUK 3.0)",
        EVAL / "services" / "lk_oruk.json",
        "Lincs What's On (county wellbeing events calendar)",
        EVAL / "scenarios_lk.json",
        None,
        ndcg_floor=0.72,
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=25,
        with_seed=False,
    ),
    # A forty-sixth, written and judged blind by two more helpers on 5 December 2026 (session 42):
    # Shropshire and Telford & Wrekin as a hospital discharge team's leaflet rack, scanned, OCR'd
    # (misread letters, lost pound signs, columns run together) and pasted into ORUK 3.0, with
    # Powys services over the Welsh border and no unit postcodes loaded. Its records were read
    # (and four readings fixed) before its scenarios first ran: 0.636, 4 must-not, 6 of 7 gaps;
    # since: 0.643, 1 (a cardiac support group for those who have finished rehab, offered to a man
    # who has not started it), 6 of 7.
    "sr": Region(
        "Shropshire and Telford & Wrekin (a hospital discharge team's leaflet rack, scanned and OCR'd, in ORUK 3.0)",
        EVAL / "services" / "sr_oruk.json",
        "RSH Discharge Team leaflet rack (scanned)",
        EVAL / "scenarios_sr.json",
        None,
        ndcg_floor=0.61,
        gap_recall_floor=0.8,
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    # A forty-seventh, written and judged blind by two more helpers on 5 December 2026 (session 42):
    # Hull and the East Riding as an NHS Directory of Services extract of community and voluntary
    # services converted to ORUK 3.0 (public and internal names, ages in days, referral
    # instructions, "DoS note: service suspended"), no unit postcodes loaded. Two of its records'
    # readings were fixed before its scenarios first ran: 0.669, 5 must-not, 3 of 6 gaps; since:
    # 0.676, 2 (a forces families' coffee morning offered to a veteran; a Wolds car scheme for
    # three towns offered in Goole), 4 of 6.
    "hr": Region(
        "Hull and the East Riding of Yorkshire (an NHS Directory of Services extract of community services, in ORUK 3.0)",
        EVAL / "services" / "hr_oruk.json",
        "Humber DoS extract (community and voluntary services)",
        EVAL / "scenarios_hr.json",
        None,
        ndcg_floor=0.64,
        gap_recall_floor=0.6,
        known_violations=3,
        scenario_count=25,
        with_seed=False,
    ),
    # A forty-eighth, written and judged blind by two more helpers on 6 December 2026 (session 43):
    # Cumbria (Cumberland, and Westmorland and Furness) as a Community Connectors team's own Word
    # tables converted to ORUK 3.0 (a table per town or valley, a mobile rota by village and week,
    # connector notes, "Who for" columns, former districts as limits), no unit postcodes loaded.
    # First run, unread: 0.688, 13 must-not or broken, 5 of 6 gaps; since: 0.738, 4 (a practice's
    # patients read as the city's, a housing association's own tenants, a summer drop-in its judge
    # rules out in December, and a limit the measure finds broken), 5 of 6. Session 44: 0.753, 1
    # (the housing association's own tenants read, a practice's patients as that practice's, a warm
    # space at Shap a venue in the Eden it serves, and the lung group asked for said missing), 6 of 6.
    "cu": Region(
        "Cumbria: Cumberland and Westmorland & Furness (a Community Connectors team's own directory, in ORUK 3.0)",
        EVAL / "services" / "cu_oruk.json",
        "Cumbria Community Connectors directory",
        EVAL / "scenarios_cu.json",
        None,
        ndcg_floor=0.71,
        gap_recall_floor=1.0,
        known_violations=1,
        scenario_count=25,
        with_seed=False,
    ),
    # A forty-ninth and fiftieth, written and judged blind by four more helpers on 6 December 2026
    # (session 45), no unit postcodes loaded: South Yorkshire as a community wellbeing phone app's
    # listings written by the groups' organisers (emoji titles, hashtags, "Suitable for" chips
    # ticked generously, pasted reviews, moderators' notes), and Coventry and Warwickshire as an
    # asset-based community development mapping survey (survey questions kept in the text, "Who
    # uses it (observed)" beside "Who is it for", informal assets such as a barber or a café).
    # First runs, unread: South Yorkshire 0.745, 9 must-not, 3 of 5 gaps; Coventry 0.708, 12, 4 of
    # 7. Since (the chips, survey answers, a van's round, home from hospital, a memory café asked
    # for, a town's practices, docs/understanding.md): 0.837, 2 (a Roma homework club for two places
    # our tables do not hold; a drink and drugs recovery café for a gambler), 4 of 5; and 0.733, 2
    # (a pub quiz's men's table, shown twice), 6 of 7. Session 46 (a service for another addiction,
    # "but this table is for the men", "No local face to face group found"): 0.838, 1, 4 of 5; and
    # 0.737, 0, 7 of 7.
    "sy": Region(
        "South Yorkshire: Sheffield, Rotherham, Barnsley and Doncaster (a wellbeing app's organiser-written listings, in ORUK 3.0)",
        EVAL / "services" / "sy_oruk.json",
        "WellConnected SY app",
        EVAL / "scenarios_sy.json",
        None,
        ndcg_floor=0.78,
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=25,
        with_seed=False,
    ),
    "cv": Region(
        "Coventry and Warwickshire (an asset-based community development mapping survey, in ORUK 3.0)",
        EVAL / "services" / "cv_oruk.json",
        "Coventry & Warwickshire Community Assets Map (ABCD survey 2026)",
        EVAL / "scenarios_cv.json",
        None,
        ndcg_floor=0.68,
        gap_recall_floor=0.85,
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    # Written and judged blind in session 48 (6 December 2026) by two more helpers: Leicester,
    # Leicestershire and Rutland as a community champions programme's Airtable base kept by
    # volunteers ("Good for:" beside "Who can go:", emoji tags, champions' notes, "Still running?").
    # First run, unread: 0.727, 1 must-not (an asylum seekers' group "in Loughborough" for a man in
    # a city hotel), 6 of 6 gaps. Since ("Who can go: ... in Loughborough", a dairy farmer,
    # "homesick", "newcomers"): 0.769, 0, 6 of 6.
    "le": Region(
        "Leicester, Leicestershire and Rutland (a community champions programme's Airtable base, in ORUK 3.0)",
        EVAL / "services" / "le_oruk.json",
        "LLR Community Champions Airtable (export Nov 2026)",
        EVAL / "scenarios_le.json",
        None,
        ndcg_floor=0.73,
        gap_recall_floor=0.8,
        known_violations=0,
        scenario_count=25,
        with_seed=False,
    ),
    # Written and judged blind in session 50 (6 December 2026) by two more helpers: Stoke-on-Trent and
    # North Staffordshire as a community pharmacy group's Healthy Living Champions signposting sheet
    # (one tab per branch; "Tell the customer:" beside "Who it's for:", counter notes). First run,
    # unread (commit 852dd8b's code): nDCG@10 0.820, keyword 0.201, 1 must-not service (a canal-side
    # growing space "no good for wheelchairs" for a wheelchair user), 7 of 7 gaps. Since (that phrase
    # read as no step-free access; "was on a ward" as just out of hospital; "PHG flat" as a
    # Potteries Housing Group tenant): 0.846, 0, 7 of 7.
    "ns": Region(
        "Stoke-on-Trent and North Staffordshire (a pharmacy group's signposting sheet, in ORUK 3.0)",
        EVAL / "services" / "ns_oruk.json",
        "Potteries Pharmacy Healthy Living Champions signposting sheet (export Nov 2026)",
        EVAL / "scenarios_ns.json",
        None,
        ndcg_floor=0.78,
        gap_recall_floor=0.85,
        known_violations=0,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 52 (7 December 2026) by two more helpers: Essex, Southend-on-Sea
    # and Thurrock as a district council Community Hub contact centre's CRM knowledge articles
    # ("Script (read to caller):" beside "Eligibility check:" and "Do not refer if:", handler notes).
    # First run, unread (commit ab06d10's code): nDCG@10 0.625, keyword 0.023, 9 must-not services
    # (Essex's NHS areas read as the whole county, "North East Essex" as the North East of England,
    # a handler's "Do not refer if: lives in RM17" as a limit to RM17), 5 of 6 gaps. Since (those
    # areas as their councils, "Do not refer if" and "only takes" read, "online only" believed, a
    # bereavement group no one else's, "mum passed", "husband looking after her", "a heart support
    # group", "from Lagos"): 0.674, 2, 6 of 6.
    "es": Region(
        "Essex, Southend-on-Sea and Thurrock (a council contact centre's knowledge articles, in ORUK 3.0)",
        EVAL / "services" / "es_oruk.json",
        "Community Hub contact centre knowledge base (CRM export, Nov 2026)",
        EVAL / "scenarios_es.json",
        None,
        ndcg_floor=0.64,
        gap_recall_floor=0.8,
        known_violations=2,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 53 (7 December 2026) by two more helpers: Dorset and
    # Bournemouth, Christchurch & Poole as a county information helpline's resource database, kept
    # on a North American helpline CRM ("Agency description:", "Eligibility:", "Fees: None",
    # "Coverage area: Pan-Dorset", "Hours:", AIRS taxonomy terms). First run, unread (commit
    # 7db0be4's code): nDCG@10 0.623, keyword 0.207, 8 violations ("Pan-Dorset" read as Dorset
    # Council alone, Dorset's abolished districts unknown by postcode, "Eligibility: Polish
    # speakers" inside the description not read as a rule, "Hours: Mon-Fri" unread, a live-in carer
    # taken for an unpaid one), 3 of 6 gaps. Since: 0.774, 0, 5 of 6.
    "do": Region(
        "Dorset and Bournemouth, Christchurch & Poole (a helpline's AIRS-style resource database, in ORUK 3.0)",
        EVAL / "services" / "do_oruk.json",
        "Dorset Community Information Line resource database (export Nov 2026)",
        EVAL / "scenarios_do.json",
        None,
        ndcg_floor=0.70,
        gap_recall_floor=0.8,
        known_violations=0,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 53 by two more helpers, after Dorset's lessons: Suffolk
    # (with Great Yarmouth) as an adult social care "community connector" portal's export, its
    # drop-downs as client-group codes and its boxes as "KEY=value" pairs between pipes
    # ("ELIGIBILITY=LGBTQ+ adults 18+ | WHEN=3rd Fri ... | COST_TYPE=Free"). First run, unread
    # (commit 167fb83's code): nDCG@10 0.757, keyword 0.049, 3 must-not services (an LGBTQ+ social
    # for a Kurdish woman, a weekday helpline for a Saturday-only worker, a village Facebook group's
    # volunteers), 5 of 5 gaps. Since (the boxes read as fields, "seafarers and families", "carers
    # can join in too"): 0.767, 1, 5 of 5. Two of its gap scenarios grade nothing, so score 0.
    "su": Region(
        "Suffolk, with Great Yarmouth (an adult social care community connector portal's export, in ORUK 3.0)",
        EVAL / "services" / "su_oruk.json",
        "Suffolk Community Connector portal (ASC provider directory export, Nov 2026)",
        EVAL / "scenarios_su.json",
        None,
        ndcg_floor=0.73,
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 53 by two more helpers: North Yorkshire and York as a
    # rural community council's community buildings and activities directory, a third of its records
    # a hall whose description is its week ("Mon: Yoga 7pm (£5). Tue: Toddlers (0-4s with an adult).
    # Thu: Men's Shed (men only)."). First run, unread (commit 74dfde1's code): nDCG@10 0.572,
    # keyword 0.209, 2 must-not services, 4 of 6 gaps (two gap scenarios grade nothing, so score 0).
    # Since (a hall's week kept apart from who may come, a fisherman's family by its boat, "Under 25s
    # have their own group - this is adults"): 0.650, 1, 5 of 6.
    "yk": Region(
        "North Yorkshire and York (a rural community council's community buildings and activities directory, in ORUK 3.0)",
        EVAL / "services" / "yk_oruk.json",
        "Rural community council community buildings & activities directory (export Nov 2026)",
        EVAL / "scenarios_yk.json",
        None,
        ndcg_floor=0.62,
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 54 by two more helpers: Northamptonshire (its two unitaries
    # of 2021 and the districts they replaced) as an integrated care board's inclusion health and
    # Core20PLUS5 partner directory ("Target cohort:", "Inclusion criteria:", "Catchment: NNC").
    # First run, unread (commit c6e7d53's code): nDCG@10 0.689, keyword 0.107, 4 must-not services,
    # 4 of 7 gaps. Since (inclusion criteria read as the eligibility statement, "North Northants" and
    # "NNC" as the council, a service only for the person's situation searched for whatever it is
    # tagged with, a postcode district's likely former district): 0.784, 1, 6 of 7.
    "nn": Region(
        "Northamptonshire (an ICB's inclusion health and Core20PLUS5 partner directory, in ORUK 3.0)",
        EVAL / "services" / "nn_oruk.json",
        "Northamptonshire ICB inclusion health & Core20PLUS5 partner directory (export Nov 2026)",
        EVAL / "scenarios_nn.json",
        None,
        ndcg_floor=0.75,
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 54 by two more helpers, after Northamptonshire's lessons
    # were in the code: Buckinghamshire and Milton Keynes as a council's community chatbot knowledge
    # base, each record an "answer card" of questions and answers ("Who can go?", "Do I need a
    # referral?", "Can I get in with a wheelchair?") with the chatbot's "Intent tags:". First run,
    # unread (commit 4682422's code): nDCG@10 0.672, keyword 0.077, 1 must-not service, 6 of 6 gaps
    # (two gap scenarios grade one partial fit each, which a gap need not show). Since ("Bucks" is
    # Buckinghamshire, "a Bucks GP" its patients rather than one practice, a patient on the ward
    # going home next week is leaving hospital, cardiac rehab is no addiction, an estate we do not
    # know is its venue's, "65+, disabled or with young children" no age limit): 0.808, 1, 6 of 6.
    "bm": Region(
        "Buckinghamshire and Milton Keynes (a council's community chatbot knowledge base, in ORUK 3.0)",
        EVAL / "services" / "bm_oruk.json",
        "Bucks & MK community chatbot knowledge base (export Nov 2026)",
        EVAL / "scenarios_bm.json",
        None,
        ndcg_floor=0.77,
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 54 by two more helpers, last: Wiltshire and Swindon as a
    # volunteer mapping group's OpenStreetMap extract joined to a council's activity list, half its
    # records thin OSM entries whose facts are tags ("social_facility:for=senior", "wheelchair=limited",
    # "fee=no", "opening_hours=Tu,Th 10:00-12:00; PH off"). First run, unread (commit 87918fb's
    # code): nDCG@10 0.764, keyword 0.147, 22 violations (must-not services), 3 of 6 gaps. Since
    # (OSM's lifecycle, fee, wheelchair and opening_hours tags read as fields; a person's practice
    # named by its town): 0.776, 5, 4 of 6; with a discharge scheme held to the hospital it names:
    # 0.780, 4, 4 of 6.
    "wi": Region(
        "Wiltshire and Swindon (a mapping group's OpenStreetMap extract joined to a council activity list, in ORUK 3.0)",
        EVAL / "services" / "wi_oruk.json",
        "Wilts & Swindon community mapping OSM extract + council activity list (Nov 2026)",
        EVAL / "scenarios_wi.json",
        None,
        ndcg_floor=0.75,
        gap_recall_floor=0.6,
        known_violations=4,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 55 by two more helpers: Hertfordshire as a social
    # prescribing team's WhatsApp broadcasts and email bulletin items, parsed by a volunteer into
    # ORUK 3.0 (emojis, hashtags as attributes, a later correction merged under the post it
    # corrects, courses with dates). First run, unread (commit b1bfcc1's code): nDCG@10 0.857,
    # keyword 0.192, 1 must-not service, 4 of 6 gaps. Since (the NHS's "East & North Herts" read as
    # its five councils, a name several councils have read as the venue's, "home from the Lister"
    # as a stay in hospital, Italian, Dari and Nepali as languages a person may need and good
    # English as no need of one, "someone to sit down with face to face" as in person): 0.866, 0,
    # 6 of 6.
    "ht": Region(
        "Hertfordshire (a social prescribing team's WhatsApp broadcasts and bulletins, in ORUK 3.0)",
        EVAL / "services" / "ht_oruk.json",
        "Herts SP link workers' opportunities digest (WhatsApp + bulletins, Nov 2026)",
        EVAL / "scenarios_ht.json",
        None,
        ndcg_floor=0.84,
        gap_recall_floor=0.8,
        known_violations=0,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 55 by two more helpers, after Hertfordshire's lessons were
    # in the code: Oxfordshire as a county council's community directory API export, every text
    # field the HTML that providers' rich-text editor saved (<h3>Who is it for?</h3>, &pound;,
    # Word paste debris), bulk-applied platform categories and head office districts stamped as
    # service areas. First run, unread (commit ab5ce08's code): nDCG@10 0.830, keyword 0.046, 4
    # must-not services, 3 of 5 gaps. Since (a programme that says it ended has, "for men on
    # Blackbird Leys and Greater Leys" is the estate's men and its other half no neighbour to draw
    # wider for, a food bank that refers people on for money advice does not give it, "someone to
    # go through the debts with him face to face" is in person): 0.844, 1, 5 of 5.
    "ox": Region(
        "Oxfordshire (a county council's community directory API export, its text in HTML, in ORUK 3.0)",
        EVAL / "services" / "ox_oruk.json",
        "Oxfordshire community directory API (ORUK 3.0 export, Nov 2026)",
        EVAL / "scenarios_ox.json",
        None,
        ndcg_floor=0.82,
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 55 by two more helpers, after Oxfordshire's lessons were in
    # the code: Derby and Derbyshire as an NHS Recovery College prospectus merged with the county's
    # adult community learning courses and some community groups (course codes, "Who is this
    # course for?", terms with dates, enrolment routes, prerequisites, funding rules written as
    # eligibility, "Derbyshire residents (not Derby City)"). First run, unread (commit 557a2c9's
    # code): nDCG@10 0.704, keyword 0.122, 11 violations, 4 of 6 gaps. Since (a course's dated run
    # over, "living or working in", an English course's starting level, a personality disorder
    # diagnosis, NE Derbyshire the district): 0.692, 2, 4 of 6; the fall is two courses stamped with
    # the district they meet in, which the judge offered beyond it, now that "NE Derbyshire" is read
    # as that district rather than the county. Then (a course for service users, "their families,
    # friends and carers, and staff" no families' course; a one-off's dated day): 0.717, 3, 4 of 6.
    "dy": Region(
        "Derby and Derbyshire (a Recovery College prospectus with adult learning courses, in ORUK 3.0)",
        EVAL / "services" / "dy_oruk.json",
        "Derby & Derbyshire Recovery College + Adult Community Learning + community groups (autumn 2026 prospectus)",
        EVAL / "scenarios_dy.json",
        None,
        ndcg_floor=0.70,
        gap_recall_floor=0.6,
        known_violations=3,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 56 by two more helpers: Gloucestershire (with South
    # Gloucestershire over the border) as a county community foundation's list of grants awarded,
    # turned into a directory by a volunteer (grant summaries written for trustees: amounts, grant
    # periods, beneficiaries and outcomes, with the volunteer's updates: "Funding ended March 2026",
    # "still running on reserves"). Its judge graded 2.6 services a scenario (most records are tied
    # to a district, ward, language or age). First run, unread (commit b3fd7dd's code): nDCG@10
    # 0.682, keyword 0.038, 7 violations, 4 of 6 gaps. Since ("project completed", a café stopped
    # in a past season and "not running this year" are closed, a grant that ended while the group
    # meets on is not; a funder's "Women" tick beside "women and men" is no limit; a walk for men
    # "with or at risk of type 2 diabetes" is not for diabetics only): 0.730, 0, 6 of 6.
    "gs": Region(
        "Gloucestershire (a community foundation's grants awarded, as a directory, in ORUK 3.0)",
        EVAL / "services" / "gs_oruk.json",
        "Gloucestershire Community Foundation – grants awarded 2024-2026 (volunteer-compiled directory)",
        EVAL / "scenarios_gs.json",
        None,
        ndcg_floor=0.71,
        gap_recall_floor=0.8,
        known_violations=0,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 56 by two more helpers: the Fylde coast, central and north
    # Lancashire as an NHS mental health trust's and ICB's community partners referral list
    # (inclusion and exclusion criteria in clinical language, referral routes, capacity RAG,
    # localities and pathway codes, the partners' own words pasted below). Its judge graded 2.8
    # services a scenario. First run, unread (commit b3fd7dd's code): nDCG@10 0.538, keyword 0.056,
    # 7 violations, 5 of 7 gaps. Since (an exclusion list gives no need and its "Under 25s" is the
    # youngest; "up to 2 years after birth" is no age; "People with Parkinson's and family/carers"
    # and "carers' evening monthly" are not carers-only; where a person is on the talking therapies
    # path; capacity read from the words; one service listed per locality reaches each; Morecambe
    # Bay and L&SC read; an exclusion list's bullets read; "not for people with a settled tenancy"):
    # 0.662, 1, 6 of 7. The one left is a young carers' service "closed to new referrals", which the
    # judge put among must-nots and we list last with the need said unmet (capacity ranks, by the
    # product's brief; it does not bar).
    "lb": Region(
        "Fylde coast, central and north Lancashire (an NHS trust's community partners referral list, in ORUK 3.0)",
        EVAL / "services" / "lb_oruk.json",
        "Lancashire & South Cumbria NHS FT / ICB – community partners referral list (Fylde Coast, Central and North localities), v7 Nov 2026",
        EVAL / "scenarios_lb.json",
        None,
        ndcg_floor=0.64,
        gap_recall_floor=0.7,
        known_violations=1,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 56 by two more helpers, after the Fylde coast's lessons were
    # in the code: west Kent and Medway as the Probation Service's resettlement and community
    # directory (pathways, referral by the probation practitioner, time limits since release,
    # offence-type and risk exclusions) merged with the community partners its practitioners and
    # link workers refer anyone to. Its judge graded 3.4 services a scenario. First run, unread
    # (commit 9240c5e's code): nDCG@10 0.690, keyword 0.154, 11 violations, 2 of 5 gaps. Since (a
    # service "on licence, PSS or community order", "in or at risk of the justice system" or for
    # "men released from the three Sheppey prisons" is for people on probation, and so is the
    # person "on a community order with RAR days"; "no one on the sex offenders register" and
    # "Exclusions: sexual offences" turn away a man whose words say he has one; "West Kent
    # residents (Maidstone, …)" is not all of Kent): 0.727, 4, 3 of 5; session 57's time since
    # release ("within 12 weeks of release", "No one more than 12 weeks after release", a
    # release-day service, the man "out 14 months"): 0.737, 2, 3 of 5. Left: a Hoo peninsula
    # dial-a-ride for Sheppey.
    "km": Region(
        "West Kent and Medway (the Probation Service's resettlement and community directory, in ORUK 3.0)",
        EVAL / "services" / "km_oruk.json",
        "HMPPS Kent & Medway PDU – Resettlement & Community Directory (practitioner and link worker edition), Nov 2026",
        EVAL / "scenarios_km.json",
        None,
        ndcg_floor=0.72,
        gap_recall_floor=0.6,
        known_violations=2,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 57 by two more helpers: Berkshire (six unitary councils, no
    # county) as a Jobcentre Plus District Provision Tool extract (customer groups by benefit and
    # UC regime, referral by a work coach, contract dates, postcode eligibility lists) merged with
    # the community partners work coaches and link workers signpost anyone to. Its judge graded 3.1
    # services a scenario. First run, unread (commit 1e0ce5d's code): nDCG@10 0.668, keyword 0.169,
    # 23 violations, 5 of 5 gaps. Since (claimants-only programmes read from "UC or JSA customers
    # only" and "Customer group: UC – IWS" and ruled out by "not on any benefits"; a right to work
    # asked for; a contract's end date; "Men – call the Men's Advice Line"; time out of work and
    # since release; UC's LCWRA group; "WBC residents" as the venue's council, KCC and "West Berks"):
    # 0.703, 5, 5 of 5. Left: Restart for people whose time out of work is not said, a work programme
    # for 50+ offered to widowed people of 67 and 81 for its social side.
    "bk": Region(
        "Berkshire (a Jobcentre Plus District Provision Tool extract with community partners, in ORUK 3.0)",
        EVAL / "services" / "bk_oruk.json",
        "DWP Thames Valley District – District Provision Tool (DPT) extract, Berkshire Jobcentres, with community signposting partners, Dec 2026",
        EVAL / "scenarios_bk.json",
        None,
        ndcg_floor=0.69,
        gap_recall_floor=0.8,
        known_violations=5,
        scenario_count=22,
        with_seed=False,
    ),
    # Written and judged blind in session 58 by two more helpers: Worcestershire (a county over six
    # districts) and Herefordshire as a council's Family Information Service and SEND Local Offer
    # directory (age ranges, EHCP or diagnosis required, professional referral only, free school
    # meals, term time or holidays only), with the adult community services it also lists. Its judge
    # graded 3.8 services a scenario. First run, unread (commit 64b5102's code): nDCG@10 0.554,
    # keyword 0.233, 10 violations, 3 of 7 gaps; its labels read unread: needs 0.89 / 0.74, groups
    # 0.78 / 0.57, ages found 20 of 33 and 9 wrong (29 and 0 once a lowest age of 0 is scored as
    # none: no reading changed). Since (the ages of a parent's children against a children's service
    # that takes parents too, unless it is for children with special needs the words never speak of;
    # pre-school services; "Mums only (dads: see ...)"; "closed to new applications"): 0.661, 9, 3 of 7. Left: a Local Offer's
    # conditions (an assessed need, a closed waiting list) and a kinship grandmother's grandchildren.
    "wh": Region(
        "Worcestershire and Herefordshire (a Family Information Service and SEND Local Offer directory, in ORUK 3.0)",
        EVAL / "services" / "wh_oruk.json",
        "Worcestershire County Council – Family Information Service & SEND Local Offer directory (ORUK API), with Herefordshire Council's Family Information listings, Dec 2026",
        EVAL / "scenarios_wh.json",
        None,
        ndcg_floor=0.64,
        gap_recall_floor=0.4,
        known_violations=9,
        scenario_count=22,
        with_seed=False,
    ),
    # Session 59: Plymouth, Cornwall, the Isles of Scilly and West Devon as an Armed Forces Covenant
    # partnership's support directory (veterans, ex-RN/RM only, serving families, bereaved families,
    # service leavers, proof of service) with the community services its partners signpost anyone
    # to, written and judged blind by two helpers. Its judge graded 4.5 services a scenario. First
    # run, unread (c2ebbca with the capacity rule and grandchildren's ages of session 59): nDCG@10
    # 0.711, keyword 0.143, P@5 0.48 (best 0.76), 21 violations, 3 of 6 gaps; its labels read
    # unread: needs 0.89 / 0.76, groups 0.81 / 0.81, ages found 11 of 12 and none wrong,
    # residency 0.57 / 0.81, phone 1.00 / 0.50, wheelchair "no" 1.00 / 0.89, cost right 0.94. Since
    # (a navy-only service in the forces' own words, "Who can use this:", "FULL – no new referrals",
    # a programme's funding end, "Devon & Cornwall" and "CIoS", "a Cornwall or Isles of Scilly GP", a
    # community's own veterans' group, a regiment named): 0.763, 8, 5 of 6; with the off-islands of
    # Scilly given their council and "Who can use this: Spouses/partners of serving personnel" read:
    # 0.762, 1, 5 of 6. Left: venue groups stamped with their city as the area they serve.
    "pc": Region(
        "Plymouth, Cornwall and the Isles of Scilly (an Armed Forces Covenant partnership's support directory, in ORUK 3.0)",
        EVAL / "services" / "pc_oruk.json",
        "Plymouth & Cornwall Armed Forces Covenant Partnership – Armed Forces Community Support Directory (ORUK API), with partners' community signposting listings, Dec 2026",
        EVAL / "scenarios_pc.json",
        None,
        ndcg_floor=0.74,
        gap_recall_floor=0.8,
        known_violations=1,
        scenario_count=22,
        with_seed=False,
    ),
    # Session 59: the Liverpool City Region and Wirral as a green social prescribing partnership's
    # "green and blue prescriptions" directory (activity levels, terrain, physical requirements,
    # cohorts and seasons, referral routes) with the community services its link workers signpost
    # to, written and judged blind by two helpers. Its judge graded 4.7 services a scenario. First
    # run, unread (the code of the commit before this region's): nDCG@10 0.675, keyword 0.004, P@5
    # 0.51 (best 0.80), 20 violations, 3 of 7 gaps; its labels read unread: needs 0.88 / 0.77,
    # groups 0.83 / 0.91, ages found 25 of 28 and 3 wrong, residency 0.38 / 0.75 (from the words
    # 0.89 / 0.71), phone 1.00 / 0.80, wheelchair "no" 1.00 / 0.89, cost right 0.98. Since (what a
    # walk or a task asks of the body, a full course, an orchard without paths, sessions for care
    # homes, "5 months clean"): 0.700, 1, 4 of 7.
    "me": Region(
        "Liverpool City Region and Wirral (a green social prescribing partnership's directory, in ORUK 3.0)",
        EVAL / "services" / "me_oruk.json",
        "Liverpool City Region Green Social Prescribing Partnership – Green & Blue Prescriptions directory (ORUK API), with partners' community signposting listings, Dec 2026",
        EVAL / "scenarios_me.json",
        None,
        ndcg_floor=0.68,
        gap_recall_floor=0.5,
        known_violations=1,
        scenario_count=22,
        with_seed=False,
    ),
    # Session 59: Bedford, Luton and Central Bedfordshire as a hospital cancer information and
    # support centre's local support directory (groups by cancer type and stage, a time on the
    # treatment journey, a hospital's patients only, a CNS's referral) with the community services it
    # signposts to, written and judged blind by two helpers. Its judge graded 5.2 services a
    # scenario. First run, unread (2d828dd): nDCG@10 0.424, keyword 0.126, P@5 0.32 (best 0.85), 16
    # violations, 0 of 6 gaps; its labels read unread: needs 0.79 / 0.70, groups 0.75 / 0.82, ages
    # found 14 of 14 and 1 wrong, residency 0.34 / 0.79 (from the words 0.94 / 0.67), phone 0.90 /
    # 0.82, wheelchair "no" 1.00 / 1.00, cost right 0.93. Since (a group for one cancer, read from
    # its words, not offered to someone with another): 0.495, 12, 0 of 6. Session 60 (where on the
    # treatment journey, a trust's own patients, a lift that does not go to Addenbrooke's, incurable
    # cancer, a dying husband is not yet a death): 0.519, 3, 1 of 6. Left: its other gaps are for one
    # cancer's group, a group in one's own language or a group that meets this month, which the
    # need codes cannot say; a befriending scheme for people living alone offered to a grandmother
    # whose family translate for her.
    "bl": Region(
        "Bedford, Luton and Central Bedfordshire (a hospital cancer support centre's directory, in ORUK 3.0)",
        EVAL / "services" / "bl_oruk.json",
        "Bedfordshire Hospitals Cancer Information & Support Centre – local support directory (ORUK API), with community signposting listings, Dec 2026",
        EVAL / "scenarios_bl.json",
        None,
        ndcg_floor=0.49,
        gap_recall_floor=0.15,
        known_violations=3,
        scenario_count=22,
        with_seed=False,
    ),
    # Session 60: Surrey as a Dementia Action Alliance's dementia-friendly activities and support
    # directory (who comes: people with a diagnosis, carers, both together; stage, young onset,
    # rarer dementias, a memory clinic's referral, care homes) with its members' community listings,
    # written and judged blind by two helpers. Its judge graded 5.3 services a scenario. First run,
    # unread (b7443bd): nDCG@10 0.595, keyword 0.134, P@5 0.42 (best 0.87), 39 violations, 4 of 6
    # gaps; its labels read unread: needs 0.88 / 0.66, groups 0.43 / 0.91, ages found all and none
    # wrong, residency 0.72 / 1.00, phone 1.00 / 0.80, cost right 0.96.
    # Since (one kind of dementia's group, a stage, care homes, care staff, a course for the newly
    # diagnosed, dementia carers' groups, a night's cover): 0.687, 9, 5 of 6.
    "sh": Region(
        "Surrey (a Dementia Action Alliance's activities and support directory, in ORUK 3.0)",
        EVAL / "services" / "sh_oruk.json",
        "Surrey Dementia Action Alliance – dementia-friendly activities and support directory (ORUK API), with members' community listings, Dec 2026",
        EVAL / "scenarios_sh.json",
        None,
        ndcg_floor=0.66,
        gap_recall_floor=0.8,
        known_violations=9,
        scenario_count=22,
        with_seed=False,
    ),
    # Session 60: Camden, Islington, Haringey, Barnet and Enfield as a homelessness outreach
    # partnership's Streets Guide (who: rough sleepers, women, 16-25s; when: days and hours; how:
    # outreach referral; local connection; no dogs) with day centres' referral partners, written and
    # judged blind by two helpers. Its judge graded 4.6 services a scenario. First run, unread
    # (b7443bd): nDCG@10 0.706, keyword 0.222, P@5 0.45 (best 0.76), 8 violations, 3 of 6 gaps; its
    # labels read unread: needs 0.81 / 0.87, groups 0.88 / 1.00, ages found 0.95 and none wrong,
    # residency 0.08 / 0.75 (a local connection), phone 0.80 / 0.73, cost right 0.98.
    # Since (sleeping rough rather than homeless, no dogs, not for people in hostels or long on the
    # streets, "Who:", "Not DA"): 0.721, 3, 3 of 6.
    "nl": Region(
        "North London: Camden, Islington, Haringey, Barnet and Enfield (a homelessness Streets Guide, in ORUK 3.0)",
        EVAL / "services" / "nl_oruk.json",
        "North London Streets Guide – homelessness outreach partnership (ORUK API), with day centres' referral partners, Dec 2026",
        EVAL / "scenarios_nl.json",
        None,
        ndcg_floor=0.7,
        gap_recall_floor=0.5,
        known_violations=3,
        scenario_count=22,
        with_seed=False,
    ),
    # Session 60: Brighton and Hove, Lewes, Adur and Worthing as an LGBTQ+ community centre's
    # community links directory (who: trans and non-binary, women, gay and bi men, QTIPOC, by age;
    # referral via its wellbeing team) with its partners' community listings, written and judged
    # blind by two helpers. Its judge graded 5.3 services a scenario. First run, unread (fbd5e81):
    # nDCG@10 0.601, keyword 0.204, P@5 0.45 (best 0.79), 45 violations, 4 of 7 gaps; its labels
    # read unread: needs 0.83 / 0.85, groups 0.79 / 0.97, ages found 0.96 and 0.04 wrong, residency
    # 0.61 / 1.00, phone 0.86 / 0.50, cost right 0.91.
    # Since (a trans and non-binary group, a council turned away in brackets, "HIV neg", GBMSM, "Who's
    # it for?", a last night that has been, a long hike): 0.641, 8, 4 of 7.
    "bh": Region(
        "Brighton and Hove, Lewes, Adur and Worthing (an LGBTQ+ community centre's directory, in ORUK 3.0)",
        EVAL / "services" / "bh_oruk.json",
        "Brighton LGBTQ+ Community Centre – community links directory (ORUK API), with partners' community listings, Dec 2026",
        EVAL / "scenarios_bh.json",
        None,
        ndcg_floor=0.61,
        gap_recall_floor=0.5,
        known_violations=8,
        scenario_count=22,
        with_seed=False,
    ),
    # Session 60: Kirklees and Calderdale as a council's learning disability and autism day
    # opportunities and short breaks directory for adults (eligibility, funding, referral, support
    # ratio) with community listings, written and judged blind by two helpers. Its judge graded 3.9
    # services a scenario. First run, unread (fbd5e81): nDCG@10 0.637, keyword 0.119, P@5 0.38 (best
    # 0.74), 13 violations, 4 of 6 gaps; its labels read unread: needs 0.83 / 0.80, groups 0.81 /
    # 0.92, ages found 0.97 and 0.09 wrong, residency 0.70 / 0.97, phone 0.77 / 0.83, cost right 0.94.
    # Since (autistic adults without a learning disability): 0.641, 12, 4 of 6.
    "kc": Region(
        "Kirklees and Calderdale (a council's learning disability and autism day opportunities directory, in ORUK 3.0)",
        EVAL / "services" / "kc_oruk.json",
        "Kirklees and Calderdale Councils – LD & Autism Day Opportunities and Short Breaks directory (ORUK API), with community listings, Dec 2026",
        EVAL / "scenarios_kc.json",
        None,
        ndcg_floor=0.61,
        gap_recall_floor=0.6,
        known_violations=12,
        scenario_count=22,
        with_seed=False,
    ),
    # The unseen region since session 14 (1 December 2026): Newcastle upon Tyne and North Tyneside
    # as a public library service's community information catalogue (formal staff prose, "Audience:"
    # and "Access:" lines, church groups, entries not checked since 2022), written and judged blind
    # by two more helpers, measured once (commit d3d6f5c) and never read: nDCG@10 0.694, keyword
    # 0.07, P@5 0.50 (best 0.76), 6 must-not services, gap recall 4 of 6; once more on the session's
    # final code, changed for nothing: 0.697, 5 must-not, 5 of 6. Session 15's final code, once, changed for
    # nothing: 0.699, 2 must-not, 5 of 6; the same on session 16's. Session 17's (commit 8bedb1e),
    # once, changed for nothing: 0.713, 2 must-not, 5 of 6.
    "nt": Region(
        "Newcastle upon Tyne and North Tyneside (unseen region)",
        EVAL / "services" / "nt_oruk.json",
        "Tyneside Libraries Community Information",
        EVAL / "scenarios_nt.json",
        EVAL / "services" / "nt_postcodes.csv",
        ndcg_floor=0.66,
        gap_recall_floor=0.6,
        known_violations=3,
        scenario_count=25,
    ),
}
MARGIN_OVER_KEYWORD = 0.30


# make test's PostgreSQL half ends before the SQLite process that runs the other suites, so the
# newest suites run there (tests/conftest.py IN_HALVES), and since session 46 three older ones
# whose floors leave room (that process still ended a minute and a half after the others), and in
# session 47 Durham and Northumberland and the City of Manchester (half a minute, then again), and
# in session 55 Oxfordshire (the suites process ended 32 s after it), in sessions 56 and 57 the Fylde
# coast and Berkshire, in session 59 Plymouth and Cornwall (the suites process ended 13 s after it)
# and the Liverpool City Region and Bedfordshire, in session 60 Surrey, North London, Brighton and
# Kirklees;
# run alone, every suite runs here.
IN_POSTGRESQL_HALF = frozenset(
    {
        "cv",
        "sy",
        "gm",
        "ha",
        "cw",
        "dn",
        "mc",
        "do",
        "su",
        "nn",
        "bm",
        "ox",
        "lb",
        "bk",
        "pc",
        "me",
        "bl",
        "sh",
        "nl",
        "bh",
        "kc",
    }
)


def _runs_here(code: str) -> bool:
    return not IN_HALVES or (code in IN_POSTGRESQL_HALF) == ON_POSTGRESQL


@pytest.fixture(scope="module", params=sorted(code for code in REGIONS if _runs_here(code)))
def region(request) -> Region:
    return REGIONS[request.param]


@pytest.fixture(scope="module")
def region_app(region, tmp_path_factory, meili, postgres_url):
    tmp = tmp_path_factory.mktemp("relevance_region")
    database = postgres_url or f"sqlite:///{tmp / 'region.db'}"
    with fresh_app(tmp, meili, database, seeded=region.with_seed) as app:
        with db.session_scope(app) as session:
            if region.postcodes is not None:
                loaded = geo.import_postcodes(session, region.postcodes)
                assert loaded.with_la == loaded.count > 50
            else:  # as a new installation elsewhere: Great Britain's postcode districts alone
                geo.import_gb_districts(session)
        import_feed(app, region.feed, region.publisher)
        yield app


@pytest.fixture(scope="module")
def directory(region_app) -> dict[str, dict]:
    return documents_by_id(region_app)


@pytest.fixture(scope="module")
def runs(region, region_app, directory) -> list[dict]:
    return scenario_runs(region_app, load_scenarios(region.scenarios), directory)


@pytest.fixture(scope="module")
def summary(region, runs, directory) -> dict:
    return summarise(runs, directory, region.title)


def test_scenarios_are_well_formed(region, directory):
    check_well_formed(load_scenarios(region.scenarios), directory, at_least=region.scenario_count)


def test_hard_constraints_are_broken_no_more_than_known(region, runs, directory):
    found = [reason for row in runs for reason in broken(row, directory)]
    print("\n".join(["", "violations:", *found]))
    assert len(found) <= region.known_violations, "\n".join(found)


def test_matcher_ndcg_is_above_the_floor(region, summary):
    assert summary["ndcg"] >= region.ndcg_floor, summary


def test_matcher_is_clearly_better_than_keyword_search(region, summary):
    margin = MARGIN_OVER_KEYWORD if region.keyword_margin is None else region.keyword_margin
    assert summary["ndcg"] >= summary["keyword_ndcg"] + margin, summary


def test_unmet_needs_are_flagged(region, summary):
    assert summary["gap_recall"] >= region.gap_recall_floor, summary
