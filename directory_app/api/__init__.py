"""JSON API under /api/v1. Every route declares its access rule; errors share one shape."""
from flask import Blueprint, request

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def json_body() -> dict:
    """The request's JSON object, or a 400 that says what was expected."""
    from ..errors import ValidationError

    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ValidationError("Send a JSON object with Content-Type: application/json.",
                              {"body": "Expected a JSON object."})
    return data


from . import directory, match, openapi, search  # noqa: E402,F401  (registers routes)
