"""The danger component turns any intent into ``emergency`` when a keyword matches."""

from rasa.shared.nlu.training_data.message import Message

from bot.safety import DangerMatcher
from components.danger import DangerKeywordClassifier


def message(text, intent):
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 0.6},
            "intent_ranking": [{"name": intent, "confidence": 0.6}, {"name": "emergency", "confidence": 0.2}],
        }
    )


def test_keyword_forces_emergency_first_in_ranking():
    component = DangerKeywordClassifier(DangerMatcher(["not breathing"]))
    [result] = component.process([message("my baby is not breathing", "ask_health")])
    assert result.get("intent") == {"name": "emergency", "confidence": 1.0}
    assert [r["name"] for r in result.get("intent_ranking")] == ["emergency", "ask_health"]


def test_no_keyword_leaves_prediction_alone():
    component = DangerKeywordClassifier(DangerMatcher(["not breathing"]))
    [result] = component.process([message("my baby has a cough", "ask_health")])
    assert result.get("intent")["name"] == "ask_health"


def test_low_confidence_emergency_is_not_lost_to_the_fallback():
    component = DangerKeywordClassifier(DangerMatcher([]), min_emergency_confidence=0.2)
    fallback = Message(
        data={
            "text": "there is smoke everywhere in the stairs",
            "intent": {"name": "nlu_fallback", "confidence": 0.45},
            "intent_ranking": [
                {"name": "nlu_fallback", "confidence": 0.45},
                {"name": "emergency", "confidence": 0.38},
                {"name": "ask_housing", "confidence": 0.35},
            ],
        }
    )
    [result] = component.process([fallback])
    assert result.get("intent")["name"] == "emergency"


def test_emergency_below_floor_stays_fallback():
    component = DangerKeywordClassifier(DangerMatcher([]), min_emergency_confidence=0.2)
    weak = Message(
        data={
            "text": "hmm",
            "intent": {"name": "nlu_fallback", "confidence": 0.45},
            "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "emergency", "confidence": 0.1}],
        }
    )
    [result] = component.process([weak])
    assert result.get("intent")["name"] == "nlu_fallback"
