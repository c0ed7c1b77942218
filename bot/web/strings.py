"""Texts of the demo city page and of its chat widget, marked for translation.

The widget's strings go to the browser as JSON (one set per supported language) so the
widget can switch language without reloading the page. Placeholders are named
(``{city}``, ``{number}``); the widget fills ``{number}`` itself.
"""

from __future__ import annotations

import logging
from typing import Dict, Mapping

from bot.i18n import N_, Translator

logger = logging.getLogger(__name__)

WIDGET_STRINGS: Dict[str, str] = {
    "title": N_("Ask the Welcome Assistant"),
    "close_chat": N_("Close chat"),
    "language": N_("Language"),
    "input_label": N_("Type your message"),
    "send": N_("Send"),
    "privacy_note": N_(
        "This is an automated assistant. Please do not type names, addresses or other personal details."
    ),
    "emergency_note": N_("In an emergency, call {number}."),
    "empty_hint": N_("Write your question in any language, for example: I need a doctor."),
    "conversation": N_("Conversation"),
    "you_said": N_("You said:"),
    "assistant_said": N_("The assistant said:"),
    "choose_answer": N_("Choose an answer"),
    "clear_conversation": N_("Clear conversation"),
    "status_connecting": N_("Connecting…"),
    "status_connected": N_("Connected"),
    "status_reconnecting": N_("Connection lost. Reconnecting…"),
    "status_waiting": N_("The assistant is answering…"),
    "status_queued": N_("Your message will be sent when the connection is back."),
    "opens_new_tab": N_("(opens in a new tab)"),
    "location_unavailable": N_(
        "Your location was not shared. You can type a district or a place instead, "
        "for example \u201cnear the main station\u201d."
    ),
}

PAGE_STRINGS: Dict[str, str] = {
    "sample_banner": N_("Sample city — demo"),
    "sample_banner_detail": N_(
        "{city} is a fictional city. The services, addresses and phone numbers on this site are examples."
    ),
    "skip_link": N_("Skip to main content"),
    "site_name": N_("City of {city}"),
    "main_navigation": N_("Main menu"),
    "nav_newcomers": N_("New in {city}"),
    "nav_services": N_("Services"),
    "nav_emergency": N_("Emergency"),
    "language_navigation": N_("Language of this page"),
    "heading": N_("New in {city}? Welcome!"),
    "intro": N_(
        "Whether you arrived last week or some years ago, you have rights here. "
        "Many city services are free and open to everyone who lives in {city}, "
        "whatever your nationality or residence status."
    ),
    "services_heading": N_("Where to start"),
    "service_registration": N_("Register your address at the Welcome Centre."),
    "service_health": N_("Find a doctor and ask about health insurance."),
    "service_education": N_("Find a school, a childcare place or a language course."),
    "service_legal": N_("Get free and confidential legal advice."),
    "service_discrimination": N_("Report discrimination, in confidence."),
    "assistant_heading": N_("Ask the Welcome Assistant"),
    "assistant_intro": N_(
        "The Welcome Assistant answers in your language, day and night. It explains your "
        "rights in plain words and tells you which office can help you and when it is open. "
        "Use the chat button at the bottom of the page."
    ),
    "emergency_heading": N_("In an emergency"),
    "emergency_text": N_("Call {number}. The call is free, day and night."),
    "footer_text": N_("Demo website of the OpenWelcome project."),
    "footer_privacy": N_(
        "The chat keeps your conversation only in this browser tab, and forgets it when you close the tab."
    ),
    "not_found_title": N_("Page not found"),
    "not_found_text": N_("This page does not exist. Check the address, or go back to the start page."),
    "not_allowed_title": N_("Not allowed"),
    "not_allowed_text": N_("This page cannot be used in that way."),
    "server_error_title": N_("Something went wrong"),
    "server_error_text": N_("Sorry, this did not work. Please try again in a few minutes."),
    "back_home": N_("Back to the start page"),
}

# The public "you said, we did" page.
PUBLIC_STRINGS: Dict[str, str] = {
    "title": N_("You said, we did"),
    "intro": N_(
        "Newcomers tell {city} through the Welcome Assistant, anonymously, when a service failed them "
        "or treated them unfairly, and whether the assistant's answers helped. Here is what they told us "
        "in the last twelve months, and what the city changed because of it."
    ),
    "privacy": N_(
        "To protect the people who wrote to us, numbers from 1 to {small} are shown as \u201c<{threshold}\u201d."
    ),
    "actions_heading": N_("What we changed"),
    "no_actions": N_("Nothing published yet."),
    "written_in": N_("Written in {language}."),
    "reports_heading": N_("Discrimination reports per month"),
    "grounds_heading": N_("Discrimination reports by grounds"),
    "feedback_heading": N_("Feedback on services per month"),
    "helpful_heading": N_("Answers rated helpful"),
    "helpful_text": N_("{share} of the answers people rated were helpful ({count} ratings)."),
    "helpful_too_few": N_("Too few answers have been rated yet to show a share."),
    "no_data": N_("No data yet."),
    "table_summary": N_("Numbers as a table"),
    "column_what": N_("What"),
    "column_count": N_("Number"),
    "report_link": N_("Report discrimination or give feedback: ask the Welcome Assistant on our start page."),
}


def _format(template: str, source: str, values: Mapping[str, str]) -> str:
    """Fills named placeholders; a translation with broken placeholders falls back to ``source``."""
    if not values:
        return template
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError) as error:
        logger.warning("Bad placeholders in translation of %r: %s", source, error)
        return source.format(**values)


def widget_strings(translator: Translator, language: str) -> Dict[str, str]:
    """Returns the widget's UI strings (key -> text) in ``language``; ``{number}`` stays a placeholder."""
    _ = translator.for_language(language)
    return {key: _(source) for key, source in WIDGET_STRINGS.items()}


def public_text(translator: Translator, language: str, key: str, /, **values: str) -> str:
    """One string of the "you said, we did" page in ``language``, placeholders filled from ``values``."""
    source = PUBLIC_STRINGS[key]
    return _format(translator.gettext(language, source), source, values)


def page_strings(translator: Translator, language: str, **values: str) -> Dict[str, str]:
    """Returns the page's strings (key -> text) in ``language``, placeholders filled from ``values``.

    Args:
        translator: The catalogs.
        language: ISO 639-1 code; unsupported codes get the default language.
        **values: Placeholder values, ``city`` and ``number``.
    """
    _ = translator.for_language(language)
    return {key: _format(_(source), source, values) for key, source in PAGE_STRINGS.items()}
