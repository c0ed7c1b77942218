"""Understanding answers to the questions of the feedback and report flows.

An answer comes from a button (its payload carries the option's code) or is typed: the
option's number ("2", "1, 3"), or words that match the option's label in the
conversation language or in English. Months are read with Babel's month names of the
conversation language ("März 2026", "03/2026", "листопад").
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import date
from typing import Callable, Dict, List, Optional, Sequence

from babel import Locale
from babel.dates import format_skeleton, get_month_names

from bot.directory import Service
from bot.submissions import add_months, month_of

Translate = Callable[[str], str]
_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


def fold(text: str) -> str:
    """Lower case without accents, so "Religión" matches "religion"."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def _words(text: str) -> List[str]:
    return re.findall(r"\w+", fold(text))


def _label_matches(label: str, answer: str) -> bool:
    """Whether a typed answer names an option: the whole label, or its first word
    (4+ letters, matched as the start of a typed word: "religion" for "Religion or belief")."""
    label_folded, answer_folded = fold(label), fold(answer)
    if not label_folded or not answer_folded:
        return False
    if re.search(r"(?<!\w)" + re.escape(label_folded) + r"(?!\w)", answer_folded):
        return True
    label_words, answer_words = _words(label), _words(answer)
    if not label_words or len(label_words[0]) < 4:
        return False
    head = label_words[0]
    return any(word.startswith(head) or _shares_stem(word, head) for word in answer_words)


def _shares_stem(word: str, head: str) -> bool:
    """"sprache" and "sprachbarriere", "relig" and "religion": a common start of 5+ letters
    covering most of the typed word."""
    shared = len(os.path.commonprefix([word, head]))
    return shared >= 5 and shared >= 0.7 * len(word)


def _only_numbers(answer: str) -> bool:
    """ "1, 3", "4 und 5", "2 y 3": numbers joined by short words only."""
    return all(len(word) <= 3 for word in re.findall(r"[^\W\d_]+", answer))


def parse_options(answer: str, options: Dict[str, str], _: Translate, multiple: bool = False) -> List[str]:
    """The option codes an answer picks, in list order; empty when nothing matched.

    Args:
        answer: The typed text.
        options: Code → untranslated label, in the order shown (numbers start at 1).
        multiple: Whether several options may be picked.
    """
    codes = list(options)
    picked: List[str] = []
    numbers = [int(number) for number in _NUMBER.findall(answer)]
    if numbers and all(1 <= number <= len(codes) for number in numbers) and _only_numbers(answer):
        picked = [codes[number - 1] for number in numbers]
    else:
        # Whole labels first ("Nothing went wrong"), then first words in what is left
        # (so "wrong" there does not also pick "Wrong information").
        rest = fold(answer)
        for code, label in options.items():
            for candidate in (fold(_(label)), fold(label), fold(code)):
                pattern = r"(?<!\w)" + re.escape(candidate) + r"(?!\w)"
                if candidate and re.search(pattern, rest):
                    picked.append(code)
                    rest = re.sub(pattern, " ", rest)
                    break
        for code, label in options.items():
            if code not in picked and (_label_matches(_(label), rest) or _label_matches(label, rest)):
                picked.append(code)
        picked = [code for code in codes if code in picked]
    if not multiple and len(picked) != 1:
        return []
    return picked


def numbered(options: Dict[str, str], _: Translate) -> str:
    """ "1. Religion or belief\n2. …" for questions where several may be picked."""
    return "\n".join(f"{index}. {_(label)}" for index, label in enumerate(options.values(), start=1))


def month_label(month: Optional[str], language: str, unknown: str) -> str:
    """``"2026-03"`` → "March 2026" in the conversation language; ``None`` → ``unknown``."""
    if not month:
        return unknown
    year, number = (int(part) for part in month.split("-"))
    return format_skeleton("yMMMM", date(year, number, 1), locale=Locale.parse(language))


def recent_months(today: date, count: int) -> List[str]:
    """This month and the ``count - 1`` before it, newest first."""
    this_month = month_of(today)
    return [add_months(this_month, -offset) for offset in range(count)]


def _month_names(language: str) -> Dict[str, int]:
    names: Dict[str, int] = {}
    for locale in (Locale.parse(language), "en"):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, locale).items():
                    folded = fold(name).rstrip(".")
                    if len(folded) >= 3:
                        names.setdefault(folded, number)
    return names


def _inflected(word: str, name: str) -> bool:
    """ "листопаді", "сентябре", "lipcu": a month name with another case ending."""
    if len(word) < 3:
        return False
    shared = len(os.path.commonprefix([word, name]))
    return shared >= max(3, len(name) - 2) and shared >= len(word) - 3


def parse_month(answer: str, language: str, today: date) -> Optional[str]:
    """A month (``YYYY-MM``) from "03/2026", "2026-03", "März 2026" or "march"; ``None`` if unclear or in the future.

    A month name without a year means its latest occurrence up to this month.
    """
    text = fold(answer)
    year: Optional[int] = None
    number: Optional[int] = None
    numeric = re.search(r"\b(\d{1,2})\s*[./-]\s*(\d{4})\b", text) or re.search(r"\b(\d{4})\s*[./-]\s*(\d{1,2})\b", text)
    if numeric:
        first, second = numeric.groups()
        year, number = (int(second), int(first)) if len(second) == 4 else (int(first), int(second))
    else:
        names = _month_names(language)
        for word in re.findall(r"\w+", text):
            for name, candidate in names.items():
                if word == name or _inflected(word, name):
                    number = candidate
                    break
            if number:
                break
        found_year = re.search(r"\b(19|20)\d{2}\b", text)
        if number and found_year:
            year = int(found_year.group(0))
        elif number:
            year = today.year if number <= today.month else today.year - 1
    if not number or not year or not 1 <= number <= 12:
        return None
    month = f"{year:04d}-{number:02d}"
    return month if month <= month_of(today) else None


def match_service(answer: str, services: Sequence[Service]) -> Optional[Service]:
    """The directory service the answer names, if exactly one fits best.

    A whole name (in any language) or the id wins; otherwise the service sharing the most
    distinctive name words (5+ letters, not in the names of many services, such as the
    city's name) with the answer.
    """
    folded = fold(answer)
    if len(folded) < 3:
        return None
    whole = [
        service
        for service in services
        if any(fold(name) in folded for name in [service.id.replace("-", " ")] + list(service.name.values()) if name)
    ]
    if len(whole) == 1:
        return whole[0]
    words_of = {
        service.id: {word for name in service.name.values() for word in _words(name or "") if len(word) >= 5}
        for service in services
    }
    frequency: Dict[str, int] = {}
    for words in words_of.values():
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
    typed = [word for word in _words(answer) if len(word) >= 5]
    scores = []
    for service in services:
        distinctive = {word for word in words_of[service.id] if frequency[word] <= 3}
        score = sum(1 for word in typed if any(name.startswith(word) or word.startswith(name) for name in distinctive))
        scores.append((score, service))
    scores.sort(key=lambda pair: -pair[0])
    if scores and scores[0][0] > 0 and (len(scores) == 1 or scores[1][0] < scores[0][0]):
        return scores[0][1]
    return None
