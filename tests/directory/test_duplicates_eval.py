"""Duplicates measured on labelled pairs, through the real import and database.

1. Another region (seed_data/eval/services/gm_boroughs_oruk.json): a second publisher re-lists 14
   services with other wording, thinner text, messy postcodes and no coordinates
   (duplicates.jsonl: 14 true pairs, 4 same-organisation/other-venue pairs that are not).
2. The Trafford seed, plus 30 of its services added again by a second publisher with their
   postcodes written as "m33 7ab", "M337AB" or " M33 7AB " and no coordinates (each IS a
   duplicate), against every pair of Trussell Trust food banks at different venues and the Citizens
   Advice charities sharing a head-office postcode (NOT duplicates), and the pairs already in the
   seed that we judged by reading both records (tests/directory/duplicates_trafford_judged.jsonl).

Floors are a little below the figures measured when this was written (docs/understanding.md,
"Duplicates"); the targets are precision 0.90 and recall 0.80.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path

import pytest
from sqlmodel import select

from directory_app import db
from directory_app.directory import duplicates, geo
from directory_app.directory.jobs import import_file
from directory_app.models import DuplicateFlag, Service
from directory_app.seed import SEED_DIR
from tests.conftest import fresh_app, once_in_postgresql_half

pytestmark = once_in_postgresql_half

EVAL = Path(__file__).resolve().parents[2] / "seed_data" / "eval" / "services"
SEED_CSV = Path(__file__).resolve().parents[2] / "seed_data" / "directory" / "trafford_services.csv"
JUDGED = Path(__file__).with_name("duplicates_trafford_judged.jsonl")
FLOORS = {"gm": (0.9, 0.85), "trafford": (0.93, 0.9)}


def _measure(app, positives: set[frozenset], negatives: set[frozenset]) -> dict:
    """Open flags as external-id pairs, scored against the labels. A flagged pair inside one group
    of labelled duplicates (a copy and its original's other listing) counts as right."""
    with db.session_scope(app) as session:
        external = {sid: ext for sid, ext in session.exec(select(Service.id, Service.external_id))}
        flagged = {
            frozenset((external[f.service_id], external[f.other_id]))
            for f in session.exec(select(DuplicateFlag).where(DuplicateFlag.status == "open"))
        }
    group: dict[str, str] = {}

    def root(x):
        while group.get(x, x) != x:
            x = group[x]
        return x

    for pair in positives:
        a, b = sorted(pair)
        group[root(a)] = root(b)
    right = {p for p in flagged if len({root(x) for x in p}) == 1}
    found = positives & flagged
    result = {
        "flagged": len(flagged),
        "right": len(right),
        "labelled_true": len(positives),
        "found": len(found),
        "labelled_false_flagged": len(negatives & flagged),
        "precision": round(len(right) / len(flagged), 3) if flagged else 1.0,
        "recall": round(len(found) / len(positives), 3),
    }
    result["labelled_false_flagged_pairs"] = sorted(tuple(sorted(p)) for p in negatives & flagged)
    result["wrong"] = sorted(tuple(sorted(p)) for p in flagged - right)[:20]
    result["missed"] = sorted(tuple(sorted(p)) for p in positives - flagged)[:20]
    return result


@pytest.fixture(scope="module")
def gm_app(tmp_path_factory, meili, postgres_url):
    tmp = tmp_path_factory.mktemp("dupes_gm")
    with fresh_app(tmp, meili, postgres_url or f"sqlite:///{tmp / 'gm.db'}", search_index="memory") as app:
        with db.session_scope(app) as session:  # the seed's geography, less the North East's
            geo.import_gb_districts(session)
            for name in ("gm_postcodes_extra.csv", "gm_postcodes.csv"):
                geo.import_postcodes(session, SEED_DIR / "geo" / name)
        feed = json.loads((EVAL / "gm_boroughs_oruk.json").read_text(encoding="utf-8"))
        for publisher, records in itertools.groupby(
            sorted(feed, key=lambda r: r["publisher"]), lambda r: r["publisher"]
        ):
            report = import_file(app, json.dumps(list(records)).encode(), "gm.json", publisher, actor="test")
            assert not report.errors, report.errors[:3]
        yield app


def test_another_regions_duplicates(gm_app):
    labels = [
        json.loads(line) for line in (EVAL / "duplicates.jsonl").read_text().splitlines() if line.strip()
    ]
    positives = {frozenset((p["a"], p["b"])) for p in labels if p.get("duplicate", True)}
    negatives = {frozenset((p["a"], p["b"])) for p in labels if not p.get("duplicate", True)}
    on_import = _measure(gm_app, positives, negatives)
    print("\nGM, flagged record by record during import:", on_import)
    with db.session_scope(gm_app) as session:
        summary = duplicates.flag_all(session)
        session.commit()
    whole = _measure(gm_app, positives, negatives)
    print("GM, after the whole-directory pass:", summary, whole)
    precision, recall = FLOORS["gm"]
    for result in (on_import, whole):
        assert result["labelled_false_flagged"] == 0, result
        assert result["precision"] >= precision and result["recall"] >= recall, result


def _copies(rows: list[dict]) -> list[dict]:
    """Every 14th seed service with a postcode, as a second publisher would list it."""
    formats = [lambda pc: pc.lower(), lambda pc: pc.replace(" ", ""), lambda pc: f" {pc} "]
    chosen = [r for r in rows if r["postcode"]][::14][:30]
    out = []
    for n, row in enumerate(chosen):
        copy = dict(row)
        copy["postcode"] = formats[n % 3](row["postcode"])
        copy["latitude"] = copy["longitude"] = ""
        copy["description"] = (row["description"] or "").split(".")[0][:120]  # thinner text
        copy["name"] = row["name"].upper() if n % 4 == 0 else row["name"]
        out.append(copy)
    return out


@pytest.fixture(scope="module")
def trafford_app(tmp_path_factory, meili, postgres_url):
    tmp = tmp_path_factory.mktemp("dupes_trafford")
    with fresh_app(
        tmp, meili, postgres_url or f"sqlite:///{tmp / 't.db'}", seeded=True, search_index="memory"
    ) as app:
        with db.session_scope(app) as session:
            print(f"\nThe seed directory's own duplicates queue: {duplicates.open_count(session)} pairs")
        with SEED_CSV.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            header, rows = reader.fieldnames, list(reader)
        copies = _copies(rows)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(copies)
        report = import_file(app, buffer.getvalue().encode(), "again.csv", "Second publisher", actor="test")
        assert not report.errors, report.errors[:3]
        yield app, rows, copies


def _trafford_labels(app, rows, copies):
    with db.session_scope(app) as session:
        ids = {
            (pub, ext): sid
            for sid, pub, ext in session.exec(select(Service.id, Service.publisher, Service.external_id))
        }
    # External ids repeat across the two publishers, so the copies are named "again:<id>".
    positives = {frozenset((c["external_id"], "again:" + c["external_id"])) for c in copies}
    negatives = set()
    trussell = [r["external_id"] for r in rows if "trussell" in r["organization"].lower()]
    negatives |= {frozenset(p) for p in itertools.combinations(trussell, 2)}
    advice = [
        r["external_id"] for r in rows if r["postcode"] == "M4 5AD" and "citizens advice" in r["name"].lower()
    ]
    negatives |= {frozenset(p) for p in itertools.combinations(advice, 2)}
    constructed = set(negatives)
    for line in JUDGED.read_text().splitlines():
        if line.strip():
            judged = json.loads(line)
            (positives if judged["duplicate"] else negatives).add(frozenset((judged["a"], judged["b"])))
    return ids, positives, negatives, constructed


def test_trafford_services_added_twice_and_food_bank_venues(trafford_app):
    app, rows, copies = trafford_app
    ids, positives, negatives, constructed = _trafford_labels(app, rows, copies)
    second = {sid for (pub, _), sid in ids.items() if pub == "Second publisher"}
    with db.session_scope(app) as session:
        # Name the copies apart from their originals for the measure.
        for service in session.exec(select(Service).where(Service.id.in_(second))):
            service.external_id = "again:" + service.external_id
            session.add(service)
        session.commit()
    assert len(negatives) > 300 and len(positives) >= 30
    result = _measure(app, positives, negatives)
    print("\nTrafford seed + 30 services added again:", result)
    precision, recall = FLOORS["trafford"]
    # Never a food bank venue of the same organisation, nor one Citizens Advice for another.
    assert not [p for p in result["labelled_false_flagged_pairs"] if frozenset(p) in constructed], result
    assert result["labelled_false_flagged"] <= 1, result  # measured: Age UK's dementia service vs Age UK
    assert result["precision"] >= precision and result["recall"] >= recall, result


def test_resolving_a_pair_updates_the_counts(trafford_app):
    app, _, _ = trafford_app
    with db.session_scope(app) as session:
        before = duplicates.open_count(session)
        (flag, a, b), *_ = duplicates.open_flags(session)
        duplicates.decide(session, flag.id, "merge", "curator", keep_id=a.id)
        assert duplicates.open_count(session) < before
        assert all(b.id not in (f.service_id, f.other_id) for f, _, _ in duplicates.open_flags(session))
