"""Answers for follow-up wishes and for the residence-situation question."""

from __future__ import annotations

from datetime import date
from typing import Callable, List, Optional

from babel.dates import format_date

from bot import hours, ranking, replies
from bot import texts_filters as tfl
from bot import texts_status as ts
from bot.directory import Directory
from bot.entitlements import Answer
from bot.replies import Reply

Translate = Callable[[str], str]
WISH_BUTTONS = (
    (tfl.BUTTON_OPEN_NOW, "open_now"),
    (tfl.BUTTON_FREE, "free"),
    (tfl.BUTTON_NO_DOCUMENTS, "no_papers"),
    (tfl.BUTTON_WALK_IN, "walk_in"),
    (tfl.BUTTON_WHEELCHAIR, "wheelchair"),
    (tfl.BUTTON_CHILDCARE, "childcare"),
)
SHARE_LOCATION_PAYLOAD = "/share_location"  # the widget asks the browser, then sends the position
CLEAR = "clear"  # the wish that forgets the others


def wish_payload(wish: str) -> str:
    return '/narrow_services{"wish": "%s"}' % wish


def wish_buttons(_: Translate) -> List[dict]:
    buttons = [{"title": _(title), "payload": wish_payload(wish)} for title, wish in WISH_BUTTONS]
    return buttons + [{"title": _(tfl.SHARE_LOCATION), "payload": SHARE_LOCATION_PAYLOAD}, clear_button(_)]


def clear_button(_: Translate) -> dict:
    return {"title": _(tfl.BUTTON_START_OVER), "payload": wish_payload(CLEAR)}


def wishes_cleared(_: Translate) -> Reply:
    return Reply(_(tfl.WISHES_CLEARED), replies.topic_buttons(_))


def ask_wish(_: Translate) -> Reply:
    return Reply(_(tfl.ASK_WISH), wish_buttons(_))


def ask_location(_: Translate) -> Reply:
    return Reply(_(tfl.ASK_LOCATION), [{"title": _(tfl.SHARE_LOCATION), "payload": SHARE_LOCATION_PAYLOAD}])


def ask_topic(_: Translate) -> Reply:
    return Reply(_(tfl.ASK_TOPIC_FIRST), replies.topic_buttons(_))


def narrowed(ranked: ranking.Ranked, directory: Directory, language: str, now, _: Translate, limit: int,
             intro: str = tfl.MATCHES_INTRO) -> List[Reply]:
    """The places that fit every wish, each with why and its card; else why none does."""
    if not ranked.matches:
        fallback = directory.city.get("default_language", "en")
        return [Reply("\n".join(ranking.render(ranked, language, _, limit, fallback)), wish_buttons(_))]
    answer = [Reply(_(intro), [clear_button(_)])]
    for match in ranked.matches[:limit]:
        why = " · ".join(reason.text(_) for reason in match.reasons)
        card = replies.service_card(match.service, directory.city, language, now, _)
        answer.append(Reply(f"\u2713 {why}\n{card}" if why else card))
    return answer


def status_question(_: Translate) -> Reply:
    buttons = [
        {"title": _(label), "payload": '/inform_status{"residence_status": "%s"}' % status}
        for status, label in ts.STATUS_LABELS.items()
    ]
    return Reply(_(ts.ASK_STATUS), buttons)


def entitlement_text(result: Answer, language: str, country: Optional[str], _: Translate) -> str:
    """The entitlement text with its source and the day it was last checked (Babel)."""
    checked = result.last_checked or date.today()
    day = format_date(checked, "long", locale=hours.babel_locale(language, country))
    return result.text.strip() + "\n" + _(ts.SOURCE_LINE).format(source=result.source, date=day)
