"""Which language to answer in: language identification and the decision rules.

Identification uses Lingua (its models ship inside the ``lingua-language-detector``
package; nothing is downloaded). The decision is plain logic, tested on its own:

1. the channel's ``metadata.language`` or an explicit choice (a button, "in Arabic
   please") always wins;
2. a short or ambiguous message ("ok", "hi", "1", an emoji) keeps the current language;
3. the first clear message decides the language;
4. later, a message in another language switches only on strong evidence;
5. when nothing is known, the city's default language applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Iterable, Optional, Sequence

FIRST_MESSAGE_CONFIDENCE = 0.5
SWITCH_CONFIDENCE = 0.8
MIN_LETTERS = 4
MIN_WORDS_TO_SWITCH = 2
# Above this, the current language is still a plausible reading of a mixed message.
CURRENT_STILL_PLAUSIBLE = 0.15

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class Detection:
    """Language identification result for one message: ISO 639-1 code -> confidence."""

    scores: Dict[str, float]

    @property
    def best(self) -> Optional[str]:
        """The most likely language, or None when nothing was detected."""
        if not self.scores:
            return None
        language, score = max(self.scores.items(), key=lambda item: item[1])
        return language if score > 0 else None

    @property
    def confidence(self) -> float:
        """Confidence of the most likely language (0 when none)."""
        return max(self.scores.values(), default=0.0)


@dataclass(frozen=True)
class Decision:
    """The conversation language after a message, and why."""

    language: str
    reason: str  # "explicit", "first_message", "switched", "kept", "default"
    previous: Optional[str] = None

    @property
    def switched(self) -> bool:
        """True when detection (not an explicit choice) changed an existing language."""
        return self.reason == "switched"


class LanguageIdentifier:
    """Wraps a Lingua detector restricted to candidate languages; built once, reused."""

    def __init__(self, languages: Iterable[str]) -> None:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        candidates = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in languages]
        self._detector = LanguageDetectorBuilder.from_languages(*candidates).with_preloaded_language_models().build()

    def detect(self, text: str) -> Detection:
        """Scores every candidate language for ``text`` (empty scores for text without letters)."""
        if not _LETTER.search(text or ""):
            return Detection({})
        values = self._detector.compute_language_confidence_values(text)
        return Detection({value.language.iso_code_639_1.name.lower(): value.value for value in values[:5]})


def is_short_or_ambiguous(text: str) -> bool:
    """True for messages too short to say anything about their language ("ok", "1", "👍")."""
    return len(_LETTER.findall(text or "")) < MIN_LETTERS


def _word_count(text: str) -> int:
    return sum(1 for word in (text or "").split() if _LETTER.search(word))


def decide_language(
    text: str,
    current: Optional[str],
    detection: Detection,
    supported: Sequence[str],
    default: str,
    explicit: Optional[str] = None,
) -> Decision:
    """Applies the rules in the module docstring.

    Args:
        text: The message as typed.
        current: The conversation's language so far (None at the start).
        detection: What language identification said about ``text``.
        supported: Languages the city supports.
        default: The city's default language.
        explicit: A language the person chose explicitly (channel metadata, button, or
            a request like "in Arabic please"), if any.
    """
    if explicit in supported:
        return Decision(explicit, "explicit", current)
    known = current if current in supported else None
    best = detection.best
    if is_short_or_ambiguous(text) or best not in supported:
        return Decision(known, "kept", current) if known else Decision(default, "default", current)
    if known is None:
        if detection.confidence >= FIRST_MESSAGE_CONFIDENCE:
            return Decision(best, "first_message", current)
        return Decision(default, "default", current)
    if best == known:
        return Decision(known, "kept", current)
    strong = (
        detection.confidence >= SWITCH_CONFIDENCE
        and _word_count(text) >= MIN_WORDS_TO_SWITCH
        and detection.scores.get(known, 0.0) < CURRENT_STILL_PLAUSIBLE
    )
    if strong:
        return Decision(best, "switched", current)
    return Decision(known, "kept", current)
