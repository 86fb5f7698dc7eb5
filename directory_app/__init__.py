"""Community asset directory and matching service: the Flask app."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.routing import IntegerConverter

from . import access, auth, cli, db, errors, fitted_models, health, referrals, security, services, templating
from . import config as config_module
from .auth import views as auth_views  # noqa: F401  (adds the login pages to auth.bp)
from .directory import api as directory_api  # noqa: F401  (adds its routes to the API blueprint)
from .directory import jobs as import_jobs
from .directory import pages as curation_pages
from .matchmaking import api as match_api  # noqa: F401
from .matchmaking import embeddings
from .matchmaking import pages as match_pages
from .openreferral import api as openreferral_api
from .providers import pages as provider_pages
from .referrals import api as referrals_api  # noqa: F401  (adds its routes to referrals.bp)
from .referrals import pages as referrals_pages  # noqa: F401
from .reports import pages as reports_pages
from .search import api as search_api  # noqa: F401
from .search import indexing
from .search import pages as search_pages
from .web import api as web_api
from .web import openapi  # noqa: F401  (the OpenAPI document's own route)

MAX_ID = 2**31 - 1


class BoundedIntegerConverter(IntegerConverter):
    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def create_app(config: dict | None = None) -> Flask:
    """Build the app. ``config`` overrides the environment (tests pass a plain dict)."""
    settings = config_module.from_environment()
    settings.update(config or {})
    settings = config_module.finalise(settings)

    app = Flask(
        __name__, instance_path=str(Path(settings["INSTANCE_PATH"]).resolve()), instance_relative_config=False
    )
    app.config.update(settings)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("MEILI_URL"):
        # Local mode: the launcher (make run) or the tests start the server and export its URL;
        # without one, health checks say search is down rather than the app failing to start.
        app.config["MEILI_URL"] = "http://127.0.0.1:7700"

    # Integer ids in URLs stop at the database's integer range: a larger one is simply not found,
    # rather than an error deep in the driver.
    app.url_map.converters["int"] = BoundedIntegerConverter

    fitted = app.config.get("FITTED_MODELS")
    fitted_models.keep_in(
        None if fitted == "off" else Path(fitted or Path(app.instance_path) / "fitted-models")
    )
    db.init_app(app)
    indexing.init_app(app)
    embeddings.init_app(app)  # the sentence-embedding model: app.extensions["embedder"], loaded lazily
    services.init_app(app)  # the search index and the model, handed to the domain functions
    errors.init_app(app)
    security.init_app(app)
    access.init_app(app)
    templating.init_app(app)
    auth.init_app(app)
    app.register_blueprint(health.bp)
    for pages in (search_pages, curation_pages, match_pages, openreferral_api, reports_pages, referrals):
        app.register_blueprint(pages.bp)
    app.register_blueprint(provider_pages.bp)
    # The JSON API is one blueprint under /api/v1; each job's api module adds its routes to it on
    # import (above), so it is registered after all of them.
    app.register_blueprint(web_api.bp)
    import_jobs.init_app(app)
    cli.init_app(app)
    return app
