"""Shared fixtures.

Side-effect fixtures: ``meili`` (a real Meilisearch for the session, or MEILI_URL), ``app`` (a fresh
database with migrations applied and empty indexes, per test).
Value fixtures: ``client``, ``runner``.
Factory fixtures: ``make_user``, ``login_as``, ``make_service`` (through the domain layer).
"""

from __future__ import annotations

import atexit
import fcntl
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import uuid
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from directory_app import create_app, db, meili_server
from directory_app.services import services
from tests.browser.conftest import CHROMIUM_FLAGS


@pytest.fixture(scope="session")
def meili(tmp_path_factory):
    """A real Meilisearch server: the one at MEILI_URL, or our own on a free port."""
    if os.environ.get("MEILI_URL"):
        yield {"url": os.environ["MEILI_URL"], "key": os.environ.get("MEILI_MASTER_KEY"), "server": None}
        return
    key = uuid.uuid4().hex
    data = tmp_path_factory.mktemp("meili")
    server = meili_server.start(data, key, log_path=data / "meili.log")
    yield {"url": server.url, "key": key, "server": server}
    server.stop()


@pytest.fixture(scope="session")
def postgres_url():
    """TEST_DATABASE_URL, or a throwaway cluster when TEST_DB=postgresql; None for SQLite runs."""
    if os.environ.get("TEST_DATABASE_URL"):
        yield os.environ["TEST_DATABASE_URL"]
        return
    if os.environ.get("TEST_DB") != "postgresql":
        yield None
        return
    from tests.pg_cluster import Cluster

    cluster = Cluster()
    try:
        yield cluster.start()
    finally:
        cluster.stop()


@pytest.fixture
def database_url(tmp_path, postgres_url):
    """A database of the test's own: a SQLite file, or on our throwaway PostgreSQL cluster a
    database created from a migrated template (dropped afterwards); on TEST_DATABASE_URL, that
    database, emptied by ``fresh_app``."""
    if postgres_url is None:
        yield f"sqlite:///{tmp_path / 'test.db'}"
    elif os.environ.get("TEST_DATABASE_URL"):
        yield postgres_url
    else:
        name = f"t_{uuid.uuid4().hex[:12]}"
        _postgres(postgres_url, f'CREATE DATABASE "{name}" TEMPLATE "{_postgres_template(postgres_url)}"')
        url = postgres_url.rsplit("/", 1)[0] + "/" + name
        _MIGRATED_COPIES.add(url)
        yield url
        _MIGRATED_COPIES.discard(url)
        _postgres(postgres_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)


def _postgres_template(postgres_url: str) -> str:
    """A database with every migration applied, made once per process, for CREATE DATABASE ...
    TEMPLATE: much quicker than migrating each test's database."""
    if postgres_url not in _PG_TEMPLATES:
        from alembic import command

        name = f"migrated_{uuid.uuid4().hex[:8]}"
        _postgres(postgres_url, f'CREATE DATABASE "{name}"')
        url = postgres_url.rsplit("/", 1)[0] + "/" + name
        engine = db.make_engine(url)
        with engine.begin() as connection:
            config = db.alembic_config(url)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        engine.dispose()  # a template database must have no connections
        _PG_TEMPLATES[postgres_url] = name
    return _PG_TEMPLATES[postgres_url]


def _postgres_copy(url: str, template: str) -> str:
    """A new database on ``url``'s server made from ``template``; returns its URL."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    _postgres(url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return url.rsplit("/", 1)[0] + "/" + name


def _postgres_seeded_template(url: str, meili: dict) -> str:
    """A migrated database with the seed directory loaded, made once per process; its index is
    dropped, and each copy's is rebuilt by ``reindex`` (the vectors are in this process's cache)."""
    key = "seeded " + url.rsplit("/", 1)[0]
    if key not in _PG_TEMPLATES:
        import meilisearch

        from directory_app.search import indexing

        template_url = _postgres_copy(url, _postgres_template(url))
        directory = _template_dir("pg-seeded-")
        prefix = f"t{uuid.uuid4().hex[:10]}"
        app = _test_app(directory, meili, template_url, prefix)
        try:
            indexing.apply_settings(app)
            _load_seed_once_per_run(app)
        finally:
            _drop_test_indexes(meilisearch.Client(meili["url"], meili["key"]), prefix)
            db.get_engine(app).dispose()  # a template database must have no connections
        _PG_TEMPLATES[key] = template_url.rsplit("/", 1)[1]
    return _PG_TEMPLATES[key]


def _drop_test_indexes(client, prefix: str) -> None:
    for index in client.get_indexes({"limit": 1000})["results"]:
        if index.uid.startswith(prefix):
            client.wait_for_task(
                client.delete_index(index.uid).task_uid, timeout_in_ms=60_000, interval_in_ms=10
            )


@contextmanager
def fresh_app(
    directory: Path, meili: dict, database_url: str, seeded: bool = False, search_index: str = "meilisearch"
):
    """A fresh app on a fresh database (migrated) and its own empty indexes; with ``seeded``, the
    real seed directory loaded and indexed. Indexes are dropped afterwards. ``search_index="memory"``
    for tests that are not about search: the in-memory index honours the same contract
    (tests/search/test_index_contract.py) without a round trip to Meilisearch for every save.

    On SQLite the database starts as a copy of one migrated (or seeded) once per process, and a
    seeded app's index is rebuilt from its copy, which is the same outcome without re-running every
    migration and the whole seed import for each app."""
    import meilisearch

    from directory_app.search import indexing

    prefix = f"t{uuid.uuid4().hex[:10]}"
    # On our throwaway cluster a seeded app gets a database of its own made from a seeded template,
    # as on SQLite: loading the seed once per process instead of once per seeded app.
    seeded_copy, server_url = None, database_url
    if seeded and database_url.startswith("postgresql") and not os.environ.get("TEST_DATABASE_URL"):
        seeded_copy = _postgres_copy(database_url, _postgres_seeded_template(database_url, meili))
        database_url = seeded_copy
    copied = seeded_copy is not None or (
        _sqlite_path(database_url) is not None and not _sqlite_path(database_url).exists()
    )
    if copied and seeded_copy is None:
        _copy_sqlite(_seeded_template(meili) if seeded else _migrated_template(), _sqlite_path(database_url))
    app = _test_app(directory, meili, database_url, prefix, search_index)
    in_memory = services(app).index if search_index == "memory" else None
    try:
        if database_url in _MIGRATED_COPIES or seeded_copy is not None:
            _MIGRATED_COPIES.discard(database_url)  # a second app on it starts empty again
        else:
            _reset_database(app)
        db.upgrade(app)  # nothing to do on a copy: it checks the revision
        indexing.apply_settings(app)
        if seeded and copied:
            indexing.reindex(app)  # the seed's vectors are in this process's embedding cache
        elif seeded:
            _load_seed(app)
        if seeded:
            indexing.wait_until_idle(app)
        yield app
    finally:
        if in_memory is not None:
            in_memory.drop()
        _drop_test_indexes(meilisearch.Client(meili["url"], meili["key"]), prefix)
        db.get_engine(app).dispose()
        if seeded_copy is not None:
            _postgres(server_url, f'DROP DATABASE IF EXISTS "{seeded_copy.rsplit("/", 1)[1]}" WITH (FORCE)')


def shared_vector_store() -> str:
    """One store of sentence vectors for every app of the run (make test shares one between its
    halves through TEST_VECTOR_STORE): each service text is encoded once per run, not per app."""
    if "vectors" not in _TEMPLATES:
        shared = os.environ.get("TEST_VECTOR_STORE")
        _TEMPLATES["vectors"] = Path(shared) if shared else _template_dir("vectors-") / "vectors.sqlite3"
    return str(_TEMPLATES["vectors"])


TEST_PASSWORD_HASH = "pbkdf2:sha256:1000"


def _test_app(
    directory: Path, meili: dict, database_url: str, prefix: str, search_index: str = "meilisearch"
):
    return create_app(
        {
            "SEARCH_INDEX": search_index,
            "VECTOR_STORE": shared_vector_store(),
            "FITTED_MODELS": shared_fitted_models(),
            # make test runs three suites and three Meilisearch servers on two cores: a request
            # may wait its turn longer than the 5 s a live site allows.
            "MEILI_TIMEOUT_SECONDS": 15,
            "TESTING": True,
            "INSTANCE_PATH": str(directory / "instance"),
            "DATABASE_URL": database_url,
            "MEILI_URL": meili["url"],
            "MEILI_MASTER_KEY": meili["key"],
            "MEILI_INDEX_PREFIX": prefix,
            "SECRET_KEY": "test-secret-key-" + "x" * 32,
            "RATELIMIT_ENABLED": False,
            # A test database never outlives a power cut: no fsync on each commit (the suite's
            # SQLite processes spent about a sixth of their time waiting for the disk).
            "SQLITE_SYNCHRONOUS": "OFF",
            # Real hashing at a test's work factor: scrypt's ~0.1 s a hash was about a minute of
            # the suite's CPU (tests/foundation checks that the app's own default is scrypt).
            "PASSWORD_HASH_METHOD": TEST_PASSWORD_HASH,
        }
    )


def shared_fitted_models() -> str:
    """One folder of fitted need classifiers for every app of the run and the `flask` commands
    tests start (make test shares one between its processes through TEST_FITTED_MODELS): each is
    fitted once per run, by whichever process needs it first."""
    if "fitted" not in _TEMPLATES:
        shared = os.environ.get("TEST_FITTED_MODELS")
        _TEMPLATES["fitted"] = Path(shared) if shared else _template_dir("fitted-")
    return str(_TEMPLATES["fitted"])


def _load_seed(app) -> None:
    from directory_app.search import indexing
    from directory_app.seed import load_all

    report = load_all(app)
    assert report["directory"]["failed"] == 0, report
    indexing.wait_until_idle(app)


@contextmanager
def _seed_lock():
    """make test's processes start together: one loads the seed (encoding it into the shared
    vector store) while the others wait, then they reuse what it wrote."""
    with open(shared_vector_store() + ".seed-lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _load_seed_once_per_run(app) -> None:
    with _seed_lock():
        _load_seed(app)


# SQLite databases made once per process and copied for each app: one with every migration
# applied, one with the seed directory loaded too. A copy shares nothing with its template.
_TEMPLATES: dict[str, Path] = {}
# On PostgreSQL: the migrated template database's name, and databases just created from it.
_PG_TEMPLATES: dict[str, str] = {}
_MIGRATED_COPIES: set[str] = set()


def _sqlite_path(database_url: str) -> Path | None:
    return Path(database_url.removeprefix("sqlite:///")) if database_url.startswith("sqlite:///") else None


def _copy_sqlite(source: Path, target: Path) -> None:
    # SQLite's backup API rather than a file copy: it also carries anything still in the WAL.
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)


def _template_dir(prefix: str) -> Path:
    directory = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, directory, True)
    return directory


def _migrated_template() -> Path:
    if "migrated" not in _TEMPLATES:
        from alembic import command

        path = _template_dir("migrated-") / "migrated.db"
        engine = db.make_engine(f"sqlite:///{path}", sqlite_synchronous="OFF")
        with engine.begin() as connection:
            config = db.alembic_config(f"sqlite:///{path}")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        engine.dispose()
        _TEMPLATES["migrated"] = path
    return _TEMPLATES["migrated"]


def _seeded_template(meili: dict) -> Path:
    """make test's two SQLite processes share one seeded database (beside the shared vector
    store): the first to get the seed lock loads the seed, the other copies what it wrote."""
    if "seeded" not in _TEMPLATES:
        import meilisearch

        from directory_app.search import indexing

        directory = _template_dir("seeded-")
        path = directory / "seeded.db"
        shared = (
            Path(os.environ["TEST_VECTOR_STORE"] + ".seeded.db")
            if os.environ.get("TEST_VECTOR_STORE")
            else None
        )
        with _seed_lock():
            if shared is not None and shared.exists():
                _copy_sqlite(shared, path)
            else:
                _copy_sqlite(_migrated_template(), path)
                prefix = f"t{uuid.uuid4().hex[:10]}"
                app = _test_app(directory, meili, f"sqlite:///{path}", prefix)
                try:
                    indexing.apply_settings(app)
                    _load_seed(app)
                finally:
                    _drop_test_indexes(meilisearch.Client(meili["url"], meili["key"]), prefix)
                    db.get_engine(app).dispose()
                if shared is not None:
                    # Whole or absent: the other process must never copy a half-written file.
                    _copy_sqlite(path, shared.with_suffix(".part"))
                    os.replace(shared.with_suffix(".part"), shared)
        _TEMPLATES["seeded"] = path
    return _TEMPLATES["seeded"]


@pytest.fixture
def search_index_kind() -> str:
    """The app fixture's search index: the real Meilisearch, unless a folder's conftest says its
    tests are not about search ("memory")."""
    return "meilisearch"


@pytest.fixture
def app(tmp_path, meili, database_url, search_index_kind):
    with fresh_app(tmp_path, meili, database_url, search_index=search_index_kind) as app:
        yield app


def _reset_database(app) -> None:
    """PostgreSQL test databases are shared between tests: start each test from an empty schema."""
    engine = db.get_engine(app)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_user(app):
    from directory_app.auth.users import create_user

    def factory(role: str, username: str | None = None, password: str = "correct-horse-battery"):
        username = username or f"{role}_{uuid.uuid4().hex[:6]}"
        with app.app_context(), db.session_scope(app) as session:
            create_user(session, username, password, role)
        return username, password

    return factory


@pytest.fixture
def token_for(app, make_user):
    from directory_app.auth.users import create_token

    def factory(role: str) -> str:
        username, _ = make_user(role)
        with db.session_scope(app) as session:
            return create_token(session, username)

    return factory


@pytest.fixture
def login_as(app, client, make_user):
    """Log the test client in through the real login form (CSRF token included)."""

    def factory(role: str):
        username, password = make_user(role)
        token = csrf_token(client, "/login")
        response = client.post(
            "/login", data={"username": username, "password": password, "csrf_token": token}
        )
        assert response.status_code == 302, response.data
        return username

    return factory


def csrf_token(client, path: str) -> str:
    import re

    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


ON_POSTGRESQL = os.environ.get("TEST_DB") == "postgresql" or bool(os.environ.get("TEST_DATABASE_URL"))
# Quality measures and browser walks read the same whichever database is below them; the PostgreSQL
# half of make test is there for the database-facing behaviour, which other tests cover on both.
once = pytest.mark.skipif(ON_POSTGRESQL, reason="run on SQLite only: the same on either database")
# make test runs its PostgreSQL half beside two SQLite processes and says so (TEST_HALVES=1); that
# half has time to spare, so some measures that read the same on either database run there
# instead of on SQLite. Run on their own, they run on SQLite as ``once`` does.
IN_HALVES = os.environ.get("TEST_HALVES") == "1"
once_in_postgresql_half = pytest.mark.skipif(
    ON_POSTGRESQL != IN_HALVES, reason="the same on either database: run once, in the half make test gives it"
)

SEED_DIR = Path(__file__).resolve().parent.parent / "seed_data"


# A few real Trafford postcodes (ONSPD 2025) and districts, enough for tests that need places.
TEST_POSTCODES = [
    ("M33 7ZZ", 53.4236, -2.3221),
    ("M32 0SQ", 53.4480, -2.3060),
    ("WA14 1PF", 53.3870, -2.3500),
    ("M41 0WS", 53.4490, -2.3620),
    ("M16 0LN", 53.4580, -2.2760),
]
TEST_DISTRICTS = [
    ("M33", 53.4210, -2.3170),
    ("M32", 53.4500, -2.3050),
    ("WA14", 53.3880, -2.3600),
    ("M41", 53.4520, -2.3600),
    ("M16", 53.4560, -2.2720),
    ("SW1A", 51.5010, -0.1420),
]


@pytest.fixture
def places(app):
    """Side-effect fixture: load the test postcodes and districts."""
    load_places(app)


def load_places(app) -> None:
    from directory_app.directory import geo
    from directory_app.models import Postcode

    with db.session_scope(app) as session:
        for postcode, lat, lng in TEST_POSTCODES:
            session.add(Postcode(postcode=postcode, latitude=lat, longitude=lng, la_code="E08000009"))
        session.commit()
        geo.import_districts(session, TEST_DISTRICTS)


def search_down(app, url: str = "http://127.0.0.1:9") -> None:
    """Point the app's search index at a port nothing listens on, as an outage would."""
    import dataclasses

    from directory_app.services import search_index_for, services

    app.config["MEILI_URL"] = url
    app.config["SEARCH_INDEX"] = "meilisearch"
    app.extensions["services"] = dataclasses.replace(services(app), index=search_index_for(app.config))


def match_on(app, data: dict, record: bool = True) -> dict:
    """run_match as a request runs it: on a session of its own, with the app's services."""
    from directory_app.matchmaking.service import run_match
    from directory_app.services import services

    with db.session_scope(app) as session:
        return run_match(session, services(app), data, record=record)


def scorer_of(app):
    from directory_app.matchmaking.scorer import active_scorer

    with db.session_scope(app) as session:
        return active_scorer(session)


# A free adults' phone line with no venue and no timetable: add a name, needs and a description.
PHONE_LINE = dict(
    postcode=None, delivery="phone", area_wide="yes", minimum_age=18, cost="free", schedule=None
)


def service_data(**overrides) -> dict:
    data = {
        "name": "Sale Lunch Club",
        "organization": "Age UK Trafford",
        "description": "A friendly luncheon club for older people who feel lonely.",
        "postcode": "M33 7ZZ",
        "cost": "low_cost",
        "cost_amount": 3.5,
        "cost_description": "per lunch",
        "schedule": "TU,TH 11:30-13:30",
        "referral_route": "self;drop_in",
        "minimum_age": 60,
        "wheelchair": "yes",
    }
    data.update(overrides)
    return data


@pytest.fixture
def make_service(app, places):
    """Factory: create a service through the curation domain layer."""
    from directory_app.directory.service import create_service

    def factory(**overrides):
        with db.session_scope(app) as session:
            return create_service(session, service_data(**overrides), actor="test").id

    return factory


# --- browser: one Chromium for the whole session (Playwright's sync API allows one per thread) ---


@pytest.fixture
def live_server(app):
    app.config["WTF_CSRF_SSL_STRICT"] = False
    server = make_server("127.0.0.1", meili_server.free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # Our CSP forbids inline script, which is how axe-core is injected; the CSP itself is tested
    # separately, so the audit context may bypass it.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def in_browser(browser):
    """Factory: ``in_browser(steps, bypass_csp=True)`` runs ``steps(page)`` in a fresh context of the
    session's browser. axe-core is injected as inline script, so audits bypass the CSP; pass
    ``bypass_csp=False`` to see the page under the real policy."""

    def run(steps, bypass_csp: bool = True) -> None:
        context = browser.new_context(bypass_csp=bypass_csp)
        try:
            page = context.new_page()
            page.set_default_timeout(10_000)
            steps(page)
        finally:
            context.close()

    return run


def start_cli_import(
    app, feed, publisher: str, batch_size: int, output=subprocess.DEVNULL
) -> subprocess.Popen:
    """`flask import` in its own process on the test app's database and index, so a test can kill
    it part-way through as a crash or a deploy would."""
    env = {
        **os.environ,
        "DATABASE_URL": app.config["DATABASE_URL"],
        "MEILI_URL": app.config["MEILI_URL"],
        "MEILI_MASTER_KEY": app.config["MEILI_MASTER_KEY"],
        "MEILI_INDEX_PREFIX": app.config["MEILI_INDEX_PREFIX"],
        "INSTANCE_PATH": app.config["INSTANCE_PATH"],
        "FITTED_MODELS": app.config["FITTED_MODELS"],
        "SECRET_KEY": app.config["SECRET_KEY"],
        "IMPORT_BATCH_SIZE": str(batch_size),
    }
    command = [
        sys.executable,
        "-m",
        "flask",
        "--app",
        "directory_app",
        "import",
        str(feed),
        "--publisher",
        publisher,
    ]
    stderr = subprocess.STDOUT if output == subprocess.PIPE else subprocess.DEVNULL
    return subprocess.Popen(command, env=env, stdout=output, stderr=stderr)
