"""End to end over Rasa's REST channel, against the real Rasa and action servers.

Expected texts come from the same catalogs the assistant uses, so a test fails when
the answer is in the wrong language or about the wrong topic.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import requests

from bot import texts
from bot import texts_feedback as tf
from bot import texts_status as ts
from bot.entitlements import needs_status, read_entitlements
from bot.i18n import Translator
from bot.settings import PROJECT_ROOT

pytestmark = pytest.mark.e2e

LANGUAGES = ["en", "de", "ar", "uk"]

TOPIC_QUESTIONS = {
    "en": {
        "health": "my son has a fever and we have no insurance",
        "language_learning": "where can I learn the language for free",
        "housing": "we have nowhere to sleep tonight",
        "employment": "am I allowed to work here and how do I find a job",
    },
    "de": {
        "health": "mein Sohn hat Fieber und wir haben keine Krankenversicherung",
        "language_learning": "wo kann ich kostenlos deutsch lernen",
        "housing": "wir suchen eine Wohnung, die Miete ist zu hoch",
        "employment": "darf ich hier arbeiten? ich suche einen job",
    },
    "ar": {
        "health": "ابني عنده حرارة وليس عندنا تأمين صحي",
        "language_learning": "أين أستطيع أن أتعلم اللغة الألمانية مجانا",
        "housing": "أبحث عن شقة للإيجار لعائلتي",
        "employment": "هل يحق لي العمل هنا؟ أبحث عن وظيفة",
    },
    "uk": {
        "health": "у сина температура, а в нас немає медичного страхування",
        "language_learning": "де можна безкоштовно вивчати німецьку мову",
        "housing": "шукаю квартиру для сім'ї, де знайти житло",
        "employment": "чи можу я тут працювати? шукаю роботу",
    },
}
GREETINGS = {"en": "hello there, good morning", "de": "Hallo, guten Morgen", "ar": "مرحبا، صباح الخير", "uk": "привіт, добрий день"}
DANGER = {
    "en": "my husband is hitting me and I am scared",
    "de": "mein Mann schlägt mich, ich habe Angst",
    "ar": "زوجي يضربني وأنا خائفة",
    "uk": "чоловік мене б'є, мені страшно",
}
ONE_STOP = {
    "en": "is there one office that helps newcomers with everything",
    "de": "gibt es eine Stelle, die Neuankömmlingen bei allem hilft",
    "ar": "هل يوجد مكتب واحد يساعد القادمين الجدد في كل شيء",
    "uk": "чи є один офіс, який допомагає новоприбулим з усім",
}
WELCOME_PLACE = {
    "en": "somewhere friendly to drop in and meet people",
    "de": "wo kann ich einfach vorbeikommen und leute kennenlernen",
    "ar": "أريد مكانا لطيفا ألتقي فيه بالناس",
    "uk": "де можна просто зайти і познайомитися з людьми",
}


ENTITLEMENTS = read_entitlements(PROJECT_ROOT / "data" / "entitlements.yaml", LANGUAGES)


@pytest.fixture(scope="module")
def translator(compiled_translations: Path) -> Translator:
    return Translator(compiled_translations, LANGUAGES, "en")


def general_answer(translator: Translator, language: str, topic: str) -> str:
    """The answer for everyone: from data/entitlements.yaml, else the catalog's topic text."""
    if topic in ENTITLEMENTS:
        return ENTITLEMENTS[topic].general[language].strip()
    return translator.gettext(language, texts.TOPIC_ANSWERS[topic])


def say(stack, sender: str, message: str, metadata=None):
    body = {"sender": sender, "message": message}
    if metadata is not None:
        body["metadata"] = metadata
    response = requests.post(f"{stack.rasa_url}/webhooks/rest/webhook", json=body, timeout=60)
    response.raise_for_status()
    return response.json()


def new_sender() -> str:
    return f"e2e-{uuid.uuid4().hex}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_greeting_in_own_language_with_topic_menu(stack, translator, language):
    replies = say(stack, new_sender(), GREETINGS[language], {"language": language})
    welcome = translator.gettext(language, texts.NO_PERSONAL_DETAILS)
    assert welcome in replies[0]["text"]
    payloads = [b["payload"] for r in replies for b in r.get("buttons", [])]
    assert "/ask_health" in payloads and "/ask_welcome_place" in payloads


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("topic", ["health", "language_learning", "housing", "employment"])
def test_topic_question_detected_language(stack, translator, language, topic):
    """No metadata: the language is detected from the question itself."""
    replies = say(stack, new_sender(), TOPIC_QUESTIONS[language][topic])
    assert replies[0]["text"].startswith(general_answer(translator, language, topic))
    cards, last = replies[2:-1], replies[-1]
    assert 1 <= len(cards) <= 3
    if needs_status(ENTITLEMENTS[topic]):  # the situation question comes first, the rating after it
        assert last["text"] == translator.gettext(language, ts.ASK_STATUS)
        assert len(last["buttons"]) == 6 and last["buttons"][-1]["payload"].endswith('"prefer_not_to_say"}')
    else:
        assert last["text"] == translator.gettext(language, tf.ASK_HELPFUL)
        assert [b["payload"] for b in last["buttons"]] == ["/answer_helpful", "/answer_not_helpful"]
    phone = translator.gettext(language, texts.SERVICE_PHONE).split("{")[0]
    assert all(phone in card["text"] for card in cards)


@pytest.mark.parametrize("language", LANGUAGES)
def test_danger_gets_emergency_number_first(stack, language):
    replies = say(stack, new_sender(), DANGER[language])
    assert "112" in replies[0]["text"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_stop_shop_and_welcome_place(stack, translator, language):
    sender = new_sender()
    replies = say(stack, sender, ONE_STOP[language], {"language": language})
    assert replies[0]["text"] == translator.gettext(language, texts.ONE_STOP_SHOP_INTRO)
    replies = say(stack, sender, WELCOME_PLACE[language])
    assert replies[0]["text"] == translator.gettext(language, texts.WELCOME_PLACE_INTRO)


@pytest.mark.parametrize("message", ["asdkjh qwe zzzkk", "what is the capital of the moon football pizza"])
def test_garbled_or_out_of_scope_gets_helpful_fallback(stack, translator, message):
    replies = say(stack, new_sender(), message, {"language": "en"})
    assert replies, "never silence"
    assert replies[-1]["text"] == translator.gettext("en", texts.FALLBACK)
    assert len(replies[-1]["buttons"]) >= 10


def test_language_switch_by_request_then_kept(stack, translator):
    sender = new_sender()
    say(stack, sender, "hello", {"language": "en"})
    replies = say(stack, sender, "in Arabic please")
    assert replies[0]["text"] == translator.gettext("ar", texts.LANGUAGE_SET).format(language="العربية")
    replies = say(stack, sender, "ok")
    assert all(button["title"] != "Health" for reply in replies for button in reply.get("buttons", []))
    replies = say(stack, sender, "/ask_health")
    assert replies[0]["text"].startswith(general_answer(translator, "ar", "health"))


def test_language_button_payload(stack, translator):
    sender = new_sender()
    replies = say(stack, sender, '/choose_language{"language": "uk"}')
    assert replies[0]["text"].startswith(translator.gettext("uk", texts.LANGUAGE_SET).split("{")[0])


def test_message_text_is_not_logged(stack):
    marker = f"my secret name is Zorblax{uuid.uuid4().hex[:8]}"
    say(stack, new_sender(), marker, {"language": "en"})
    assert marker.split()[-1] not in stack.log_text()


def test_malformed_requests_do_not_kill_the_server(stack):
    url = f"{stack.rasa_url}/webhooks/rest/webhook"
    for body in (b"not json", b'{"sender": 5}', b"{}", b'{"message": null}'):
        requests.post(url, data=body, headers={"content-type": "application/json"}, timeout=30)
    assert say(stack, new_sender(), "hello", {"language": "en"})


def test_mixed_language_message_gets_a_sensible_answer(stack, translator):
    """"Hallo, I need a Arzt": German and English in one message; a health answer in either."""
    replies = say(stack, new_sender(), "Hallo, I need a Arzt")
    expected = {general_answer(translator, language, "health") for language in ("de", "en")}
    assert any(replies[0]["text"].startswith(answer) for answer in expected)


def test_language_kept_for_the_rest_of_the_conversation(stack, translator):
    sender = new_sender()
    say(stack, sender, "мені потрібна допомога з житлом для сім'ї")
    for message in ("ok", "1", "👍", "/ask_health"):
        replies = say(stack, sender, message)
    assert replies[0]["text"].startswith(general_answer(translator, "uk", "health"))
