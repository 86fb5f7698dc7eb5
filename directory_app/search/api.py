from __future__ import annotations

from flask import jsonify, request

from ..access import access
from ..security import configured_limit, limiter
from ..services import services
from ..web import schemas
from ..web.api import bp
from ..web.openapi import spec
from . import service as query


@bp.get("/services")
@access("public")
@limiter.limit(configured_limit("SEARCH_RATE_LIMIT"))
@spec("Search the directory", query=query.SearchQuery, ok=schemas.SearchResponse)
def search_services():
    """Search the directory: q, need, postcode or lat+lng, radius_km, age, free_only, day, delivery,
    wheelchair, page, per_page."""
    params = query.parse_params(request.args)
    return jsonify(query.search(services().index, params))
