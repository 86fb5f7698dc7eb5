"""First-run set-up for a local install: schema, seed data, search index, demo accounts.

Each step is idempotent, so ``make run`` can call them all every time.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from pathlib import Path

from flask import Flask
from sqlmodel import select

from . import db
from .auth.users import create_user
from .directory import rereading
from .models import ROLES, User
from .search import indexing
from .seed import load_all

SEED_DIR = Path(__file__).resolve().parent.parent / "seed_data"


def ensure_demo_accounts(app: Flask) -> list[tuple[str, str, str]]:
    """Create one demo account per role when none exists; return the new credentials."""
    created = []
    with db.session_scope(app) as session:
        for role in ROLES:
            username = f"demo_{role}"
            if session.exec(select(User).where(User.username == username)).first():
                continue
            password = secrets.token_urlsafe(9)
            create_user(session, username, password, role, actor="bootstrap")
            created.append((username, password, role))
    return created


def seed_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(SEED_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".csv", ".json"):
            digest.update(path.relative_to(SEED_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def load_seed(app: Flask, force: bool = False) -> dict:
    """Load seed_data/ unless the same files were already loaded into this database."""
    marker = Path(app.instance_path) / "seed_loaded.json"
    fingerprint = seed_fingerprint()
    database = app.config["DATABASE_URL"]
    if not force and marker.exists():
        previous = json.loads(marker.read_text())
        if previous.get("fingerprint") == fingerprint and previous.get("database") == database:
            return {"skipped": True}
    with app.app_context():
        # The index exists before the seed's changes flow to it (otherwise each is refused,
        # parked and rebuilt, with a warning per service on a first start).
        indexing.ensure_index(app)
    summary = load_all(app)
    marker.write_text(json.dumps({"fingerprint": fingerprint, "database": database}))
    rereading.remember_reader(app)
    return summary
