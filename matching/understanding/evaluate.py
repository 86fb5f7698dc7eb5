"""Scoring understood services against blind labels (seed_data/eval/README.md).

Plain data only: the caller reads the files. The split rule is the README's and is fixed: an id is
in the test part when sha1(id) % 5 is 0 or 1. Tune on the development part only.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .areas import AreaLookup, authority_of, read_place


def is_test(item_id: str) -> bool:
    return int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 5 in (0, 1)


def split(
    items: Iterable[dict[str, Any]], key: Callable[[dict[str, Any]], str] = lambda item: item["id"]
) -> tuple[list[Any], list[Any]]:
    dev: list[Any] = []
    test: list[Any] = []
    for item in items:
        (test if is_test(key(item)) else dev).append(item)
    return dev, test


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def set_scores(
    predicted: Sequence[Iterable[str]], gold: Sequence[Iterable[str]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(micro P/R/F1, per-code P/R/F1) for multi-label sets."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for pred, true in zip(predicted, gold, strict=True):
        pred, true = set(pred), set(true)
        for code in pred & true:
            counts[code][0] += 1
        for code in pred - true:
            counts[code][1] += 1
        for code in true - pred:
            counts[code][2] += 1
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return prf(*total), {code: prf(*c) for code, c in sorted(counts.items())}


def score(
    predicted: Sequence[dict[str, Any]],
    gold: Sequence[dict[str, Any]],
    areas: AreaLookup | None = None,
    district_authorities: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Every field's figures. `predicted` items are Understanding.summary() dicts, in gold's order.
    `district_authorities` (postcode district -> the authority most of its people live in) lets a
    limit to postcode districts ("SR7 and SR8 postcodes only") be scored as the labels name it."""
    out: dict[str, Any] = {"n": len(gold)}
    out["needs"], out["needs_per_code"] = set_scores(
        [p["needs"] for p in predicted], [g["needs"] for g in gold]
    )
    out["groups"], out["groups_per_code"] = set_scores(
        [p["groups"] for p in predicted], [g["groups"] for g in gold]
    )

    # Ages: a labelled range is "found" when both ends agree; "wrong" counts any stated range
    # that disagrees with the label, including one where the label has none. A lowest age of 0
    # ("Age range: 0-18") is no lowest age: both say from birth.
    def ages(item: Mapping[str, Any]) -> tuple[Any, Any]:
        return (item.get("min_age") or None, item.get("max_age"))

    with_age = [(p, g) for p, g in zip(predicted, gold, strict=True) if ages(g) != (None, None)]
    found = sum(1 for p, g in with_age if ages(p) == ages(g))
    wrong = sum(
        1 for p, g in zip(predicted, gold, strict=True) if ages(p) != (None, None) and ages(p) != ages(g)
    )
    out["ages"] = {
        "labelled": len(with_age),
        "found": found,
        "found_rate": round(found / len(with_age), 3) if with_age else 1.0,
        "wrong": wrong,
        "wrong_rate": round(wrong / len(gold), 3) if gold else 0.0,
    }

    def gss(names: Any) -> set[str]:
        if areas is None:
            return set(names)
        return {areas.code(n) or n for n in names}

    # A limit to a place ("living in Harpurhey or Moston") is a limit within its authority, which
    # is how the labels name it.
    gold_areas = [gss(g.get("residency", [])) for g in gold]
    # Also what the words alone say: the labels leave most councils stamped as a service area out,
    # which the app keeps as a limit (the relevance judges hold a borough's advice, food banks and
    # carers' centres to it).
    for field in ("residency", "residency_said"):
        out[field], _ = set_scores(
            [
                _as_labelled(
                    [_authority(code, areas, district_authorities) for code in p.get(field, p["residency"])],
                    wanted,
                    areas,
                )
                for p, wanted in zip(predicted, gold_areas, strict=True)
            ],
            gold_areas,
        )
    for mode in ("in_person", "phone", "online", "home_visits", "outreach"):
        out[f"delivery_{mode}"] = _binary(
            [mode in p["delivery"] for p in predicted], [mode in g.get("delivery", []) for g in gold]
        )
    out["area_wide"] = _binary(
        [bool(p["area_wide"]) for p in predicted], [bool(g.get("area_wide")) for g in gold]
    )
    out["wheelchair_no"] = _binary(
        [p["wheelchair"] == "no" for p in predicted], [g.get("wheelchair") == "no" for g in gold]
    )
    out["wheelchair_yes"] = _binary(
        [p["wheelchair"] == "yes" for p in predicted], [g.get("wheelchair") == "yes" for g in gold]
    )
    out["cost_accuracy"] = (
        round(
            sum(p["cost"] == g.get("cost", "unknown") for p, g in zip(predicted, gold, strict=True))
            / len(gold),
            3,
        )
        if gold
        else 1.0
    )
    for band in ("free", "low_cost", "paid"):
        out[f"cost_{band}"] = _binary(
            [p["cost"] == band for p in predicted], [g.get("cost") == band for g in gold]
        )
    return out


def _binary(pred: Sequence[bool], true: Sequence[bool]) -> dict[str, Any]:
    tp = sum(p and t for p, t in zip(pred, true, strict=True))
    fp = sum(p and not t for p, t in zip(pred, true, strict=True))
    fn = sum(t and not p for p, t in zip(pred, true, strict=True))
    result = prf(tp, fp, fn)
    result["accuracy"] = (
        round(sum(p == t for p, t in zip(pred, true, strict=True)) / len(true), 3) if true else 1.0
    )
    return result


_DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")


def _authority(code: str, areas: AreaLookup | None, district_authorities: Mapping[str, str] | None) -> str:
    """The authority a residency entry lies in, as a label names it: a neighbourhood known only by
    a circle by the authority at its centre, a postcode district by the one most of its people live
    in (the app keeps the circle or the district, which place a person more finely)."""
    if _DISTRICT.match(code) and district_authorities and code in district_authorities:
        return district_authorities[code]
    place = read_place(code)
    if place is not None and not place.la and areas is not None:
        return areas.authority_at(place.lat, place.lng) or code
    return authority_of(code)


def _as_labelled(codes: list[str], wanted: set[str], areas: AreaLookup | None) -> set[str]:
    """A county ("Lancashire residents") is labelled as its districts the directory covers
    (Rossendale, West Lancashire): a predicted county holding labelled districts stands for them;
    a former district is labelled as the authority that replaced it."""
    out: set[str] = set()
    for code in codes:
        inside = {d for d in wanted if areas is not None and areas.county_of(d) == code}
        # a former district ("Hambleton") is labelled as the authority it is part of now
        now = areas.successor_of(code) if areas is not None else None
        out |= inside or ({now} if now in wanted else {code})
    # a wider area labelled by its name ("Greater Manchester", which has no code of its own) is
    # read as its authorities: all of them stand for the one name
    for name in wanted:
        parts = _wider_area_authorities(name, areas)
        if parts and parts <= out:
            out = (out - parts) | {name}
    return out


def _wider_area_authorities(name: str, areas: AreaLookup | None) -> set[str]:
    if areas is None or areas.code(name):
        return set()
    return {code for code, words in areas.find(name) if areas.is_wider_area(words)}
