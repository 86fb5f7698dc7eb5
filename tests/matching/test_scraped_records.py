"""Records an aggregator scraped from providers' web pages: HTML tags and character references in
the words ("<li>Living in Bury</li>", "&pound;3"), a way in that is not the service ("Self-referral
online", "Text/WhatsApp 07700 900451") and a pantry for one borough's residents at one venue.
Plain data: no app, no database."""

from __future__ import annotations

from matching.markup import plain_text

BURY, SALFORD = "E08000002", "E08000006"


def scraped(description: str, name: str = "Peer support", **fields) -> dict:
    return {
        "id": "s1",
        "name": name,
        "status": "active",
        "description": description,
        "organization": {"id": "o1", "name": "A charity"},
        "service_at_locations": [
            {
                "id": "sl1",
                "location": {
                    "id": "l1",
                    "name": "The Hub",
                    "addresses": [
                        {"id": "a1", "address_1": "1 Silver St", "city": "Bury", "postal_code": "BL9 0EU"}
                    ],
                    "latitude": 53.5925,
                    "longitude": -2.2966,
                },
            }
        ],
        **fields,
    }


def test_markup_becomes_the_words_a_person_reads():
    assert plain_text("<h3>Who is it for?</h3><ul><li>Adults 18+</li><li>Living in Bury</li></ul>") == (
        "Who is it for?\n• Adults 18+\n• Living in Bury"
    )
    assert (
        plain_text("Carers&#39; rights &amp; a brew&nbsp;&ndash; &pound;3") == "Carers' rights & a brew – £3"
    )
    assert plain_text("**Women only** group!! 💜") == "Women only group!! 💜"
    # words without markup, and a web address with a bare "&copy", are left as they are
    assert plain_text("Ages 5<11, bring a packed lunch") == "Ages 5<11, bring a packed lunch"
    assert plain_text("https://example.org/?a=1&copy=2") == "https://example.org/?a=1&copy=2"


def test_a_scraped_page_is_read_for_its_words_not_its_tags(reader):
    found = reader.understand(
        scraped(
            "<h3>Who is it for?</h3><ul><li>Adults 18+</li><li>Living in Bury</li></ul>"
            "<p>Weekly peer support groups for low mood. Self-referral online.</p>"
        )
    )
    assert found.residency_codes() == [BURY]
    assert found.value("min_age") == 18
    assert "online" not in found.delivery_modes()  # the form is online, the group is not
    priced = reader.understand(scraped("Walking netball for the over 50s. &pound;3 a session."))
    assert priced.value("cost") != "free" and priced.value("cost") != "unknown"


def test_a_text_number_is_a_way_to_get_in_touch_not_an_online_service(reader):
    found = reader.understand(
        scraped("Coffee morning for Deaf BSL users. Text/WhatsApp 07700 900451 (no voice calls).")
    )
    assert found.delivery_modes() == ["in_person"]
    assert found.value("area_wide") is False
    group = reader.understand(scraped("A weekly chat on our WhatsApp group for dads."))
    assert "online" in group.delivery_modes()
    swim = reader.understand(scraped("Sea swimming for women. Tide dependant - check the WhatsApp group."))
    assert swim.delivery_modes() == ["in_person"]


def test_one_venues_pantry_for_a_boroughs_residents_is_not_area_wide(reader):
    pantry = reader.understand(
        scraped(
            "Low cost food shop: &pound;3.50 a bag.<br>Salford residents only - sorry we can't take "
            "referrals from outside Salford.",
            name="Walkden Community Pantry",
        )
    )
    assert pantry.residency_codes() == [SALFORD]
    assert pantry.value("area_wide") is False
    # the borough's own service, named for it, reaches the borough from its office
    centre = reader.understand(
        scraped("Support for unpaid carers. Bury residents only.", name="Bury Carers Centre")
    )
    assert centre.residency_codes() == [BURY]
    assert centre.value("area_wide") is True


def test_residents_sent_to_another_service_leave_the_limit_on_those_it_takes(reader):
    found = reader.understand(
        scraped(
            "A monthly get-together for unpaid carers.",
            name="Carers Support Group",
            eligibility_description="Stockport residents only - Bury residents please see Bury Carers Centre.",
        )
    )
    assert found.residency_codes() == ["E08000007"]


def test_who_it_is_for_and_where_they_live_in_one_phrase_is_a_limit(reader):
    lunch = reader.understand(scraped("Hot two-course lunch for the over 55s in Swinton and Pendlebury. £4."))
    assert {entry.split("@")[0] for entry in lunch.residency_codes()} == {
        "place:E08000006:Swinton",
        "place:E08000006:Pendlebury",
    }
    # a condition is not a place, nor is "the area"
    assert (
        reader.understand(scraped("A group for people in recovery from addiction.")).residency_codes() == []
    )
    assert reader.understand(scraped("Open to all adults in the area.")).residency_codes() == []
