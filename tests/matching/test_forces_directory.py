"""An Armed Forces Covenant partnership's directory: who may use each service in the forces
community's own categories, the areas it names as the police and the ICB do, and a programme whose
funding has ended (the Plymouth, Cornwall and Isles of Scilly directory, session 59)."""

from __future__ import annotations

from datetime import UTC, datetime

from matching import check, violations
from matching.fit import named_communities
from matching.forces_branch import another_branch, person_branches, service_branches
from matching.situations import for_another_community
from tests.matching.conftest import oruk_record

DECEMBER = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
CORNWALL, SCILLY, PLYMOUTH, TORBAY, WEST_DEVON = (
    "E06000052",
    "E06000053",
    "E06000026",
    "E06000027",
    "E07000047",
)


def test_a_navy_caseworker_service_is_not_for_an_army_veteran():
    caseworkers = {
        "name": "RN/RM Caseworker Service",
        "description": "Who can use this: Ex-RN/RM only – RN, RM, RFA, QARNNS and WRNS serving, veterans "
        "and their families only.",
    }
    national = {
        "name": "Naval welfare charity",
        "description": "Casework and grants for serving and former members of the Royal Navy, Royal Marines "
        "and RFA, and their dependants.",
    }
    army_families = {
        "name": "Army Families Helpline",
        "description": "Who can use this: Spouses/partners of serving personnel (Army), Dependants.",
    }
    assert service_branches(caseworkers) == service_branches(national) == {"navy"}
    assert service_branches(army_families) == {"army"}
    para = person_branches("Ex-Para, did the Falklands")
    assert another_branch(caseworkers, para) == "veterans of the Royal Navy and Royal Marines"
    assert another_branch(caseworkers, person_branches("Served 22 years in the Navy")) is None
    assert another_branch(caseworkers, person_branches("Left the mob in 2019 (Rifles, 2 tours Afghan)"))
    assert another_branch(army_families, person_branches("Partner's a matelot, away on deployment"))
    # who comes is not who may: "lots of ex-navy and RAF come along" holds no one back
    assert service_branches({"description": "Veterans' club: lots of ex-navy and RAF come along"}) == set()


def test_who_can_use_this_names_the_group(reader):
    ssafa = reader.understand(
        oruk_record(
            "Volunteer caseworkers visit at home to raise grants.\nWho can use this: Veterans, Serving "
            "personnel, Reservists, Dependants, Bereaved families.",
            "SSAFA",
        )
    )
    assert ssafa.group_codes() == ["veterans"]


def test_full_with_no_new_referrals_is_not_taking_people(reader):
    full = reader.understand(
        oruk_record(
            "Weekly phone call for people 50+. FULL – no new referrals until March; we'll keep a waiting list."
        )
    )
    assert full.value("capacity")["accepting"] is False
    for open_ in (
        "A lively group, always full of fun.",
        "A full day out every month.",
        "Full-time staff answer.",
        # full in one town of its area, a wait elsewhere
        "Capacity: 40 matches, currently full in Corby, waiting list approx 2 months.",
    ):
        capacity = reader.understand(oruk_record(open_)).value("capacity")
        assert capacity is None or capacity["accepting"] is not False


def test_a_programme_whose_funding_ended_ends_the_listing(reader, make_person, make_service):
    ended = reader.understand(
        oruk_record(
            "Employment coaching for service leavers. Funding for this programme ends 31 March 2026 – "
            "referrals taken until then."
        )
    )
    assert ended.value("runs_until") == "2026-03-31"
    # a group's grant running out is not the group stopping
    grant = reader.understand(oruk_record("Funding ended March 2026 – the group now meets monthly."))
    assert grant.value("runs_until") is None
    leaver = make_person(needs=("employment_skills",))
    assert check(
        leaver, make_service(needs=["employment_skills"], runs_until="2026-03-31"), 1.0, DECEMBER
    ).reasons


def test_the_areas_the_police_and_the_icb_name(reader):
    def residency(area: str, description: str = "Phone support.") -> set[str]:
        record = oruk_record(description, "Partnership", service_areas=[{"name": area}])
        return set(reader.understand(record).summary()["residency"])

    police_area = residency("Devon & Cornwall")
    assert {CORNWALL, SCILLY, PLYMOUTH, TORBAY, WEST_DEVON} <= police_area
    assert residency("CIoS") == {CORNWALL, SCILLY}
    gp = reader.understand(
        oruk_record(
            "Talking therapies. You must be 18+ and registered with a Cornwall or Isles of Scilly GP."
        )
    )
    assert set(gp.summary()["residency"]) == {CORNWALL, SCILLY}


def test_a_communitys_own_veterans_group_is_not_raised_for_others(make_person, make_service):
    gurkha = make_service(
        name="Gurkha & Commonwealth Veterans Community Group",
        description="Who can use this: Gurkha and Commonwealth veterans and their families.",
        eligibility=["veterans"],
    )
    raf = make_person(goals="Husband's ex-RAF, 25 yrs, just sits indoors", circumstances=("veterans",))
    assert violations(raf, gurkha, 1.0) == []  # allowed, for the link worker to judge
    # ranked as another community's own (rank.py), below a group open to every veteran
    assert for_another_community(named_communities(gurkha), raf.audiences)
    gurkha_widow = make_person(
        goals="Gurkha widow, husband served 15 years", circumstances=("veterans",), situations=("nepali",)
    )
    assert not for_another_community(named_communities(gurkha), gurkha_widow.audiences)


def test_a_line_for_serving_personnels_families_is_not_for_a_widow(reader, person_from_words, make_service):
    nff = reader.understand(
        oruk_record(
            "Independent voice for RN and RM families: deployments, childcare, spouse employment.\n"
            "Who can use this: Spouses/partners of serving personnel (RN/RM), Dependants.",
            "Naval Families Federation",
        )
    )
    assert [f.value for f in nff.situations] == ["serving_forces_families"]
    families_line = make_service(name="Naval Families Federation", situations=["serving_forces_families"])

    widow = person_from_words(
        "Husband was a Royal Marine, left in 2021, died last year. She's in Bodmin with 2 kids"
    )
    assert check(widow, families_line, 1.0).reasons == ["only for families of serving armed forces personnel"]
    assert check(
        person_from_words("Partner's a matelot, away on deployment 7 months, 2 kids"), families_line, 1.0
    ).allowed
    # "left for his deployment" is not leaving the forces
    assert check(
        person_from_words("Husband is serving, left for his deployment last week"), families_line, 1.0
    ).allowed
