"""What the assistant answers: plain functions from (language, data) to messages.

Actions call these and send the result; nothing here knows about Rasa.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Dict, List, Optional, Sequence

from babel.lists import format_list

from bot import hours, texts, texts_feedback
from bot.directory import Directory, Service, find_services, localized_text
from bot.i18n import language_name

Translate = Callable[[str], str]


def isolate(text: str) -> str:
    """Wraps Latin-script data (phone numbers, addresses) in a Unicode bidi isolate.

    Without it, a phone number like ``+49 30 5550 1100`` inside an Arabic or Farsi
    sentence is shown with its digit groups in reverse order.
    """
    return f"\u2068{text}\u2069"


@dataclass(frozen=True)
class Reply:
    """One message: text and optional buttons (``{"title", "payload"}``)."""

    text: str
    buttons: List[Dict[str, str]] = field(default_factory=list)


def topic_buttons(_: Translate) -> List[Dict[str, str]]:
    """The topic menu, plus the one-stop shop and welcome places."""
    buttons = [{"title": _(label), "payload": f"/ask_{topic}"} for topic, label in texts.TOPIC_LABELS.items()]
    buttons.append({"title": _(texts.ONE_STOP_SHOP_LABEL), "payload": "/ask_one_stop_shop"})
    buttons.append({"title": _(texts.WELCOME_PLACE_LABEL), "payload": "/ask_welcome_place"})
    return buttons


def feedback_menu_buttons(_: Translate) -> List[Dict[str, str]]:
    """Feedback on a service, a discrimination report, checking a report."""
    return [
        {"title": _(texts_feedback.MENU_FEEDBACK), "payload": "/give_feedback"},
        {"title": _(texts_feedback.MENU_REPORT), "payload": "/report_discrimination"},
        {"title": _(texts_feedback.MENU_CHECK), "payload": "/check_report"},
    ]


def language_buttons(languages: Sequence[str], current: str) -> List[Dict[str, str]]:
    """One button per other supported language, each titled in its own language."""
    return [
        {"title": language_name(code), "payload": "/choose_language" + json.dumps({"language": code})}
        for code in languages
        if code != current
    ]


def welcome(city: dict, language: str, _: Translate) -> List[Reply]:
    """Greeting: who the assistant is (a bot), a privacy hint, the topic menu, the languages."""
    intro = _(texts.WELCOME).format(city=localized_text(city.get("name"), language, city.get("default_language", "en"))) + "\n" + _(texts.NO_PERSONAL_DETAILS)
    return [
        Reply(intro),
        Reply(_(texts.CHOOSE_TOPIC), topic_buttons(_) + feedback_menu_buttons(_)),
        Reply(_(texts.CHOOSE_LANGUAGE), language_buttons(city.get("languages", []), language)),
    ]


def language_set(language: str, _: Translate) -> Reply:
    """Confirms an explicit language choice, in the new language."""
    return Reply(_(texts.LANGUAGE_SET).format(language=language_name(language)), topic_buttons(_))


def language_switched(language: str, previous: str, _: Translate) -> Reply:
    """Says the conversation switched language after detection, and how to switch back."""
    back = [{"title": language_name(previous), "payload": "/choose_language" + json.dumps({"language": previous})}]
    text = _(texts.LANGUAGE_SWITCHED).format(language=language_name(language), previous=language_name(previous))
    return Reply(text, back)


def service_card(service: Service, city: dict, language: str, now: datetime, _: Translate) -> str:
    """A service as a short multi-line text: name, address, hours, phone, website, languages."""
    place = hours.place_of(city)
    fallback = city.get("default_language", "en")
    lines = [service.localized_name(language, fallback)]
    description = service.localized_description(language, fallback)
    if description:
        lines.append(description)
    lines.append(_(texts.SERVICE_ADDRESS).format(address=isolate(service.address)))
    lines.append(hours.status_line(service.opening_hours, place, language, now, _))
    summary = hours.weekly_summary(service.opening_hours, place, language, now.date(), _)
    if summary:
        lines.append(_(texts.SERVICE_HOURS).format(hours=summary))
    if service.phone:
        lines.append(_(texts.SERVICE_PHONE).format(phone=isolate(service.phone)))
    if service.website:
        lines.append(_(texts.SERVICE_WEBSITE).format(website=service.website))
    if service.languages:
        locale = hours.babel_locale(language, city.get("country"))
        names = [language_name(code, language) for code in service.languages]
        lines.append(_(texts.SERVICE_LANGUAGES).format(languages=format_list(names, locale=locale)))
    features = [
        (service.free, texts.SERVICE_FREE),
        (not service.documents_required, texts.SERVICE_NO_DOCUMENTS),
        (service.appointment == "walk_in", texts.SERVICE_WALK_IN),
        (service.childcare, texts.SERVICE_CHILDCARE),
        (service.wheelchair, texts.SERVICE_WHEELCHAIR),
    ]
    marks = [_(label) for present, label in features if present]
    if marks:
        lines.append(" · ".join(marks))
    return "\n".join(lines)


def signposted(topic: str, directory: Directory, language: str, limit: int = 3) -> List[Service]:
    """The services a topic answer shows: matching ones, else the best one-stop shop."""
    services = find_services(directory.services, topic=topic, language=language, limit=limit)
    return services or find_services(directory.services, kind="one_stop_shop", language=language, limit=1)


def place_answer(kind: str, directory: Directory, language: str, now: datetime, _: Translate, limit: int = 3) -> List[Reply]:
    """Signposts to one-stop shops or welcome places."""
    intro = texts.ONE_STOP_SHOP_INTRO if kind == "one_stop_shop" else texts.WELCOME_PLACE_INTRO
    services = find_services(directory.services, kind=kind, language=language, limit=limit)
    replies = [Reply(_(intro))]
    replies.extend(Reply(service_card(s, directory.city, language, now, _)) for s in services)
    return replies


def emergency(city: dict, language: str, _: Translate) -> List[Reply]:
    """The emergency number first, then police and hotlines, then that the bot cannot send help."""
    numbers = city.get("emergency") or {}
    first = _(texts.EMERGENCY_FIRST).format(number=numbers.get("number", "112"))
    lines = []
    if numbers.get("police"):
        lines.append(_(texts.EMERGENCY_POLICE).format(police=numbers["police"]))
    fallback = city.get("default_language", "en")
    for hotline in city.get("hotlines") or []:
        label = localized_text(hotline.get("name"), language, fallback)
        lines.append(_(texts.EMERGENCY_HOTLINE).format(name=label, phone=isolate(hotline["phone"])))
    lines.append(_(texts.EMERGENCY_BOT))
    return [Reply(first), Reply("\n".join(lines))]


def fallback(_: Translate) -> Reply:
    """The helpful fallback: say so, and offer the topic menu."""
    return Reply(_(texts.FALLBACK), topic_buttons(_))


CHITCHAT = {
    "goodbye": texts.GOODBYE,
    "thank": texts.THANKS,
    "bot_challenge": texts.BOT_CHALLENGE,
}


def chitchat(intent: Optional[str], _: Translate) -> Reply:
    """Short answers to goodbye, thanks and "are you a bot?"; otherwise the topic menu."""
    message = CHITCHAT.get(intent or "")
    if message:
        buttons = [] if intent == "goodbye" else topic_buttons(_)
        return Reply(_(message), buttons)
    return Reply(_(texts.CHOOSE_TOPIC), topic_buttons(_))
