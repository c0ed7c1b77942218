"""Open Referral HSDS 3.0 export and import of the service directory.

The folder holds one JSON file per HSDS table (``<table>.json``: a JSON array of objects
with HSDS 3.0 field names). Our single directory entry becomes these records:

* ``organization``: one per service (we do not model providers): ``name``, ``description``.
* ``service``: ``id``, ``organization_id``, ``name`` and ``description`` (default language),
  ``url`` (website), ``email``, ``status`` ("active"), ``fees_description`` ("Free of
  charge." when ``free``) and ``x_openwelcome`` (below).
* ``location`` (``location_type`` "physical", ``latitude``, ``longitude``), linked through
  ``service_at_location``; ``address`` (``address_1``, ``postal_code``, ``city``,
  ``country``, ``address_type`` "physical", ``state_province`` "" as we do not know it):
  our one-line address split at the last comma into street and "postcode city".
* ``schedule`` (``service_id``): ``description`` is the exact OpenStreetMap opening_hours
  string (HSDS rules with ``byday``/``opens_at``/``closes_at`` cannot hold holidays and
  exceptions), ``notes`` says so.
* ``phone`` (``number``), ``language`` (``code`` ISO 639-1 and English ``name``; HSDS 2's
  ``language`` field is read too), ``accessibility`` (``description``/``details``; only
  written when wheelchair accessible).
* ``taxonomy_term`` (taxonomy "openwelcome-topics", ``code`` = our topic; every topic is
  written) and ``attribute`` (``link_entity`` "service", ``link_id``, ``taxonomy_term_id``).
* ``x_openwelcome`` on the service (HSDS 3.0 allows extra properties) holds what HSDS has
  no field for: ``id`` (our slug), ``kind``, ``topics`` (in order), ``district``, ``name``
  and ``description`` in every language, the exact ``address`` and ``opening_hours``,
  ``appointment``, ``childcare``, ``documents_required``.

HSDS ids are ``uuid5(NAMESPACE, "<table>:<slug>[:<code>]")``, so an export is
deterministic; files list records by service slug, children in our order.

Import reads the standard fields first and uses ``x_openwelcome`` for the rest: a value
edited in another tool wins over the copy in ``x_openwelcome`` (the exact address is kept
while the address record still matches it; our topic order is kept while the set is the
same). Topics come from attributes linking taxonomy terms of "openwelcome-topics" or whose
code/name is one of our topics, else from ``x_openwelcome``. Opening hours come from weekly
schedule rules (``byday``, ``opens_at``, ``closes_at``; times taken as local), else the
schedule ``description``/``notes``, else ``x_openwelcome``. For data from other tools:
services whose ``status`` is not "active" are skipped; ``kind`` defaults to "service"; the
slug is made from the name; ``district`` is the address ``region``, else its ``city``;
schedules, phones and languages fall back to the location's, email/url to the
organization's; ``free`` is read from ``fees_description`` ("free…", "no fee…", "none");
``wheelchair`` from accessibility texts naming wheelchairs without "not/no/non/without";
the other flags default to false. The result is checked with
:func:`bot.schema.validate_directory`; every problem names the file and record id.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional

from babel import Locale

from bot import hours
from bot.directory import Directory, Service, _service_from_yaml, localized_text
from bot.schema import TOPICS, validate_directory

NAMESPACE = uuid.UUID("50c38ef0-015c-5545-9481-a07637336f81")  # fixed: ids stay the same across exports
TAXONOMY, EXTENSION = "openwelcome-topics", "x_openwelcome"
FREE_TEXT = "Free of charge."
HOURS_NOTE = "description: OpenStreetMap opening_hours syntax, https://wiki.openstreetmap.org/wiki/Key:opening_hours"
WHEELCHAIR = {"description": "Wheelchair accessible", "details": "Step-free access for wheelchair users."}
REQUIRED_FILES = ("organization", "service", "location", "service_at_location", "schedule", "language")
OPTIONAL_FILES = ("phone", "accessibility", "address", "attribute", "taxonomy_term")
DAYS = {"MO": "Mo", "TU": "Tu", "WE": "We", "TH": "Th", "FR": "Fr", "SA": "Sa", "SU": "Su"}
REFERENCES = (  # (table, field, table it points to)
    ("service", "organization_id", "organization"), ("service_at_location", "service_id", "service"),
    ("service_at_location", "location_id", "location"), ("schedule", "service_id", "service"),
    ("language", "service_id", "service"), ("phone", "service_id", "service"), ("address", "location_id", "location"),
    ("accessibility", "location_id", "location"), ("attribute", "taxonomy_term_id", "taxonomy_term"),
    ("attribute", "link_id", "service"),
)  # fmt: skip
FREE = re.compile(r"\s*(free|no (fees?|charges?|costs?)\b|none\b)", re.IGNORECASE)
NEGATION = re.compile(r"\b(not|no|non|without)\b", re.IGNORECASE)
Record = Dict[str, Any]


class HsdsError(ValueError):
    """The HSDS folder cannot be imported; ``problems`` lists every reason."""

    def __init__(self, folder: Path, problems: List[str]):
        self.folder = folder
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{folder}: {len(problems)} problem(s) in the HSDS data:\n{lines}")


def _uid(table: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{table}:{key}"))


def _record(**fields: Any) -> Record:
    return {key: value for key, value in fields.items() if value is not None}


def _language_name(code: str) -> Optional[str]:
    try:
        return Locale.parse(code).get_display_name("en")
    except (ValueError, TypeError):
        return None


def split_address(text: str, city_name: str, country: str) -> Record:
    """Our one-line address ("street, postcode city") as the fields of an HSDS ``address`` record."""
    head, comma, tail = text.rpartition(",")
    match = re.fullmatch(r"\s*(\S*\d\S*)\s+(.+?)\s*", tail) if comma else None
    street, postal_code, city = (head.strip(), match[1], match[2]) if match else (text, "", city_name)
    return {"address_1": street, "city": city, "state_province": "", "postal_code": postal_code, "country": country}


def _join_address(record: Record) -> str:
    last = f"{record.get('postal_code') or ''} {record.get('city') or ''}".strip()
    return ", ".join(str(part) for part in (record.get("address_1"), record.get("address_2"), last) if part)


def service_to_yaml(service: Service) -> Record:
    """A service as a ``services.yaml`` entry (what :func:`bot.directory.read_directory` reads back)."""
    entry: Record = {"id": service.id, "name": dict(service.name), "kind": service.kind, "topics": list(service.topics)}
    entry.update(languages=list(service.languages), address=service.address, district=service.district)
    entry["opening_hours"] = service.opening_hours
    if service.description:
        entry["description"] = dict(service.description)
    if service.lat is not None or service.lon is not None:
        entry["geo"] = {"lat": service.lat, "lon": service.lon}
    entry.update(_record(phone=service.phone, email=service.email, website=service.website))
    entry.update(childcare=service.childcare, free=service.free, wheelchair=service.wheelchair)
    entry.update(_record(documents_required=service.documents_required, appointment=service.appointment))
    return entry


def export_hsds(directory: Directory, out_dir: Path) -> Dict[str, int]:
    """Writes the directory as HSDS 3.0 JSON files (one per table) into ``out_dir``, created if needed.

    Returns:
        The number of records written per file name, e.g. ``{"service.json": 39, ...}``.
    """
    default = directory.city["default_language"]
    city_name = localized_text(directory.city.get("name"), default, default)
    country = str(directory.city.get("country") or "")
    tables: Dict[str, List[Record]] = {table: [] for table in REQUIRED_FILES + OPTIONAL_FILES}

    def add(table: str, key: str, **fields: Any) -> str:
        tables[table].append(_record(id=_uid(table, key), **fields))
        return tables[table][-1]["id"]

    for topic in sorted(TOPICS):
        label = topic.replace("_", " ").capitalize()
        add("taxonomy_term", topic, code=topic, name=label, description=f"Topic: {label}.", taxonomy=TAXONOMY)
    for service in sorted(directory.services, key=lambda item: item.id):
        slug, name = service.id, localized_text(service.name, default, default)
        description = localized_text(service.description, default, default) or None
        extension = _record(
            id=slug, kind=service.kind, topics=list(service.topics), district=service.district,
            name=dict(service.name), description=dict(service.description) or None, address=service.address,
            opening_hours=service.opening_hours, appointment=service.appointment, childcare=service.childcare,
            documents_required=service.documents_required,
        )
        organization_id = add("organization", slug, name=name, description=description or name)
        sid = add(
            "service", slug, organization_id=organization_id, name=name, description=description,
            url=service.website, email=service.email, status="active",
            fees_description=FREE_TEXT if service.free else None, **{EXTENSION: extension},
        )
        lid = add("location", slug, location_type="physical", name=name, latitude=service.lat, longitude=service.lon)
        address = split_address(service.address, city_name, country)
        add("address", slug, location_id=lid, **address, address_type="physical")
        add("service_at_location", slug, service_id=sid, location_id=lid)
        add("schedule", slug, service_id=sid, description=service.opening_hours, notes=HOURS_NOTE)
        if service.phone:
            add("phone", slug, service_id=sid, number=service.phone, type="voice")
        for code in service.languages:
            add("language", f"{slug}:{code}", service_id=sid, name=_language_name(code), code=code)
        if service.wheelchair:
            add("accessibility", slug, location_id=lid, **WHEELCHAIR)
        for topic in service.topics:
            term = _uid("taxonomy_term", topic)
            add("attribute", f"{slug}:{topic}", link_id=sid, link_entity="service", taxonomy_term_id=term, label=topic)
    out_dir.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        (out_dir / f"{table}.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return {f"{table}.json": len(rows) for table, rows in tables.items()}


def _read_table(in_dir: Path, table: str, problems: List[str]) -> List[Record]:
    name, path = f"{table}.json", in_dir / f"{table}.json"
    if not path.is_file():
        if table in REQUIRED_FILES:
            problems.append(f"{name}: file is missing")
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        problems.append(f"{name}: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})")
        return []
    except (OSError, UnicodeDecodeError) as error:
        problems.append(f"{name}: cannot read file: {error}")
        return []
    if not isinstance(data, list):
        problems.append(f"{name}: must be a JSON array of objects")
        return []
    rows: Dict[str, Record] = {}
    for position, row in enumerate(data):
        if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not row["id"]:
            problems.append(f"{name}[{position}]: must be an object with a non-empty string 'id'")
            continue
        links = [key for key, value in row.items() if key.endswith("_id") and not isinstance(value, (str, type(None)))]
        if links:
            problems.append(f"{name} record '{row['id']}': {', '.join(links)} must be a string id")
        elif row["id"] in rows:
            problems.append(f"{name} record '{row['id']}': the id is used by more than one record")
        else:
            rows[row["id"]] = row
    return list(rows.values())


def _topic(term: Record) -> Optional[str]:
    if term.get("taxonomy") == TAXONOMY:
        return str(term.get("code") or term.get("name") or "")
    for candidate in (term.get("code"), term.get("name")):
        key = re.sub(r"[\s-]+", "_", str(candidate or "").strip().lower())
        if key in TOPICS:
            return key
    return None


def _hours_from_rules(schedules: List[Record]) -> str:
    """OSM opening_hours from weekly HSDS rules (``byday`` with ``opens_at``/``closes_at``), else ""."""
    rules = []
    for schedule in schedules:
        days = [DAYS.get(day.strip().upper()) for day in str(schedule.get("byday") or "").split(",")]
        times = [re.match(r"(\d{1,2}):(\d{2})", str(schedule.get(key) or "")) for key in ("opens_at", "closes_at")]
        weekly = str(schedule.get("freq") or "WEEKLY").upper() == "WEEKLY"
        if weekly and schedule.get("interval") in (None, 1, "1") and all(days) and all(times):
            opens, closes = (f"{int(match[1]):02d}:{match[2]}" for match in times)
            rules.append(f"{','.join(days)} {opens}-{closes}")
    return ", ".join(rules)


def _texts(extension: Any, standard: Any, default: str) -> Dict[str, str]:
    """All languages from ``x_openwelcome``; the standard field wins when it was changed elsewhere."""
    texts = dict(extension) if isinstance(extension, dict) else {}
    if isinstance(standard, str) and standard.strip() and standard != localized_text(texts, default, default):
        texts[default] = standard
    return texts


def _number(value: Any) -> Any:
    try:
        return float(value) if isinstance(value, str) else value
    except ValueError:
        return value


def _slug(text: str, taken: set) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-") or "service"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


class _Index:
    """The tables of one HSDS folder, grouped for look-ups."""

    def __init__(self, tables: Dict[str, List[Record]]):
        self.by_id = {table: {row["id"]: row for row in rows} for table, rows in tables.items()}
        self.topics = {key: _topic(row) for key, row in self.by_id["taxonomy_term"].items()}
        self.by_link: Dict[tuple, List[Record]] = defaultdict(list)
        for table, rows in tables.items():
            for row in rows:
                for field in ("service_id", "location_id", "link_id"):
                    if isinstance(row.get(field), str):
                        self.by_link[table, field, row[field]].append(row)

    def linked(self, table: str, service_id: str, location_id: Optional[str] = None) -> List[Record]:
        """Records of ``table`` for the service, else (when ``location_id`` is given) for its location."""
        field = "link_id" if table == "attribute" else "service_id"
        return self.by_link.get((table, field, service_id)) or self.by_link.get((table, "location_id", location_id), [])


def _entry(row: Record, x: Record, slug: str, index: _Index, default: str) -> Record:
    """The ``services.yaml`` entry for one HSDS service record (see the module docstring)."""
    sid = row["id"]
    sites = index.linked("service_at_location", sid)
    lid = next((site["location_id"] for site in sites if site.get("location_id")), None)
    location, address = index.by_id["location"].get(lid or "", {}), (index.linked("address", "", lid) or [{}])[0]
    exact, joined = x.get("address"), _join_address(address)
    ours = list(x["topics"]) if isinstance(x.get("topics"), list) else []
    topics = [index.topics.get(link.get("taxonomy_term_id")) for link in index.linked("attribute", sid)]
    topics = [topic for topic in topics if topic] or ours
    codes = [str(item.get("code") or item.get("language") or "").lower() for item in index.linked("language", sid, lid)]
    schedules = index.linked("schedule", sid, lid)
    texts = [schedule[key] for schedule in schedules for key in ("description", "notes") if schedule.get(key)]
    entry: Record = {"id": slug, "name": _texts(x.get("name"), row.get("name"), default)}
    entry["kind"] = x.get("kind", "service")
    entry["topics"] = ours if sorted(ours) == sorted(topics) else topics  # same set: keep our order (main first)
    entry["languages"] = list(dict.fromkeys(code.strip() for code in codes if code.strip()))
    unchanged = exact and (not joined or _join_address(split_address(exact, "", "")) == joined)
    entry["address"] = exact if unchanged else joined
    entry["district"] = x.get("district") or address.get("region") or address.get("city") or ""
    entry["opening_hours"] = _hours_from_rules(schedules) or next(iter(texts), x.get("opening_hours") or "")
    description = _texts(x.get("description"), row.get("description"), default)
    if description:
        entry["description"] = description
    lat, lon = _number(location.get("latitude")), _number(location.get("longitude"))
    if lat is not None or lon is not None:
        entry["geo"] = {"lat": lat, "lon": lon}
    organization = index.by_id["organization"].get(row.get("organization_id") or "", {})
    phone = next((item["number"] for item in index.linked("phone", sid, lid) if item.get("number")), None)
    entry.update(_record(phone=phone or None, email=row.get("email") or organization.get("email") or None))
    entry.update(_record(website=row.get("url") or organization.get("website") or None))
    access = " ".join(f"{a.get('description')} {a.get('details')}" for a in index.linked("accessibility", "", lid))
    entry["childcare"] = x.get("childcare", False)
    entry["free"] = bool(FREE.match(str(row.get("fees_description") or "")))
    entry["wheelchair"] = "wheelchair" in access.lower() and not NEGATION.search(access)
    entry["documents_required"] = x.get("documents_required", False)
    entry.update(_record(appointment=x.get("appointment")))
    return entry


def import_hsds(in_dir: Path, city: Dict[str, Any]) -> Directory:
    """Reads an HSDS 3.0 JSON folder (see the module docstring) into a validated directory.

    Args:
        in_dir: The folder holding ``service.json`` and the other tables.
        city: The city block for the result (e.g. that of the current ``services.yaml``).

    Raises:
        HsdsError: listing every problem, each naming the file and, where relevant, the record id.
    """
    problems: List[str] = []
    tables = {table: _read_table(in_dir, table, problems) for table in REQUIRED_FILES + OPTIONAL_FILES}
    if problems:
        raise HsdsError(in_dir, problems)
    index = _Index(tables)
    for table, field, target in REFERENCES:
        for row in tables[table]:
            if field == "link_id" and row.get("link_entity") not in (None, "service"):
                continue
            if row.get(field) and row[field] not in index.by_id[target]:
                where = f"{table}.json record '{row['id']}'"
                problems.append(f"{where}: {field} '{row[field]}' matches no record in {target}.json")
    default = str(city.get("default_language") or "en")
    active = [row for row in tables["service"] if str(row.get("status") or "active").lower() == "active"]
    extensions = [row.get(EXTENSION) if isinstance(row.get(EXTENSION), dict) else {} for row in active]
    taken = {x["id"] for x in extensions if isinstance(x.get("id"), str)}
    entries, record_of = [], {}
    for position, (row, x) in enumerate(zip(active, extensions)):
        sid = row["id"]
        if row.get(EXTENSION) is not None and not isinstance(row[EXTENSION], dict):
            problems.append(f"service.json record '{sid}': {EXTENSION} must be an object")
        name = localized_text(_texts(x.get("name"), row.get("name"), default), default, default)
        slug = x["id"] if isinstance(x.get("id"), str) and x["id"] else _slug(name or sid, taken)
        entry = _entry(row, x, slug, index, default)
        if not entry["topics"]:
            problems.append(
                f"service.json record '{sid}' ({entry['id']}): has no topics; link it through attribute.json to "
                f"taxonomy_term.json terms of taxonomy '{TAXONOMY}' with a code among: {', '.join(TOPICS)}"
            )
        entries.append(entry)
        record_of[f"services[{position}]"] = record_of[f"service '{entry['id']}'"] = f"service.json record '{sid}'"
    for problem in validate_directory({"city": city, "services": entries}, hours.syntax_error):
        if problem.field == "topics" and problem.message == "is required":
            continue  # reported above, with what to do
        where = record_of.get(problem.where)
        problems.append(f"{where} ({problem})" if where else str(problem))
    if problems:
        raise HsdsError(in_dir, problems)
    return Directory(city=city, services=[_service_from_yaml(entry, default) for entry in entries])
