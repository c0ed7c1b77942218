"""Which topic a message asks about, and the topic behind a stated situation."""

from actions.topic_reply import TOPIC_BEHIND_STATUS, topic_behind_status, topic_of


def test_topic_of_an_intent():
    assert topic_of("ask_health") == "health"
    assert topic_of("ask_one_stop_shop") == "one_stop_shop"
    assert topic_of("ask_weather") is None and topic_of("inform_status") is None and topic_of("") is None


def test_the_best_ranked_topic_behind_the_situation_counts_if_confident_enough():
    ranking = [{"name": "inform_status", "confidence": 0.7}, {"name": "thank", "confidence": 0.15},
               {"name": "ask_legal_advice", "confidence": TOPIC_BEHIND_STATUS},
               {"name": "ask_health", "confidence": 0.05}]
    assert topic_behind_status(ranking) == "ask_legal_advice"


def test_only_the_first_topic_is_considered():
    ranking = [{"name": "inform_status", "confidence": 0.9}, {"name": "ask_health", "confidence": 0.04},
               {"name": "ask_housing", "confidence": 0.03}]
    assert topic_behind_status(ranking) is None
    assert topic_behind_status([]) is None and topic_behind_status([{"name": None}]) is None
