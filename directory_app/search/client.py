"""The Meilisearch connection for this app.

Day-to-day work (documents, search, settings, tasks) goes through an API key scoped to this app's
own ``<prefix>_*`` indexes, so a bug or a hostile value can at worst touch our indexes, never
another tenant's or the keys. The master key is used only to create that key and to create, swap
and delete our indexes (``get_admin_client``).
"""

from __future__ import annotations

import uuid

import meilisearch
from flask import Flask, current_app

TIMEOUT_SECONDS = 5
# Meilisearch 1.21 key actions: documents.* and settings.* cover add/get/delete documents and
# read/update settings; tasks.get lets us wait for our own tasks; stats.get reads index sizes.
APP_KEY_ACTIONS = ["search", "documents.*", "settings.*", "tasks.get", "stats.get"]
KEY_NAMESPACE = uuid.UUID("0b6f0f0e-52c1-4d47-8a3c-7c5b1d9e2a41")


def services_index_name(app: Flask | None = None) -> str:
    return f"{(app or current_app).config['MEILI_INDEX_PREFIX']}_services"


def index_pattern(app: Flask | None = None) -> str:
    return f"{(app or current_app).config['MEILI_INDEX_PREFIX']}_*"


def get_admin_client(app: Flask | None = None) -> meilisearch.Client:
    app = app or current_app
    return meilisearch.Client(
        app.config["MEILI_URL"], app.config["MEILI_MASTER_KEY"], timeout=TIMEOUT_SECONDS
    )


def app_key_uid(app: Flask | None = None) -> str:
    # One key per index prefix, with a uid we can find again: workers starting together converge on it.
    return str(uuid.uuid5(KEY_NAMESPACE, f"directory-app:{index_pattern(app)}"))


def ensure_app_key(app: Flask | None = None) -> str | None:
    """The scoped key's value, creating the key on first use; None when Meilisearch has no master key."""
    app = app or current_app
    if not app.config.get("MEILI_MASTER_KEY"):
        return None
    admin = get_admin_client(app)
    uid = app_key_uid(app)
    try:
        return admin.get_key(uid).key
    except meilisearch.errors.MeilisearchApiError as error:
        if error.code == "invalid_api_key":
            # The operator gave a key that cannot manage keys (already a scoped one): use it as is.
            return app.config["MEILI_MASTER_KEY"]
        if error.code != "api_key_not_found":
            raise
    try:
        return admin.create_key(
            {
                "uid": uid,
                "name": f"directory app ({index_pattern(app)})",
                "description": "Scoped key used by the directory app for its own indexes.",
                "actions": APP_KEY_ACTIONS,
                "indexes": [index_pattern(app)],
                "expiresAt": None,
            }
        ).key
    except meilisearch.errors.MeilisearchApiError as error:
        if error.code != "api_key_already_exists":  # another worker created it a moment ago
            raise
        return admin.get_key(uid).key


def get_client(app: Flask | None = None) -> meilisearch.Client:
    app = app or current_app
    client = app.extensions.get("meili_client")
    if client is None:
        client = meilisearch.Client(app.config["MEILI_URL"], ensure_app_key(app), timeout=TIMEOUT_SECONDS)
        app.extensions["meili_client"] = client
    return client


def is_healthy(app: Flask | None = None) -> tuple[bool, str]:
    try:
        get_client(app).health()
        return True, "ok"
    except Exception as error:  # any transport or API failure means "down" to a health check
        return False, f"{type(error).__name__}: {str(error)[:200]}"
