"""Read a service record in any shape we import and say what it offers, to whom, where and how,
with the evidence for each value. Plain data in, plain data out: no Flask, database or network."""

from .areas import AreaLookup
from .needs import ClassifierNeeds, EmbeddingNeeds, KeywordNeeds
from .pipeline import Understander
from .record import Record, normalise
from .result import Finding, Understanding, from_dict

__all__ = [
    "AreaLookup",
    "ClassifierNeeds",
    "EmbeddingNeeds",
    "Finding",
    "KeywordNeeds",
    "Record",
    "Understander",
    "Understanding",
    "from_dict",
    "normalise",
]
