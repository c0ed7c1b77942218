"""Every message the assistant can say is translated into every supported language."""

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.directory import read_directory
from bot.settings import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "bot" / "translations"
CITY_LANGUAGES = read_directory(PROJECT_ROOT / "data" / "services.yaml").city["languages"]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def marked_messages():
    """Every N_() message in bot/, extracted from the source as pybabel does."""
    found = extract_from_dir(
        str(PROJECT_ROOT / "bot"), method_map=[("**.py", "python")], keywords={"N_": None}, comment_tags=()
    )
    return {message for _filename, _lineno, message, _comments, _context in found}


def load_catalog(language):
    path = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
    assert path.exists(), f"no catalog for supported language '{language}': {path}"
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


@pytest.mark.parametrize("language", [code for code in CITY_LANGUAGES if code != "en"])
def test_every_message_translated(language):
    catalog = load_catalog(language)
    missing = [m for m in sorted(marked_messages()) if not (catalog.get(m) and catalog.get(m).string)]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not missing, f"{language}: {len(missing)} untranslated, e.g. {missing[:3]}"
    assert not fuzzy, f"{language}: fuzzy entries {fuzzy[:3]}"


@pytest.mark.parametrize("language", [code for code in CITY_LANGUAGES if code != "en"])
def test_placeholders_kept(language):
    for message in load_catalog(language):
        if message.id and message.string:
            assert set(PLACEHOLDER.findall(message.id)) == set(PLACEHOLDER.findall(message.string)), message.id


def test_template_is_up_to_date():
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    assert marked_messages() <= template, "run 'make update-catalogs'"
