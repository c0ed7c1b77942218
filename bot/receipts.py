"""Receipt codes: how a person finds their anonymous report again, and nothing more.

A code is 20 characters of Crockford base32 (100 random bits), shown once in groups of
four: ``7KQ2-M9XD-4HBT-P3WZ-A8RN``. The first group is a *locator* stored in clear so the
report can be found without trying every hash; the other 80 bits are the secret. Only an
argon2id hash of the whole code is stored, so a stolen database does not open reports.
Crockford's alphabet has no I, L, O or U, and reading forgives the usual confusions
(``O`` for ``0``, ``I``/``L`` for ``1``), lower case, spaces and missing hyphens.
"""

from __future__ import annotations

import re
import secrets
from typing import Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUP = 4
GROUPS = 5
LENGTH = GROUP * GROUPS
LOCATOR_LENGTH = GROUP
SECRET_BITS = (LENGTH - LOCATOR_LENGTH) * 5  # 80

_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
# Five groups of four, with or without separators, in running text.
_IN_TEXT = re.compile(r"(?<![0-9A-Za-z-])[0-9A-Za-z]{4}(?:[\s-]?[0-9A-Za-z]{4}){4}(?![0-9A-Za-z]|-[0-9A-Za-z])")

# OWASP's minimum for argon2id (19 MiB, 2 passes): slow for guessing, ~20 ms for us.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def new_code() -> str:
    """A fresh random code, grouped for display."""
    return format_code("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def format_code(code: str) -> str:
    """``7KQ2M9XD…`` → ``7KQ2-M9XD-…``."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalize(text: str) -> Optional[str]:
    """The canonical (ungrouped, upper-case) code in ``text``, or ``None`` if it is not one."""
    compact = re.sub(r"[\s-]", "", text or "").upper().translate(_CONFUSABLE)
    if len(compact) != LENGTH or any(ch not in ALPHABET for ch in compact):
        return None
    return compact


def find_code(text: str) -> Optional[str]:
    """The first code-shaped sequence in a message, normalised, or ``None``."""
    for match in _IN_TEXT.finditer(text or ""):
        code = normalize(match.group(0))
        if code:
            return code
    return None


def without_codes(text: str) -> str:
    """``text`` with its receipt codes replaced by a space.

    Only runs that read as a code and hold at least one digit count: five four-letter
    words in a row ("what time does work open") have the shape of a code but are words.
    A real code has no digit once in about 1,700.
    """

    def blank(match: re.Match) -> str:
        found = match.group(0)
        return " " if normalize(found) and any(ch.isdigit() for ch in found) else found

    return _IN_TEXT.sub(blank, text or "")


def locator(code: str) -> str:
    """The stored, non-secret first group of a normalised code."""
    return code[:LOCATOR_LENGTH]


def hash_code(code: str) -> str:
    """The argon2id hash to store for a normalised code."""
    return _HASHER.hash(code)


def verify(stored_hash: str, code: str) -> bool:
    """Whether ``code`` (normalised) matches ``stored_hash``."""
    try:
        return _HASHER.verify(stored_hash, code)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
