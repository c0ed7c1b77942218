"""Which language to answer in: language identification and the decision rules.

Identification uses Lingua (its models ship inside the ``lingua-language-detector``
package; nothing is downloaded), plus word lists for languages typed in Latin script
("chat alphabets" such as Arabizi), which Lingua cannot recognise, mixed with a classifier
fitted on the assistant's own training examples (``bot.language_examples``), which knows how
people write to it. The decision is plain logic, tested on its own:

1. the channel's ``metadata.language`` or an explicit choice (a button, "in Arabic
   please") always wins;
2. a short or ambiguous message ("ok", "hi", "1", an emoji) keeps the current language;
3. the first clear message decides the language;
4. later, a message in another language switches only on strong evidence;
5. an answer to a form's question (a service name, a place, a number) never switches;
6. when nothing is known, the city's default language applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Dict, FrozenSet, Iterable, Mapping, Optional, Sequence

import yaml

from bot.receipts import without_codes

if TYPE_CHECKING:
    from bot.language_examples import ExampleLanguageModel

# Where the NLU component puts its scores in the parse data (read by the actions).
DETECTION_KEY = "language_detection"
FIRST_MESSAGE_CONFIDENCE = 0.5
SWITCH_CONFIDENCE = 0.8
MIN_LETTERS = 4
MIN_WORDS_TO_SWITCH = 2
# Above this, the current language is still a plausible reading of a mixed message.
CURRENT_STILL_PLAUSIBLE = 0.15

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_NON_LATIN_LETTER = re.compile(r"[^\W\d_a-zA-Z\u00C0-\u024F]", re.UNICODE)
_WORD = re.compile(r"[\w']+", re.UNICODE)
# A digit written as a letter inside a word, as in Arabizi ("3andi", "mo7ami", "7ari2").
_DIGIT_AS_LETTER = re.compile(r"^[a-z]*[3579][a-z]{2,}[0-9a-z]*$|^[a-z]{2,}[3579][a-z0-9]*$")
HINT_CONFIDENCE = 0.9
# Share of the example-trained classifier in the mixed scores (the rest is Lingua's).
EXAMPLES_WEIGHT = 0.6


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


@dataclass(frozen=True)
class LatinHints:
    """Latin-script spellings of a language usually written in another script (data file)."""

    words: FrozenSet[str]
    digits_as_letters: bool = False

    def count(self, words: Sequence[str]) -> int:
        """How many of ``words`` are hints for this language."""
        return sum(1 for w in words if w in self.words or (self.digits_as_letters and _DIGIT_AS_LETTER.match(w)))


def read_hints(path: Path) -> Dict[str, LatinHints]:
    """Reads ``data/language_hints.yml`` (language -> words, digits_as_letters)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of language -> hints")
    hints = {}
    for language, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("words", []), list):
            raise ValueError(f"{path}: '{language}' needs a list 'words'")
        words = frozenset(str(word).lower() for word in entry.get("words", []))
        hints[str(language)] = LatinHints(words, bool(entry.get("digits_as_letters", False)))
    return hints


class LanguageIdentifier:
    """Lingua restricted to candidate languages, plus Latin-script hints and the example-trained
    classifier; built once, reused.

    Args:
        languages: Candidate ISO 639-1 codes.
        hints: Latin-script hints per language (see ``data/language_hints.yml``).
        examples: A classifier fitted on the training examples; used only when it knows
            every candidate language (otherwise Lingua and the hints decide alone).
    """

    def __init__(
        self,
        languages: Iterable[str],
        hints: Optional[Mapping[str, LatinHints]] = None,
        examples: Optional["ExampleLanguageModel"] = None,
    ) -> None:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        self.languages = list(languages)
        candidates = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in self.languages]
        self._detector = LanguageDetectorBuilder.from_languages(*candidates).with_preloaded_language_models().build()
        self._hints = {code: hint for code, hint in (hints or {}).items() if code in self.languages}
        covers_all = examples is not None and set(self.languages) <= set(examples.languages)
        self._examples = examples if covers_all else None

    def detect(self, text: str) -> Detection:
        """Scores every candidate language for ``text`` (empty scores for text without letters).

        Receipt codes ("7KQ2-M9XD-…") are left out: their digits between letters look like
        Arabic chat alphabet, and they say nothing about the language anyway.
        """
        text = without_codes(text)
        if not _LETTER.search(text or ""):
            return Detection({})
        values = self._detector.compute_language_confidence_values(text)
        detection = Detection({value.language.iso_code_639_1.name.lower(): value.value for value in values[:5]})
        return self._mix_examples(text, self._apply_hints(text, detection))

    def _mix_examples(self, text: str, detection: Detection) -> Detection:
        """Lingua's (or the hints') scores mixed with the example-trained classifier's."""
        if self._examples is None:
            return detection
        learnt = self._examples.scores(text)
        mixed = {
            code: EXAMPLES_WEIGHT * learnt.get(code, 0.0) + (1 - EXAMPLES_WEIGHT) * detection.scores.get(code, 0.0)
            for code in self.languages
        }
        return Detection({code: score for code, score in mixed.items() if score > 0})

    def _apply_hints(self, text: str, detection: Detection) -> Detection:
        """Latin-script Arabic, Farsi, Russian or Ukrainian that Lingua reads as something else."""
        if not self._hints or _NON_LATIN_LETTER.search(text) or detection.confidence >= HINT_CONFIDENCE:
            return detection
        words = [word.lower() for word in _WORD.findall(text)]
        counts = sorted(((hint.count(words), code) for code, hint in self._hints.items()), reverse=True)
        best, code = counts[0]
        tie = len(counts) > 1 and counts[1][0] == best
        if tie or best == 0 or (best == 1 and len(words) > 3):
            return detection
        return Detection({code: HINT_CONFIDENCE})


def is_short_or_ambiguous(text: str) -> bool:
    """True for messages too short to say anything about their language ("ok", "1", "👍", a receipt code)."""
    return len(_LETTER.findall(without_codes(text))) < MIN_LETTERS


def _word_count(text: str) -> int:
    return sum(1 for word in (text or "").split() if _LETTER.search(word))


def decide_language(
    text: str,
    current: Optional[str],
    detection: Detection,
    supported: Sequence[str],
    default: str,
    explicit: Optional[str] = None,
    answering_form: bool = False,
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
        answering_form: Whether the message answers a question of a feedback or report
            form ("Jobcenter Elmsbridge" is a name, not a change of language).
    """
    if explicit in supported:
        return Decision(explicit, "explicit", current)
    known = current if current in supported else None
    best = detection.best
    if is_short_or_ambiguous(text) or best not in supported or (answering_form and known):
        return Decision(known, "kept", current) if known else Decision(default, "default", current)
    if known is None:
        if detection.confidence >= FIRST_MESSAGE_CONFIDENCE:
            return Decision(best, "first_message", current)
        return Decision(default, "default", current)
    if best == known:
        return Decision(known, "kept", current)
    strong = (
        detection.confidence >= SWITCH_CONFIDENCE
        and _word_count(without_codes(text)) >= MIN_WORDS_TO_SWITCH
        and detection.scores.get(known, 0.0) < CURRENT_STILL_PLAUSIBLE
    )
    if strong:
        return Decision(best, "switched", current)
    return Decision(known, "kept", current)
