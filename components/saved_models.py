"""Saving and loading the scikit-learn models of the custom components in Rasa's model storage."""

from __future__ import annotations

import logging
from typing import Callable, Optional, TypeVar

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

logger = logging.getLogger(__name__)
Model = TypeVar("Model")


def save_model(model_storage: ModelStorage, resource: Resource, filename: str, model) -> None:
    """Writes ``model`` (anything with ``save(path)``) into the component's storage; ``None`` writes nothing."""
    with model_storage.write_to(resource) as directory:
        if model is not None:
            model.save(directory / filename)


def load_model(
    model_storage: ModelStorage, resource: Resource, filename: str, load: Callable[..., Model]
) -> Optional[Model]:
    """The model saved by ``save_model``, or None when training saved none. A file that cannot
    be read (damaged, or holding unexpected types) stops loading with its error: a model
    without its classifier must not start quietly."""
    loading = False
    try:
        with model_storage.read_from(resource) as directory:
            path = directory / filename
            if not path.exists():
                return None
            loading = True
            return load(path)
    except ValueError:
        if loading:
            raise
        logger.debug("Nothing saved for %s.", resource.name)
        return None
