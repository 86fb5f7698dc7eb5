"""JSON API under /api/v1. Every route declares its access rule; errors share one shape."""

from flask import Blueprint, request

from ..errors import ValidationError
from .input_checks import request_json

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def json_body() -> dict:
    """The request's JSON object, or a 400/413 that says what was wrong: not an object, too large,
    nested too deeply, a non-finite number or a control character (see input_checks)."""
    if not request.is_json:
        raise ValidationError(
            "Send a JSON object with Content-Type: application/json.", {"body": "Expected a JSON object."}
        )
    data = request_json()
    if not isinstance(data, dict):
        raise ValidationError(
            "Send a JSON object with Content-Type: application/json.", {"body": "Expected a JSON object."}
        )
    return data
