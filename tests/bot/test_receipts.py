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


def test_only_the_hash_verifies_and_it_is_argon2id():
    code = receipts.normalize(receipts.new_code())
    stored = receipts.hash_code(code)
    assert stored.startswith("$argon2id$") and code not in stored
    assert receipts.verify(stored, code)
    other = receipts.normalize(receipts.new_code())
    assert not receipts.verify(stored, other)
    assert not receipts.verify("not a hash", code)
