"""The needs taxonomy, loaded once from the packaged data/needs_taxonomy.json into the pure library's type."""

from __future__ import annotations

import json
from functools import lru_cache

from matching.taxonomy import NeedsTaxonomy

from .data import DATA_DIR

TAXONOMY_PATH = DATA_DIR / "needs_taxonomy.json"


@lru_cache(maxsize=1)
def taxonomy_data() -> dict:
    return json.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def taxonomy():
    """The taxonomy as ``matching.taxonomy.NeedsTaxonomy``."""
    return NeedsTaxonomy.from_dict(taxonomy_data())
