"""How often the assistant reads *which* wish or situation a held-out message holds
(``make bench-wishes``): the share of held-out ``narrow_services`` messages from which
:mod:`bot.followup` reads at least one wish (or "near me"), and of ``inform_status``
messages from which it reads a situation, per language, with the misses.

The intent classifier decides *that* a message narrows the list (``make bench-nlu``);
a message whose wish is not read gets "What matters to you?" with buttons. A script, not
a test: it prints figures.
"""

from __future__ import annotations

from datetime import date

from bot.directory import read_directory
from bot.followup import parse_status, parse_wishes, read_words
from bot.settings import PROJECT_ROOT
from components.language_id import GOAL_LANGUAGES
from tests.bench.nlu import load_eval

DAY = date(2026, 11, 26)


def main() -> None:
    words = read_words(PROJECT_ROOT / "data" / "filter_words.yml")
    directory = read_directory(PROJECT_ROOT / "data" / "services.yaml")
    print(f"{'lang':<5} {'wishes read':>12} {'situation read':>15}  misses")
    totals = [0, 0, 0, 0]
    for language in GOAL_LANGUAGES:
        examples = load_eval(language)
        wishes = [text for text, intent in examples if intent == "narrow_services"]
        statuses = [text for text, intent in examples if intent == "inform_status"]
        missed = []
        for text in wishes:
            read = parse_wishes(text, language, words, directory.city, directory.services, DAY)
            if read.filters.is_empty and not read.needs_location:
                missed.append(text)
        unread = [text for text in statuses if parse_status(text, language, words) is None]
        read_wishes, read_statuses = len(wishes) - len(missed), len(statuses) - len(unread)
        for index, value in enumerate((read_wishes, len(wishes), read_statuses, len(statuses))):
            totals[index] += value
        print(f"{language:<5} {read_wishes:>5}/{len(wishes):<6} {read_statuses:>7}/{len(statuses):<7}"
              f"  {'; '.join(missed + unread)[:150]}")
    print(f"{'all':<5} {totals[0]:>5}/{totals[1]:<6} {totals[2]:>7}/{totals[3]:<7}")


if __name__ == "__main__":
    main()
