"""Removes personal data from free text before it is stored.

People are told not to type names or contact details, but some will. Before a comment
or a report is stored, whatever looks like a way to identify or contact someone is
replaced by a tag: ``[email]``, ``[link]``, ``[iban]``, ``[card]``, ``[phone]``,
``[id-number]``, ``[number]`` and ``[address]``. The rules err on the side of removing
too much: a tag costs the city little, a leaked phone number can cost the person a lot.

Phone numbers are found with ``phonenumbers`` (Google's libphonenumber), IBANs and card
numbers are recognised by shape (a mistyped number is still personal data). Names of
people cannot be recognised reliably and are not attempted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, List, Optional, Tuple

import phonenumbers

# Bidi embedding/override/isolate controls can make stored text display misleadingly
# (a "right-to-left override" reverses what staff see). Zero-width (non-)joiners stay:
# Farsi needs U+200C.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"))
_WORD = r"[^\W\d_]"  # any letter, in any script

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A URL whose path, query or fragment could name a person (profile, document, ticket).
LINK = re.compile(r"\b(?:(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S+)", re.IGNORECASE | re.UNICODE)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){10,30}\b", re.IGNORECASE)
CARD = re.compile(r"(?<![\w+])\d(?:[ -]?\d){12,18}(?!\w)")
# Letters and digits mixed, as in passport, ID card and residence permit numbers
# (C01X00T47, FE1234567, НК123456): at least two digits and one letter, 6+ characters.
ID_NUMBER = re.compile(r"(?<![\w-])(?=[^\W_]*\d[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]{6,24}(?![\w-])", re.UNICODE)
# Digit runs that phonenumbers did not accept but that still look like a phone number.
PHONE_LIKE = re.compile(r"(?<![\w+])(?:\+|00|0)\d(?:[\s./()-]{0,2}\d){6,14}(?!\w)")
LONG_NUMBER = re.compile(r"(?<![\w.,:/])\d(?:[\s./-]?\d){5,}(?![\w])")

_STREET_WORDS = (
    # German and Austrian street names end in one of these; the house number follows.
    r"(?:[\w'.-]*(?:stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee))"
)
STREET_PATTERNS = [
    # "Hauptstraße 12", "Berliner Str. 5a"
    re.compile(r"(?:\b" + _WORD + r"+\s+)?" + r"\b" + _STREET_WORDS + r"\s*\d{1,4}\s?[a-zA-Z]?\b", re.IGNORECASE),
    # French and Spanish number-first: "12 rue de la Paix", "3 calle Mayor"
    re.compile(
        r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|impasse|all[ée]e|place|quai|calle|avenida|plaza)"
        r"(?:\s+[\w'’-]+){1,4}",
        re.IGNORECASE | re.UNICODE,
    ),
    # "12 Baker Street", "221b Baker St"
    re.compile(
        r"\b\d{1,4}[a-zA-Z]?,?\s+(?:"
        + _WORD
        + r"+\s+){1,3}(?:street|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|drive|dr\.?|close|way|place)\b",
        re.IGNORECASE,
    ),
    # Romance and Slavic languages, Turkish, Arabic and Farsi: a street word, a name, a number.
    re.compile(
        r"(?:\b\d{1,4}[a-zA-Z]?,?\s+)?\b(?:rue|avenue|av\.|boulevard|bd|chemin|impasse|all[ée]e|calle|c/|avenida|avda\.?|plaza|paseo|carrer|via|viale|piazza|"
        r"ul\.|ulica|ulicy|al\.|aleja|alei|os\.|osiedle|pl\.|"
        r"вул\.?|вулиця|вулиці|ул\.?|улица|улице|проспект|просп\.|пр-т|пров\.|провулок|переулок|пер\.|бульвар|б-р|"
        r"cadde(?:si)?|cad\.|sokak|sokağı|sokagi|sok\.|sk\.|mahalle(?:si)?|mah\.|bulvar[ıi])"
        r"\s+(?:[\w'.-]+\s+){0,4}?(?:no[:.]?\s*)?\d{1,4}[a-zA-Z]?\b",
        re.IGNORECASE | re.UNICODE,
    ),
    # Turkish word order: "Atatürk Caddesi No: 5", "Gül Sokak 12"
    re.compile(
        r"\b(?:"
        + _WORD
        + r"+\s+){1,3}(?:cadde(?:si)?|cad\.|sokak|sokağı|sokagi|sok\.|sk\.|bulvar[ıi])\s*(?:no[:.]?\s*)?\d{1,4}\b",
        re.IGNORECASE | re.UNICODE,
    ),
    # Arabic (شارع) and Farsi (خیابان, کوچه, پلاک): street word, name, number (any digits).
    re.compile(r"(?:شارع|خیابان|كوچه|کوچه|زقاق|حي|بلوار)\s+(?:\S+\s+){0,4}?(?:پلاک\s*|رقم\s*)?\d{1,4}\b", re.UNICODE),
]


@dataclass(frozen=True)
class Cleaned:
    """Text ready to store: scrubbed, cut to the limit, with what was done to it."""

    text: str
    truncated: bool
    tags: Tuple[str, ...]


def normalize(text: str) -> str:
    """NFC, no bidi controls, no control characters but newlines and tabs, trimmed."""
    text = unicodedata.normalize("NFC", text or "").translate(_BIDI_CONTROLS)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return text.strip()


def has_words(text: str) -> bool:
    """Whether the text holds at least one letter or digit (not only emoji or punctuation)."""
    return any(ch.isalnum() for ch in text or "")


def _replace_phones(text: str, region: Optional[str], found: List[str]) -> str:
    matches = list(phonenumbers.PhoneNumberMatcher(text, region or "ZZ", leniency=phonenumbers.Leniency.POSSIBLE))
    for match in reversed(matches):
        digits = sum(ch.isdigit() for ch in match.raw_string)
        if digits >= 6:
            text = text[: match.start] + "[phone]" + text[match.end :]
            found.append("phone")
    return text


def _sub(
    pattern: re.Pattern, tag: str, text: str, found: List[str], accept: Callable[[str], bool] = lambda _: True
) -> str:
    def replace(match: re.Match) -> str:
        if not accept(match.group(0)):
            return match.group(0)
        found.append(tag.strip("[]"))
        return tag

    return pattern.sub(replace, text)


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def scrub(text: str, region: Optional[str] = None) -> Tuple[str, Tuple[str, ...]]:
    """Replaces personal data in ``text`` by tags.

    Args:
        text: Free text as typed (any language or script).
        region: The city's country (ISO 3166 alpha-2) for phone numbers written without
            a country code.

    Returns:
        The scrubbed text and the kinds of data that were replaced (for a notice).
    """
    found: List[str] = []
    text = normalize(text)
    text = _sub(EMAIL, "[email]", text, found)
    text = _sub(LINK, "[link]", text, found)
    text = _sub(IBAN, "[iban]", text, found, accept=lambda value: _digit_count(value) >= 8)
    text = _sub(CARD, "[card]", text, found, accept=lambda value: _digit_count(value) >= 13)
    text = _sub(ID_NUMBER, "[id-number]", text, found)
    text = _replace_phones(text, region, found)
    text = _sub(PHONE_LIKE, "[phone]", text, found)
    for pattern in STREET_PATTERNS:
        text = _sub(pattern, "[address]", text, found)
    text = _sub(LONG_NUMBER, "[number]", text, found)
    return text, tuple(dict.fromkeys(found))


def clean(text: str, max_length: int, region: Optional[str] = None) -> Cleaned:
    """Scrubs ``text`` and cuts it to ``max_length`` characters (at a word boundary when possible)."""
    scrubbed, tags = scrub(text, region)
    truncated = len(scrubbed) > max_length
    if truncated:
        cut = scrubbed[:max_length]
        space = cut.rfind(" ")
        scrubbed = (cut[:space] if space > max_length * 0.8 else cut).rstrip() + " […]"
    return Cleaned(text=scrubbed, truncated=truncated, tags=tags)
