"""The compact model a map page ships: places, events and legs, each text once.

The page builds its markers, arcs, popups, tooltips, slider steps, story and table from this
model in the browser (``static/lifemap.js``). Writing the same text into five places of the page
and every arc vertex into its GeoJSON made a map of 10,000 events 17 MB; the model of the same
events is about a tenth of that (bench/RESULTS.md).

Columns are lists in event order. A column whose values repeat (kinds, actors, sources, date
labels, place names) is sent as ``{"values": [...], "codes": [...]}``; the page expands it. What
the page can derive is not sent: an event's time is sent as the step from the previous event's
``order_day`` (``dt``: the day the chronology stands it at, so the slider and the story follow one
order), how many days before it the span can begin (``early``) and after it end (``days``); a
source span as its start and length (the source by its readable name), the name a place had then is its label without "(now …)", and a leg's
labels are its events' labels.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .chronology import in_order
from .errors import LifemapError
from .events import LAYERS
from .route import LEG_LAYER
from .sources import label as source_name

EPOCH = dt.date(1970, 1, 1)
# Above this many features (markers and arcs) the page draws on one canvas instead of one SVG
# path per feature: a slider step at 10,000 events took 300 ms with SVG and 70 ms on a canvas
# (bench/RESULTS.md, "big data paths"); below it SVG keeps a DOM element per marker.
CANVAS_ABOVE = 3000
# Above this many distinct dates the slider steps by month, then by quarter, then by year, so ▶
# plays a life in minutes (600 steps at 700 ms is 7 minutes), not an hour.
MAX_STEPS = 600
_DIGITS = 5  # about a metre


def days(stamp) -> int:
    """Days since 1970-01-01 (negative before): the page's time axis."""
    return (stamp.date() - EPOCH).days


def _coded(values: list) -> dict:
    index: dict = {}
    codes = [index.setdefault(v, len(index)) for v in values]
    return {"values": list(index), "codes": codes}


def _coord(x: float) -> float | None:
    return None if x is None or math.isnan(x) else round(float(x), _DIGITS)


def page_model(events, stop_frame, legs) -> dict:
    """The model of one map: ``events`` as ``lifemap.events.to_frame`` gives them (put in
    chronological order here if they are not), the actor's stops and every leg (``lifemap.route``)."""
    records = in_order(events).to_dict("records")
    place_ids: dict[str, int] = {}
    place_rows: list[dict] = []

    def place(pid: str, lat: float, lon: float, now: str) -> int:
        if pid not in place_ids:
            place_ids[pid] = len(place_rows)
            place_rows.append({"id": pid, "lat": _coord(lat), "lon": _coord(lon), "now": now})
        return place_ids[pid]

    for r in records:
        place(r["place"], r["lat"], r["lon"], r["name_now"])
    origins = []
    for r in records:
        if r["origin"]:
            origins.append(place(r["origin"], r["origin_lat"], r["origin_lon"], r["origin_label"]))
        else:
            origins.append(-1)
    index = {r["id"]: i for i, r in enumerate(records)}
    if len(index) != len(records):
        twice = sorted(i for i, n in Counter(r["id"] for r in records).items() if n > 1)[:5]
        raise LifemapError(f"a map needs each event id once; repeated: {', '.join(map(str, twice))}")
    leg_rows = legs.to_dict("records")
    first = [days(r["order_day"]) for r in records]
    for r in records:
        then, label = r["name_then"], r["place_label"]
        if not (label == then or label == f"{then} (now {r['name_now']})"):  # the page's rule
            raise LifemapError(f"place label {label!r} is not {then!r} with or without its modern name")
    ev = {
        "dt": [t - prev for t, prev in zip(first, [0, *first[:-1]])],
        "days": [days(r["last_day"]) - t for r, t in zip(records, first)],
        "early": [t - days(r["first_day"]) for r, t in zip(records, first)],
        "date": _coded([r["date_label"] for r in records]),
        "kind": _coded([r["kind"] for r in records]),
        "actor": _coded([r["actor"] for r in records]),
        "place": [place_ids[r["place"]] for r in records],
        "label": _coded([r["place_label"] for r in records]),
        "origin": origins,
        "origin_label": _coded([r["origin_label"] or "" for r in records]),
        "summary": [r["summary"] for r in records],
        "sentence": _coded([r.get("sentence") or "" for r in records]),
        # the source's readable name (the page adds the span): "Wikipedia, ‘Joseph Stalin’ …"
        "source": _coded([r.get("source_label") or source_name(r["source"]) for r in records]),
        "start": [int(r["start"]) for r in records],
        "length": [int(r["end"]) - int(r["start"]) for r in records],
        "layer": _coded([r["layer"] for r in records]),
    }
    return {
        "layers": [{"key": k, "label": name, "color": color} for k, name, color, _ in LAYERS],
        "places": {c: [p[c] for p in place_rows] for c in ("id", "lat", "lon", "now")},
        "events": ev,
        "stops": [index[i] for i in stop_frame["id"]],
        "legs": {
            # a leg of the route leaves the previous stop's event; a move (-1) its event's origin
            "from_event": [index[g["from_event"]] if g["from_event"] != g["to_event"] else -1 for g in leg_rows],
            "event": [index[g["to_event"]] for g in leg_rows],
            "kind": _coded([g["kind"] for g in leg_rows]),
            "km": [round(float(g["km"])) for g in leg_rows],
        },
    }


def feature_counts(model: dict) -> dict[str, dict[str, int]]:
    """Per layer key: the markers (one per place) and arcs the page will draw."""
    ev, legs = model["events"], model["legs"]
    out: dict[str, dict[str, int]] = {}
    seen = set()
    for layer, pl in zip(expand(ev["layer"]), ev["place"]):
        if (layer, pl) not in seen:
            seen.add((layer, pl))
            out.setdefault(layer, {"points": 0, "legs": 0})["points"] += 1
    # a map of several lives puts each life's legs in its own layer (``lifemap.lives``)
    leg_layers = expand(legs["layer"]) if "layer" in legs else [LEG_LAYER[k] for k in expand(legs["kind"])]
    for layer in leg_layers:
        out.setdefault(layer, {"points": 0, "legs": 0})["legs"] += 1
    return out


def expand(column) -> list:
    """A column as plain values (what the page's ``column()`` does)."""
    if isinstance(column, dict):
        return [column["values"][i] for i in column["codes"]]
    return list(column)


# The offline basemap ------------------------------------------------------------------------------
BASEMAP_UNITS = 100  # coordinates in hundredths of a degree (about a kilometre): the 1:110m outlines hold no finer detail


@lru_cache(maxsize=1)
def basemap_model() -> dict:
    """Natural Earth's country outlines for maps without tiles, as whole hundredths of a degree,
    each ring's first point absolute and the others as steps from the one before: 73 KB in the
    page where the GeoJSON took 197 KB. Rings that shrink to fewer than four points are dropped."""
    import json

    data = json.loads((Path(__file__).with_name("data") / "countries.geojson").read_text(encoding="utf-8"))
    countries = []
    for feature in data["features"]:  # a path per country: a country may lie in another's hole
        geometry = feature["geometry"]
        parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        polygons = [rings for rings in ([r for r in map(_ring, polygon) if r] for polygon in parts) if rings]
        if polygons:
            countries.append(polygons)
    return {"units": BASEMAP_UNITS, "countries": countries}


def _ring(ring) -> list[int] | None:
    points: list[tuple[int, int]] = []
    for x, y in ring:
        q = (round(x * BASEMAP_UNITS), round(y * BASEMAP_UNITS))
        if not points or points[-1] != q:
            points.append(q)
    if len(points) < 4:
        return None
    out, px, py = [], 0, 0
    for x, y in points:
        out += [x - px, y - py]
        px, py = x, y
    return out
