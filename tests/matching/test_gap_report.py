import math

import pytest

from matching import gap_report, suppress

KM_PER_DEGREE_LAT = 111.195
REACH = {"loneliness": 3.0, "money_debt": 5.0}


def at(km_north):
    """A point km_north of Sale (negative = south)."""
    return (53.4246 + km_north / KM_PER_DEGREE_LAT, -2.3222)


def area(code, km_north, population=1600, decile=5, **extra):
    lat, lng = at(km_north)
    return {
        "code": code,
        "name": code.title(),
        "type": "lsoa",
        "lat": lat,
        "lng": lng,
        "population": population,
        "imd_decile": decile,
        "imd_rank": None,
        **extra,
    }


def service(sid, needs, *kms, status="active", delivery=("in_person",), area_wide=False, service_area=()):
    return {
        "id": sid,
        "name": sid,
        "needs": list(needs),
        "status": status,
        "delivery": list(delivery),
        "area_wide": area_wide,
        "service_area": list(service_area),
        "locations": [dict(zip(("lat", "lng"), at(km), strict=True)) for km in kms],
    }


@pytest.fixture
def areas():
    return [
        area("SALE", 0, decile=2, within=["E08000009"]),
        area("BOWDON", 20, decile=9),
        area("CARR", 40, population=None, decile=1),
    ]


@pytest.fixture
def services():
    return [
        service("inside-reach", ["loneliness"], 2.9),
        service("just-outside", ["loneliness"], -3.1),
        service("three-halls", ["loneliness"], 1, 2, 20.5),  # counts once per area
        service("closed", ["loneliness"], 0, status="inactive"),
        service("online-chat", ["loneliness"], delivery=("online",)),
        service("hybrid", ["loneliness"], 21, delivery=("in_person", "online")),
        service("borough-debt", ["money_debt"], 0, area_wide=True, service_area=["E08000009"]),
    ]


def rows_by_key(rows):
    return {(r["area_code"], r["need"]): r for r in rows}


def test_local_counts_nearest_and_remote(areas, services):
    rows = rows_by_key(gap_report(areas, services, ["loneliness", "money_debt"], reach_km=REACH))
    assert len(rows) == 6
    sale, bowdon, carr = (rows[(a, "loneliness")] for a in ("SALE", "BOWDON", "CARR"))
    assert (sale["local_count"], bowdon["local_count"], carr["local_count"]) == (2, 2, 0)
    assert sale["nearest_km"] == 1.0 and bowdon["nearest_km"] == 0.5 and carr["nearest_km"] == 19.0
    # online and hybrid services are remote everywhere; never added to local counts
    assert {r["remote_count"] for r in (sale, bowdon, carr)} == {2}
    # area-wide debt service: remote for the area inside its borough only, never local or "nearest"
    debt = {a: rows[(a, "money_debt")] for a in ("SALE", "BOWDON", "CARR")}
    assert [debt[a]["remote_count"] for a in ("SALE", "BOWDON", "CARR")] == [1, 0, 0]
    assert all(d["local_count"] == 0 and d["nearest_km"] is None for d in debt.values())


def test_area_wide_service_without_service_area_covers_everywhere(areas):
    national = service("national-helpline", ["money_debt"], area_wide=True)
    rows = gap_report(areas, [national], ["money_debt"], reach_km=REACH)
    assert [r["remote_count"] for r in rows] == [1, 1, 1]
    assert all(r["local_count"] == 0 for r in rows)


def test_provision_score(areas, services):
    rows = rows_by_key(gap_report(areas, services, ["loneliness", "money_debt"], reach_km=REACH))
    sale = rows[("SALE", "loneliness")]
    expected = 0.7 * (1 - math.exp(-(2 * 10_000 / 1600) / 6)) + 0.3 * math.exp(-1.0 / 3)
    assert sale["provision_score"] == pytest.approx(expected, abs=1e-3)
    assert rows[("SALE", "money_debt")]["provision_score"] == 0.0
    assert all(0 <= r["provision_score"] <= 1 and 0 <= r["priority_score"] <= 1 for r in rows.values())


def test_priority_order(areas, services):
    rows = gap_report(areas, services, ["loneliness", "money_debt"], reach_km=REACH)
    order = [(r["area_code"], r["need"]) for r in rows]
    # Carr: nothing local and most deprived. Bowdon: well served and least deprived.
    assert order[:2] == [("CARR", "money_debt"), ("CARR", "loneliness")]
    assert order[2] == ("SALE", "money_debt")
    assert order[-1] == ("BOWDON", "loneliness")
    scores = [r["priority_score"] for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_unmet_demand_raises_priority_and_is_suppressed(areas, services):
    demand = {
        ("BOWDON", "loneliness"): {"requests": 30, "unmatched": 20},
        ("SALE", "loneliness"): {"requests": 3, "unmatched": 1},
        ("ELSEWHERE", "loneliness"): {"requests": 9, "unmatched": 9},
    }
    plain = rows_by_key(gap_report(areas, services, ["loneliness"], reach_km=REACH))
    rows = rows_by_key(gap_report(areas, services, ["loneliness"], reach_km=REACH, demand=demand))
    bowdon = rows[("BOWDON", "loneliness")]
    assert bowdon["priority_score"] > plain[("BOWDON", "loneliness")]["priority_score"] + 0.15
    assert (bowdon["demand_requests"], bowdon["demand_unmet"]) == (30, 20)
    sale = rows[("SALE", "loneliness")]
    assert (sale["demand_requests"], sale["demand_unmet"]) == ("<5", "<5")
    assert rows[("CARR", "loneliness")]["demand_requests"] == 0


@pytest.mark.parametrize("n, shown", [(0, 0), (1, "<5"), (4, "<5"), (5, 5), (120, 120), (None, None)])
def test_suppress(n, shown):
    assert suppress(n) == shown


def test_suppress_refuses_negative_counts():
    with pytest.raises(ValueError):
        suppress(-1)


def test_empty_inputs(areas):
    assert gap_report([], [], ["loneliness"], reach_km=REACH) == []
    rows = gap_report(areas, [], ["loneliness"], reach_km=REACH)
    assert [r["local_count"] for r in rows] == [0, 0, 0]
    assert [r["area_code"] for r in rows] == ["CARR", "SALE", "BOWDON"]  # by deprivation alone
