"""The Meilisearch connection for this app."""
from __future__ import annotations

import meilisearch
from flask import Flask, current_app

TIMEOUT_SECONDS = 5


def get_client(app: Flask | None = None) -> meilisearch.Client:
    app = app or current_app
    client = app.extensions.get("meili_client")
    if client is None:
        client = meilisearch.Client(app.config["MEILI_URL"], app.config["MEILI_MASTER_KEY"],
                                    timeout=TIMEOUT_SECONDS)
        app.extensions["meili_client"] = client
    return client


def services_index_name(app: Flask | None = None) -> str:
    return f"{(app or current_app).config['MEILI_INDEX_PREFIX']}_services"


def is_healthy(app: Flask | None = None) -> tuple[bool, str]:
    try:
        get_client(app).health()
        return True, "ok"
    except Exception as error:  # any transport or API failure means "down" to a health check
        return False, f"{type(error).__name__}: {str(error)[:200]}"
