"""Language decision rules and identification (Lingua's packaged models, offline)."""

import pytest

from bot.language import Detection, LanguageIdentifier, decide_language, is_short_or_ambiguous

SUPPORTED = ["en", "de", "ar", "uk"]


def decide(text, current, scores, explicit=None):
    return decide_language(text, current, Detection(scores), SUPPORTED, "en", explicit)


@pytest.mark.parametrize("text", ["ok", "hi", "1", "👍", "ja", "", "  ", "123 456"])
def test_short_messages_are_ambiguous(text):
    assert is_short_or_ambiguous(text)


@pytest.mark.parametrize("text", ["ok", "1", "👍", "да"])
def test_short_message_keeps_current_language(text):
    decision = decide(text, "ar", {"en": 0.9})
    assert decision.language == "ar" and decision.reason == "kept"


def test_nothing_known_gives_default():
    assert decide("ok", None, {}).language == "en"
    assert decide("ok", None, {}).reason == "default"


def test_explicit_choice_always_wins():
    decision = decide("bitte auf Arabisch antworten", "de", {"de": 0.99}, explicit="ar")
    assert decision.language == "ar" and decision.reason == "explicit"


def test_unsupported_explicit_choice_is_ignored():
    assert decide("en français svp", "de", {"fr": 0.9}, explicit="fr").language == "de"


def test_first_clear_message_decides():
    decision = decide("wo kann ich deutsch lernen", None, {"de": 0.84, "en": 0.05})
    assert decision.language == "de" and decision.reason == "first_message"


def test_first_unclear_message_gives_default():
    assert decide("Hallo there friend", None, {"de": 0.31, "en": 0.3}).language == "en"


def test_strong_evidence_switches_and_says_from_what():
    decision = decide("أحتاج طبيب من فضلك", "de", {"ar": 0.99, "de": 0.0})
    assert decision.language == "ar" and decision.switched and decision.previous == "de"


def test_weak_evidence_does_not_switch():
    assert decide("Hallo, I need a Arzt", "de", {"en": 0.6, "de": 0.3}).language == "de"


def test_answers_to_a_form_never_switch_but_a_choice_still_does():
    scores = {"en": 0.97, "de": 0.01}
    form = dict(text="Jobcentre Elmsbridge on the main road", current="de", detection=Detection(scores))
    assert decide_language(supported=SUPPORTED, default="en", answering_form=True, **form).language == "de"
    assert decide_language(supported=SUPPORTED, default="en", answering_form=False, **form).language == "en"
    chosen = decide_language(supported=SUPPORTED, default="en", answering_form=True, explicit="ar", **form)
    assert chosen.language == "ar"


def test_one_word_never_switches():
    assert decide("Krankenhaus", "en", {"de": 0.95}).language == "en"


def test_unsupported_detected_language_keeps_current():
    assert decide("je cherche un médecin pour mon fils", "de", {"fr": 0.95}).language == "de"


@pytest.fixture(scope="module")
def identifier():
    return LanguageIdentifier(["en", "de", "fr", "es", "ar", "uk", "ru", "tr", "fa", "pl"])


@pytest.mark.parametrize(
    "text, language",
    [
        ("where can I learn the language for free", "en"),
        ("mein Sohn hat Fieber und wir haben keine Versicherung", "de"),
        ("أين يمكنني أن أتعلم اللغة مجانا", "ar"),
        ("мені потрібен лікар для дитини", "uk"),
        ("мне нужен врач для ребенка", "ru"),
        ("من به دکتر نیاز دارم", "fa"),
    ],
)
def test_identifier_recognises_languages(identifier, text, language):
    assert identifier.detect(text).best == language


def test_identifier_returns_nothing_without_letters(identifier):
    assert identifier.detect("12 👍").best is None


@pytest.fixture(scope="module")
def hinted():
    from bot.language import read_hints
    from bot.settings import PROJECT_ROOT

    hints = read_hints(PROJECT_ROOT / "data" / "language_hints.yml")
    return LanguageIdentifier(["en", "de", "fr", "es", "ar", "uk", "ru", "tr", "fa", "pl"], hints)


@pytest.mark.parametrize(
    "text, language",
    [
        ("3andi waja3 ras kteer", "ar"),
        ("bidi mo7ami", "ar"),
        ("ahlan w sahlan", "ar"),
        ("man doktor mikham", "fa"),
        ("mne nuzhen vrach", "ru"),
        ("meni potriben likar", "uk"),
    ],
)
def test_latin_script_hints(hinted, text, language):
    assert hinted.detect(text).best == language


@pytest.mark.parametrize(
    "text, language",
    [
        ("I need a doctor for my son", "en"),
        ("wo kann ich deutsch lernen", "de"),
        ("je cherche un médecin", "fr"),
        ("necesito un médico para mi hijo", "es"),
        ("b2 kurs in der nähe", "de"),
        ("мне нужен врач для ребенка", "ru"),
    ],
)
def test_hints_leave_other_languages_alone(hinted, text, language):
    assert hinted.detect(text).best == language


def test_hints_file_errors_are_clear(tmp_path):
    from bot.language import read_hints

    path = tmp_path / "hints.yml"
    path.write_text("ar: [yalla]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'ar' needs a list 'words'"):
        read_hints(path)


def test_receipt_codes_say_nothing_about_the_language(hinted):
    detection = hinted.detect("check my report 7KQ2-M9XD-4HBT-P3WZ-A8RN")
    assert detection.best == "en"
    assert hinted.detect("7KQ2-M9XD-4HBT-P3WZ-A8RN").scores == {}
    assert is_short_or_ambiguous("h9pa 89dm 8bar 7krq txrz")
    assert decide("7KQ2-M9XD-4HBT-P3WZ-A8RN", "de", {"ar": 0.95}).language == "de"


@pytest.fixture(scope="module")
def with_examples():
    from bot.language import read_hints
    from bot.language_examples import ExampleLanguageModel
    from bot.settings import PROJECT_ROOT
    from components.language_id import GOAL_LANGUAGES, read_examples

    examples = ExampleLanguageModel.fit(read_examples(PROJECT_ROOT / "data" / "nlu", GOAL_LANGUAGES))
    return LanguageIdentifier(GOAL_LANGUAGES, read_hints(PROJECT_ROOT / "data" / "language_hints.yml"), examples)


@pytest.mark.parametrize(
    "text, language",
    [
        # German office words inside another language: Lingua alone says German.
        ("bürgeramt termin yok ne yapayim", "tr"),
        ("mam problem z jobcenter", "pl"),
        # ...while German stays German.
        ("Abschiebung droht meinem Bruder", "de"),
        ("je cherche une kita", "fr"),
    ],
)
def test_examples_classifier_knows_how_people_write_here(with_examples, hinted, text, language):
    assert with_examples.detect(text).best == language


def test_lingua_alone_reads_office_words_as_german(hinted):
    assert hinted.detect("bürgeramt termin yok ne yapayim").best == "de"


def test_examples_classifier_ignored_unless_it_knows_every_candidate():
    from bot.language_examples import ExampleLanguageModel

    small = ExampleLanguageModel.fit(
        {"en": ["where is the doctor", "i need a flat"], "tr": ["doktor nerede", "ev ariyorum"]}
    )
    assert sorted(small.languages) == ["en", "tr"]
    identifier = LanguageIdentifier(["en", "tr", "de"], examples=small)
    assert identifier.detect("wo finde ich einen Arzt für mein Kind").best == "de"


def test_examples_model_round_trip(tmp_path):
    from bot.language_examples import ExampleLanguageModel

    model = ExampleLanguageModel.fit(
        {"en": ["where is the doctor", "i need a flat"], "pl": ["gdzie jest lekarz", "szukam mieszkania"]}
    )
    model.save(tmp_path / "model.skops")
    loaded = ExampleLanguageModel.load(tmp_path / "model.skops")
    assert loaded.scores("gdzie lekarz") == pytest.approx(model.scores("gdzie lekarz"))
    assert max(loaded.scores("gdzie lekarz").items(), key=lambda item: item[1])[0] == "pl"


def test_examples_model_needs_two_languages():
    from bot.language_examples import ExampleLanguageModel

    with pytest.raises(ValueError):
        ExampleLanguageModel.fit({"en": ["hello"]})


def test_examples_scores_equal_scikit_learns_probabilities():
    from bot.language_examples import ExampleLanguageModel

    for examples in (
        {"en": ["where is the doctor", "i need a flat"], "pl": ["gdzie jest lekarz", "szukam mieszkania"]},
        {"en": ["where is the doctor"], "pl": ["gdzie jest lekarz"], "tr": ["doktor nerede"]},
    ):
        model = ExampleLanguageModel.fit(examples)
        expected = model._pipeline.predict_proba(["gdzie doktor"])[0]
        assert list(model.scores("gdzie doktor").values()) == pytest.approx(list(expected))
