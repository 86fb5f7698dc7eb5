"""Configuration from the environment, with safe local defaults.

Secrets that a local install needs (Flask's SECRET_KEY, the local Meilisearch master key) are
generated once and kept in the instance folder so that restarts keep sessions and the index.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from .web.flags import parse_flag

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INSTANCE = PROJECT_ROOT / "instance"


class ConfigError(RuntimeError):
    """The configuration is unsafe or incomplete; the message says what to set."""


def instance_secret(instance_path: Path, name: str) -> str:
    path = instance_path / name
    if path.exists():
        return path.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(32)
    # Created with 0600 so that other local users cannot read it.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value)
    return value


def _bool(value: str | None, default: bool = False) -> bool:
    # An unreadable value ("ture") counts as no, as it always has: settings are not refused here.
    return parse_flag(value, default) is True


SEARCH_INDEXES = ("meilisearch", "memory")
# SQLite's PRAGMA synchronous: unset keeps its own FULL, every commit on disk before it returns.
SQLITE_SYNCHRONOUS = ("OFF", "NORMAL", "FULL", "EXTRA")


def from_environment(env: Mapping[str, str] | None = None) -> dict:
    env = os.environ if env is None else env
    instance_path = Path(env.get("INSTANCE_PATH") or DEFAULT_INSTANCE)
    app_env = env.get("APP_ENV", "development")
    config = {
        "APP_ENV": app_env,
        "INSTANCE_PATH": str(instance_path),
        "DATABASE_URL": env.get("DATABASE_URL") or None,
        "SQLITE_SYNCHRONOUS": (env.get("SQLITE_SYNCHRONOUS") or "").upper() or None,
        "MEILI_URL": env.get("MEILI_URL") or None,
        "MEILI_MASTER_KEY": env.get("MEILI_MASTER_KEY") or None,
        "MEILI_INDEX_PREFIX": env.get("MEILI_INDEX_PREFIX", "directory"),
        "SECRET_KEY": env.get("SECRET_KEY") or None,
        "REVIEW_INTERVAL_DAYS": int(env.get("REVIEW_INTERVAL_DAYS", "182")),
        "FOLLOW_UP_DAYS": int(env.get("FOLLOW_UP_DAYS", "14")),
        "PROVIDER_LINK_DAYS": int(env.get("PROVIDER_LINK_DAYS", "30")),
        "PUBLIC_URL": env.get("PUBLIC_URL", "http://127.0.0.1:5000"),  # for links in email sent from the CLI
        "SHEET_CONTACT": env.get("SHEET_CONTACT", ""),
        "SMTP_HOST": env.get("SMTP_HOST") or None,
        "SMTP_PORT": int(env.get("SMTP_PORT", "25")),
        "SMTP_USERNAME": env.get("SMTP_USERNAME") or None,
        "SMTP_PASSWORD": env.get("SMTP_PASSWORD") or None,
        "SMTP_STARTTLS": _bool(env.get("SMTP_STARTTLS")),
        "MAIL_FROM": env.get("MAIL_FROM", "directory@localhost"),
        "MAX_CONTENT_LENGTH": int(env.get("MAX_UPLOAD_BYTES", str(20 * 1024 * 1024))),
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI", "database://"),
        "GEOCODER": env.get("GEOCODER") or None,
        "IMPORT_BATCH_SIZE": int(env.get("IMPORT_BATCH_SIZE", "200")),
        "MEILI_TIMEOUT_SECONDS": int(env.get("MEILI_TIMEOUT_SECONDS", "5")),
        # "meilisearch", or "memory": an index in the app's own process (tests that are not about
        # search, a quick look without a server); never in production, where workers share an index.
        "SEARCH_INDEX": env.get("SEARCH_INDEX", "meilisearch"),
        "VECTOR_STORE": env.get("VECTOR_STORE") or None,  # None: <instance>/sentence-vectors.sqlite3
        # Where the need classifiers' fits are kept between starts; None: <instance>/fitted-models,
        # "off": every process fits its own.
        "FITTED_MODELS": env.get("FITTED_MODELS") or None,
        # The gap report's local authorities (GSS codes, comma-separated); empty: where the services are.
        "REPORT_AREA_CODES": env.get("REPORT_AREA_CODES", ""),
        "REPORTS_TILE_URL": env.get("REPORTS_TILE_URL", ""),
        "REPORTS_TILE_ATTRIBUTION": env.get("REPORTS_TILE_ATTRIBUTION", ""),
        "SEARCH_RATE_LIMIT": env.get("SEARCH_RATE_LIMIT", "120/minute"),
        "MATCH_RATE_LIMIT": env.get("MATCH_RATE_LIMIT", "60/minute"),
        "LOGIN_RATE_LIMIT": env.get("LOGIN_RATE_LIMIT", "10/minute"),
        "PROVIDER_RATE_LIMIT": env.get("PROVIDER_RATE_LIMIT", "30/minute"),
        "SESSION_IDLE_MINUTES": int(env.get("SESSION_IDLE_MINUTES", "480")),
        "JSON_MAX_BYTES": int(env.get("JSON_MAX_BYTES", str(1024 * 1024))),
        "RATELIMIT_ENABLED": _bool(env.get("RATELIMIT_ENABLED"), True),
        "DEBUG": _bool(env.get("FLASK_DEBUG")),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": app_env == "production",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SECURE": app_env == "production",
    }
    return config


def finalise(config: dict) -> dict:
    """Fill generated secrets for local use, or refuse unsafe production settings."""
    instance_path = Path(config["INSTANCE_PATH"])
    if not config.get("DATABASE_URL"):
        config["DATABASE_URL"] = f"sqlite:///{instance_path.resolve() / 'directory.db'}"
    if config.get("SEARCH_INDEX") not in SEARCH_INDEXES:
        raise ConfigError(
            f"SEARCH_INDEX must be one of {', '.join(SEARCH_INDEXES)}, not {config.get('SEARCH_INDEX')!r}"
        )
    synchronous = config.get("SQLITE_SYNCHRONOUS")
    if synchronous is not None and str(synchronous).upper() not in SQLITE_SYNCHRONOUS:
        raise ConfigError(
            f"SQLITE_SYNCHRONOUS must be one of {', '.join(SQLITE_SYNCHRONOUS)}, not {synchronous!r}"
        )
    if config["APP_ENV"] == "production":
        problems = []
        if config["SEARCH_INDEX"] != "meilisearch":
            problems.append("SEARCH_INDEX must be meilisearch: an index in memory is one worker's own")
        if not config.get("SECRET_KEY") or len(config["SECRET_KEY"]) < 32:
            problems.append("SECRET_KEY must be set to a random value of at least 32 characters")
        if config.get("DEBUG"):
            problems.append("debug must be off (unset FLASK_DEBUG)")
        if config.get("PASSWORD_HASH_METHOD") not in (None, "scrypt"):
            problems.append("PASSWORD_HASH_METHOD must be left unset: passwords are hashed with scrypt")
        if not config.get("MEILI_URL"):
            problems.append("MEILI_URL must point at your Meilisearch server")
        if not config.get("MEILI_MASTER_KEY"):
            problems.append(
                "MEILI_MASTER_KEY must be set: a Meilisearch without a master key is open to anyone"
            )
        if problems:
            raise ConfigError("Refusing to start with APP_ENV=production: " + "; ".join(problems))
    elif not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = instance_secret(instance_path, "secret_key")
    return config
