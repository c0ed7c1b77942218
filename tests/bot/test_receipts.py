"""Receipt codes: random, grouped, forgiving to read, stored only as an argon2 hash."""

import re

from bot import receipts


def test_codes_are_grouped_crockford_base32_with_at_least_80_secret_bits():
    code = receipts.new_code()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}", code)
    assert receipts.SECRET_BITS >= 80
    assert len({receipts.new_code() for _ in range(200)}) == 200


def test_reading_forgives_case_spaces_missing_hyphens_and_confusable_letters():
    code = receipts.normalize(receipts.new_code())
    grouped = receipts.format_code(code)
    assert receipts.normalize(grouped.lower()) == code
    assert receipts.normalize(grouped.replace("-", " ")) == code
    assert receipts.normalize("0O1I-L111-0000-1111-0000") == "00111111000011110000"
    assert receipts.find_code(f"hi, my code is {grouped.lower()} thanks") == code


def test_things_that_are_not_codes():
    for text in ("", "check my report", "ABCD-EFGH", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ12", "UUUU-UUUU-UUUU-UUUU-UUUU"):
        assert receipts.normalize(text) is None
        assert receipts.find_code(text) is None


def test_codes_are_taken_out_of_a_message_but_words_are_not():
    code = receipts.format_code(receipts.normalize("7KQ2-M9XD-4HBT-P3WZ-A8RN"))
    assert receipts.without_codes(f"status of {code} please").split() == ["status", "of", "please"]
    assert receipts.without_codes(f"status of {code.lower().replace('-', ' ')}").split() == ["status", "of"]
    # Five four-letter runs of letters read as a code but hold no digit: they are words.
    for text in ("language cafe this week?", "part-time work evenings", "what time does work open"):
        assert receipts.without_codes(text) == text


def _entity_pattern() -> re.Pattern:
    import yaml

    from bot.settings import PROJECT_ROOT

    data = yaml.safe_load((PROJECT_ROOT / "data" / "nlu" / "receipt_code.yml").read_text(encoding="utf-8"))
    (entry,) = [item for item in data["nlu"] if item.get("regex") == "receipt_code"]
    (pattern,) = [line[2:] for line in entry["examples"].splitlines() if line.startswith("- ")]
    return re.compile(pattern)


def test_the_nlu_entity_pattern_finds_codes_and_not_words():
    pattern = _entity_pattern()
    for _ in range(50):
        code = receipts.new_code()
        if not any(ch.isdigit() for ch in code):
            continue  # about one code in 1,700: read by the form, not the entity pattern
        for written in (code, code.lower(), code.replace("-", " "), code.replace("-", "")):
            found = pattern.search(f"my code is {written}, any news?")
            assert found and receipts.normalize(found.group(0)) == receipts.normalize(code)
    words = ("language cafe this week?", "part-time work evenings", "what time does work open", "cafe near the station")
    for text in words:
        assert pattern.search(text) is None, text


def test_only_the_hash_verifies_and_it_is_argon2id():
    code = receipts.normalize(receipts.new_code())
    stored = receipts.hash_code(code)
    assert stored.startswith("$argon2id$") and code not in stored
    assert receipts.verify(stored, code)
    other = receipts.normalize(receipts.new_code())
    assert not receipts.verify(stored, other)
    assert not receipts.verify("not a hash", code)
