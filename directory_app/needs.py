"""The needs taxonomy, loaded once from seed_data/needs_taxonomy.json into the pure library's type."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

TAXONOMY_PATH = Path(__file__).resolve().parent.parent / "seed_data" / "needs_taxonomy.json"


@lru_cache(maxsize=1)
def taxonomy_data() -> dict:
    return json.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def taxonomy():
    """The taxonomy as ``matching.taxonomy.NeedsTaxonomy``."""
    from matching.taxonomy import NeedsTaxonomy

    return NeedsTaxonomy.from_dict(taxonomy_data())
