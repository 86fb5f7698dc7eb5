"""Commissioner pages: overview table, map, charts, area drill-down and exports.

Every page is a GET with its filters in the query string, so sorting, filtering and paging work
without JavaScript and any view can be bookmarked or shared. The map adds Leaflet on top of a
table holding the same figures.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, render_template, request, url_for

from ..access import access
from ..db import get_session
from ..needs import taxonomy
from ..security import CSP
from ..services import services
from . import areas as geo
from . import charts as charting
from . import export as exporting
from . import service

bp = Blueprint("reports", __name__, url_prefix="/reports")
PER_PAGE = 50
COLUMNS = [  # (sort key, heading, numeric)
    ("area", "Area", False),
    ("need", "Need", False),
    ("population", "Population", True),
    ("imd", "IMD decile", True),
    ("local", "Local services within reach", True),
    ("nearest", "Nearest (km)", True),
    ("remote", "Remote options", True),
    ("requests", "Requests", True),
    ("unmet", "Unmet requests", True),
    ("priority", "Priority", True),
]


def method_notes(area_type: str, region: geo.Geography | None = None) -> dict:
    """How the figures are worked out, in plain words for the pages; the formula is kept for a
    disclosure. (The CSV/JSON exports keep their column-named notes: there the names are the point.)"""
    region = region or geo.geography()
    kind = geo.AREA_TYPE_NOUNS[area_type]
    steps = [
        exporting.region_note(region),
        f"Local services within reach: services for the need that people go to in person, with a venue "
        f"close enough to the middle of the {kind}. Close enough depends on the need: for example 3 km "
        "for loneliness groups, 10 km for addiction recovery.",
        "Nearest: how far it is from the middle of the area to the nearest such venue, however far.",
        f"Remote options: phone, online and area-wide services that cover the {kind}. They are counted "
        "separately, because a helpline is not the same as a group down the road.",
        geo.demand_note(area_type, region)
        + ' Counts of requests from 1 to 4 are shown as "<5" to protect privacy.',
        "Priority puts three things together: how little is within reach (counts most), how deprived the "
        "area is, and how often link workers found nothing suitable there. Priority 5 is the fifth of "
        "areas most in need of attention for that need.",
        "Population: mid-2015 estimates. Deprivation: English Indices of Deprivation 2025; decile 1 is the "
        "most deprived 10% of England.",
    ]
    if area_type != "lsoa":
        steps.append(
            f"Each {kind}'s deprivation decile is estimated from its neighbourhoods (weighted by "
            "population), so it is not an official statistic. Estimated figures are marked *."
        )
    if area_type == "district":
        steps.append(exporting.district_population_note(region, "neighbourhood"))
    formula = [
        "provision = 0.7 × supply + 0.3 × access, where supply = 1 − e^(−local services per 10,000 "
        "people ÷ 6) and access = e^(−nearest km ÷ reach km), or 0 with no local service.",
        "priority = 0.5 × (1 − provision) + 0.3 × deprivation + 0.2 × unmet requests, where deprivation "
        "= (10 − IMD decile) ÷ 9 (0.5 when unknown) and unmet requests = 1 − e^(−requests with no "
        "suitable service ÷ 5).",
        "Areas are then ranked by priority within each need and split into five equal bands.",
    ]
    return {"steps": steps, "formula": formula}


def _reports() -> service.GapReports:
    return service.GapReports(
        get_session(), services().report_documents, current_app.config.get("REPORT_AREA_CODES")
    )


def _filters(default_need: bool = False) -> tuple[str, str | None, geo.Geography]:
    area_type = request.args.get("area_type") or "lsoa"
    need = request.args.get("need") or None
    if need is None and default_need:
        need = taxonomy().codes()[0]
    service.check_filters(area_type, need)
    region = _reports().region()
    service.check_area_type(region, area_type)
    return area_type, need, region


def _args(**changes) -> dict:
    args = {k: v for k, v in request.args.items() if v}
    args.update(changes)
    return {k: v for k, v in args.items() if v not in (None, "")}


def _area_types(region: geo.Geography) -> list[tuple[str, str]]:
    # Wards stay in the list where there are none, labelled, so the choice says why it fails.
    return [
        (kind, geo.AREA_TYPE_LABELS[kind] if kind != "ward" or region.has_wards else "Ward (Trafford only)")
        for kind in geo.AREA_TYPES
    ]


def _context(area_type: str, need: str | None, region: geo.Geography, **extra) -> dict:
    tax = taxonomy()
    return {
        "area_type": area_type,
        "need": need,
        "need_label": tax.label(need) if need else None,
        "needs": [(code, tax.label(code)) for code in tax.codes()],
        "area_types": _area_types(region),
        "region_name": region.name,
        "kind_label": geo.AREA_TYPE_LABELS[area_type],
        "kind_noun": geo.AREA_TYPE_NOUNS[area_type],
        "kind_plural": geo.AREA_TYPE_PLURALS[area_type],
        "demand_note": geo.demand_note(area_type, region),
        "notes": method_notes(area_type, region),
        "band_labels": service.BAND_LABELS,
        "export_args": {k: v for k, v in (("area_type", area_type), ("need", need)) if v},
        **extra,
    }


@bp.route("/")
@access("commissioner")
def overview():
    """Needs x areas, most urgent first, sortable by any column."""
    area_type, need, region = _filters()
    rows = _reports().rows(area_type, need)
    rows, sort, direction = service.sort_rows(rows, request.args.get("sort"), request.args.get("dir"))
    pages = max(1, -(-len(rows) // PER_PAGE))
    try:
        page = min(max(1, int(request.args.get("page", 1))), pages)
    except ValueError:
        page = 1
    shown = rows[(page - 1) * PER_PAGE : page * PER_PAGE]

    def sort_url(column: str) -> str:
        if column == sort:
            flipped = "asc" if direction == "desc" else "desc"
            return url_for("reports.overview", **_args(sort=column, dir=flipped, page=None))
        return url_for("reports.overview", **_args(sort=column, dir=None, page=None))

    return render_template(
        "reports/overview.html",
        **_context(area_type, need, region),
        rows=shown,
        total=len(rows),
        page=page,
        pages=pages,
        first=(page - 1) * PER_PAGE + 1,
        last=(page - 1) * PER_PAGE + len(shown),
        sort=sort,
        direction=direction,
        columns=COLUMNS,
        sort_url=sort_url,
        sort_heading={k: h for k, h, _ in COLUMNS}[sort].lower(),
        previous_url=url_for("reports.overview", **_args(page=page - 1)) if page > 1 else None,
        next_url=url_for("reports.overview", **_args(page=page + 1)) if page < pages else None,
    )


def _tile_settings() -> dict:
    url = (current_app.config.get("REPORTS_TILE_URL") or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return {"url": "", "attribution": "", "origin": ""}
    origin = f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"
    return {
        "url": url,
        "attribution": current_app.config.get("REPORTS_TILE_ATTRIBUTION", ""),
        "origin": origin,
    }


@bp.after_request
def _allow_tiles(response: Response) -> Response:
    # Runs before the app's own header hook, which only sets a CSP when none is present: the map
    # page may load tile images from the configured tile server, and nothing else changes.
    tiles = _tile_settings()
    if request.endpoint == "reports.map_page" and tiles["origin"]:
        response.headers["Content-Security-Policy"] = CSP.replace(
            "img-src 'self' data:", f"img-src 'self' data: {tiles['origin']}"
        )
    return response


@bp.route("/map")
@access("commissioner")
def map_page():
    """Areas as circles sized by population and coloured by priority band, over the same table."""
    area_type, need, region = _filters(default_need=True)
    rows = _reports().rows(area_type, need)
    points = [
        {
            "code": r["area_code"],
            "name": r["display_name"],
            "short_name": r["area_name"],
            "lat": r["lat"],
            "lng": r["lng"],
            "population": r["population"],
            "imd_decile": r["imd_decile"],
            "local": r["local_count"],
            "nearest": r["nearest_km"],
            "remote": r["remote_count"],
            "requests": r["demand_requests"],
            "unmet": r["demand_unmet"],
            "priority": r["priority_score"],
            "band": r["priority_band"],
            "band_label": service.BAND_LABELS[r["priority_band"]],
            "url": url_for("reports.area_page", area_type=area_type, code=r["area_code"], need=need),
        }
        for r in rows
    ]
    # Ward names (postcode districts where there are no wards) mark the ground on the LSOA map,
    # which has no background map offline (ward and district circles carry their own labels).
    marks = region.areas["ward"] or region.areas["district"]
    landmarks = (
        [] if area_type != "lsoa" else [{"name": m["name"], "lat": m["lat"], "lng": m["lng"]} for m in marks]
    )
    map_data = {"area_type": area_type, "areas": points, "landmarks": landmarks}
    return render_template(
        "reports/map.html",
        **_context(area_type, need, region),
        rows=rows,
        map_data=map_data,
        tiles=_tile_settings(),
        columns=[c for c in COLUMNS if c[0] != "need"],
    )


@bp.route("/charts")
@access("commissioner")
def charts():
    """Provision against deprivation, drawn server-side as SVG with the figures in tables."""
    area_type, need, region = _filters(default_need=True)
    rows = _reports().rows(area_type, need)
    label, plural = taxonomy().label(need), geo.AREA_TYPE_PLURALS[area_type]
    return render_template(
        "reports/charts.html",
        **_context(area_type, need, region),
        supply=charting.supply_chart(rows, label, plural),
        without=charting.none_chart(rows, label, plural),
        scatter=charting.scatter(rows, label, plural),
    )


@bp.route("/areas/<area_type>/<code>")
@access("commissioner")
def area_page(area_type: str, code: str):
    """One area: per need, what is within reach, what is remote, and what was asked for."""
    need = request.args.get("need") or None
    detail = _reports().area(area_type, code, need)
    return render_template(
        "reports/area.html",
        **_context(area_type, need, detail["region"]),
        detail=detail,
        all_needs_url=url_for("reports.area_page", area_type=area_type, code=code),
    )


def _export_rows() -> tuple[list[dict], str, str | None, geo.Geography]:
    area_type, need, region = _filters()
    rows = _reports().rows(area_type, need)
    rows, _, _ = service.sort_rows(rows, request.args.get("sort"), request.args.get("dir"))
    return rows, area_type, need, region


@bp.route("/export.csv")
@access("commissioner")
def export_csv():
    rows, area_type, need, _ = _export_rows()
    return Response(
        exporting.to_csv(rows),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{exporting.filename(area_type, need, "csv")}"'
        },
    )


@bp.route("/export.json")
@access("commissioner")
def export_json():
    rows, area_type, need, region = _export_rows()
    return Response(
        exporting.to_json(rows, area_type, need, region),
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{exporting.filename(area_type, need, "json")}"'
        },
    )
