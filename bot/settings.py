"""The one place that reads the environment.

Every other module receives a :class:`Settings` instance (or values taken from it);
nothing else reads ``os.environ``. A ``.env`` file in the project root is read too,
but real environment variables win over it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _read_dotenv(path: Path) -> dict:
    """Reads ``KEY=value`` lines from a .env file; blank lines and ``#`` comments are skipped."""
    values = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip().strip('"').strip("'")
    return values


@dataclass(frozen=True)
class Settings:
    """Runtime configuration of OpenWelcome."""

    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'openwelcome.db'}"
    data_dir: Path = PROJECT_ROOT / "data"
    translations_dir: Path = PROJECT_ROOT / "bot" / "translations"
    rasa_public_url: str = "http://localhost:5005"
    web_host: str = "127.0.0.1"
    web_port: int = 8000
    log_level: str = "INFO"
    max_services_per_answer: int = 3
    # Privacy: how long submissions are kept (whole months after the month sent), how long
    # a receipt code opens its report, and the longest free text stored.
    feedback_retention_months: int = 12
    report_retention_months: int = 24
    receipt_access_months: int = 12
    max_text_length: int = 2000
    # Wrong receipt codes allowed per conversation and per receipt within the window;
    # the counters live in this process (memory://) or in Redis (redis://host:port/db).
    receipt_attempts: int = 5
    receipt_attempt_window_minutes: int = 15
    rate_limit_storage: str = "memory://"
    # Staff console: the key that signs session cookies (set it in production, the same on
    # every replica; without it a random key is made per process and sign-ins end on restart),
    # idle minutes before a session ends, sign-in attempts per name/address in the window,
    # Secure cookies (browsers treat http://localhost as secure), and the smallest count shown.
    web_secret_key: str = ""
    staff_session_minutes: int = 30
    staff_login_attempts: int = 5
    staff_login_window_minutes: int = 15
    staff_cookie_secure: bool = True
    small_count_threshold: int = 5

    @property
    def services_file(self) -> Path:
        """The service directory YAML file."""
        return self.data_dir / "services.yaml"


def _positive(env: Mapping[str, str], key: str, default: int) -> int:
    """A whole number > 0 from ``env[key]``; a clear error naming the variable otherwise."""
    raw = env.get(key)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{key} must be a whole number, got {raw!r}") from None
    if value <= 0:
        raise ValueError(f"{key} must be greater than 0, got {value}")
    return value


def _at_least(env: Mapping[str, str], key: str, default: int, minimum: int) -> int:
    """Like :func:`_positive`, with a higher minimum (a small-count threshold of 2 hides nothing)."""
    value = _positive(env, key, default)
    if value < minimum:
        raise ValueError(f"{key} must be at least {minimum}, got {value}")
    return value


def _flag(env: Mapping[str, str], key: str, default: bool) -> bool:
    """``true/false``, ``1/0``, ``yes/no`` from ``env[key]``; a clear error otherwise."""
    raw = (env.get(key) or "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{key} must be true or false, got {raw!r}")


def load_settings(environ: Optional[Mapping[str, str]] = None, dotenv: Optional[Path] = None) -> Settings:
    """Builds settings from the environment (default: ``os.environ``) and a ``.env`` file.

    Args:
        environ: Variables to read instead of the process environment (tests pass a dict).
        dotenv: The .env file to read; ``None`` means ``PROJECT_ROOT/.env`` when reading
            the process environment, and no file when ``environ`` is given.
    """
    if environ is None:
        env = _read_dotenv(dotenv or PROJECT_ROOT / ".env")
        env.update(os.environ)
    else:
        env = dict(_read_dotenv(dotenv)) if dotenv else {}
        env.update(environ)
    defaults = Settings()
    return Settings(
        database_url=env.get("DATABASE_URL", defaults.database_url),
        data_dir=Path(env.get("OPENWELCOME_DATA_DIR", defaults.data_dir)),
        translations_dir=Path(env.get("OPENWELCOME_TRANSLATIONS_DIR", defaults.translations_dir)),
        rasa_public_url=env.get("RASA_PUBLIC_URL", defaults.rasa_public_url),
        web_host=env.get("WEB_HOST", defaults.web_host),
        web_port=int(env.get("WEB_PORT", defaults.web_port)),
        log_level=env.get("LOG_LEVEL", defaults.log_level).upper(),
        max_services_per_answer=int(env.get("MAX_SERVICES_PER_ANSWER", defaults.max_services_per_answer)),
        feedback_retention_months=_positive(env, "FEEDBACK_RETENTION_MONTHS", defaults.feedback_retention_months),
        report_retention_months=_positive(env, "REPORT_RETENTION_MONTHS", defaults.report_retention_months),
        receipt_access_months=_positive(env, "RECEIPT_ACCESS_MONTHS", defaults.receipt_access_months),
        max_text_length=_positive(env, "MAX_TEXT_LENGTH", defaults.max_text_length),
        receipt_attempts=_positive(env, "RECEIPT_ATTEMPTS", defaults.receipt_attempts),
        receipt_attempt_window_minutes=_positive(
            env, "RECEIPT_ATTEMPT_WINDOW_MINUTES", defaults.receipt_attempt_window_minutes
        ),
        rate_limit_storage=env.get("RATE_LIMIT_STORAGE", defaults.rate_limit_storage),
        web_secret_key=env.get("WEB_SECRET_KEY", defaults.web_secret_key),
        staff_session_minutes=_positive(env, "STAFF_SESSION_MINUTES", defaults.staff_session_minutes),
        staff_login_attempts=_positive(env, "STAFF_LOGIN_ATTEMPTS", defaults.staff_login_attempts),
        staff_login_window_minutes=_positive(env, "STAFF_LOGIN_WINDOW_MINUTES", defaults.staff_login_window_minutes),
        staff_cookie_secure=_flag(env, "STAFF_COOKIE_SECURE", defaults.staff_cookie_secure),
        small_count_threshold=_at_least(env, "SMALL_COUNT_THRESHOLD", defaults.small_count_threshold, 3),
    )
