"""The intent classifier component trains, persists, loads and sets intent and ranking."""

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.intent_classifier import LinearIntentClassifier


def _storage(tmp_path):
    (tmp_path / "storage").mkdir()
    return LocalModelStorage(tmp_path / "storage"), Resource("intents"), ExecutionContext(GraphSchema({}), "test")


def test_trains_and_loads_and_ranks(tmp_path):
    storage, resource, context = _storage(tmp_path)
    examples = [("where is a doctor", "ask_health"), ("my child is sick", "ask_health"),
                ("i need a doctor", "ask_health"), ("looking for a flat", "ask_housing"),
                ("we need an apartment", "ask_housing"), ("a room to rent", "ask_housing"),
                ("hello", "greet"), ("hi", "greet"), ("good morning", "greet")]
    data = TrainingData([Message(data={"text": text, "intent": intent}) for text, intent in examples])
    config = dict(LinearIntentClassifier.get_default_config(), ranking_length=2)
    LinearIntentClassifier.create(config, storage, resource, context).train(data)
    loaded = LinearIntentClassifier.load(config, storage, resource, context)
    message = Message(data={"text": "my daughter needs a doctor"})
    loaded.process([message])
    assert message.get("intent")["name"] == "ask_health"
    assert 0.0 < message.get("intent")["confidence"] <= 1.0
    assert [entry["name"] for entry in message.get("intent_ranking")][0] == "ask_health"
    assert len(message.get("intent_ranking")) == 2
    assert "intent" in message.as_dict(only_output_properties=True)


def test_without_intents_nothing_is_trained_and_messages_pass_through(tmp_path):
    storage, resource, context = _storage(tmp_path)
    config = LinearIntentClassifier.get_default_config()
    LinearIntentClassifier.create(config, storage, resource, context).train(TrainingData())
    loaded = LinearIntentClassifier.load(config, storage, resource, context)
    message = Message(data={"text": "hello"})
    loaded.process([message])
    assert message.get("intent") is None


def test_a_damaged_model_file_stops_loading(tmp_path):
    import zipfile

    import pytest

    from components.intent_classifier import MODEL_FILE

    storage, resource, context = _storage(tmp_path)
    with storage.write_to(resource) as directory:
        (directory / MODEL_FILE).write_bytes(b"not a model")
    with pytest.raises(zipfile.BadZipFile):
        LinearIntentClassifier.load(LinearIntentClassifier.get_default_config(), storage, resource, context)


def test_a_model_file_with_unexpected_types_stops_loading(tmp_path):
    import pytest
    import skops.io

    from components.intent_classifier import MODEL_FILE

    storage, resource, context = _storage(tmp_path)
    with storage.write_to(resource) as directory:
        skops.io.dump({"pipeline": object(), "temperature": 0.1}, directory / MODEL_FILE)
    with pytest.raises(ValueError, match="unexpected types"):
        LinearIntentClassifier.load(LinearIntentClassifier.get_default_config(), storage, resource, context)
