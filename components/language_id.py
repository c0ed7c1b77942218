"""NLU component that identifies the language of each message.

It adds ``language_detection`` (``{"scores": {code: confidence}}``) to the parse data;
``action_decide_language`` turns that, the explicit choice and the conversation's
current language into the ``language`` slot (rules in ``bot.language``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language import DETECTION_KEY, LanguageIdentifier, read_hints

GOAL_LANGUAGES = ["en", "de", "fr", "es", "ar", "uk", "ru", "tr", "fa", "pl"]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageDetector(GraphComponent):
    """Scores the candidate languages of each message with Lingua (offline)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Candidate languages (ISO 639-1) and the Latin-script hints file (relative to Rasa's directory)."""
        return {"languages": GOAL_LANGUAGES, "hints_file": "data/language_hints.yml"}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._languages = list(config["languages"])
        hints_file = config.get("hints_file")
        self._hints = read_hints(Path(hints_file)) if hints_file else {}
        self._identifier: Optional[LanguageIdentifier] = None

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LanguageDetector":
        """Creates the component; the detector itself is built on first use."""
        return cls(config)

    def _detector(self) -> LanguageIdentifier:
        if self._identifier is None:
            self._identifier = LanguageIdentifier(self._languages, self._hints)
        return self._identifier

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds the language scores of each message to its parse data."""
        for message in messages:
            detection = self._detector().detect(message.get(TEXT) or "")
            message.set(DETECTION_KEY, {"scores": detection.scores}, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training data needs no language scores."""
        return training_data
