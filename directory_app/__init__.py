"""Community asset directory and matching service: the Flask app."""
from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1


class BoundedIntegerConverter(IntegerConverter):
    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)

from . import config as config_module


def create_app(config: dict | None = None) -> Flask:
    """Build the app. ``config`` overrides the environment (tests pass a plain dict)."""
    settings = config_module.from_environment()
    settings.update(config or {})
    settings = config_module.finalise(settings)

    app = Flask(__name__, instance_path=str(Path(settings["INSTANCE_PATH"]).resolve()),
                instance_relative_config=False)
    app.config.update(settings)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("MEILI_URL"):
        # Local mode: the launcher (make run) or the tests start the server and export its URL;
        # without one, health checks say search is down rather than the app failing to start.
        app.config["MEILI_URL"] = "http://127.0.0.1:7700"

    # Integer ids in URLs stop at the database's integer range: a larger one is simply not found,
    # rather than an error deep in the driver.
    app.url_map.converters["int"] = BoundedIntegerConverter

    from . import access, db, errors, health, security, templating
    from . import auth, cli
    from .search import indexing

    db.init_app(app)
    indexing.init_app(app)
    from .matchmaking import embeddings
    embeddings.init_app(app)  # the sentence-embedding model: app.extensions["embedder"], loaded lazily
    errors.init_app(app)
    security.init_app(app)
    access.init_app(app)
    templating.init_app(app)
    auth.init_app(app)
    app.register_blueprint(health.bp)
    from .api import bp as api_bp
    from .views import curation_pages, match_pages, search_pages
    app.register_blueprint(search_pages.bp)
    app.register_blueprint(curation_pages.bp)
    app.register_blueprint(match_pages.bp)
    app.register_blueprint(api_bp)
    from . import openreferral
    app.register_blueprint(openreferral.bp)
    from .reports import bp as reports_bp; app.register_blueprint(reports_bp)
    from .referrals import bp as referrals_bp
    app.register_blueprint(referrals_bp)
    from .directory import jobs as import_jobs
    import_jobs.init_app(app)
    cli.init_app(app)
    return app
