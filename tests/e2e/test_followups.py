"""Follow-up wishes and the residence-situation question over REST, against the real servers.

Expected texts come from the catalogs and data/entitlements.yaml, as the assistant uses them.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import requests

from bot import texts_filters as tfl
from bot import texts_status as ts
from bot.entitlements import read_entitlements
from bot.i18n import Translator
from bot.settings import PROJECT_ROOT

pytestmark = pytest.mark.e2e

LANGUAGES = ["en", "de", "ar", "uk"]
ENTITLEMENTS = read_entitlements(PROJECT_ROOT / "data" / "entitlements.yaml", LANGUAGES)
DOCTOR = {"en": "I need a doctor", "de": "ich brauche einen arzt", "ar": "أحتاج إلى طبيب", "uk": "мені потрібен лікар"}
ARABIC_SPEAKING = {"en": "one where they speak arabic", "de": "wo sprechen die arabisch",
                   "ar": "بدي واحد بيحكوا فيه عربي", "uk": "де говорять арабською"}


@pytest.fixture(scope="module")
def translator(compiled_translations: Path) -> Translator:
    return Translator(compiled_translations, LANGUAGES, "en")


def say(stack, sender: str, message: str, metadata=None):
    body = {"sender": sender, "message": message, "metadata": metadata or {}}
    response = requests.post(f"{stack.rasa_url}/webhooks/rest/webhook", json=body, timeout=60)
    response.raise_for_status()
    return response.json()


def text_of(replies) -> str:
    return "\n".join(reply.get("text") or "" for reply in replies)


def prefix(translator: Translator, language: str, message: str) -> str:
    return translator.gettext(language, message).split("{")[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_situation_question_then_the_answer_for_it(stack, translator, language):
    sender = f"e2e-status-{uuid.uuid4().hex}"
    replies = say(stack, sender, DOCTOR[language], {"language": language})
    assert replies[-1]["text"] == translator.gettext(language, ts.ASK_STATUS)
    answer = say(stack, sender, '/inform_status{"residence_status": "no_papers"}')
    assert ENTITLEMENTS["health"].by_status["no_papers"].text[language].strip()[:50] in text_of(answer)
    general = say(stack, sender, '/inform_status{"residence_status": "prefer_not_to_say"}')
    assert ENTITLEMENTS["health"].general[language].strip()[:50] in text_of(general)


@pytest.mark.parametrize("language", LANGUAGES)
def test_follow_up_wish_narrows_the_places_with_reasons(stack, translator, language):
    sender = f"e2e-wish-{uuid.uuid4().hex}"
    say(stack, sender, DOCTOR[language], {"language": language})
    replies = say(stack, sender, ARABIC_SPEAKING[language])
    assert prefix(translator, language, tfl.STAFF_SPEAK) in text_of(replies), text_of(replies)


def test_a_wish_in_the_question_and_a_shared_location(stack, translator):
    sender = f"e2e-near-{uuid.uuid4().hex}"
    replies = say(stack, sender, "a doctor who speaks farsi, open today", {"language": "en"})
    assert "Persian" in text_of(replies) or translator.gettext("en", tfl.NO_MATCH) in text_of(replies)
    nearby = say(stack, sender, '/narrow_services{"lat": 52.5205, "lon": 13.4050}')
    assert " away" in text_of(nearby) or "rules out" in text_of(nearby), text_of(nearby)


def test_near_me_without_a_location_offers_the_share_button(stack):
    sender = f"e2e-nearme-{uuid.uuid4().hex}"
    say(stack, sender, "I need a doctor", {"language": "en"})
    replies = say(stack, sender, "which one is near me?")
    assert [b["payload"] for r in replies for b in r.get("buttons") or []] == ["/share_location"]


def test_situation_stated_in_the_question_is_used_and_not_logged(stack, translator):
    sender = f"e2e-asylum-{uuid.uuid4().hex}"
    question = "can my children go to school if we are asylum seekers?"
    replies = say(stack, sender, question, {"language": "en"})
    assert replies[0]["text"].startswith(prefix(translator, "en", ts.STATUS_UNDERSTOOD))
    assert ENTITLEMENTS["education"].by_status["asylum_seeker"].text["en"].strip()[:50] in replies[0]["text"]
    assert "asylum seekers" not in stack.log_text()
