"""Render events, stops and legs as a folium map: a GeoJSON layer per kind, popups, a legend,
a time slider with a period menu, and bounds fitted to the data.

Every text shown on the map is HTML-escaped here, then embedded as JSON by folium, and bound to
Leaflet layers from properties; nothing from the data is pasted into HTML or JavaScript source.
The page depends on Leaflet alone (no jQuery, Bootstrap or icon fonts), which keeps it light and
lets it be served from local files.
"""
from __future__ import annotations

import datetime as dt
import math
import os
from collections import OrderedDict
from pathlib import Path

from .assets import check_self_contained, html_text, inline_assets, link_assets, script_json
from .controls import BIND_JS, EventTable, Legend, Story, TimeSlider
from .errors import LifemapError
from .events import LAYERS
from .files import write_text
from .periods import periods
from .route import LEG_LAYER, moves, route

EPOCH = dt.date(1970, 1, 1)
LEG_STYLE = {  # dash patterns tell the kinds of move apart where colours are close
    "exile": {"dashArray": "8 6", "weight": 2.5},
    "escape": {"dashArray": "2 6", "weight": 3},
    "posting": {"weight": 2.5},
    "journey": {"weight": 2, "opacity": 0.65},
    "return": {"weight": 2, "opacity": 0.65, "dashArray": "10 4"},
    "deportation": {"weight": 4, "opacity": 0.75},
}
LEG_LABEL = {"exile": "sent into exile", "escape": "escape", "posting": "posting to a front",
             "journey": "journey", "return": "return", "deportation": "deportation"}
TILES = {"osm": "OpenStreetMap", "none": None}  # CARTO's tiles now want an API key: not a default


def _days(stamp) -> int:
    return (stamp.date() - EPOCH).days


_esc = html_text  # every text of the data shown as HTML: escaped, braces included


def _source_html(row) -> str:
    text = f"Source: {_esc(row['source'])}, characters {int(row['start'])}–{int(row['end'])}"
    sentence = row.get("sentence") or ""
    quote = f"<blockquote>{_esc(sentence)}</blockquote>" if sentence else ""
    return f"{quote}<div class='lm-src'>{text}</div>"


def _place_popup(rows: list[dict], layer_label: str) -> str:
    now = rows[0]["name_now"]
    thens = list(OrderedDict.fromkeys(r["name_then"] for r in rows))
    heading = _esc(" / ".join(thens))
    if any(t != now for t in thens):
        heading += f" <small>(now {_esc(now)})</small>"
    items = []
    for r in rows:
        then = f" <i>as {_esc(r['name_then'])}</i>" if len(thens) > 1 else ""
        origin = f" from {_esc(r['origin_label'])}" if r.get("origin_label") else ""
        items.append(f"<li><b>{_esc(r['date_label'])}</b> · {_esc(r['kind'])}{origin}{then}<br>"
                     f"{_esc(r['summary'])} <small>({_esc(r['actor'])})</small>{_source_html(r)}</li>")
    return f"<h4>{heading}</h4><div class='lm-src'>{_esc(layer_label)}</div><ul>{''.join(items)}</ul>"


def _by_layer_and_place(events) -> dict[str, dict[str, list[dict]]]:
    """The events as records, grouped by layer then place in their order: converted once, since a
    pandas conversion per place was most of the render time of large maps (bench/RESULTS.md)."""
    out: dict[str, dict[str, list[dict]]] = {}
    for r in events.to_dict("records"):
        out.setdefault(r["layer"], {}).setdefault(r["place"], []).append(r)
    return out


def _point_features(places: dict[str, list[dict]], layer_key: str, layer_label: str) -> list[dict]:
    features = []
    for place, rows in places.items():
        first = rows[0]
        n = len(rows)
        tooltip = f"{first['place_label']}: {n} event{'s' if n > 1 else ''}, {rows[0]['date_label']}" + (
            f" to {rows[-1]['date_label']}" if n > 1 else "")
        features.append({
            "type": "Feature",
            "id": f"{layer_key}:{place}",
            "geometry": {"type": "Point", "coordinates": [first["lon"], first["lat"]]},
            "properties": {
                "layer": layer_key, "kind": first["kind"], "place": place, "events": n,
                "t": min(_days(r["first_day"]) for r in rows),
                "t_end": max(_days(r["last_day"]) for r in rows),
                "tooltip": _esc(tooltip), "popup": _place_popup(rows, layer_label),
            },
        })
    return features


def _arrowhead(line, km: float) -> list[list[list[float]]]:
    """Two barbs at the end of an arc, their length a share of the leg (so they scale with it)."""
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    (x1, y1), (x2, y2) = line.coords[-2], line.coords[-1]
    back = geod.inv(x2, y2, x1, y1)[0]
    size = min(max(km * 0.08, 8.0), 120.0) * 1000.0
    barbs = []
    for turn in (-28.0, 28.0):
        lon, lat, _ = geod.fwd(x2, y2, back + turn, size)
        lon += 360.0 * round((x2 - lon) / 360.0)
        barbs.append([[x2, y2], [lon, lat]])
    return barbs


def _leg_features(legs, layer_key: str) -> list[dict]:
    features = []
    for i, leg in enumerate(legs[legs["layer"] == layer_key].to_dict("records")):
        line = leg["geometry"]
        parts = [[list(c) for c in line.coords]] + _arrowhead(line, leg["km"])
        what = f"{leg['from_label']} → {leg['to_label']}"
        detail = f"{LEG_LABEL[leg['kind']]}, {leg['date_label']}, {leg['km']:,.0f} km ({leg['actor']})"
        features.append({
            "type": "Feature",
            "id": f"{layer_key}:leg:{i}:{leg['from_event']}:{leg['to_event']}",
            "geometry": {"type": "MultiLineString", "coordinates": parts},
            "properties": {
                "layer": layer_key, "kind": leg["kind"], "leg": True,
                "t": _days(leg["first_day"]), "t_end": _days(leg["first_day"]),
                "tooltip": f"{_esc(what)}<br>{_esc(detail)}",
                "popup": f"<h4>{_esc(what)}</h4><div>{_esc(detail)}</div><div>{_esc(leg['summary'])}</div>",
            },
        })
    return features


def _style_js(color: str) -> str:
    """A layer's style as one small JavaScript function of a feature's properties.

    folium's ``style_function`` would call Python per feature and write one ``case`` per feature id
    into the page (measured in bench/RESULTS.md: quadratic, over 100 ms to style 12,000 features).
    """
    return f"""function (feature) {{
    var p = feature.properties, legs = {script_json(LEG_STYLE)};
    if (p.leg) {{ return Object.assign({{color: {script_json(color)}, opacity: 0.85}}, legs[p.kind]); }}
    return {{color: "#ffffff", weight: 1, fill: true, fillColor: {script_json(color)}, fillOpacity: 0.9,
             radius: Math.round((5 + Math.sqrt(Math.min(p.events, 12)) * 2) * 10) / 10}};
}}""".replace("{{", "{ {").replace("}}", "} }")  # branca renders the page's scripts as Jinja once more


def _steps(events, stop_frame) -> list[dict]:
    """One slider step per distinct date; where the actor was somewhere then, the step names it."""
    steps: dict[int, dict] = {}
    for frame, is_stop in ((stop_frame, True), (events, False)):
        for r in frame.to_dict("records"):
            t = _days(r["first_day"])
            if t in steps:
                continue
            steps[t] = {"t": t, "label": f"{r['date_label']} · {r['place_label']}",
                        "what": r["summary"], "lat": r["lat"] if is_stop else None,
                        "lon": r["lon"] if is_stop else None}
    return [steps[t] for t in sorted(steps)]


def render(events, *, actor: str = "Stalin", tiles: str | None = "osm", title: str | None = None,
           assets: str = "cdn"):
    """A folium Map of events: layers per kind, the actor's route, moves of others, a legend,
    a time slider and a period menu. Shows inline in Jupyter.

    ``assets="inline"`` puts Leaflet into the page, for lesson pages that may not load
    third-party scripts (save it with ``save(m, path, self_contained=True)`` to have that checked).

    >>> from lifemap.events import load_events
    >>> m = render(load_events(), tiles="none")
    >>> type(m).__name__
    'Map'
    """
    import folium

    title = title or f"The life of {actor}"
    tile_name = TILES.get(tiles, tiles) if tiles is not None else None
    # folium insists on an attribution for a custom tile URL: name its host.
    attr = f"Tiles: {_host(tile_name)}" if tile_name and "{z}" in tile_name else None
    # keyboard=False: the arrow keys step through the story instead of panning
    m = folium.Map(tiles=tile_name, attr=attr, min_zoom=2, max_zoom=18, zoom_start=4, location=[50.0, 50.0],
                   control_scale=True, prefer_canvas=False, keyboard=False)
    if assets not in ("cdn", "inline"):
        raise LifemapError(f"assets must be 'cdn' or 'inline', not {assets!r}")
    (inline_assets if assets == "inline" else link_assets)(m)
    m.get_root().header.add_child(folium.Element(f"<title>{_esc(title)}</title>"), name="title")
    m.lifemap_title = title

    if tile_name is None:
        _offline_basemap().add_to(m)
    stop_frame, leg_frame = route(events, actor)
    others = moves(events, actor)
    import pandas as pd

    all_legs = pd.concat([leg_frame, others], ignore_index=True) if len(others) else leg_frame

    groups, legend_rows = [], []
    grouped = _by_layer_and_place(events)
    for key, label, color, _kinds in LAYERS:
        features = _point_features(grouped.get(key, {}), key, label) + _leg_features(all_legs, key)
        if not features:
            continue
        n_points = sum(1 for f in features if not f["properties"].get("leg"))
        n_legs = len(features) - n_points
        count = f"{n_points} place{'s' if n_points != 1 else ''}" + (f", {n_legs} move{'s' if n_legs != 1 else ''}" if n_legs else "")
        layer = folium.GeoJson(
            {"type": "FeatureCollection", "features": features},
            name=f"<span style='color:{color}'>●</span> {_esc(label)}",
            style=folium.JsCode(_style_js(color)),
            marker=folium.CircleMarker(radius=6, fill=True),
            on_each_feature=folium.JsCode(BIND_JS),
            show=True,
        )
        layer.layer_key = key
        layer.add_to(m)
        groups.append(layer)
        legend_rows.append({"label": label, "color": color, "count": count, "line": False})
    for kind, label in LEG_LABEL.items():
        if (all_legs["kind"] == kind).any():
            color = next(c for k, _, c, _ in LAYERS if k == LEG_LAYER[kind])
            legend_rows.append({"label": f"leg: {label}", "color": color, "line": True,
                                "dash": "dashArray" in LEG_STYLE[kind],
                                "count": str(int((all_legs["kind"] == kind).sum()))})

    # expanded on a screen, folded to its icon on a phone
    folium.LayerControl(collapsed=folium.JsCode('window.matchMedia("(max-width: 640px)").matches')).add_to(m)
    Legend(legend_rows, title=title).add_to(m)
    period_data = [{"key": p.key, "label": f"{p.label} ({p.span.label()})", "short": p.label.split(" and ")[0],
                    "first": (p.span.first_day - EPOCH).days, "last": (p.span.last_day - EPOCH).days}
                   for p in periods()]
    TimeSlider(groups, _steps(events, stop_frame), period_data).add_to(m)
    Story(_story(stop_frame)).add_to(m)
    EventTable(["Date", "Place", "Kind", "Who", "What happened", "Source"],
               [[r["date_label"], r["place_label"], r["kind"], r["actor"], r["summary"],
                 f"{r['source']} {int(r['start'])}–{int(r['end'])}"] for r in events.to_dict("records")],
               caption="Events in date order, with the source text and character span behind each").add_to(m)
    # Fit the actor's route when there is one: far-off events of others stay a zoom-out away.
    bounds = _bounds(stop_frame, leg_frame) if len(stop_frame) > 1 else _bounds(events, all_legs)
    if bounds:
        m.fit_bounds(bounds, padding=(20, 20))
    _stable_ids(m)
    return m


def _offline_basemap():
    """Country outlines (Natural Earth 1:110m, public domain) for maps without tiles."""
    import json

    import folium

    data = json.loads((Path(__file__).with_name("data") / "countries.geojson").read_text(encoding="utf-8"))
    return folium.GeoJson(data, name="Countries (Natural Earth)", control=False, interactive=False,
                          style_function=lambda f: {"color": "#9aa0a6", "weight": 0.7, "fillColor": "#f4f1ea",
                                                    "fillOpacity": 1.0},
                          attribution="Countries: Natural Earth")


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url


def _story(stop_frame) -> list[dict]:
    return [{"t": _days(r["first_day"]), "label": r["date_label"], "place": r["place_label"], "what": r["summary"],
             "place_id": r["place"], "layer": r["layer"], "lat": r["lat"], "lon": r["lon"]}
            for r in stop_frame.to_dict("records")]


def _bounds(events, legs):
    lats = list(events["lat"]) + [y for g in legs.geometry for _, y in g.coords]
    lons = list(events["lon"]) + [x for g in legs.geometry for x, _ in g.coords]
    pairs = [(a, b) for a, b in zip(lats, lons) if not (math.isnan(a) or math.isnan(b))]
    if not pairs:
        return None
    return [[min(a for a, _ in pairs), min(b for _, b in pairs)], [max(a for a, _ in pairs), max(b for _, b in pairs)]]


def _stable_ids(root) -> None:
    """Replace branca's random element ids by a counter so the same input gives the same bytes."""
    elements = []

    def walk(el):
        elements.append(el)
        for child in list(el._children.values()):
            walk(child)

    walk(root.get_root())
    old = {id(el): el.get_name() for el in elements}
    for i, el in enumerate(elements):
        el._id = f"{i:04d}"
    for el in elements:
        el._children = OrderedDict(
            (child.get_name() if key == old[id(child)] else key, child) for key, child in el._children.items())


def embed_snippet(src: str, *, title: str, width: int = 960, height: int = 600) -> str:
    """An iframe for a lesson page: as wide as the page allows up to ``width``, keeping the
    ``width``:``height`` proportions (so a phone gets a smaller map, not a scrolling one)."""
    if width <= 0 or height <= 0:
        raise LifemapError("the embedded map needs a positive width and height")
    return (
        f"<!-- lifemap map: {_esc(src)} must sit beside the page this is pasted into -->\n"
        f'<div style="position:relative;width:100%;max-width:{width}px;aspect-ratio:{width}/{height}">\n'
        f'  <iframe src="{_esc(src)}" title="{_esc(title)}" width="{width}" height="{height}" loading="lazy"\n'
        f'          style="position:absolute;inset:0;width:100%;height:100%;border:0" allowfullscreen></iframe>\n'
        f"</div>\n"
    )


def tile_prefixes(m) -> tuple[str, ...]:
    """The URL prefixes of the map's tile layers: the only outside fetches a lesson page may make."""
    import folium

    return tuple(child.tiles.split("{")[0] for child in m._children.values()
                 if isinstance(child, folium.TileLayer) and isinstance(child.tiles, str))


def save(m, path: str | os.PathLike, *, self_contained: bool = False) -> Path:
    """Write the map's HTML atomically: a temporary file beside the target, then a rename.

    With ``self_contained=True`` the page is first checked for anything it would fetch from
    outside (apart from its tiles): if something is left, ExternalReference is raised and
    nothing is written.
    """
    html = m.get_root().render()
    if self_contained:
        check_self_contained(html, allow=tile_prefixes(m))
    return write_text(path, html)
