"""Curator pages (to be filled in): forms and queues over directory.curation."""
from flask import Blueprint

bp = Blueprint("curation", __name__, url_prefix="/curate")
