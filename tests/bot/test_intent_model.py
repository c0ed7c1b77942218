"""The intent model: ranking, confidences, typos, saving and loading."""

import pytest

from bot.intent_model import IntentModel

EXAMPLES = [
    ("where can i find a doctor", "ask_health"),
    ("my son is sick and needs a doctor", "ask_health"),
    ("ich brauche einen arzt", "ask_health"),
    ("i am looking for a flat", "ask_housing"),
    ("we need an apartment for our family", "ask_housing"),
    ("ich suche eine wohnung", "ask_housing"),
    ("hello", "greet"),
    ("hi there", "greet"),
    ("hallo", "greet"),
]


@pytest.fixture(scope="module")
def model():
    texts, intents = zip(*EXAMPLES)
    return IntentModel.fit(texts, intents)


def test_ranks_every_intent_best_first_with_confidences_summing_to_one(model):
    ranking = model.rank("i need a doctor for my daughter")
    assert ranking[0][0] == "ask_health"
    assert sorted(name for name, _ in ranking) == ["ask_health", "ask_housing", "greet"]
    assert [c for _, c in ranking] == sorted((c for _, c in ranking), reverse=True)
    assert sum(c for _, c in ranking) == pytest.approx(1.0)


def test_character_ngrams_cope_with_typos(model):
    assert model.rank("lookin for a flaat")[0][0] == "ask_housing"
    assert model.rank("brauche arzd")[0][0] == "ask_health"


def test_unrelated_text_gets_low_confidence(model):
    assert model.rank("qwx zzv")[0][1] < model.rank("where is a doctor")[0][1]


def test_two_intents_are_enough():
    model = IntentModel.fit(["where is a doctor", "doctor please", "a flat", "flat to rent"], ["h", "h", "f", "f"])
    assert model.rank("doctor")[0][0] == "h"
    assert model.rank("flat")[0][0] == "f"


def test_one_intent_is_refused():
    with pytest.raises(ValueError):
        IntentModel.fit(["hello", "hi"], ["greet", "greet"])


def test_round_trip(model, tmp_path):
    model.save(tmp_path / "intents.skops")
    loaded = IntentModel.load(tmp_path / "intents.skops")
    assert loaded.rank("ich suche eine wohnung") == pytest.approx(model.rank("ich suche eine wohnung"))


def test_a_file_with_unexpected_types_is_refused(tmp_path):
    import skops.io

    skops.io.dump({"pipeline": object(), "temperature": 0.1}, tmp_path / "odd.skops")
    with pytest.raises(ValueError):
        IntentModel.load(tmp_path / "odd.skops")


def test_ranking_agrees_with_the_fitted_pipeline(model):
    decision = model._pipeline.decision_function(["my son needs a doctor"])[0]
    assert model.rank("my son needs a doctor")[0][0] == model.intents[int(decision.argmax())]
