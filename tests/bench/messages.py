"""The message mix the benchmark sends: the end-to-end examples plus small talk and fallbacks."""

from __future__ import annotations

from typing import Dict, List

from tests.e2e.test_rest import DANGER, GREETINGS, LANGUAGES, ONE_STOP, TOPIC_QUESTIONS, WELCOME_PLACE

SMALL_TALK = {
    "en": ["thank you so much", "are you a robot?"],
    "de": ["vielen Dank!", "bist du ein Roboter?"],
    "ar": ["شكرا جزيلا", "هل أنت روبوت؟"],
    "uk": ["дуже дякую", "ти робот?"],
}
FALLBACK = {
    "en": ["asdkjh qwe zzzkk", "what is the capital of the moon football pizza"],
    "de": ["qwertz asdf jklö", "wer gewinnt morgen das Fußballspiel"],
    "ar": ["سيبس ثقفغ لالا", "من سيفوز في مباراة كرة القدم غدا"],
    "uk": ["фівап ролдж цукен", "хто завтра виграє футбольний матч"],
}


def messages_by_language() -> Dict[str, List[str]]:
    """Twelve messages per language: greeting, topics, emergency, places, small talk, fallback."""
    return {
        language: [
            GREETINGS[language],
            *TOPIC_QUESTIONS[language].values(),
            DANGER[language],
            ONE_STOP[language],
            WELCOME_PLACE[language],
            *SMALL_TALK[language],
            *FALLBACK[language],
        ]
        for language in LANGUAGES
    }


def schedule(count: int, conversation_length: int = 5) -> List[tuple]:
    """(language, sender, message) for count messages, rotating through the languages.

    Each sender sends conversation_length messages in one language, then a new sender
    starts, so the mix has both first messages (session start) and follow-ups.
    """
    pool = messages_by_language()
    result = []
    for index in range(count):
        language = LANGUAGES[index % len(LANGUAGES)]
        turn = index // len(LANGUAGES)
        sender = f"bench-{language}-{turn // conversation_length}"
        result.append((language, sender, pool[language][turn % len(pool[language])]))
    return result
