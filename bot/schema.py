"""Validation of ``data/services.yaml`` (the service directory).

Every problem is reported with the service id (or position) and the field, so that the
person editing the file can fix it. Loading refuses a file with any problem rather than
loading half of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List

import yaml
from babel import Locale, UnknownLocaleError

TOPICS = (
    "registration",
    "health",
    "housing",
    "education",
    "childcare",
    "language_learning",
    "employment",
    "social_benefits",
    "legal_advice",
    "discrimination",
)
KINDS = ("one_stop_shop", "welcome_place", "service")
APPOINTMENT = ("walk_in", "appointment", "both")
REDRESS_KINDS = ("equality_body", "ombudsman", "victim_support")
FLAGS = ("childcare", "free", "wheelchair", "documents_required")
REQUIRED_SERVICE_FIELDS = ("id", "name", "kind", "topics", "languages", "address", "district", "opening_hours")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https?://[^\s/$.?#].[^\s]*$", re.IGNORECASE)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Problem:
    """One problem in the directory file."""

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: field '{self.field}': {self.message}"


class DirectoryError(ValueError):
    """The directory file cannot be used; ``problems`` lists every reason."""

    def __init__(self, path: Path, problems: List[Problem]):
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{path}: {len(problems)} problem(s):\n{lines}")


def is_language_code(code: Any) -> bool:
    """True for a two-letter ISO 639-1 code that Babel knows."""
    if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2}", code):
        return False
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def read_yaml(path: Path) -> Any:
    """Reads a YAML file, turning syntax errors into a :class:`DirectoryError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DirectoryError(path, [Problem(str(path), "-", f"cannot read file: {error}")]) from error
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DirectoryError(path, [Problem(str(path), "-", f"not valid YAML: {error}")]) from error


def _check_text_map(value: Any, where: str, field: str, problems: List[Problem], allow_plain: bool) -> None:
    if allow_plain and isinstance(value, str) and value.strip():
        return
    if not isinstance(value, dict) or not value:
        kind = "a text or a map language→text" if allow_plain else "a map language→text"
        problems.append(Problem(where, field, f"must be {kind}"))
        return
    for language, text in value.items():
        if not is_language_code(language):
            problems.append(Problem(where, field, f"'{language}' is not an ISO 639-1 language code"))
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(where, field, f"text for '{language}' is empty"))


def _check_contacts(entry: Dict[str, Any], where: str, problems: List[Problem]) -> None:
    website = entry.get("website")
    if website is not None and not (isinstance(website, str) and URL.match(website)):
        problems.append(Problem(where, "website", f"'{website}' is not an http(s) URL"))
    email = entry.get("email")
    if email is not None and not (isinstance(email, str) and EMAIL.match(email)):
        problems.append(Problem(where, "email", f"'{email}' is not an e-mail address"))
    phone = entry.get("phone")
    if phone is not None and not (isinstance(phone, str) and re.fullmatch(r"[+0-9 ()/-]{3,}", phone)):
        problems.append(Problem(where, "phone", f"'{phone}' is not a phone number (quote it in YAML)"))


def _check_service(service: Any, index: int, seen: set, problems: List[Problem], hours_check) -> None:
    if not isinstance(service, dict):
        problems.append(Problem(f"services[{index}]", "-", "must be a mapping of fields"))
        return
    service_id = service.get("id")
    where = f"service '{service_id}'" if isinstance(service_id, str) else f"services[{index}]"
    for name in REQUIRED_SERVICE_FIELDS:
        if name not in service or service[name] in (None, "", []):
            problems.append(Problem(where, name, "is required"))
    if isinstance(service_id, str):
        if not SLUG.match(service_id):
            problems.append(Problem(where, "id", "must be a slug: lowercase letters, digits and hyphens"))
        if service_id in seen:
            problems.append(Problem(where, "id", "is used by more than one service"))
        seen.add(service_id)
    if "name" in service:
        _check_text_map(service["name"], where, "name", problems, allow_plain=True)
    if "description" in service:
        _check_text_map(service["description"], where, "description", problems, allow_plain=False)
    if "kind" in service and service["kind"] not in KINDS:
        problems.append(Problem(where, "kind", f"'{service['kind']}' is not one of {', '.join(KINDS)}"))
    topics = service.get("topics")
    if topics is not None:
        if not isinstance(topics, list):
            problems.append(Problem(where, "topics", "must be a list"))
        else:
            for topic in topics:
                if topic not in TOPICS:
                    problems.append(Problem(where, "topics", f"unknown topic '{topic}' (known: {', '.join(TOPICS)})"))
    languages = service.get("languages")
    if languages is not None:
        if not isinstance(languages, list):
            problems.append(Problem(where, "languages", "must be a list of ISO 639-1 codes"))
        else:
            for code in languages:
                if not is_language_code(code):
                    problems.append(Problem(where, "languages", f"'{code}' is not an ISO 639-1 language code"))
    geo = service.get("geo")
    if geo is not None:
        lat = geo.get("lat") if isinstance(geo, dict) else None
        lon = geo.get("lon") if isinstance(geo, dict) else None
        if not isinstance(lat, (int, float)) or not -90 <= lat <= 90:
            problems.append(Problem(where, "geo.lat", f"'{lat}' is not a latitude between -90 and 90"))
        if not isinstance(lon, (int, float)) or not -180 <= lon <= 180:
            problems.append(Problem(where, "geo.lon", f"'{lon}' is not a longitude between -180 and 180"))
    hours = service.get("opening_hours")
    if isinstance(hours, str) and hours:
        error = hours_check(hours)
        if error:
            problems.append(Problem(where, "opening_hours", error))
    for flag in FLAGS:
        if flag in service and not isinstance(service[flag], bool):
            problems.append(Problem(where, flag, "must be true or false"))
    if "appointment" in service and service["appointment"] not in APPOINTMENT:
        problems.append(Problem(where, "appointment", f"must be one of {', '.join(APPOINTMENT)}"))
    _check_contacts(service, where, problems)


def _check_city(city: Any, problems: List[Problem], hours_check) -> None:
    where = "city"
    if not isinstance(city, dict):
        problems.append(Problem(where, "-", "the top-level 'city:' block is missing or not a mapping"))
        return
    for name in ("name", "timezone", "default_language", "languages", "emergency"):
        if not city.get(name):
            problems.append(Problem(where, name, "is required"))
    languages = city.get("languages") or []
    if not isinstance(languages, list) or not all(is_language_code(code) for code in languages):
        problems.append(Problem(where, "languages", "must be a list of ISO 639-1 codes"))
    elif city.get("default_language") not in languages:
        problems.append(Problem(where, "default_language", "must be one of the city's languages"))
    timezone = city.get("timezone")
    if timezone:
        try:
            from zoneinfo import ZoneInfo

            ZoneInfo(str(timezone))
        except (KeyError, ValueError, OSError):
            problems.append(Problem(where, "timezone", f"unknown time zone '{timezone}'"))
    emergency = city.get("emergency")
    if emergency and not (isinstance(emergency, dict) and emergency.get("number")):
        problems.append(Problem(where, "emergency.number", "is required"))
    for index, hotline in enumerate(city.get("hotlines") or []):
        spot = f"city.hotlines[{index}]"
        if not isinstance(hotline, dict) or not hotline.get("phone"):
            problems.append(Problem(spot, "phone", "is required"))
            continue
        _check_text_map(hotline.get("name"), spot, "name", problems, allow_plain=True)
        _check_contacts(hotline, spot, problems)
        if isinstance(hotline.get("hours"), str):
            error = hours_check(hotline["hours"])
            if error:
                problems.append(Problem(spot, "hours", error))
    for index, landmark in enumerate(city.get("landmarks") or []):
        spot = f"city.landmarks[{index}]"
        if not isinstance(landmark, dict):
            problems.append(Problem(spot, "-", "must be a mapping with name, lat and lon"))
            continue
        _check_text_map(landmark.get("name"), spot, "name", problems, allow_plain=True)
        aliases = landmark.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(alias, str) and alias.strip() for alias in aliases):
            problems.append(Problem(spot, "aliases", "must be a list of names"))
        for field, limit in (("lat", 90), ("lon", 180)):
            value = landmark.get(field)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not -limit <= value <= limit:
                problems.append(Problem(spot, field, f"must be a number from -{limit} to {limit}"))
    districts = city.get("districts", {})
    if not isinstance(districts, dict):
        problems.append(Problem(where, "districts", "must map district names to forms per language"))
        districts = {}
    for district, forms in districts.items():
        spot = f"city.districts.{district}"
        if not isinstance(forms, dict) or not all(
            isinstance(names, list) and all(isinstance(name, str) and name.strip() for name in names)
            for names in forms.values()
        ):
            problems.append(Problem(spot, "-", "must map language codes to lists of names"))
    for index, body in enumerate(city.get("redress") or []):
        spot = f"city.redress[{index}]"
        if not isinstance(body, dict):
            problems.append(Problem(spot, "-", "must be a mapping"))
            continue
        if body.get("kind") not in REDRESS_KINDS:
            problems.append(Problem(spot, "kind", f"must be one of {', '.join(REDRESS_KINDS)}"))
        _check_text_map(body.get("name"), spot, "name", problems, allow_plain=True)
        _check_contacts(body, spot, problems)


def validate_directory(data: Any, hours_check) -> List[Problem]:
    """Returns every problem in a parsed directory (an empty list when it is valid).

    Args:
        data: The parsed YAML document.
        hours_check: ``f(opening_hours) -> error message or None`` (see ``bot.hours``).
    """
    problems: List[Problem] = []
    if not isinstance(data, dict):
        return [Problem("file", "-", "must be a mapping with 'city:' and 'services:'")]
    _check_city(data.get("city"), problems, hours_check)
    services = data.get("services")
    if not isinstance(services, list) or not services:
        problems.append(Problem("file", "services", "must be a non-empty list"))
        return problems
    seen: set = set()
    for index, service in enumerate(services):
        _check_service(service, index, seen, problems, hours_check)
    city = data.get("city") if isinstance(data.get("city"), dict) else {}
    interpreters = city.get("interpreter_services", [])
    ids = {service.get("id") for service in services if isinstance(service, dict)}
    if not isinstance(interpreters, list) or any(service_id not in ids for service_id in interpreters):
        problems.append(Problem("city", "interpreter_services", "must list ids of services in this file"))
    named = city.get("districts")
    used = {service.get("district") for service in services if isinstance(service, dict)}
    for district in named if isinstance(named, dict) else {}:
        if district not in used:
            problems.append(Problem(f"city.districts.{district}", "-", "no service is in this district"))
    return problems
