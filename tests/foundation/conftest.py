"""Fixtures for tests/foundation."""

from __future__ import annotations

import pytest


@pytest.fixture
def search_index_kind() -> str:
    """Health, accounts and sign-in are not about search: their apps run on the in-memory index (search being down is tested on Meilisearch, see search_down)."""
    return "memory"
