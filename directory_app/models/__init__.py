"""All tables, imported in one place so that Alembic and the app see the same metadata."""

from .accounts import ROLES, ApiToken, LoginThrottle, User
from .base import rel, table_of, utcnow
from .directory import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    Location,
    LocationPart,
    Organization,
    OrukRecord,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServicePart,
    Taxonomy,
    TaxonomyTerm,
    new_id,
)
from .geo import Postcode, PostcodeDistrict
from .jobs import ImportJob
from .ops import AuditEvent, DuplicateFlag, MatchDemand, ProblemReport, RateLimitCounter, SearchOutbox
from .providers import ProviderLink, ProviderProposal
from .referrals import RankingModel, Referral, WellbeingScore

__all__ = [
    "ImportJob",
    "ROLES",
    "ApiToken",
    "LoginThrottle",
    "User",
    "rel",
    "table_of",
    "utcnow",
    "Accessibility",
    "Address",
    "Attribute",
    "Contact",
    "CostOption",
    "Language",
    "Location",
    "LocationPart",
    "Organization",
    "OrukRecord",
    "Phone",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "ServicePart",
    "Taxonomy",
    "TaxonomyTerm",
    "new_id",
    "Postcode",
    "PostcodeDistrict",
    "AuditEvent",
    "DuplicateFlag",
    "MatchDemand",
    "ProblemReport",
    "RateLimitCounter",
    "SearchOutbox",
    "RankingModel",
    "Referral",
    "WellbeingScore",
    "ProviderLink",
    "ProviderProposal",
]
