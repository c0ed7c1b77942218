"""The held-out NLU evaluation sets (tests/nlu_eval/<lang>.yml) stay held out: none of their
messages occurs in the training data (``make bench-nlu`` would measure memory, not
understanding), and the follow-up intents have their held-out messages in every language."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.settings import PROJECT_ROOT
from components.language_id import GOAL_LANGUAGES

ANNOTATION = re.compile(r"\[([^\]]*)\]\{[^}]*\}|\[([^\]]*)\]\([^)]*\)")


def normal(text: str) -> str:
    """Entity annotations dropped, lower case, words only (so punctuation does not hide a copy)."""
    plain = ANNOTATION.sub(lambda match: match.group(1) or match.group(2), text)
    return " ".join(re.findall(r"\w+", plain.casefold()))


def examples(path: Path):
    for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
        if "intent" in block:
            for line in block["examples"].splitlines():
                if line.strip().startswith("- "):
                    yield block["intent"], line.strip()[2:]


@pytest.fixture(scope="module")
def training():
    """Every training example of every language (one model learns them all)."""
    return {normal(text) for path in (PROJECT_ROOT / "data" / "nlu").glob("*/*.yml") for _, text in examples(path)}


@pytest.mark.parametrize("language", GOAL_LANGUAGES)
def test_no_held_out_message_is_in_the_training_data(language, training):
    leaked = [text for _, text in examples(PROJECT_ROOT / "tests" / "nlu_eval" / f"{language}.yml")
              if normal(text) in training]
    assert leaked == []


@pytest.mark.parametrize("language", GOAL_LANGUAGES)
def test_every_new_intent_has_held_out_messages(language):
    counts = Counter(intent for intent, _ in examples(PROJECT_ROOT / "tests" / "nlu_eval" / f"{language}.yml"))
    assert counts["narrow_services"] >= 20 and counts["inform_status"] >= 10


def test_messages_written_in_another_language_are_held_out_messages():
    written_in = yaml.safe_load((PROJECT_ROOT / "tests" / "nlu_eval" / "written_in.yml").read_text(encoding="utf-8"))
    for language, others in written_in.items():
        held_out = {text for _, text in examples(PROJECT_ROOT / "tests" / "nlu_eval" / f"{language}.yml")}
        for other, texts in others.items():
            assert other in GOAL_LANGUAGES and other != language
            assert [text for text in texts if text not in held_out] == []
