"""Checks of the benchmark's inputs (run with `pytest bench`); no timings are asserted here."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date

from bench import run, synth


def test_same_seed_same_bytes_and_another_seed_differs():
    first = synth.to_csv_bytes(synth.generate(300, seed=7))
    assert first == synth.to_csv_bytes(synth.generate(300, seed=7))
    assert first != synth.to_csv_bytes(synth.generate(300, seed=8))


def test_every_row_passes_the_apps_own_validation():
    from directory_app.directory.service_input import FIELD_NAMES, validate_service_input

    rows = synth.generate(1500, seed=11)
    assert set(synth.COLUMNS) <= set(FIELD_NAMES)
    for row in rows:
        validate_service_input(row)  # raises ValidationError on a bad row


def test_rows_look_like_a_directory():
    rows = synth.generate(3000, seed=3)
    codes = set(synth.need_codes())
    remote = [r for r in rows if r["area_wide"] == "yes"]
    assert 0.06 < len(remote) / len(rows) < 0.14
    assert all(not r["latitude"] and set(r["delivery"].split(";")) <= {"phone", "online"} for r in remote)
    local = [r for r in rows if r["area_wide"] != "yes"]
    assert all(49.8 < float(r["latitude"]) < 55.9 and -6.5 < float(r["longitude"]) < 1.9 for r in local)
    assert all(not r["postcode"] for r in rows)
    assert {code for r in rows for code in r["needs"].split(";") if code} <= codes
    assert len({r["needs"].split(";")[0] for r in rows if r["needs"]}) == len(codes)
    assert all(0 <= (synth.ANCHOR - date.fromisoformat(r["last_verified_at"])).days <= 4 * 365 for r in rows)
    assert Counter(r["status"] for r in rows).most_common(1)[0][0] == "active"
    assert len({r["external_id"] for r in rows}) == len(rows)


def test_csv_has_the_template_header():
    text = synth.to_csv_bytes(synth.generate(5, seed=1)).decode()
    assert next(csv.reader(io.StringIO(text))) == synth.COLUMNS


def test_workloads_are_fixed_and_valid():
    from directory_app.needs import taxonomy
    from matching import Profile

    assert run.search_queries(5) == run.search_queries(5)
    assert run.match_profiles(5) == run.match_profiles(5)
    for query in run.search_queries(5):
        params = run.params_for(query)
        assert run.raw_search_options(params)["filter"]
    for profile in run.match_profiles(5):
        data = {k: v for k, v in profile.items() if k != "limit"}
        Profile.from_dict(data, taxonomy())  # raises ProfileError when invalid


def test_percentile_and_targets():
    assert run.percentile([1, 2, 3, 4, 5], 50) == 3
    assert run.percentile([0, 10], 95) == 9.5
    assert run.target(12, 10, "s") == {
        "limit": 10,
        "unit": "s",
        "met": False,
        "miss_by": 2,
        "miss_by_pct": 20.0,
    }
    assert run.target(8, 10, "s")["met"] is True
