"""People who use the service (staff, never patients) and their API tokens."""

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import utcnow

ROLES = ("navigator", "link_worker", "curator", "commissioner", "admin")


class User(SQLModel, table=True):
    __tablename__ = "app_user"
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=80, unique=True, index=True)
    password_hash: str = Field(max_length=300)
    role: str = Field(max_length=20)
    active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime | None = None
    # Copied into the session cookie at login; raising it (logout, password change, disabling)
    # makes every cookie issued before that worthless, although its signature is still valid.
    session_version: int = 0


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_token"
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(
        sa_column=Column(Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    # Only a SHA-256 of the token is kept: a leaked database does not leak working tokens.
    token_hash: str = Field(max_length=64, unique=True, index=True)
    prefix: str = Field(max_length=12)
    created_at: datetime = Field(default_factory=utcnow)
    last_used_at: datetime | None = None
    revoked: bool = False


class LoginThrottle(SQLModel, table=True):
    """Failed logins per (account, address): growing delays for that pair only, so a stranger
    guessing from elsewhere slows themselves down but never locks the real person out."""

    __tablename__ = "login_throttle"
    __table_args__ = (UniqueConstraint("username", "address", name="uq_login_throttle_pair"),)
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=80, index=True)
    address: str = Field(max_length=64)
    failures: int = 0
    blocked_until: datetime | None = None
    updated_at: datetime = Field(default_factory=utcnow)
