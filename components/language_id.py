"""NLU component that identifies the language of each message.

It adds ``language_detection`` (``{"scores": {code: confidence}}``) to the parse data;
``action_decide_language`` turns that, the explicit choice and the conversation's
current language into the ``language`` slot (rules in ``bot.language``).

Training fits a small classifier on the NLU examples in ``examples_dir``, one folder per
language (``data/nlu/<code>/``): adding a language is adding its folder. Rasa retrains the
component when its training data changes, so ``examples_dir`` should be (part of) the
NLU data that ``rasa train`` is given, as it is in this project.
"""

from __future__ import annotations

import logging
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
from bot.language_examples import ExampleLanguageModel
from components.saved_models import load_model, save_model

GOAL_LANGUAGES = ["en", "de", "fr", "es", "ar", "uk", "ru", "tr", "fa", "pl"]
MODEL_FILE = "language_examples.skops"

logger = logging.getLogger(__name__)


def read_examples(examples_dir: Path, languages: List[str]) -> Dict[str, List[str]]:
    """The NLU example texts in ``examples_dir/<code>/`` for each language that has a folder."""
    from rasa.shared.nlu.training_data.loading import load_data

    examples = {}
    for code in languages:
        folder = examples_dir / code
        if folder.is_dir():
            examples[code] = [m.get(TEXT) for m in load_data(str(folder)).intent_examples if m.get(TEXT)]
    return examples


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class LanguageDetector(GraphComponent):
    """Scores the candidate languages of each message: Lingua (offline), Latin-script hints
    and a classifier fitted on the training examples of each language."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Candidate languages (ISO 639-1), the hints file and the examples folder (relative to Rasa's directory)."""
        return {"languages": GOAL_LANGUAGES, "hints_file": "data/language_hints.yml", "examples_dir": "data/nlu"}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: Optional[ModelStorage] = None,
        resource: Optional[Resource] = None,
        examples: Optional[ExampleLanguageModel] = None,
    ) -> None:
        self._config = config
        self._languages = list(config.get("languages") or GOAL_LANGUAGES)
        hints_file = config.get("hints_file")
        self._hints = read_hints(Path(hints_file)) if hints_file else {}
        self._model_storage = model_storage
        self._resource = resource
        self._examples = examples
        self._identifier: Optional[LanguageIdentifier] = None

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LanguageDetector":
        """Creates the component before training; the detector itself is built on first use."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "LanguageDetector":
        """Loads the trained example classifier (without it, Lingua and the hints decide alone)."""
        examples = load_model(model_storage, resource, MODEL_FILE, ExampleLanguageModel.load)
        return cls(config, model_storage, resource, examples)

    def train(self, training_data: TrainingData) -> Resource:
        """Fits the example classifier on ``examples_dir`` (one folder per candidate language)."""
        examples = read_examples(Path(self._config.get("examples_dir") or "data/nlu"), self._languages)
        missing = sorted(set(self._languages) - set(examples))
        if missing:
            logger.warning("No training examples for %s in %s: language ID uses Lingua alone.",
                           ", ".join(missing), self._config.get("examples_dir"))
        elif len(examples) >= 2:
            self._examples = ExampleLanguageModel.fit(examples)
        self._identifier = None
        save_model(self._model_storage, self._resource, MODEL_FILE, self._examples)
        return self._resource

    def _detector(self) -> LanguageIdentifier:
        if self._identifier is None:
            self._identifier = LanguageIdentifier(self._languages, self._hints, self._examples)
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
