"""Placeholder home until the search pages arrive."""
from flask import Blueprint, render_template

from ..access import access

bp = Blueprint("search", __name__)


@bp.route("/")
@access("public")
def index():
    return render_template("home.html")
