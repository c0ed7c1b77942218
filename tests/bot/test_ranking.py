"""Ranking services by topic and wishes, and the honest answer when nothing fits."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot import hours
from bot.filters import TODAY, ServiceFilters
from bot.ranking import rank, render
from tests.bot.test_filters import service

BERLIN = hours.Place("Europe/Berlin", "DE")
THURSDAY_10 = datetime(2026, 11, 26, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
ORIGIN = (52.52, 13.40)


def identity(message):
    return message


def north(km: float) -> dict:
    """A position ``km`` north of :data:`ORIGIN` (one degree of latitude is 111.195 km)."""
    return {"lat": ORIGIN[0] + km / 111.195, "lon": ORIGIN[1]}


def ids(matches):
    return [match.service.id for match in matches]


def ranked(services, filters, topic="health", language="en", **options):
    return rank(services, topic, filters, THURSDAY_10, BERLIN, language, **options)


# --- order ------------------------------------------------------------------------------------
def test_without_wishes_every_service_for_the_topic_main_topic_first():
    services = [
        service("b-side", topics=["housing", "health"]),
        service("a-main", topics=["health"]),
        service("c-other", topics=["housing"]),
    ]
    result = ranked(services, ServiceFilters())
    assert ids(result.matches) == ["a-main", "b-side"]
    assert result.candidates == 2 and result.relaxations == () and result.helpers == ()
    assert all(match.reasons == () for match in result.matches)


def test_topic_match_comes_before_distance():
    services = [
        service("near-side", topics=["housing", "health"], geo=north(0.2)),
        service("far-main", topics=["health"], geo=north(2.5)),
    ]
    assert ids(ranked(services, ServiceFilters(near=ORIGIN)).matches) == ["far-main", "near-side"]


def test_nearer_first_among_equals():
    services = [service(name, geo=north(km)) for name, km in [("b", 2.5), ("c", 0.4), ("a", 1.2)]]
    result = ranked(services, ServiceFilters(near=ORIGIN))
    assert ids(result.matches) == ["c", "a", "b"]
    assert [match.distance_km for match in result.matches] == pytest.approx([0.4, 1.2, 2.5])


def test_more_wishes_met_comes_before_distance_among_the_others():
    wishes = ServiceFilters(childcare=True, free=True, wheelchair=True)
    services = [
        service("all", childcare=True, free=True, wheelchair=True),
        service("one-met", childcare=False, free=False, wheelchair=True, geo=north(0.1)),
        service("two-met", childcare=False, free=True, wheelchair=True, geo=north(3)),
    ]
    result = ranked(services, wishes)
    assert ids(result.matches) == ["all"]
    assert ids(result.others) == ["two-met", "one-met"]
    assert [match.missing for match in result.others] == [("childcare",), ("childcare", "free")]


def test_staff_speaking_the_conversation_language_first_among_equals():
    services = [service("de-only", languages=["de"]), service("speaks-ar", languages=["de", "ar"])]
    assert ids(ranked(services, ServiceFilters(free=True), language="ar").matches) == ["speaks-ar", "de-only"]
    assert ids(ranked(services, ServiceFilters(free=True), language="de").matches) == ["de-only", "speaks-ar"]


def test_a_kind_instead_of_a_topic():
    services = [service("shop", kind="one_stop_shop", topics=["registration"]), service("clinic")]
    assert ids(ranked(services, ServiceFilters(), topic=None, kind="one_stop_shop").matches) == ["shop"]


# --- reasons --------------------------------------------------------------------------------
ALL_WISHES = ServiceFilters(
    open_now=True,
    language="fa",
    childcare=True,
    free=True,
    no_papers=True,
    wheelchair=True,
    walk_in=True,
    district="centre",
    near=ORIGIN,
)


FLAGS = ["childcare available", "free", "no documents needed", "wheelchair accessible", "walk-in, no appointment"]


@pytest.mark.parametrize(
    "language, name, opening, staff, distance",
    [
        ("en", "Service full", "open now until 17:00", "staff speak Persian", "1,2 km away"),
        ("de", "Dienst full", "open now until 17:00", "staff speak Persisch", "1,2 km away"),
        ("ar", "خدمة full", "open now until 5:00 م", "staff speak الفارسية", "1.2 كم away"),
    ],
)
def test_reasons_for_every_wish_in_the_persons_language(language, name, opening, staff, distance):
    names = {"en": "Service full", "de": "Dienst full", "ar": "خدمة full"}
    full = service("full", languages=["fa"], childcare=True, geo=north(1.2), name=names)
    lines = render(ranked([full], ALL_WISHES, language=language), language, identity)
    reasons = " · ".join([opening, staff, *FLAGS, "in the Centre district", distance])
    assert lines == ["These places fit what you asked for:", f"{name}: {reasons}"]


def test_open_now_and_open_today_give_one_reason():
    result = ranked([service("s")], ServiceFilters(open_now=True, open_on=TODAY))
    assert [reason.text(identity) for reason in result.matches[0].reasons] == ["open now until 17:00"]


def test_render_shows_at_most_limit_services():
    services = [service(f"s{index}") for index in range(5)]
    assert len(render(ranked(services, ServiceFilters()), "en", identity, limit=2)) == 3


# --- when nothing fits ----------------------------------------------------------------------
def directory():
    return [
        service("clinic", languages=["de", "en"], geo=north(0.5)),
        service("doctor", languages=["de"], free=False),
        service("shop", kind="one_stop_shop", topics=["registration"], languages=["de", "fa"]),
        service("cafe", kind="welcome_place", topics=["language_learning"], languages=["de", "uk"]),
        service("interp", topics=["education"], languages=["fa", "ar"], appointment="appointment"),
    ]


def test_the_wish_that_rules_everything_out_and_what_fits_without_it():
    result = ranked(directory(), ServiceFilters(language="fa", free=True), interpreter_ids={"interp"})
    assert result.matches == ()
    assert result.ruled_out == ("language",)
    [relaxation] = result.relaxations
    assert ids(relaxation.matches) == ["clinic"]
    assert ids(result.helpers) == ["shop", "interp"]  # speak Farsi; the café does not
    assert render(result, "en", identity) == [
        "I found no place that fits everything you asked for.",
        "The wish \u201cstaff who speak Persian\u201d rules out every place. Without it, these places would fit:",
        "Service clinic: free",
        "These places help newcomers in Persian and can find the right service with you:",
        "Service shop: staff speak Persian",
        "Service interp: staff speak Persian",
    ]


def test_interpreters_only_when_named():
    result = ranked(directory(), ServiceFilters(language="fa", free=True))
    assert ids(result.helpers) == ["shop"]


def test_helpers_in_any_language_when_no_language_was_asked_for():
    result = ranked(directory(), ServiceFilters(childcare=True))
    assert result.ruled_out == ("childcare",)
    assert ids(result.helpers) == ["shop", "cafe"]
    assert "These places help newcomers and can find the right service with you:" in render(result, "en", identity)


def test_several_single_wishes_are_reported_in_order():
    services = [
        service("no-childcare", childcare=False, free=True),
        service("not-free", childcare=True, free=False),
    ]
    result = ranked(services, ServiceFilters(free=True, childcare=True))
    assert result.ruled_out == ("childcare", "free")
    assert [(r.dropped, ids(r.matches)) for r in result.relaxations] == [
        (("childcare",), ["no-childcare"]),
        (("free",), ["not-free"]),
    ]


def test_wishes_that_only_rule_everything_out_together():
    services = [
        service("neither", childcare=False, free=False),
        service("worse", childcare=False, free=False, wheelchair=False),
    ]
    result = ranked(services, ServiceFilters(childcare=True, free=True, wheelchair=True))
    assert result.ruled_out == ("childcare", "free")
    assert ids(result.relaxations[0].matches) == ["neither"]
    lines = render(result, "en", identity)
    assert lines[1] == (
        "No place offers all of these together: childcare and free of charge. These places fit everything else:"
    )
    assert lines[2] == "Service neither: wheelchair accessible"


def test_closed_alternatives_say_when_they_open():
    evening = datetime(2026, 11, 26, 19, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    services = [service("s", opening_hours="Mo-Fr 09:00-17:00; PH off")]
    result = rank(services, "health", ServiceFilters(open_now=True, free=True), evening, BERLIN, "de")
    assert result.ruled_out == ("open_now",)
    assert render(result, "de", identity)[1:3] == [
        "The wish \u201copen now\u201d rules out every place. Without it, these places would fit:",
        "Dienst s: opens tomorrow at 09:00 · free",
    ]


def test_nothing_for_the_topic_offers_helpers():
    result = ranked(directory(), ServiceFilters(), topic="discrimination")
    assert result.candidates == 0 and result.relaxations == ()
    lines = render(result, "en", identity)
    assert lines[0] == "I found no place for this in the directory."
    assert "Service shop" in lines


def test_too_far_names_the_radius_in_the_persons_locale():
    result = ranked([service("far", geo=north(4.6))], ServiceFilters(near=ORIGIN), language="de")
    assert result.ruled_out == ("near",)
    assert render(result, "de", identity)[1:3] == [
        "The wish \u201cwithin 3 km\u201d rules out every place. Without it, these places would fit:",
        "Dienst far",
    ]


@pytest.mark.parametrize(
    "filters",
    [
        ServiceFilters(),
        ServiceFilters(language="xx"),
        ServiceFilters(open_on=6, district="Nowhere"),
        ALL_WISHES,
        ServiceFilters(language="ti", near=(48.85, 2.35)),
    ],
)
@pytest.mark.parametrize("topic", ["health", "discrimination", None])
def test_never_an_answer_without_an_explanation(filters, topic):
    lines = render(ranked(directory(), filters, topic=topic), "en", identity)
    assert lines[0] in {
        "These places fit what you asked for:",
        "I found no place that fits everything you asked for.",
        "I found no place for this in the directory.",
    }
    if lines[0] == "I found no place that fits everything you asked for.":
        assert len(lines) > 2  # the reason, and what else fits
