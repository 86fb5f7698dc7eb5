"""sessions and logins: per-user session version, per-(account, address) login throttle, issued
case references

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 10:50:00
"""

import secrets

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Kept here rather than imported: a migration must not change when the app's code does.
_ALPHABET = "CDFGHJKMNPQRTVWXY3479"
_ISSUED = r"^CR-[CDFGHJKMNPQRTVWXY3479]{6}$"


def _issued(value: str) -> bool:
    import re

    return bool(re.match(_ISSUED, value or ""))


def _rekey_case_references() -> None:
    """Case references used to be free text, and some held names. Replace every one that is not
    an issued code with a fresh code, in referrals and wellbeing scores alike, so that no typed
    reference survives the upgrade."""
    bind = op.get_bind()
    pairs = set()
    for table in ("referral", "wellbeing_score"):
        for owner, reference in bind.execute(sa.text(f"SELECT DISTINCT owner, case_reference FROM {table}")):
            if not _issued(reference):
                pairs.add((owner, reference))
    taken = {row[0] for row in bind.execute(sa.text("SELECT DISTINCT case_reference FROM referral"))}
    for owner, reference in sorted(pairs):
        code = None
        while code is None or code in taken:
            code = "CR-" + "".join(secrets.choice(_ALPHABET) for _ in range(6))
        taken.add(code)
        for table in ("referral", "wellbeing_score"):
            bind.execute(
                sa.text(
                    f"UPDATE {table} SET case_reference = :code "
                    "WHERE owner = :owner AND case_reference = :reference"
                ),
                {"code": code, "owner": owner, "reference": reference},
            )


def upgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_version", sa.Integer(), nullable=False, server_default="0"))

    op.create_table(
        "login_throttle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("address", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("blocked_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username", "address", name="uq_login_throttle_pair"),
    )
    with op.batch_alter_table("login_throttle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_throttle_username"), ["username"], unique=False)

    _rekey_case_references()


def downgrade() -> None:
    # Re-keyed case references cannot be restored: the old free text is gone on purpose.
    with op.batch_alter_table("login_throttle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_throttle_username"))
    op.drop_table("login_throttle")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_column("session_version")
