"""Follow-up wishes on the service directory: open now, my language, near me, childcare, ...

A :class:`ServiceFilters` collects what the person asked for over several messages;
:func:`resolve_place` turns "near Central Station" or "in the north" into a wish, and the
distance helpers measure and format how far a service is. Whether a service meets each
wish, and why, is :mod:`bot.reasons`; ranking and the answer are :mod:`bot.ranking`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, fields, replace
from typing import Any, Iterator, Literal, Mapping, Optional, Sequence, Tuple, Union

from babel import Locale
from babel.units import format_unit

from bot.directory import Service

Geo = Tuple[float, float]
TODAY = "today"
OpenOn = Union[int, Literal["today"]]
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class ServiceFilters:
    """What the person asked for so far; a wish that is not set is ``False`` or ``None``.

    Attributes:
        open_on: A weekday (0 = Monday … 6 = Sunday) or :data:`TODAY`, which stays "today"
            however long the conversation lasts.
        language: ISO 639-1 code the staff should speak.
        no_papers: No documents required.
        walk_in: No appointment needed (``appointment`` is ``walk_in`` or ``both``).
        district: A district name as written in the directory (compared without case or accents).
        near: ``(lat, lon)`` of a shared location or a known place.
    """

    open_now: bool = False
    open_on: Optional[OpenOn] = None
    language: Optional[str] = None
    childcare: bool = False
    free: bool = False
    no_papers: bool = False
    wheelchair: bool = False
    walk_in: bool = False
    district: Optional[str] = None
    near: Optional[Geo] = None

    def __post_init__(self) -> None:
        valid_day = isinstance(self.open_on, int) and not isinstance(self.open_on, bool) and 0 <= self.open_on <= 6
        if self.open_on is not None and self.open_on != TODAY and not valid_day:
            raise ValueError(f"open_on must be a weekday 0-6 or '{TODAY}', not {self.open_on!r}")

    def active(self) -> Tuple[str, ...]:
        """The names of the wishes that are set, in the order of :data:`FILTER_NAMES`."""
        return tuple(name for name in FILTER_NAMES if _is_set(getattr(self, name)))

    @property
    def is_empty(self) -> bool:
        """True when no wish is set."""
        return not self.active()

    def merge(self, other: ServiceFilters) -> ServiceFilters:
        """These wishes plus ``other``'s; a wish set in both takes ``other``'s (later) value."""
        return replace(self, **{name: getattr(other, name) for name in other.active()})

    def without(self, *names: str) -> ServiceFilters:
        """These wishes with ``names`` unset."""
        return replace(self, **{name: _UNSET[name] for name in names})


def _is_set(value: Any) -> bool:
    """Identity, not equality: Monday (``open_on=0``) is a wish, although ``0 == False``."""
    return value is not None and value is not False


FILTER_NAMES = tuple(item.name for item in fields(ServiceFilters))
_UNSET = {item.name: item.default for item in fields(ServiceFilters)}


# --- places the person names --------------------------------------------------------------
@dataclass(frozen=True)
class NamedPlace:
    """A place named in a message: a district of the directory or a landmark of the city block."""

    name: str
    district: Optional[str] = None
    geo: Optional[Geo] = None

    def as_filters(self) -> ServiceFilters:
        """The wish it stands for: in that district, or near that landmark."""
        return ServiceFilters(district=self.district, near=self.geo)


def normalize(text: str) -> str:
    """Lower case without accents, vowel marks or punctuation; words joined by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.findall(r"\w+", stripped.casefold()))


def _landmarks(city: Mapping[str, Any]) -> Iterator[NamedPlace]:
    """The optional ``landmarks:`` of the city block, one place per name or alias (other
    grammatical forms, e.g. Ukrainian "біля головного вокзалу"); malformed entries are skipped."""
    for entry in city.get("landmarks") or []:
        if not isinstance(entry, Mapping):
            continue
        try:
            geo = (float(entry["lat"]), float(entry["lon"]))
        except (KeyError, TypeError, ValueError):
            continue
        names = entry.get("name")
        aliases = entry.get("aliases") if isinstance(entry.get("aliases"), list) else []
        for name in [*(names.values() if isinstance(names, Mapping) else [names]), *aliases]:
            if name:
                yield NamedPlace(str(name), geo=geo)


def _districts(city: Mapping[str, Any], services: Sequence[Service]) -> Iterator[NamedPlace]:
    """Each district of the directory by its name, and by the forms the city block's optional
    ``districts:`` lists per language ("im Norden", "північн*" for North)."""
    forms = city.get("districts") if isinstance(city.get("districts"), Mapping) else {}
    for district in sorted({service.district for service in services if service.district}):
        yield NamedPlace(district, district=district)
        by_language = forms.get(district) if isinstance(forms.get(district), Mapping) else {}
        for names in by_language.values():
            for name in names if isinstance(names, list) else [names]:
                if isinstance(name, str) and name.strip():
                    yield NamedPlace(name, district=district)


def resolve_place(text: str, city: Mapping[str, Any], services: Sequence[Service]) -> Optional[NamedPlace]:
    """The landmark or district named in ``text`` ("near Central Station", "in the north").

    Names match as whole words, ignoring case and accents; the longest name wins, and a
    landmark wins over a district of the same length.
    """
    words = f" {normalize(text)} "
    best: Optional[NamedPlace] = None
    best_length = 0
    for place in [*_landmarks(city), *_districts(city, services)]:
        key = normalize(place.name)
        stem = place.name.strip().endswith("*")
        found = re.search(rf" {re.escape(key)}\w* ", words) if stem else f" {key} " in words
        if key and found and len(key) > best_length:
            best, best_length = place, len(key)
    return best


# --- distance -----------------------------------------------------------------------------
def haversine_km(origin: Geo, target: Geo) -> float:
    """Great-circle distance in kilometres between two ``(lat, lon)`` points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*origin, *target))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def distance_km(service: Service, origin: Optional[Geo]) -> Optional[float]:
    """How far the service is from ``origin``; ``None`` when either position is unknown."""
    if origin is None or service.lat is None or service.lon is None:
        return None
    return haversine_km(origin, (service.lat, service.lon))


def format_distance(km: float, locale: Locale) -> str:
    """``350 m`` below 1 km (to 50 m), else ``1.2 km`` (``1,2 km`` in German); whole km from 10 km."""
    if km < 0.95:
        return format_unit(max(1, round(km * 20)) * 50, "length-meter", "short", locale=locale)
    value = round(km, 1) if km < 10 else round(km)
    return format_unit(value, "length-kilometer", "short", format="#,##0.#", locale=locale)
