"""What every console page shares: the database, the directory, labels and the filters' options."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Mapping, Sequence

from flask_login import current_user
from sqlalchemy.engine import Engine

from bot import texts
from bot import texts_feedback as tf
from bot.directory import Service, load_directory
from bot.i18n import Translator
from bot.models import REPORT_STATUSES
from bot.settings import Settings
from bot.staff import audit
from bot.staff.items import KINDS, Filters, Item
from bot.staff.labels import labeler
from bot.web.staff_auth import utcnow

CONSOLE_LANGUAGE = "en"


@dataclass
class Console:
    """The parts the staff pages use; the directory is re-read per request (reload needs no restart)."""

    settings: Settings
    engine: Engine
    translator: Translator
    languages: List[str]

    def services(self) -> List[Service]:
        return load_directory(self.engine).services

    def label(self, services: Sequence[Service], language: str = CONSOLE_LANGUAGE) -> Callable[[str, str], str]:
        names = {service.id: service.localized_name(language) for service in services}
        return labeler(language, self.translator.for_language(language), names)

    @property
    def threshold(self) -> int:
        return self.settings.small_count_threshold

    def audit(self, action: str, target: str = "", detail: str = "") -> None:
        """Records what the signed-in staff member did (``report.view``, ``export.items``, ...)."""
        audit.record(self.engine, current_user.username, action, target, detail, now=utcnow())


def filter_options(items: Sequence[Item], services: Sequence[Service], label: Callable[[str, str], str],
                   languages: Sequence[str]) -> Dict[str, List[Mapping[str, str]]]:
    """The choices of each filter's drop-down: ``[{value, label}]``."""

    def options(dimension: str, values) -> List[Mapping[str, str]]:
        return [{"value": value, "label": label(dimension, value)} for value in values]

    return {
        "kind": options("kind", KINDS),
        "status": options("status", REPORT_STATUSES),
        "topic": options("topic", texts.TOPIC_LABELS),
        "service": [{"value": s.id, "label": s.localized_name(CONSOLE_LANGUAGE)} for s in services],
        "grounds": options("grounds", tf.GROUNDS),
        "language": options("language", sorted(set(languages) | {item.language for item in items})),
        "channel": options("channel", sorted({item.channel for item in items})),
        "month": options("month", sorted({item.month for item in items}, reverse=True)),
    }


def page_of(items: Sequence[Item], page: int, size: int) -> List[Item]:
    """One page of the list (pages start at 1)."""
    start = (max(page, 1) - 1) * size
    return list(items[start : start + size])


def page_number(raw: str) -> int:
    return int(raw) if raw.isdigit() and 0 < int(raw) < 100000 else 1


def filters_summary(filters: Filters) -> str:
    """The filters as ``key=value`` text, for the audit log."""
    return " ".join(f"{key}={value}" for key, value in filters.as_args().items())
