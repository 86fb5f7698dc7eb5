"""Fixtures for tests/api."""

from __future__ import annotations

import pytest


@pytest.fixture
def search_index_kind() -> str:
    """The API's schema and error shapes are not about search quality: its apps run on the in-memory index."""
    return "memory"
