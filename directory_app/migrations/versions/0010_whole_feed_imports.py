"""whole-feed imports: an import job can withdraw the publisher's services its file leaves out

Revision ID: 0010
Revises: 0009
"""

from alembic import op
import sqlalchemy as sa


revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("import_job") as batch:
        batch.add_column(sa.Column("whole_feed", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("import_job") as batch:
        batch.drop_column("whole_feed")
