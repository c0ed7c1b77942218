"""Entitlement answers that depend on residence status (``data/entitlements.yaml``).

Each entitlement has a general answer for one topic and, optionally, variations for the
residence statuses where the answer differs. Every answer carries its source and the date
it was last checked. Like the service directory, the file is refused as a whole when it
has any problem, and every problem names the topic (and status) and the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from bot.directory import localized_text
from bot.schema import TOPICS, URL, DirectoryError, Problem, is_language_code, read_yaml

STATUSES = ("eu_citizen", "protection", "asylum_seeker", "residence_permit", "no_papers")
PREFER_NOT_TO_SAY = "prefer_not_to_say"
ENTITLEMENT_FIELDS = ("topic", "general", "source", "last_checked", "by_status")
VARIATION_FIELDS = ("text", "source", "last_checked")


@dataclass(frozen=True)
class Variation:
    """The answer for one residence status, where it differs from the general one."""

    text: Dict[str, str]
    source: str
    last_checked: date


@dataclass(frozen=True)
class Entitlement:
    """What people are entitled to for one topic, with its status-specific variations."""

    topic: str
    general: Dict[str, str]
    source: str
    last_checked: date
    by_status: Dict[str, Variation] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    """The answer chosen for a person; ``status_used`` is None for the general answer."""

    text: str
    source: str
    last_checked: date
    status_used: Optional[str]


class EntitlementsError(ValueError):
    """The entitlements file cannot be used; ``problems`` lists every reason."""

    def __init__(self, path: Path, problems: List[Problem]):
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{path}: {len(problems)} problem(s):\n{lines}")


def _as_date(value: Any) -> Optional[date]:
    """A YAML date or an ISO date string as a date; None for anything else (also date-times)."""
    if isinstance(value, date):
        return None if isinstance(value, datetime) else value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _check_texts(value: Any, where: str, name: str, languages: Sequence[str], problems: List[Problem]) -> None:
    if not isinstance(value, dict) or not value:
        problems.append(Problem(where, name, "must be a map language→text"))
        return
    for language, text in value.items():
        if not is_language_code(language):
            problems.append(Problem(where, name, f"'{language}' is not an ISO 639-1 language code"))
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(where, name, f"text for '{language}' is empty"))
    for language in languages:
        if language not in value:
            problems.append(Problem(where, name, f"text for '{language}' is missing (every city language is required)"))


def _check_common(
    entry: Dict[str, Any], where: str, allowed: Sequence[str], today: date, problems: List[Problem]
) -> None:
    """Checks unknown fields, ``source`` and ``last_checked`` of an entitlement or variation."""
    for name in entry:
        if name not in allowed:
            problems.append(Problem(where, str(name), f"unknown field (known: {', '.join(allowed)})"))
    source = entry.get("source")
    if source in (None, ""):
        problems.append(Problem(where, "source", "is required"))
    elif not (isinstance(source, str) and URL.match(source)):
        problems.append(Problem(where, "source", f"'{source}' is not an http(s) URL"))
    checked = entry.get("last_checked")
    day = _as_date(checked)
    if checked in (None, ""):
        problems.append(Problem(where, "last_checked", "is required"))
    elif day is None:
        problems.append(Problem(where, "last_checked", f"'{checked}' is not a date (YYYY-MM-DD)"))
    elif day > today:
        problems.append(Problem(where, "last_checked", f"{day} is in the future (today is {today})"))


def _check_entry(
    entry: Any, index: int, seen: set, languages: Sequence[str], today: date, problems: List[Problem]
) -> None:
    if not isinstance(entry, dict):
        problems.append(Problem(f"entitlements[{index}]", "-", "must be a mapping of fields"))
        return
    topic = entry.get("topic")
    where = f"entitlement '{topic}'" if isinstance(topic, str) and topic else f"entitlements[{index}]"
    if topic in (None, ""):
        problems.append(Problem(where, "topic", "is required"))
    elif topic not in TOPICS:
        problems.append(Problem(where, "topic", f"unknown topic '{topic}' (known: {', '.join(TOPICS)})"))
    elif topic in seen:
        problems.append(Problem(where, "topic", "is used by more than one entitlement"))
    else:
        seen.add(topic)
    _check_common(entry, where, ENTITLEMENT_FIELDS, today, problems)
    _check_texts(entry.get("general"), where, "general", languages, problems)
    by_status = entry.get("by_status")
    if by_status is None:
        return
    if not isinstance(by_status, dict):
        problems.append(Problem(where, "by_status", "must be a map status→variation"))
        return
    for status, variation in by_status.items():
        if status not in STATUSES:
            problems.append(Problem(where, "by_status", f"unknown status '{status}' (known: {', '.join(STATUSES)})"))
            continue
        spot = f"{where}, status '{status}'"
        if not isinstance(variation, dict):
            problems.append(Problem(spot, "-", "must be a mapping with text, source and last_checked"))
            continue
        _check_common(variation, spot, VARIATION_FIELDS, today, problems)
        _check_texts(variation.get("text"), spot, "text", languages, problems)


def validate_entitlements(data: Any, languages: Sequence[str], today: date) -> List[Problem]:
    """Returns every problem in a parsed entitlements file (an empty list when it is valid).

    Args:
        data: The parsed YAML document.
        languages: The city's languages; every text needs each of them.
        today: Dates after this day are refused as ``last_checked``.
    """
    if not isinstance(data, dict):
        return [Problem("file", "-", "must be a mapping with 'entitlements:'")]
    problems = [
        Problem("file", str(name), "unknown field (known: entitlements)") for name in data if name != "entitlements"
    ]
    entries = data.get("entitlements")
    if not isinstance(entries, list):
        problems.append(Problem("file", "entitlements", "must be a list"))
        return problems
    seen: set = set()
    for index, entry in enumerate(entries):
        _check_entry(entry, index, seen, languages, today, problems)
    return problems


def read_entitlements(path: Path, languages: Sequence[str], today: Optional[date] = None) -> Dict[str, Entitlement]:
    """Reads and validates an entitlements file.

    Args:
        path: The YAML file.
        languages: The city's languages (``city.languages`` of the directory).
        today: The current day; defaults to :meth:`date.today`.

    Returns:
        The entitlements by topic, in file order.

    Raises:
        EntitlementsError: listing every problem, each with the topic (and status) and field;
            also for a missing file or a YAML syntax error.
    """
    try:
        data = read_yaml(path)
    except DirectoryError as error:
        raise EntitlementsError(path, error.problems) from error
    problems = validate_entitlements(data, languages, today or date.today())
    if problems:
        raise EntitlementsError(path, problems)
    result: Dict[str, Entitlement] = {}
    for entry in data["entitlements"]:
        variations = {
            status: Variation(text=dict(v["text"]), source=v["source"], last_checked=_as_date(v["last_checked"]))
            for status, v in (entry.get("by_status") or {}).items()
        }
        result[entry["topic"]] = Entitlement(
            topic=entry["topic"],
            general=dict(entry["general"]),
            source=entry["source"],
            last_checked=_as_date(entry["last_checked"]),
            by_status=variations,
        )
    return result


def needs_status(entitlement: Entitlement) -> bool:
    """True when the answer differs by residence status, so it is worth asking for it."""
    return bool(entitlement.by_status)


def answer(entitlement: Entitlement, status: Optional[str], language: str, fallback_language: str) -> Answer:
    """The answer for a person's residence status, in their language.

    Args:
        entitlement: The entitlement for the topic asked about.
        status: One of :data:`STATUSES`; None, :data:`PREFER_NOT_TO_SAY`, an unknown value or
            a status without a variation gives the general answer.
        language: The conversation language.
        fallback_language: Used when there is no text in ``language`` (usually the city's default).
    """
    variation = entitlement.by_status.get(status) if status else None
    if variation is None:
        text = localized_text(entitlement.general, language, fallback_language)
        return Answer(text, entitlement.source, entitlement.last_checked, None)
    text = localized_text(variation.text, language, fallback_language)
    return Answer(text, variation.source, variation.last_checked, status)
