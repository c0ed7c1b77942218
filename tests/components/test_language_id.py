"""The language-ID NLU component adds scores to the parse data of each message."""

from rasa.shared.nlu.training_data.message import Message

from components.language_id import DETECTION_KEY, LanguageDetector


def test_scores_added_for_each_message():
    component = LanguageDetector({"languages": ["en", "de", "ar", "uk"]})
    messages = [Message(data={"text": "wo kann ich deutsch lernen"}), Message(data={"text": "👍"})]
    component.process(messages)
    german = messages[0].get(DETECTION_KEY)["scores"]
    assert max(german, key=german.get) == "de"
    assert messages[1].get(DETECTION_KEY) == {"scores": {}}
    assert DETECTION_KEY in messages[0].as_dict(only_output_properties=True)


def test_default_candidates_are_the_ten_goal_languages():
    assert sorted(LanguageDetector.get_default_config()["languages"]) == sorted(
        ["en", "de", "fr", "es", "ar", "uk", "ru", "tr", "fa", "pl"]
    )


def _train(tmp_path, examples_dir, languages):
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.training_data import TrainingData

    (tmp_path / "storage").mkdir()
    storage = LocalModelStorage(tmp_path / "storage")
    resource = Resource("language_id")
    context = ExecutionContext(GraphSchema({}), "test")
    config = dict(LanguageDetector.get_default_config(), languages=languages, examples_dir=str(examples_dir))
    LanguageDetector.create(config, storage, resource, context).train(TrainingData())
    return LanguageDetector.load(config, storage, resource, context)


def _write_examples(folder, lines):
    folder.mkdir(parents=True)
    body = "\n".join(f"    - {line}" for line in lines)
    text = f'version: "3.1"\nnlu:\n- intent: ask_health\n  examples: |\n{body}\n'
    (folder / "nlu.yml").write_text(text, encoding="utf-8")


def test_training_fits_a_language_classifier_on_each_languages_folder(tmp_path):
    _write_examples(tmp_path / "nlu" / "en", ["where is the doctor", "my son is sick", "i need a dentist"])
    _write_examples(tmp_path / "nlu" / "tr", ["doktor nerede", "oglum hasta", "dis doktoru lazim"])
    loaded = _train(tmp_path, tmp_path / "nlu", ["en", "tr"])
    assert sorted(loaded._examples.languages) == ["en", "tr"]
    message = Message(data={"text": "oglum hasta doktor lazim"})
    loaded.process([message])
    scores = message.get(DETECTION_KEY)["scores"]
    assert max(scores, key=scores.get) == "tr"


def test_a_language_without_examples_leaves_lingua_alone(tmp_path):
    _write_examples(tmp_path / "nlu" / "en", ["where is the doctor", "my son is sick"])
    loaded = _train(tmp_path, tmp_path / "nlu", ["en", "de"])
    assert loaded._examples is None
    message = Message(data={"text": "wo finde ich einen Arzt"})
    loaded.process([message])
    scores = message.get(DETECTION_KEY)["scores"]
    assert max(scores, key=scores.get) == "de"
