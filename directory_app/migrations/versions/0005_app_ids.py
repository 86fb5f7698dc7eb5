"""app ids: parked search changes; services whose id came unsafe from a feed get one of ours

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 10:45:00

Before this revision an imported service kept its publisher's id as ours. Ids that Meilisearch
refuses (anything but letters, digits, ``-`` and ``_``) or that could travel into a URL path are
moved to a fresh UUID; every row pointing at the old id follows it, and the publisher's id stays
in ``external_id``. Safe ids are left alone, so existing links keep working.
"""

import re
import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# (table, column) pairs that hold a service id.
SERVICE_REFERENCES = (
    ("service_at_location", "service_id"),
    ("schedule", "service_id"),
    ("cost_option", "service_id"),
    ("contact", "service_id"),
    ("phone", "service_id"),
    ("service_area", "service_id"),
    ("language", "service_id"),
    ("attribute", "service_id"),
    ("service", "merged_into_id"),
    ("search_outbox", "service_id"),
    ("problem_report", "service_id"),
    ("duplicate_flag", "service_id"),
    ("duplicate_flag", "other_id"),
    ("referral", "service_id"),
)


def upgrade() -> None:
    with op.batch_alter_table("search_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_search_outbox_parked_at"), ["parked_at"], unique=False)
    _move_unsafe_service_ids()


def _move_unsafe_service_ids() -> None:
    bind = op.get_bind()
    unsafe = [row[0] for row in bind.execute(sa.text("SELECT id FROM service")) if not SAFE_ID.match(row[0])]
    if not unsafe:
        return
    columns = [c["name"] for c in sa.inspect(bind).get_columns("service")]
    tables = set(sa.inspect(bind).get_table_names())
    for old in unsafe:
        new = str(uuid.uuid4())
        external_id = bind.execute(
            sa.text("SELECT external_id FROM service WHERE id = :old"), {"old": old}
        ).scalar()
        # Plain SQL copies every column as stored, whatever its type; the copy takes the
        # (publisher, external_id) pair, so the original lets go of it first.
        bind.execute(sa.text("UPDATE service SET external_id = NULL WHERE id = :old"), {"old": old})
        chosen = ", ".join(
            ":new" if c == "id" else (":external_id" if c == "external_id" else c) for c in columns
        )
        bind.execute(
            sa.text(
                f"INSERT INTO service ({', '.join(columns)}) SELECT {chosen} FROM service WHERE id = :old"
            ),
            {"new": new, "old": old, "external_id": external_id},
        )
        for table, column in SERVICE_REFERENCES:
            if table in tables:
                bind.execute(
                    sa.text(f"UPDATE {table} SET {column} = :new WHERE {column} = :old"),
                    {"new": new, "old": old},
                )
        if "audit_event" in tables:
            bind.execute(
                sa.text(
                    "UPDATE audit_event SET entity_id = :new "
                    "WHERE entity_type = 'service' AND entity_id = :old"
                ),
                {"new": new, "old": old},
            )
        bind.execute(sa.text("DELETE FROM service WHERE id = :old"), {"old": old})
        if "search_outbox" in tables:
            bind.execute(
                sa.text(
                    "INSERT INTO search_outbox (service_id, created_at, attempts) VALUES (:id, :at, 0)"
                ).bindparams(sa.bindparam("at", type_=sqlmodel.sql.sqltypes.UTCDateTime())),
                {"id": new, "at": datetime.now(timezone.utc)},
            )


def downgrade() -> None:
    # Moved ids stay moved: the old ones were never valid search document ids.
    with op.batch_alter_table("search_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_outbox_parked_at"))
        batch_op.drop_column("parked_at")
