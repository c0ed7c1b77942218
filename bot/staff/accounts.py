"""Staff accounts: created on the command line, managed by admins, passwords hashed with argon2id.

Roles: ``reviewer`` (inbox, reports, dashboards, exports, actions taken) and ``admin``
(everything, plus staff accounts and the audit log).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import List, Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.staff.models import ROLES, StaffUser

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 256
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_HASHER = PasswordHasher()  # argon2id with the library's current defaults
# Verified when a username does not exist, so that a wrong name takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("not a real password, only for timing")


class AccountError(ValueError):
    """A username, role or password that cannot be used; the message says why."""


@dataclass(frozen=True)
class StaffAccount:
    """What the console needs to know about a signed-in staff member."""

    id: int
    username: str
    role: str
    active: bool

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _account(row) -> StaffAccount:
    return StaffAccount(id=row.id, username=row.username, role=row.role, active=row.active)


def check_username(username: str) -> str:
    """The username, lower-cased, or :class:`AccountError` if it is not 2-64 of a-z 0-9 . _ -."""
    name = (username or "").strip().lower()
    if not _USERNAME.match(name):
        raise AccountError("A username is 2 to 64 characters: letters a-z, digits, '.', '_' or '-'.")
    return name


def check_password(password: str) -> str:
    """The password, or :class:`AccountError` if it is too short or too long."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise AccountError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"A password has at most {MAX_PASSWORD_LENGTH} characters.")
    return password


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"The role must be one of: {', '.join(ROLES)}.")
    return role


def add_user(engine: Engine, username: str, password: str, role: str, now: datetime) -> StaffAccount:
    """Creates an active account; :class:`AccountError` if the name is taken or anything is invalid."""
    name = check_username(username)
    values = {
        "username": name,
        "password_hash": _HASHER.hash(check_password(password)),
        "role": check_role(role),
        "active": True,
        "created_at": now,
        "password_changed_at": now,
    }
    try:
        with engine.begin() as connection:
            connection.execute(StaffUser.__table__.insert().values(**values))
    except IntegrityError:
        raise AccountError(f"The username {name!r} is taken.") from None
    account = get_user(engine, name)
    assert account is not None
    return account


def _row_by_name(engine: Engine, username: str):
    with engine.connect() as connection:
        return connection.execute(
            select(StaffUser.__table__).where(StaffUser.username == (username or "").strip().lower())
        ).first()


def get_user(engine: Engine, username: str) -> Optional[StaffAccount]:
    row = _row_by_name(engine, username)
    return _account(row) if row else None


def get_user_by_id(engine: Engine, user_id: int) -> Optional[StaffAccount]:
    with engine.connect() as connection:
        row = connection.execute(select(StaffUser.__table__).where(StaffUser.id == user_id)).first()
    return _account(row) if row else None


def list_users(engine: Engine) -> List[StaffAccount]:
    with engine.connect() as connection:
        rows = connection.execute(select(StaffUser.__table__).order_by(StaffUser.username)).all()
    return [_account(row) for row in rows]


def authenticate(engine: Engine, username: str, password: str) -> Optional[StaffAccount]:
    """The active account with this username and password, else ``None`` (same time either way)."""
    row = _row_by_name(engine, username)
    try:
        _HASHER.verify(row.password_hash if row else _DUMMY_HASH, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if row is None or not row.active:
        return None
    if _HASHER.check_needs_rehash(row.password_hash):
        _store_hash(engine, row.id, _HASHER.hash(password), row.password_changed_at)
    return _account(row)


def _store_hash(engine: Engine, user_id: int, password_hash: str, changed_at: datetime) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(StaffUser.__table__)
            .where(StaffUser.id == user_id)
            .values(password_hash=password_hash, password_changed_at=changed_at)
        )


def _existing(engine: Engine, username: str) -> StaffAccount:
    account = get_user(engine, username)
    if account is None:
        raise AccountError(f"There is no staff member {username!r}.")
    return account


def set_password(engine: Engine, username: str, password: str, now: datetime) -> StaffAccount:
    """Replaces the password (an admin's reset, or the command line)."""
    account = _existing(engine, username)
    _store_hash(engine, account.id, _HASHER.hash(check_password(password)), now)
    return account


def set_active(engine: Engine, username: str, active: bool) -> StaffAccount:
    """Disables (signs out at the next request) or re-enables an account."""
    account = _existing(engine, username)
    with engine.begin() as connection:
        connection.execute(update(StaffUser.__table__).where(StaffUser.id == account.id).values(active=active))
    return StaffAccount(id=account.id, username=account.username, role=account.role, active=active)


def password_changed_at(engine: Engine, user_id: int) -> Optional[datetime]:
    """When the password last changed: sessions from before a reset are no longer valid."""
    with engine.connect() as connection:
        return connection.execute(
            select(StaffUser.password_changed_at).where(StaffUser.id == user_id)
        ).scalar_one_or_none()
