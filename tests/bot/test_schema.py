"""Directory validation: every problem is named with its service id and field."""

import pytest

from bot.directory import read_directory
from bot.schema import DirectoryError
from tests.conftest import make_service


def problems_for(write_directory, data):
    with pytest.raises(DirectoryError) as raised:
        read_directory(write_directory(data))
    return [str(problem) for problem in raised.value.problems]


def test_valid_directory_reads(write_directory, directory_data):
    directory = read_directory(write_directory(directory_data))
    assert [s.id for s in directory.services] == ["clinic", "doctor-en", "shop", "cafe"]
    assert directory.city["default_language"] == "en"


@pytest.mark.parametrize(
    "override, field, words",
    [
        ({"topics": ["health", "astrology"]}, "topics", "unknown topic 'astrology'"),
        ({"kind": "office"}, "kind", "'office' is not one of"),
        ({"languages": ["de", "xx1"]}, "languages", "'xx1' is not an ISO 639-1"),
        ({"opening_hours": "Mo-Fr 8-"}, "opening_hours", "not valid OpenStreetMap opening_hours"),
        ({"geo": {"lat": 123, "lon": 13.4}}, "geo.lat", "not a latitude"),
        ({"website": "not a url"}, "website", "not an http(s) URL"),
        ({"email": "nobody"}, "email", "not an e-mail"),
        ({"free": "yes"}, "free", "true or false"),
        ({"appointment": "sometimes"}, "appointment", "walk_in"),
        ({"id": "Bad Id"}, "id", "slug"),
    ],
)
def test_each_problem_names_service_and_field(write_directory, directory_data, override, field, words):
    directory_data["services"][1].update(override)
    service_id = directory_data["services"][1]["id"]
    problems = problems_for(write_directory, directory_data)
    assert any(f"service '{service_id}'" in p and f"field '{field}'" in p and words in p for p in problems), problems


def test_missing_required_field_and_duplicate_id(write_directory, directory_data):
    del directory_data["services"][0]["address"]
    directory_data["services"].append(make_service("clinic"))
    problems = problems_for(write_directory, directory_data)
    assert "service 'clinic': field 'address': is required" in problems
    assert "service 'clinic': field 'id': is used by more than one service" in problems


def test_all_problems_reported_at_once(write_directory, directory_data):
    directory_data["services"][0]["kind"] = "nope"
    directory_data["services"][2]["topics"] = ["nope"]
    assert len(problems_for(write_directory, directory_data)) == 2


def test_broken_yaml_is_a_clear_error(write_directory):
    problems = problems_for(write_directory, "city: [unclosed\nservices:\n  - id: x\n")
    assert "not valid YAML" in problems[0]


def test_city_block_checked(write_directory, directory_data):
    directory_data["city"]["default_language"] = "fr"
    directory_data["city"]["timezone"] = "Mars/Olympus"
    del directory_data["city"]["emergency"]
    problems = problems_for(write_directory, directory_data)
    assert any("field 'default_language'" in p for p in problems)
    assert any("unknown time zone 'Mars/Olympus'" in p for p in problems)
    assert "city: field 'emergency': is required" in problems


def test_shipped_sample_directory_is_valid_and_rich_enough():
    from bot.schema import TOPICS
    from bot.settings import PROJECT_ROOT

    directory = read_directory(PROJECT_ROOT / "data" / "services.yaml")
    assert directory.city.get("sample_data") is True
    assert len(directory.services) >= 30
    kinds = [s.kind for s in directory.services]
    assert kinds.count("one_stop_shop") >= 3 and kinds.count("welcome_place") >= 4
    for topic in TOPICS:
        assert sum(topic in s.topics for s in directory.services) >= 2, topic
    assert len({code for s in directory.services for code in s.languages}) >= 5


def test_landmarks_are_checked(write_directory, directory_data):
    directory_data["city"]["landmarks"] = [
        {"name": {"en": "Main Station"}, "lat": 52.5, "lon": 13.4},
        {"name": {"en": "Nowhere"}, "lat": 95, "lon": "east"},
        "Town hall",
    ]
    with pytest.raises(DirectoryError) as error:
        read_directory(write_directory(directory_data))
    text = str(error.value)
    assert "city.landmarks[1]" in text and "lat" in text and "lon" in text and "city.landmarks[2]" in text
    assert "landmarks[0]" not in text


def test_district_forms_are_checked(write_directory, directory_data):
    directory_data["city"]["districts"] = {"Centre": {"de": ["Zentrum"]}, "Atlantis": {"en": ["atlantis"]},
                                           "North": {"de": "Norden"}}
    with pytest.raises(DirectoryError) as error:
        read_directory(write_directory(directory_data))
    text = str(error.value)
    assert "city.districts.Atlantis" in text and "no service" in text
    assert "city.districts.North" in text and "city.districts.Centre" not in text


def test_interpreter_services_must_exist(write_directory, directory_data):
    directory_data["city"]["interpreter_services"] = ["clinic", "ghost"]
    with pytest.raises(DirectoryError, match="interpreter_services"):
        read_directory(write_directory(directory_data))
