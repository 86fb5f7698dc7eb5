from __future__ import annotations

from flask import jsonify

from ..access import access
from ..db import get_session
from ..security import configured_limit, limiter
from ..services import services
from ..web import schemas
from ..web.api import bp, json_body
from ..web.openapi import spec
from .schemas import MatchRequest
from .service import run_match


@bp.post("/match")
@access("link_worker")
@limiter.limit(configured_limit("MATCH_RATE_LIMIT"))
@spec("Rank services for a person and explain each match", body=MatchRequest, ok=schemas.MatchResponse)
def match_services():
    """Rank services for a person's goals, needs, place and constraints; explain each match."""
    return jsonify(run_match(get_session(), services(), json_body()))
