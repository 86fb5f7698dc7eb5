"""The app's long-lived services, built once in ``create_app`` and handed to the domain functions
that use them, rather than each function finding them through the Flask app.

Pages, API routes and commands take them from ``services()``; domain functions take the one they
need as an argument (a search index, the embedding model), so a test can hand them another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from flask import Flask, current_app

from .matchmaking.embeddings import EmbeddingService
from .matchmaking.embeddings import service as embedding_service
from .matchmaking.textmodel_cache import TextModelCache
from .models import utcnow
from .reports.service import DirectoryDocuments
from .search.index import SearchIndex
from .search.meili import MeiliIndex
from .search.memory import InMemoryIndex


@dataclass(frozen=True)
class Services:
    index: SearchIndex
    embeddings: EmbeddingService
    text_models: TextModelCache = field(default_factory=TextModelCache)
    report_documents: DirectoryDocuments = field(default_factory=DirectoryDocuments)
    clock: Callable[[], datetime] = utcnow


def search_index_for(config: dict) -> SearchIndex:
    if config["SEARCH_INDEX"] == "memory":
        return InMemoryIndex(config["MEILI_INDEX_PREFIX"])
    return MeiliIndex(
        config["MEILI_URL"],
        config.get("MEILI_MASTER_KEY"),
        config["MEILI_INDEX_PREFIX"],
        int(config.get("MEILI_TIMEOUT_SECONDS") or 5),
    )


def init_app(app: Flask) -> None:
    app.extensions["services"] = Services(
        index=search_index_for(app.config), embeddings=embedding_service(app)
    )


def services(app: Flask | None = None) -> Services:
    found: Services = (app or current_app).extensions["services"]
    return found
