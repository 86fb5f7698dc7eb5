"""Matching library: plain data in, plain data out.

No Flask, no database, no search engine, no network: the app turns its records into service
documents (docs/service-document.md) and hands them here.
"""

from .constraints import Check, check, distance_exemption, violations
from .engine import Match, MatchResult, adequate_counts, match
from .gaps import gap_report, suppress
from .profile import DAYS, DELIVERY_CHOICES, Constraints, Profile, ProfileError
from .rank import DEFAULT_WEIGHTS, FEATURE_NAMES, default_scorer, features, weighted_scorer
from .taxonomy import Need, NeedsTaxonomy
from .textmodel import TextModel, service_text
from .unmet import UnmetNeed

__all__ = [
    "Check",
    "check",
    "distance_exemption",
    "violations",
    "Match",
    "MatchResult",
    "adequate_counts",
    "match",
    "gap_report",
    "suppress",
    "DAYS",
    "DELIVERY_CHOICES",
    "Constraints",
    "Profile",
    "ProfileError",
    "DEFAULT_WEIGHTS",
    "FEATURE_NAMES",
    "default_scorer",
    "features",
    "weighted_scorer",
    "Need",
    "NeedsTaxonomy",
    "TextModel",
    "service_text",
    "UnmetNeed",
]
