"""JSON API under /api/v1. Every route declares its access rule; errors share one shape."""
from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from . import directory, match, openapi, search  # noqa: E402,F401  (registers routes)
