"""Open Referral UK 3.0 tables, with our own fields beside the standard ones.

Every ORUK table keeps an ``extra`` JSON column for properties of the standard (or of a publisher's
feed) that we do not model as columns, so that importing then exporting a record loses nothing.
"""

import uuid
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Index, String, UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel

from .base import utcnow


def new_id() -> str:
    return str(uuid.uuid4())


# Plain functions, not the builtins: pydantic inspects a default factory's signature on every
# instance, and for ``list`` that means parsing its text signature (~70 us, six times per Service).
def _empty_list() -> list:
    return []


def _empty_dict() -> dict:
    return {}


def json_list() -> Any:
    return Field(default_factory=_empty_list, sa_column=Column(JSON, nullable=False, default=list))


# A column described by sa_type and keywords rather than a Column object: a base class's field is
# then built afresh for each table that inherits it (one Column cannot belong to two tables).
def json_dict() -> Any:
    return Field(
        default_factory=_empty_dict, sa_type=JSON, nullable=False, sa_column_kwargs={"default": dict}
    )


def parent_fk(table: str) -> Any:
    return Field(
        default=None,
        foreign_key=f"{table}.id",
        ondelete="CASCADE",
        nullable=False,
        index=True,
        max_length=64,
    )


def children(cls_name: str) -> Any:
    """A one-to-many list that keeps the publisher's order and goes when its parent goes."""
    return Relationship(
        sa_relationship_kwargs={
            "cascade": "all, delete-orphan",
            "passive_deletes": True,
            "order_by": f"{cls_name}.position",
        }
    )


class OrukRecord(SQLModel):
    """What every ORUK table has: our id, and ``extra`` for the properties we keep but do not model."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=64)
    extra: dict = json_dict()


class ServicePart(OrukRecord):
    """A row that belongs to one service, in the publisher's order, and goes when the service goes."""

    service_id: str = parent_fk("service")
    position: int = 0


class LocationPart(OrukRecord):
    """A row that belongs to one location, in the publisher's order."""

    location_id: str = parent_fk("location")
    position: int = 0


class Organization(OrukRecord, table=True):
    __tablename__ = "organization"
    name: str = Field(max_length=300, index=True)
    description: str = ""
    email: str | None = Field(default=None, max_length=300)
    website: str | None = Field(default=None, max_length=1000)
    logo: str | None = Field(default=None, max_length=1000)
    uri: str | None = Field(default=None, max_length=1000)
    parent_organization_id: str | None = Field(default=None, max_length=64)
    publisher: str | None = Field(default=None, max_length=200)


class Service(OrukRecord, table=True):
    __tablename__ = "service"
    __table_args__ = (
        UniqueConstraint("publisher", "external_id", name="uq_service_publisher_external_id"),
        Index("ix_service_review_due", "review_due"),
    )
    organization_id: str | None = Field(
        default=None,
        sa_column=Column(String(64), ForeignKey("organization.id"), nullable=True, index=True),
    )
    # ORUK service properties
    name: str = Field(max_length=300)
    description: str = ""
    url: str | None = Field(default=None, max_length=1000)
    email: str | None = Field(default=None, max_length=300)
    status: str = Field(default="active", max_length=32, index=True)
    fees: str | None = None
    accreditations: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    assured_date: date | None = None
    assurer_email: str | None = Field(default=None, max_length=300)
    alert: str | None = None
    last_modified: datetime = Field(default_factory=utcnow, index=True)
    # Our fields: what a link worker needs that ORUK does not say directly
    needs: list = json_list()
    needs_overridden: bool = False  # a curator chose the needs: auto-tagging leaves them alone
    taxonomy_codes: list = json_list()  # free codes such as UKCAT tags, used for auto-tagging
    delivery: list = json_list()  # in_person / online / phone
    referral_routes: list = json_list()  # self / professional / drop_in
    eligibility: list = json_list()  # groups the service is restricted to; [] = open to all
    cost_band: str = Field(default="unknown", max_length=16)  # free / low_cost / paid / unknown
    area_wide: bool = False
    # From the understanding step (matching/understanding), unless a curator set them:
    residency: list = json_list()  # GSS codes of the local authorities it is restricted to
    wheelchair: str = Field(default="unknown", max_length=8)  # yes / no / unknown
    understanding: dict = json_dict()  # what was understood and why (values, confidence, evidence)
    curated: dict = json_dict()  # field -> value a curator chose; wins over the understood value
    schedule_text: str | None = None
    accepting_referrals: bool | None = None
    wait_weeks: float | None = None
    capacity_updated_at: datetime | None = None
    # Provenance
    publisher: str | None = Field(default=None, max_length=200)
    source: str | None = Field(default=None, max_length=500)
    external_id: str | None = Field(default=None, max_length=200)
    imported_at: datetime | None = None
    # Freshness
    last_verified_at: datetime | None = None
    last_verified_by: str | None = Field(default=None, max_length=120)
    review_due: date | None = None
    under_review: bool = False
    merged_into_id: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)

    organization: Organization | None = Relationship()
    schedules: list["Schedule"] = children("Schedule")
    cost_options: list["CostOption"] = children("CostOption")
    contacts: list["Contact"] = children("Contact")
    phones: list["Phone"] = children("Phone")
    service_areas: list["ServiceArea"] = children("ServiceArea")
    languages: list["Language"] = children("Language")
    service_at_locations: list["ServiceAtLocation"] = children("ServiceAtLocation")
    attributes: list["Attribute"] = children("Attribute")


class Location(OrukRecord, table=True):
    __tablename__ = "location"
    location_type: str = Field(default="physical", max_length=16)
    name: str | None = Field(default=None, max_length=300)
    description: str | None = None
    latitude: float | None = Field(default=None, index=True)
    longitude: float | None = None
    external_identifier: str | None = Field(default=None, max_length=200)
    external_identifier_type: str | None = Field(default=None, max_length=100)
    # Ours: normalised postcode, whether its point came from a district centroid, step-free access
    postcode: str | None = Field(default=None, max_length=10, index=True)
    geo_approximate: bool = False
    wheelchair: bool | None = None

    addresses: list["Address"] = children("Address")
    accessibility: list["Accessibility"] = children("Accessibility")


class ServiceAtLocation(ServicePart, table=True):
    __tablename__ = "service_at_location"
    location_id: str = Field(
        sa_column=Column(String(64), ForeignKey("location.id"), nullable=False, index=True)
    )

    location: Location = Relationship()


class Address(LocationPart, table=True):
    __tablename__ = "address"
    attention: str | None = None
    address_1: str = ""
    city: str = ""
    region: str | None = None
    state_province: str = ""
    postal_code: str = ""
    country: str = "GB"
    address_type: str = Field(default="physical", max_length=16)


class Accessibility(LocationPart, table=True):
    __tablename__ = "accessibility"
    description: str | None = None
    details: str | None = None
    url: str | None = None
    accessibility: str | None = None


class Schedule(ServicePart, table=True):
    __tablename__ = "schedule"
    service_at_location_id: str | None = Field(default=None, max_length=64)
    valid_from: date | None = None
    valid_to: date | None = None
    dtstart: date | None = None
    freq: str | None = Field(default=None, max_length=16)
    interval: int | None = None
    byday: str | None = Field(default=None, max_length=64)
    bymonthday: str | None = Field(default=None, max_length=100)
    description: str | None = None
    opens_at: time | None = None
    closes_at: time | None = None
    schedule_link: str | None = None
    attending_type: str | None = None
    notes: str | None = None


class CostOption(ServicePart, table=True):
    __tablename__ = "cost_option"
    valid_from: date | None = None
    valid_to: date | None = None
    option: str | None = None
    amount: float | None = None
    amount_description: str | None = None


class Contact(ServicePart, table=True):
    __tablename__ = "contact"
    name: str | None = None
    title: str | None = None


class Phone(ServicePart, table=True):
    __tablename__ = "phone"
    contact_id: str | None = Field(default=None, max_length=64)
    number: str = Field(max_length=60)
    description: str | None = None


class ServiceArea(ServicePart, table=True):
    __tablename__ = "service_area"
    name: str | None = None
    extent: str | None = None
    extent_type: str | None = None
    uri: str | None = None
    service_area: str | None = None


class Language(ServicePart, table=True):
    """HSDS 3's name, code and note live in ``extra`` when a feed sends them."""

    __tablename__ = "language"
    phone_id: str | None = Field(default=None, max_length=64)


class Taxonomy(OrukRecord, table=True):
    __tablename__ = "taxonomy"
    name: str = Field(max_length=200)
    description: str = ""
    uri: str | None = None
    version: str | None = None


class TaxonomyTerm(OrukRecord, table=True):
    __tablename__ = "taxonomy_term"
    name: str = Field(max_length=300)
    description: str = ""
    code: str | None = Field(default=None, max_length=100, index=True)
    parent_id: str | None = Field(default=None, max_length=64)
    taxonomy: str | None = Field(default=None, max_length=200)
    taxonomy_id: str | None = Field(default=None, max_length=64, index=True)
    term_uri: str | None = None
    term: str | None = None


class Attribute(ServicePart, table=True):
    __tablename__ = "attribute"
    link_id: str | None = Field(default=None, max_length=64)
    link_type: str | None = Field(default=None, max_length=100)
    taxonomy_term_id: str | None = Field(
        default=None,
        sa_column=Column(String(64), ForeignKey("taxonomy_term.id"), nullable=True, index=True),
    )

    taxonomy_term: TaxonomyTerm | None = Relationship()
