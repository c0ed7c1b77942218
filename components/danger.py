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
    """Overrides the predicted intent with ``emergency`` when someone may be in danger.

    That is: a danger keyword matches, or ``emergency`` is the classifier's first choice
    even though its confidence is below the fallback threshold (missing an emergency is
    worse than giving the emergency number once too often). Place it after the other
    classifiers, including FallbackClassifier.
    """

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """The keyword file (relative to the directory Rasa runs in) and the low-confidence floor."""
        return {"keywords_file": "data/danger_keywords.yml", "min_emergency_confidence": 0.2}

    def __init__(self, matcher: DangerMatcher, min_emergency_confidence: float = 0.2) -> None:
        self._matcher = matcher
        self._floor = min_emergency_confidence

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "DangerKeywordClassifier":
        """Reads the keyword file (a missing or broken file stops Rasa with a clear error)."""
        matcher = DangerMatcher(read_keywords(Path(config["keywords_file"])))
        return cls(matcher, float(config.get("min_emergency_confidence", 0.2)))

    def _classifier_chose_emergency(self, message: Message) -> bool:
        """True when the best real intent (not the fallback) is ``emergency`` above the floor."""
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != "nlu_fallback"]
        if not ranking:
            return False
        best = max(ranking, key=lambda r: r.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
        return best.get(INTENT_NAME_KEY) == EMERGENCY_INTENT and (best.get(PREDICTED_CONFIDENCE_KEY) or 0.0) >= self._floor

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets the intent to ``emergency`` (confidence 1.0) for messages with a danger keyword."""
        for message in messages:
            if not (self._matcher.matches(message.get(TEXT) or "") or self._classifier_chose_emergency(message)):
                continue
            emergency = {INTENT_NAME_KEY: EMERGENCY_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, emergency, add_to_output=True)
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != EMERGENCY_INTENT]
            message.set(INTENT_RANKING_KEY, [emergency] + ranking, add_to_output=True)
        return messages
