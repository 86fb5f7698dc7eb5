"""Offline geography: unit postcodes and postcode districts."""

from sqlmodel import Field, SQLModel


class Postcode(SQLModel, table=True):
    __tablename__ = "postcode"
    postcode: str = Field(primary_key=True, max_length=8)
    latitude: float
    longitude: float
    lsoa21cd: str | None = Field(default=None, max_length=9, index=True)
    ward_code: str | None = Field(default=None, max_length=9)
    ward_name: str | None = Field(default=None, max_length=120)
    la_code: str | None = Field(default=None, max_length=9)


class PostcodeDistrict(SQLModel, table=True):
    __tablename__ = "postcode_district"
    outcode: str = Field(primary_key=True, max_length=4)
    latitude: float
    longitude: float
