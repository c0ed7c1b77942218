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
