"""NLU component: the intent classifier (``bot.intent_model``, scikit-learn) inside Rasa."""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.intent_model import IntentModel
from components.saved_models import load_model, save_model

MODEL_FILE = "intent_model.skops"

logger = logging.getLogger(__name__)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(GraphComponent):
    """Predicts the intent and an intent ranking from the message text alone (it needs no
    featurizer before it)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Regularisation (LinearSVC's C), softmax temperature and how many intents to rank."""
        return {"regularisation": 1.0, "temperature": 0.1, "ranking_length": 10}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[IntentModel] = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LinearIntentClassifier":
        """Creates an untrained classifier."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "LinearIntentClassifier":
        """Loads the trained classifier (none if training had no intents)."""
        return cls(config, model_storage, resource, load_model(model_storage, resource, MODEL_FILE, IntentModel.load))

    def train(self, training_data: TrainingData) -> Resource:
        """Fits on the intent examples."""
        examples = [m for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        intents = {m.get(INTENT) for m in examples}
        if len(intents) >= 2:
            self._model = IntentModel.fit(
                [m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples],
                regularisation=float(self._config["regularisation"]), temperature=float(self._config["temperature"]),
            )
        else:
            logger.warning("Fewer than two intents in the training data: no intent classifier trained.")
        save_model(self._model_storage, self._resource, MODEL_FILE, self._model)
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets ``intent`` and ``intent_ranking`` on each message."""
        if self._model is None:
            return messages
        length = int(self._config.get("ranking_length") or 10)
        for message in messages:
            ranking = self._model.rank(message.get(TEXT) or "")
            entries = [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence} for name, confidence in ranking]
            message.set(INTENT, entries[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, entries[:length], add_to_output=True)
        return messages
