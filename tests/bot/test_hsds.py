"""Open Referral HSDS 3.0 export and import of the service directory (bot/hsds.py)."""

from __future__ import annotations

import copy
import dataclasses
import json
import uuid
from pathlib import Path

import pytest

from bot import hours
from bot.directory import read_directory
from bot.hsds import HsdsError, export_hsds, import_hsds, service_to_yaml
from bot.schema import validate_directory
from bot.settings import PROJECT_ROOT
from tests.conftest import SAMPLE_CITY

SERVICES_YAML = PROJECT_ROOT / "data" / "services.yaml"
FILES = (
    "organization.json", "service.json", "location.json", "service_at_location.json", "schedule.json",
    "language.json", "phone.json", "accessibility.json", "address.json", "attribute.json", "taxonomy_term.json",
)  # fmt: skip


@pytest.fixture(scope="module")
def real_directory():
    return read_directory(SERVICES_YAML)


@pytest.fixture
def exported(real_directory, tmp_path):
    counts = export_hsds(real_directory, tmp_path / "hsds")
    return tmp_path / "hsds", counts


def load(folder: Path, name: str) -> list:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def save(folder: Path, name: str, rows) -> None:
    (folder / name).write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")


def test_round_trip_keeps_every_field_of_every_service(real_directory, exported):
    folder, _ = exported
    imported = import_hsds(folder, real_directory.city)
    assert imported.city == real_directory.city
    before = {service.id: service for service in real_directory.services}
    after = {service.id: service for service in imported.services}
    assert sorted(after) == sorted(before)
    fields = [field.name for field in dataclasses.fields(type(real_directory.services[0]))]
    for service_id, service in before.items():
        for name in fields:
            assert getattr(after[service_id], name) == getattr(service, name), f"{service_id}: {name}"
    assert len(fields) == 19  # a new Service field must be mapped to HSDS and added here


def test_round_trip_of_optional_fields_left_out(directory_data, write_directory, tmp_path):
    bare = directory_data["services"][0]
    for name in ("geo", "phone", "email", "website", "description", "appointment"):
        bare.pop(name)
    bare.update(name="Plain Name Only", free=False, wheelchair=False, documents_required=True, childcare=True)
    directory = read_directory(write_directory(directory_data))
    export_hsds(directory, tmp_path / "hsds")
    imported = import_hsds(tmp_path / "hsds", directory.city)
    assert sorted(imported.services, key=lambda s: s.id) == sorted(directory.services, key=lambda s: s.id)


def test_export_counts_files_and_is_deterministic(real_directory, exported, tmp_path):
    folder, counts = exported
    assert sorted(counts) == sorted(FILES)
    for name in FILES:
        rows = load(folder, name)
        assert isinstance(rows, list) and len(rows) == counts[name], name
    assert counts["service.json"] == len(real_directory.services)
    assert counts["language.json"] == sum(len(s.languages) for s in real_directory.services)
    assert counts["attribute.json"] == sum(len(s.topics) for s in real_directory.services)
    export_hsds(real_directory, tmp_path / "again")
    for name in FILES:
        assert (folder / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name
    text = (folder / "service.json").read_text(encoding="utf-8")
    assert "Willkommenszentrum" in text and "\\u" not in text  # UTF-8, not escaped
    slugs = [row["x_openwelcome"]["id"] for row in load(folder, "service.json")]
    assert slugs == sorted(slugs)


def test_export_uses_hsds_3_field_names(real_directory, exported):
    folder, _ = exported
    services = load(folder, "service.json")
    organization_ids = {row["id"] for row in load(folder, "organization.json")}
    for row in services:
        assert {"id", "organization_id", "name", "description", "email", "url", "status"} <= set(row)
        assert row["status"] == "active" and row["organization_id"] in organization_ids
        assert uuid.UUID(row["id"]).version == 5
    central = next(row for row in services if row["x_openwelcome"]["id"] == "welcome-centre-central")
    assert central["name"] == "Welcome Centre Central"
    assert central["url"] == "https://elmsbridge.example.org/welcome"
    assert central["fees_description"] == "Free of charge."
    assert central["x_openwelcome"]["name"]["de"] == "Willkommenszentrum Mitte"
    service_ids = {row["id"] for row in services}
    locations = {row["id"]: row for row in load(folder, "location.json")}
    for row in locations.values():
        assert row["location_type"] == "physical"
        assert isinstance(row["latitude"], float) and isinstance(row["longitude"], float)
    for row in load(folder, "service_at_location.json"):
        assert row["service_id"] in service_ids and row["location_id"] in locations
    schedules = load(folder, "schedule.json")
    assert all(row["service_id"] in service_ids for row in schedules)
    assert any(row["description"] == "Mo-Fr 08:00-16:00; Th 08:00-18:00; PH off" for row in schedules)
    languages = load(folder, "language.json")
    assert {row["code"] for row in languages} >= {"de", "en", "ar", "uk", "fa"}
    assert all(row["service_id"] in service_ids and row["name"] for row in languages)
    assert {"name": "Persian", "code": "fa"}.items() <= next(r for r in languages if r["code"] == "fa").items()
    assert all(row["number"].startswith("+49") for row in load(folder, "phone.json"))
    assert all(row["location_id"] in locations and row["description"] for row in load(folder, "accessibility.json"))
    address = next(row for row in load(folder, "address.json") if row["address_1"] == "Marktplatz 3")
    expected = {"postal_code": "10115", "city": "Elmsbridge", "country": "DE", "address_type": "physical"}
    assert expected.items() <= address.items()
    terms = {row["id"]: row for row in load(folder, "taxonomy_term.json")}
    assert all(row["taxonomy"] == "openwelcome-topics" and row["name"] and row["description"] for row in terms.values())
    for row in load(folder, "attribute.json"):
        assert row["link_entity"] == "service" and row["link_id"] in service_ids
        assert terms[row["taxonomy_term_id"]]["code"] == row["label"]


def test_standard_fields_edited_elsewhere_win(real_directory, exported):
    folder, _ = exported
    services = load(folder, "service.json")
    row = next(row for row in services if row["x_openwelcome"]["id"] == "jobcentre")
    row["name"], row["email"] = "Jobcentre (renamed)", "new@elmsbridge.example.org"
    save(folder, "service.json", services)
    phones = load(folder, "phone.json")
    phones = [dict(p, number="+49 30 5550 9999") if p["service_id"] == row["id"] else p for p in phones]
    save(folder, "phone.json", phones)
    addresses = load(folder, "address.json")
    sites = load(folder, "service_at_location.json")
    location_id = next(site["location_id"] for site in sites if site["service_id"] == row["id"])
    address = next(a for a in addresses if a["location_id"] == location_id)
    address.update(address_1="Neue Straße 1", postal_code="10999")
    save(folder, "address.json", addresses)
    jobcentre = next(s for s in import_hsds(folder, real_directory.city).services if s.id == "jobcentre")
    original = next(s for s in real_directory.services if s.id == "jobcentre")
    assert jobcentre.name == {**original.name, "en": "Jobcentre (renamed)"}
    assert (jobcentre.email, jobcentre.phone) == ("new@elmsbridge.example.org", "+49 30 5550 9999")
    assert jobcentre.address == "Neue Straße 1, 10999 Elmsbridge"


def minimal_hsds(folder: Path, with_topics: bool = True) -> None:
    """A small HSDS 3.0 folder as another tool would write it: standard fields only."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = {name: str(uuid.uuid4()) for name in ("org", "svc", "svc2", "loc", "term", "term2")}
    save(folder, "organization.json", [
        {"id": ids["org"], "name": "Stadt Testville", "description": "City administration",
         "email": "info@testville.example.org", "website": "https://testville.example.org"},
    ])  # fmt: skip
    save(folder, "service.json", [
        {"id": ids["svc"], "organization_id": ids["org"], "name": "Gesundheitsamt – Impfberatung", "description":
         "Free vaccination advice.", "url": "https://testville.example.org/health", "status": "active",
         "fees_description": "Free"},
        {"id": ids["svc2"], "organization_id": ids["org"], "name": "Closed office", "status": "defunct"},
    ])  # fmt: skip
    save(folder, "location.json", [
        {"id": ids["loc"], "location_type": "physical", "name": "Rathaus", "latitude": "52.5", "longitude": 13.4},
    ])  # fmt: skip
    save(folder, "address.json", [
        {"id": str(uuid.uuid4()), "location_id": ids["loc"], "address_1": "Marktplatz 1", "city": "Testville",
         "state_province": "Berlin", "postal_code": "10115", "country": "DE", "address_type": "physical"},
    ])  # fmt: skip
    site = {"id": str(uuid.uuid4()), "service_id": ids["svc"], "location_id": ids["loc"]}
    save(folder, "service_at_location.json", [site])
    save(folder, "schedule.json", [
        {"id": str(uuid.uuid4()), "service_id": ids["svc"], "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR",
         "opens_at": "9:00", "closes_at": "12:00"},
        {"id": str(uuid.uuid4()), "service_id": ids["svc"], "freq": "WEEKLY", "byday": "TH",
         "opens_at": "14:00:00+01:00", "closes_at": "18:00:00+01:00"},
    ])  # fmt: skip
    save(folder, "language.json", [
        {"id": str(uuid.uuid4()), "service_id": ids["svc"], "name": "German", "code": "de"},
        {"id": str(uuid.uuid4()), "location_id": ids["loc"], "name": "English", "code": "en"},  # location's: not used
        {"id": str(uuid.uuid4()), "service_id": ids["svc"], "name": "Arabic", "code": "AR"},
    ])  # fmt: skip
    save(folder, "phone.json", [{"id": str(uuid.uuid4()), "location_id": ids["loc"], "number": "+49 30 5550 1234"}])
    ramp = {"id": str(uuid.uuid4()), "location_id": ids["loc"], "description": "Ramp", "details": "Wheelchair access"}
    save(folder, "accessibility.json", [ramp])
    if with_topics:
        save(folder, "taxonomy_term.json", [
            {"id": ids["term"], "code": "HEALTH", "name": "Health", "description": "Health", "taxonomy": "local"},
            {"id": ids["term2"], "code": "BD-1800", "name": "Vaccinations", "description": "AIRS", "taxonomy": "AIRS"},
        ])  # fmt: skip
        save(folder, "attribute.json", [
            {"id": str(uuid.uuid4()), "link_id": ids["svc"], "link_entity": "service", "taxonomy_term_id": term}
            for term in (ids["term2"], ids["term"])
        ])  # fmt: skip


def test_import_from_another_tool_uses_standard_fields_and_defaults(tmp_path):
    minimal_hsds(tmp_path / "other")
    directory = import_hsds(tmp_path / "other", copy.deepcopy(SAMPLE_CITY))
    assert len(directory.services) == 1  # the defunct service is left out
    service = directory.services[0]
    assert service.id == "gesundheitsamt-impfberatung"
    assert service.name == {"en": "Gesundheitsamt – Impfberatung"}
    assert service.description == {"en": "Free vaccination advice."}
    assert (service.kind, service.topics, service.languages) == ("service", ["health"], ["de", "ar"])
    assert service.opening_hours == "Mo,Tu,We,Th,Fr 09:00-12:00, Th 14:00-18:00"
    assert (service.address, service.district) == ("Marktplatz 1, 10115 Testville", "Testville")
    assert (service.lat, service.lon, service.phone) == (52.5, 13.4, "+49 30 5550 1234")
    assert (service.website, service.email) == ("https://testville.example.org/health", "info@testville.example.org")
    assert service.free and service.wheelchair and not (service.childcare or service.documents_required)
    assert service.appointment is None
    data = {"city": directory.city, "services": [service_to_yaml(s) for s in directory.services]}
    assert validate_directory(data, hours.syntax_error) == []
    access = load(tmp_path / "other", "accessibility.json")
    save(tmp_path / "other", "accessibility.json", [dict(access[0], details="Not wheelchair accessible")])
    assert not import_hsds(tmp_path / "other", copy.deepcopy(SAMPLE_CITY)).services[0].wheelchair


def test_import_without_topics_names_each_service(tmp_path):
    minimal_hsds(tmp_path / "other", with_topics=False)
    services = load(tmp_path / "other", "service.json")
    services[1].update(status="active", name="Second office")
    save(tmp_path / "other", "service.json", services)
    with pytest.raises(HsdsError) as caught:
        import_hsds(tmp_path / "other", copy.deepcopy(SAMPLE_CITY))
    message = str(caught.value)
    for row in services:
        assert f"service.json record '{row['id']}'" in message
    assert "(gesundheitsamt-impfberatung): has no topics" in message and "(second-office): has no topics" in message
    assert "openwelcome-topics" in message and "field 'topics'" not in message


def test_missing_file_is_named(exported, real_directory):
    folder, _ = exported
    (folder / "service.json").unlink()
    (folder / "phone.json").unlink()  # optional: no phones
    with pytest.raises(HsdsError, match=r"service\.json: file is missing") as caught:
        import_hsds(folder, real_directory.city)
    assert "phone.json" not in str(caught.value) and len(caught.value.problems) == 1


def test_malformed_json_is_named_with_position(exported, real_directory):
    folder, _ = exported
    (folder / "schedule.json").write_text('[{"id": "a",\n  oops}]', encoding="utf-8")
    (folder / "language.json").write_text('{"id": "not-a-list"}', encoding="utf-8")
    with pytest.raises(HsdsError) as caught:
        import_hsds(folder, real_directory.city)
    message = str(caught.value)
    assert "schedule.json: not valid JSON" in message and "line 2" in message
    assert "language.json: must be a JSON array" in message


def test_bad_records_are_named_with_their_id(exported, real_directory):
    folder, _ = exported
    services = load(folder, "service.json")
    bad = services[0]
    bad["email"] = "not an e-mail"
    services.append({"name": "no id"})
    save(folder, "service.json", services)
    phones = load(folder, "phone.json")
    save(folder, "phone.json", [dict(phones[0], service_id=5), phones[1], phones[1]])
    schedules = load(folder, "schedule.json")
    schedules[0]["service_id"] = "00000000-0000-0000-0000-000000000000"
    save(folder, "schedule.json", schedules)
    with pytest.raises(HsdsError) as caught:
        import_hsds(folder, real_directory.city)
    assert caught.value.problems == [
        f"service.json[{len(services) - 1}]: must be an object with a non-empty string 'id'",
        f"phone.json record '{phones[0]['id']}': service_id must be a string id",
        f"phone.json record '{phones[1]['id']}': the id is used by more than one record",
    ]
    services.pop()
    save(folder, "service.json", services)
    save(folder, "phone.json", phones)
    with pytest.raises(HsdsError) as caught:
        import_hsds(folder, real_directory.city)
    message = str(caught.value)
    assert f"schedule.json record '{schedules[0]['id']}': service_id '00000000-0000-0000-0000-000000000000'" in message
    assert f"service.json record '{bad['id']}' (service '{bad['x_openwelcome']['id']}': field 'email'" in message
    assert len(caught.value.problems) == 2


def test_invalid_opening_hours_text_is_reported(exported, real_directory):
    folder, _ = exported
    schedules = load(folder, "schedule.json")
    schedules[0]["description"] = "weekdays nine to five"
    save(folder, "schedule.json", schedules)
    with pytest.raises(HsdsError, match=r"field 'opening_hours': 'weekdays nine to five' is not valid"):
        import_hsds(folder, real_directory.city)
