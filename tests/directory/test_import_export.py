from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from sqlmodel import func, select

from directory_app import db
from directory_app.directory.export import export_csv, export_oruk
from directory_app.directory.importer import ImportFileError
from directory_app.directory.jobs import import_file
from directory_app.directory.oruk import service_to_oruk
from directory_app.directory.service import get_service
from directory_app.directory.service_input import FIELD_NAMES
from directory_app.models import Organization, Service

ORUK = Path(__file__).resolve().parents[2] / "seed_data" / "oruk"  # the official files, vendored


def _count(app) -> int:
    with db.session_scope(app) as session:
        return session.exec(select(func.count()).select_from(Service)).one()


def _by_external_id(session, external_id: str) -> Service:
    service = session.exec(select(Service).where(Service.external_id == external_id)).one()
    return get_service(session, service.id)


def test_oruk_service_full_round_trips_field_for_field(app):
    source = ORUK / "examples" / "service_full.json"
    report = import_file(app, source.read_bytes(), source.name, "example-publisher", "test")
    assert report.created == 1 and not report.errors
    original = json.loads(source.read_text())
    with db.session_scope(app) as session:
        service = _by_external_id(session, original["id"])
        # the example's maximum_age 100 is read as no upper limit for matching, and given back as sent
        assert (service.minimum_age, service.maximum_age) == (12, None)
        exported = service_to_oruk(service, published_ids=True)
        from_file = json.loads(export_oruk(session))["services"]
    assert exported == original
    assert from_file == [original]
    schema = json.loads((ORUK / "schema" / "compiled" / "service.json").read_text())
    jsonschema.validate(exported, schema)


def test_an_oruk_feed_with_blank_coordinates_and_access_notes_under_another_name_imports(app):
    """Feeds write "" where a value is missing and "accessibilities" for ORUK's "accessibility":
    the venue is still imported, placed from its postcode, and its access notes are read."""
    record = json.loads((ORUK / "examples" / "service_full.json").read_text())
    location = record["service_at_locations"][0]["location"]
    location["latitude"], location["longitude"] = "", " "
    location["accessibilities"] = [{"id": "a1", "description": "Upstairs room, no lift."}]
    location.pop("accessibility", None)
    report = import_file(app, json.dumps([record]).encode(), "feed.json", "blank-publisher", "test")
    assert report.created == 1 and not report.errors, report.as_dict()
    with db.session_scope(app) as session:
        service = _by_external_id(session, record["id"])
        venue = service.service_at_locations[0].location
        assert venue.latitude is None or isinstance(venue.latitude, float)
        assert [a.description for a in venue.accessibility] == ["Upstairs room, no lift."]
        assert service.wheelchair == "no"


def test_services_that_share_a_venue_with_its_address_all_import_and_share_it(app):
    """Feeds list one community centre (same location id, same address id) under every service
    that meets there, and leave parts of its address null: each service lands, and they share one
    venue whose address is the last sent."""
    record = json.loads((ORUK / "examples" / "service_full.json").read_text())
    records = []
    for n in range(3):
        copy = json.loads(json.dumps(record))
        copy["id"], copy["name"] = f"shared-venue-{n}", f"Group {n} at the centre"
        address = copy["service_at_locations"][0]["location"]["addresses"][0]
        address.update(address_1=f"{n} Christleton Road", state_province=None, country=None)
        records.append(copy)
    report = import_file(app, json.dumps(records).encode(), "feed.json", "venue-publisher", "test")
    assert report.created == 3 and not report.errors, report.as_dict()
    with db.session_scope(app) as session:
        venues = {
            link.location.id: link.location
            for n in range(3)
            for link in _by_external_id(session, f"shared-venue-{n}").service_at_locations
        }
        (venue,) = venues.values()
        assert [(a.address_1, a.state_province, a.country) for a in venue.addresses] == [
            ("2 Christleton Road", "", "GB")
        ]
    # and again, as a feed is imported every night
    records[0]["description"] = "Now on Thursdays too."
    again = import_file(app, json.dumps(records).encode(), "feed.json", "venue-publisher", "test")
    assert (again.updated, again.unchanged, again.failed) == (1, 2, 0), again.as_dict()


def test_whole_directory_export_validates_and_reimports_without_change(app, make_service):
    make_service()
    make_service(
        name="Stretford Walking Group",
        postcode="M32 0SQ",
        cost="free",
        minimum_age=None,
        description="Gentle walks in the park",
    )
    with db.session_scope(app) as session:
        exported = json.loads(export_oruk(session))
    schema = json.loads((ORUK / "schema" / "compiled" / "service.json").read_text())
    for service in exported["services"]:
        jsonschema.validate(service, schema)
    assert {s["name"] for s in exported["services"]} == {"Sale Lunch Club", "Stretford Walking Group"}


def _csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELD_NAMES, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode()


def _row(number: int, **overrides) -> dict:
    row = {
        "external_id": f"svc-{number}",
        "name": f"Community group {number}",
        "organization": "Test Org",
        "description": "A weekly group for people who are lonely",
        "latitude": "53.42",
        "longitude": "-2.32",
        "cost": "free",
        "schedule": "MO 10:00-12:00",
    }
    row.update(overrides)
    return row


def test_many_records_with_ten_invalid_land_the_rest_and_report_the_ten(app):
    # 250 records in batches of at most 50 (the first 25) spread the ten bad ones over several
    # batches, first and last included, as a thousand did at the default size of 200; a thousand
    # records proved nothing more and took 20 s.
    app.config["IMPORT_BATCH_SIZE"] = 50
    bad = {
        7: {"minimum_age": "ninety"},
        20: {"name": ""},
        48: {"schedule": "Monday mornings 10-12"},
        80: {"email": "not-an-email"},
        133: {"cost": "cheap"},
        160: {"latitude": "95"},
        202: {"postcode": "NOT A PC", "latitude": "", "longitude": ""},
        230: {"maximum_age": "10", "minimum_age": "20"},
        242: {"needs": "unicorns"},
        250: {"delivery": "telepathy"},
    }
    rows = [_row(n, **bad.get(n, {})) for n in range(1, 251)]
    report = import_file(app, _csv(rows), "feed.csv", "test-feed", "test")
    assert report.created == 240 and report.failed == 10
    # One line per bad record: a field that fails its own check is not blamed again by a cross-field rule.
    assert sorted(e["record"] for e in report.errors) == sorted(f"svc-{n}" for n in bad)
    fields = {e["record"]: e["field"] for e in report.errors}
    assert fields["svc-7"] == "minimum_age" and fields["svc-20"] == "name"
    assert fields["svc-48"] == "schedule" and fields["svc-230"] == "maximum_age"
    assert all(e["reason"] for e in report.errors)
    assert _count(app) == 240

    again = import_file(app, _csv(rows), "feed.csv", "test-feed", "test")
    assert again.created == 0 and again.updated == 0 and again.unchanged == 240
    assert _count(app) == 240


def test_a_record_that_fails_part_way_through_writing_is_left_out_alone_and_reported(app):
    # Its postcode passes validation but is found unknown only while the record is written, after
    # its organisation was created: the rest of its batch must land, and nothing of it.
    rows = [_row(n) for n in range(1, 41)]
    rows[16] = _row(
        17, organization="Only the broken record's group", postcode="ZZ9 9ZZ", latitude="", longitude=""
    )
    report = import_file(app, _csv(rows), "feed.csv", "test-feed", "test")
    assert report.created == 39
    assert [(e["record"], e["field"]) for e in report.errors] == [("svc-17", "postcode")]
    with db.session_scope(app) as session:
        organizations = session.exec(select(Organization.name)).all()
        services = session.exec(select(Service).where(Service.publisher == "test-feed")).all()
        assert organizations == ["Test Org"]  # one row for the 39 records sharing it, none for the broken one
        assert len(services) == 39 and "svc-17" not in {s.external_id for s in services}
        assert all(
            s.organization.name == "Test Org" and s.service_at_locations and s.schedules for s in services
        )


def test_reimport_with_a_change_updates_instead_of_duplicating(app):
    import_file(app, _csv([_row(1), _row(2)]), "feed.csv", "p", "test")
    report = import_file(app, _csv([_row(1, name="Renamed group"), _row(2)]), "feed.csv", "p", "test")
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    with db.session_scope(app) as session:
        names = set(session.exec(select(Service.name)))
    assert names == {"Renamed group", "Community group 2"}


@pytest.mark.parametrize("cut", [0.5, 0.93])
def test_truncated_json_changes_nothing(app, cut):
    feed = json.dumps({"services": [json.loads((ORUK / "examples" / "service_full.json").read_text())]})
    with pytest.raises(ImportFileError) as error:
        import_file(app, feed[: int(len(feed) * cut)].encode(), "feed.json", "p", "test")
    assert "not valid JSON" in error.value.message and "Nothing was imported" in error.value.message
    assert _count(app) == 0


def test_truncated_csv_changes_nothing(app):
    content = _csv([_row(1), _row(2), _row(3, description='A "quoted, long" description')])
    cut = content[: content.index(b'"quoted') + 5]
    with pytest.raises(ImportFileError):
        import_file(app, cut, "feed.csv", "p", "test")
    assert _count(app) == 0


def test_oruk_v1_feed_maps_what_maps_and_reports_the_rest(app, places):
    v1 = {
        "id": "1001",
        "name": "Carers Cafe",
        "description": "Monthly cafe for unpaid carers",
        "status": "active",
        "deliverable_type": "Advice",
        "attending_access": "drop-in",
        "holiday_schedules": [
            {"id": "h1", "closed": True, "start_date": "2026-12-24", "end_date": "2027-01-02"}
        ],
        "organization": {"id": "org-9", "name": "Trafford Carers Centre", "url": "https://carers.example"},
        "eligibilitys": [{"id": "e1", "minimum_age": 18}],
        "regular_schedules": [
            {"id": "s1", "weekday": "Wednesday", "opens_at": "10:00", "closes_at": "12:00"}
        ],
        "contacts": [{"id": "c1", "name": "Reception", "phones": [{"id": "p1", "number": "0161 912 3456"}]}],
        "service_at_locations": [
            {
                "id": "sal1",
                "location": {
                    "id": "loc1",
                    "name": "Sale Waterside",
                    "physical_addresses": [
                        {"id": "a1", "address_1": "Waterside Plaza", "city": "Sale", "postal_code": "m33 7zz"}
                    ],
                },
            }
        ],
        "service_taxonomys": [{"id": "t1", "taxonomy": {"id": "tx1", "name": "Carers", "vocabulary": "esd"}}],
    }
    report = import_file(app, json.dumps([v1]).encode(), "v1.json", "council", "test")
    assert report.format == "oruk_v1" and report.created == 1, report.as_dict()
    warned = report.warnings[0]["field"]
    assert "holiday_schedules" in warned and "attending_access" not in warned
    with db.session_scope(app) as session:
        service = _by_external_id(session, "1001")
        assert service.minimum_age == 18
        assert service.schedules[0].byday == "WE"
        assert service.service_at_locations[0].location.postcode == "M33 7ZZ"
        assert service.service_at_locations[0].location.latitude == pytest.approx(53.4236)
        assert service.phones[0].number == "0161 912 3456"
        assert "carers" in service.needs
    # A second v1 service of the same organisation, at the same venue and under the same term, in
    # one batch with a third: each shared row is made once and both services point at it.
    second = {
        **v1,
        "id": "1002",
        "name": "Carers Walk",
        "service_taxonomys": [{"id": "t2", "taxonomy": {"id": "tx1", "name": "Carers", "vocabulary": "esd"}}],
    }
    third = {**second, "id": "1003", "name": "Carers Choir"}
    report = import_file(app, json.dumps([second, third]).encode(), "v1.json", "council", "test")
    assert report.created == 2 and not report.errors, report.as_dict()
    with db.session_scope(app) as session:
        walk, choir = _by_external_id(session, "1002"), _by_external_id(session, "1003")
        assert walk.organization_id == choir.organization_id == service.organization_id
        assert walk.service_at_locations[0].location_id == choir.service_at_locations[0].location_id


def test_a_v1_feeds_eligibility_text_and_way_of_attending_decide_who_and_how(app):
    """ORUK v1 says who may come in `eligibilitys` and how in `attending_type`; both reach the
    understanding step and the export, where ORUK 3.0 has no field of its own for them."""
    v1 = {
        "id": "2001",
        "name": "Tuesday Natter",
        "description": "A friendly chat over a cuppa with one of our volunteers.",
        "status": "active",
        "attending_type": "Phone",
        "attending_access": "referral",
        "organization": {"id": "org-2", "name": "Notts Friendship Line"},
        "eligibilitys": [
            {"id": "e1", "eligibility": "Women only"},
            {"id": "e2", "eligibility": "Aged 55 and over", "minimum_age": 55},
        ],
        "regular_schedules": [{"id": "s1", "weekday": "Tuesday", "opens_at": "10:00", "closes_at": "12:00"}],
    }
    report = import_file(app, json.dumps([v1]).encode(), "v1.json", "council", "test")
    assert report.created == 1, report.as_dict()
    assert not any("eligibilitys" in w["field"] or "attending_type" in w["field"] for w in report.warnings)
    with db.session_scope(app) as session:
        service = _by_external_id(session, "2001")
        assert service.eligibility == ["women"]
        assert "phone" in service.delivery and "in_person" not in service.delivery
        assert service.minimum_age == 55
        exported = service_to_oruk(service)
    assert exported["eligibility_description"] == "Women only. Aged 55 and over."
    assert exported["attending_type"] == "Phone"


def test_a_v1_feeds_loosely_written_days_and_times_still_say_when(app):
    """Council v1 feeds write "Mon", "Tues & Thurs", "3" (ISO Wednesday) and "2.30pm"."""

    def service(number: int, weekday, opens_at: str, closes_at: str) -> dict:
        return {
            "id": f"30{number}",
            "name": f"Knit and Natter {number}",
            "status": "active",
            "regular_schedules": [
                {"id": f"s{number}", "weekday": weekday, "opens_at": opens_at, "closes_at": closes_at}
            ],
        }

    feed = [
        service(1, "Mon", "10am", "12 noon"),
        service(2, "Tues & Thurs", "2.30pm", "16:00"),
        service(3, 3, "09:30:00", "11:00"),
        service(4, "Every day", "whenever", ""),
    ]
    report = import_file(app, json.dumps(feed).encode(), "v1.json", "council", "test")
    assert report.created == 4 and not report.errors, report.as_dict()
    with db.session_scope(app) as session:
        when = {
            n: [
                (s.byday, str(s.opens_at), str(s.closes_at))
                for s in _by_external_id(session, f"30{n}").schedules
            ]
            for n in range(1, 5)
        }
    assert when[1] == [("MO", "10:00:00", "12:00:00")]
    assert when[2] == [("TU,TH", "14:30:00", "16:00:00")]
    assert when[3] == [("WE", "09:30:00", "11:00:00")]
    assert when[4] == [("MO,TU,WE,TH,FR,SA,SU", "None", "None")]
    [unread] = [w for w in report.warnings if w["record"] == "304"]
    assert unread["field"] == "regular_schedules[0].opens_at 'whenever'" and "left out" in unread["reason"]


def test_an_oruk_feeds_times_written_as_people_say_them_are_read_and_a_non_time_is_named(app):
    def service(number: int, opens_at: str) -> dict:
        return {
            "id": f"40{number}",
            "name": f"Coffee Morning {number}",
            "status": "active",
            "schedules": [
                {
                    "id": f"s{number}",
                    "freq": "WEEKLY",
                    "byday": "TU",
                    "opens_at": opens_at,
                    "closes_at": "12.30pm",
                }
            ],
        }

    report = import_file(
        app, json.dumps([service(1, "10am"), service(2, "late morning")]).encode(), "feed.json", "p", "test"
    )
    assert report.created == 1 and report.failed == 1
    assert report.errors[0]["field"].endswith("opens_at") and "late morning" in report.errors[0]["reason"]
    with db.session_scope(app) as session:
        schedule = _by_external_id(session, "401").schedules[0]
        assert (str(schedule.opens_at), str(schedule.closes_at)) == ("10:00:00", "12:30:00")


def test_csv_export_reimports_to_the_same_records(app, make_service):
    make_service()
    with db.session_scope(app) as session:
        text = export_csv(session)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["name"] == "Sale Lunch Club" and rows[0]["schedule"] == "TU,TH 11:30-13:30"
    assert rows[0]["cost_amount"] == "3.5" and rows[0]["wheelchair"] == "yes"
    report = import_file(app, text.encode(), "export.csv", "another-directory", "test")
    assert report.created == 1 and not report.errors


def test_a_service_whose_organisation_has_no_name_is_listed_and_the_report_says_so(app):
    def service(number: int, organisation: dict) -> dict:
        return {
            "id": f"s{number}",
            "name": f"Knit and Natter {number}",
            "status": "active",
            "organization": organisation,
        }

    feed = [
        service(1, {"id": "org-1", "name": None}),  # a nameless organisation of its own
        service(2, {"id": "org-2", "name": "Age UK Halton"}),
        service(3, {"id": "org-2", "name": ""}),  # the same organisation, named by another record
    ]
    report = import_file(app, json.dumps(feed).encode(), "feed.json", "council", "test")
    assert report.created == 3 and report.failed == 0, report.as_dict()
    warned = {w["record"]: w["reason"] for w in report.warnings if w["field"] == "organization.name"}
    assert set(warned) == {"s1", "s3"} and "until a curator sets it" in warned["s1"]
    with db.session_scope(app) as session:
        assert _by_external_id(session, "s1").organization.name == "Knit and Natter 1"
        assert _by_external_id(session, "s3").organization.name == "Age UK Halton"


def test_a_phone_with_no_number_is_left_out_and_the_rest_of_the_record_lands(app):
    feed = [
        {
            "id": "s1",
            "name": "Horwich Digital Cafe",
            "status": "active",
            "organization": {"id": "o1", "name": "Horwich Library"},
            # an export's empty cell beside a real number
            "phones": [{"id": "p1", "number": ""}, {"id": "p2", "number": "01204 332 000"}],
        }
    ]
    report = import_file(app, json.dumps(feed).encode(), "feed.json", "council", "test")
    assert report.created == 1 and report.failed == 0, report.as_dict()
    assert [(w["record"], w["reason"]) for w in report.warnings if w["field"] == "phones"] == [
        ("s1", "a phone entry with no number; left out")
    ]
    with db.session_scope(app) as session:
        assert [p.number for p in _by_external_id(session, "s1").phones] == ["01204 332 000"]


def test_a_venue_without_a_location_type_is_read_from_its_address_and_the_record_lands(app):
    feed = [
        {
            "id": "s1",
            "name": "Money Advice Drop-in",
            "status": "active",
            "organization": {"id": "o1", "name": "Citizens Advice"},
            # ORUK 3.0 requires location_type; a converted list leaves it out
            "service_at_locations": [
                {
                    "id": "sl1",
                    "location": {
                        "id": "l1",
                        "name": "Hove Library",
                        "addresses": [{"id": "a1", "address_1": "Church Road", "postal_code": "BN3 2EG"}],
                    },
                }
            ],
        }
    ]
    report = import_file(app, json.dumps(feed).encode(), "feed.json", "citizens advice", "test")
    assert report.created == 1 and report.failed == 0, report.as_dict()
    assert [w["reason"] for w in report.warnings if w["field"].endswith("location_type")] == [
        "location type not given; read as physical from its address"
    ]
    with db.session_scope(app) as session:
        (link,) = _by_external_id(session, "s1").service_at_locations
        assert link.location.location_type == "physical"


def test_a_tag_with_no_name_is_left_out_and_the_rest_of_the_record_lands(app):
    def tag(number: int, vocabulary: str, name: str) -> dict:
        return {
            "id": f"a{number}",
            "taxonomy_term": {"id": f"t{number}", "name": name, "taxonomy": vocabulary},
        }

    feed = [
        {
            "id": "s1",
            "name": "Anfield Men's Shed",
            "status": "active",
            "organization": {"id": "o1", "name": "Anfield Men's Shed"},
            # a link workers' list exported with its "Last checked" column left empty
            "attributes": [tag(1, "lw-need-tick", "Social isolation"), tag(2, "lw-last-checked", "")],
        }
    ]
    report = import_file(app, json.dumps(feed).encode(), "feed.json", "council", "test")
    assert report.created == 1 and report.failed == 0, report.as_dict()
    assert [(w["record"], w["reason"]) for w in report.warnings if w["field"] == "attributes"] == [
        ("s1", "an attribute whose term has no name; left out")
    ]
    with db.session_scope(app) as session:
        terms = [a.taxonomy_term.name for a in _by_external_id(session, "s1").attributes]
    assert terms == ["Social isolation"]
