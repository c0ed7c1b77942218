"""NLU component that forces the ``emergency`` intent when a danger keyword is present."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.safety import DangerMatcher, read_keywords

EMERGENCY_INTENT = "emergency"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DangerKeywordClassifier(GraphComponent):
    """Overrides the predicted intent with ``emergency`` when a danger keyword matches.

    Place it after the other classifiers (and after FallbackClassifier).
    """

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """The keyword file, relative to the directory Rasa runs in."""
        return {"keywords_file": "data/danger_keywords.yml"}

    def __init__(self, matcher: DangerMatcher) -> None:
        self._matcher = matcher

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "DangerKeywordClassifier":
        """Reads the keyword file (a missing or broken file stops Rasa with a clear error)."""
        return cls(DangerMatcher(read_keywords(Path(config["keywords_file"]))))

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets the intent to ``emergency`` (confidence 1.0) for messages with a danger keyword."""
        for message in messages:
            if not self._matcher.matches(message.get(TEXT) or ""):
                continue
            emergency = {INTENT_NAME_KEY: EMERGENCY_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, emergency, add_to_output=True)
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != EMERGENCY_INTENT]
            message.set(INTENT_RANKING_KEY, [emergency] + ranking, add_to_output=True)
        return messages
