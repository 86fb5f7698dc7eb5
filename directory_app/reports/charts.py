"""Charts of provision against deprivation, as plain geometry for server-side SVG.

Nothing here draws: functions return numbers (bars, points, ticks) in the SVG's own coordinate
space, and templates/reports/_charts.html turns them into markup. So the charts work without
JavaScript, print, and sit under the CSP (colours come from CSS classes, never style attributes).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 40, 16, 56
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
DECILES = range(1, 11)


@dataclass
class Chart:
    title: str
    description: str
    y_label: str
    x_label: str
    bars: list[dict] = field(default_factory=list)
    points: list[dict] = field(default_factory=list)
    x_ticks: list[dict] = field(default_factory=list)
    y_ticks: list[dict] = field(default_factory=list)
    table: list[dict] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    plot_w: int = PLOT_W
    plot_h: int = PLOT_H


def _nice(value: float) -> float:
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def nice_max(value: float, intervals: int = 4) -> float:
    """A round axis top at or above value whose `intervals` gridlines fall on round numbers."""
    return 1.0 * intervals if value <= 0 else intervals * _nice(value / intervals)


def _y_ticks(top: float, fmt=lambda v: f"{v:g}") -> list[dict]:
    return [{"y": TOP + PLOT_H - PLOT_H * i / 4, "label": fmt(top * i / 4)} for i in range(5)]


def _per_10k(rows: list[dict]) -> float | None:
    people = sum(r["population"] for r in rows if r["population"])
    if not people:
        return None
    return sum(r["local_count"] for r in rows if r["population"]) * 10_000 / people


def by_decile(rows: list[dict]) -> list[dict]:
    """Per IMD decile: areas, people, services within reach per 10k people, share with none."""
    out = []
    for decile in DECILES:
        group = [r for r in rows if r["imd_decile"] == decile]
        none = sum(1 for r in group if r["local_count"] == 0)
        out.append(
            {
                "decile": decile,
                "areas": len(group),
                "population": sum(r["population"] or 0 for r in group),
                "per_10k": None if not group else _per_10k(group),
                "none_pct": None if not group else 100 * none / len(group),
            }
        )
    return out


def _empty_label(kind_plural: str) -> list[str]:
    """What a decile without any areas says: "no ward data", never "none", which reads as "no
    services". Two short lines, so it fits under a bar."""
    plural = kind_plural.lower()
    noun = next(
        (n for key, n in (("lsoa", "LSOA"), ("ward", "ward"), ("district", "district")) if key in plural),
        "area",
    )
    return [f"no {noun}", "data"]


def _decile_bars(table: list[dict], key: str, kind_plural: str = "areas") -> tuple[list[dict], float]:
    top = nice_max(max((d[key] or 0) for d in table))
    slot = PLOT_W / len(table)
    bars = []
    for i, d in enumerate(table):
        value = d[key]
        height = 0 if value is None else PLOT_H * value / top
        bars.append(
            {
                "x": LEFT + i * slot + slot * 0.15,
                "width": slot * 0.7,
                "y": TOP + PLOT_H - height,
                "height": height,
                "value": value,
                "decile": d["decile"],
                "empty": value is None,
                "empty_label": _empty_label(kind_plural),
                "label_x": LEFT + i * slot + slot / 2,
            }
        )
    return bars, top


def supply_chart(rows: list[dict], need_label: str, kind_plural: str) -> Chart:
    table = by_decile(rows)
    bars, top = _decile_bars(table, "per_10k", kind_plural)
    return Chart(
        title=f"{need_label}: services within reach per 10,000 residents, by deprivation decile",
        description=(
            f"Bar chart. For the {kind_plural} in each national deprivation decile (1 = most "
            "deprived), the number of in-person services within reach per 10,000 residents. "
            "The same figures are in the table below."
        ),
        y_label="Services within reach per 10,000 residents",
        x_label="IMD 2025 decile (1 = most deprived)",
        bars=bars,
        y_ticks=_y_ticks(top),
        table=table,
        x_ticks=[{"x": b["label_x"], "label": str(b["decile"])} for b in bars],
    )


def none_chart(rows: list[dict], need_label: str, kind_plural: str) -> Chart:
    table = by_decile(rows)
    bars, _ = _decile_bars(table, "none_pct", kind_plural)
    # Percentages always on a 0-100 scale, so charts for different needs compare by eye.
    for bar in bars:
        value = bar["value"]
        bar["height"] = 0 if value is None else PLOT_H * value / 100
        bar["y"] = TOP + PLOT_H - bar["height"]
    return Chart(
        title=f"{need_label}: share of {kind_plural} with no service within reach, by deprivation decile",
        description=(
            f"Bar chart. The percentage of {kind_plural} in each national deprivation decile "
            "(1 = most deprived) with no in-person service within reach. The same figures are "
            "in the table below."
        ),
        y_label="% with no service within reach",
        x_label="IMD 2025 decile (1 = most deprived)",
        bars=bars,
        y_ticks=_y_ticks(100, lambda v: f"{v:g}%"),
        table=table,
        x_ticks=[{"x": b["label_x"], "label": str(b["decile"])} for b in bars],
    )


def scatter(rows: list[dict], need_label: str, kind_plural: str, total_ranks: int = 33_755) -> Chart:
    """Each area: national IMD rank (most deprived left) against services within reach per 10k."""
    located = [r for r in rows if r["imd_rank"] and r["population"]]
    values = [r["local_count"] * 10_000 / r["population"] for r in located]
    top = nice_max(max(values, default=0))
    points = []
    for row, value in zip(located, values, strict=True):
        points.append(
            {
                "x": LEFT + PLOT_W * (row["imd_rank"] - 1) / (total_ranks - 1),
                "y": TOP + PLOT_H - PLOT_H * value / top,
                "band": row["priority_band"],
                "value": value,
                "row": row,
            }
        )
    return Chart(
        title=f"{need_label}: each area's provision against its deprivation",
        description=(
            f"Scatter plot of {len(points)} {kind_plural}: national deprivation rank across "
            "(most deprived on the left) against services within reach per 10,000 residents; "
            "colour shows the priority band. Areas are listed in the report table."
        ),
        y_label="Services within reach per 10,000 residents",
        x_label="National IMD 2025 rank (1 = most deprived)",
        points=points,
        y_ticks=_y_ticks(top),
        x_ticks=[
            {"x": LEFT + PLOT_W * (rank - 1) / (total_ranks - 1), "label": f"{rank:,}"}
            for rank in (1, 10_000, 20_000, total_ranks)
        ],
    )
