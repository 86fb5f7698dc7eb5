"""understanding: what was read from each service's record, the evidence, and curator overrides

Revision ID: 0008
Revises: 0007
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Defaults on the server as well, so existing rows get a valid value on both databases.
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.add_column(sa.Column("residency", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(
            sa.Column(
                "wheelchair",
                sqlmodel.sql.sqltypes.AutoString(length=8),
                nullable=False,
                server_default="unknown",
            )
        )
        batch_op.add_column(sa.Column("understanding", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("curated", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_column("curated")
        batch_op.drop_column("understanding")
        batch_op.drop_column("wheelchair")
        batch_op.drop_column("residency")
