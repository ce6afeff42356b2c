"""Prototypes of changes to lifemap's renderer, applied by monkeypatching for one build.

Nothing in src/ is edited: each prototype wraps or replaces one piece of ``lifemap.render`` (or the
folium classes it calls) inside a context manager, and may post-process the rendered HTML. The
wrappers call the original functions wherever they can, so a prototype keeps producing what
render.py produces, minus the one thing it changes; when render.py no longer has the piece a
prototype patches, the prototype says so (``Stale``) instead of measuring something else.

Prototypes (names as in the benchmark table):

- ``group-once``: ``_point_features`` groups rows that were converted to dicts once per map,
  instead of calling pandas' ``to_dict`` on every (layer, place) group.
- ``lean-legs``: arcs sampled every 100 km (at most 32 vertices) instead of every 25 km (at most
  128), coordinates rounded to 4 decimals (about 10 m).
- ``arcs-in-browser``: a leg carries its two end points and a vertex count; the page draws the
  great circle between them when the layer is filled (20 lines of JavaScript).
- ``style-in-js``: each layer's style is one small JavaScript function of the feature's
  properties, instead of folium's per-feature ``switch`` over feature ids; the GeoJSON is spliced
  into the page after folium's templates ran (so it is neither scanned again by Jinja nor able
  to contain template syntax).
- ``month-steps``: above 500 dates, one slider step per month instead of one per date.
- ``canvas``: Leaflet's canvas renderer (``prefer_canvas=True``) instead of one SVG path per feature.
- ``combined``: group-once + arcs-in-browser + style-in-js + month-steps; ``combined+canvas`` adds canvas.

``compact_model`` is not a prototype but an estimate: the bytes of a page that would ship the
events once, as a table, and build markers, legs and popups from it in the browser.
"""
from __future__ import annotations

import contextlib
import importlib
import datetime as dt
import json
from collections import OrderedDict

from jinja2.utils import htmlsafe_json_dumps


def _module(name: str):
    """The module itself: ``import lifemap.render as R`` gives the function the package exports."""
    return importlib.import_module(name)


class Stale(RuntimeError):
    """render.py changed: the piece a prototype patches is gone."""


def _need(module, *names):
    missing = [n for n in names if not hasattr(module, n)]
    if missing:
        raise Stale(f"lifemap.render has no {', '.join(missing)} any more")


# group-once -------------------------------------------------------------------------------------
class _Rows:
    """Stands in for the events frame inside ``_point_features``: rows already turned into dicts.

    Supports exactly what that function does with its frame: ``frame[frame["layer"] == key]``,
    ``.groupby("place", sort=False)`` and ``group.to_dict("records")``.
    """

    def __init__(self, records):
        self.records = records

    def __getitem__(self, key):
        if isinstance(key, str):
            return _Column(key)
        if isinstance(key, _Match):
            return _Rows([r for r in self.records if r[key.column] == key.value])
        raise Stale(f"_point_features indexes its frame with {type(key).__name__}")

    def groupby(self, column, sort=True):
        groups: dict = OrderedDict()
        for r in self.records:
            groups.setdefault(r[column], []).append(r)
        keys = sorted(groups) if sort else list(groups)
        return [(k, _Rows(groups[k])) for k in keys]

    def to_dict(self, orient="dict"):
        if orient != "records":
            raise Stale(f"_point_features asks for to_dict({orient!r})")
        return self.records

    def __len__(self):
        return len(self.records)


class _Column:
    def __init__(self, column):
        self.column = column

    def __eq__(self, value):  # noqa: D105 - a mask, as pandas gives
        return _Match(self.column, value)


class _Match:
    def __init__(self, column, value):
        self.column, self.value = column, value


@contextlib.contextmanager
def group_once():
    R = _module("lifemap.render")

    _need(R, "_point_features")
    original = R._point_features
    cache: dict[int, _Rows] = {}

    def patched(events, layer_key, layer_label):
        rows = cache.get(id(events))
        if rows is None:
            rows = cache[id(events)] = _Rows(events.to_dict("records"))
        return original(rows, layer_key, layer_label)

    R._point_features = patched
    try:
        yield None
    finally:
        R._point_features = original


# lean-legs ------------------------------------------------------------------------------------
def _round_coords(coords, digits=4):
    if coords and isinstance(coords[0], (int, float)):
        return [round(c, digits) for c in coords]
    return [_round_coords(c, digits) for c in coords]


@contextlib.contextmanager
def lean_legs(step_km: float = 100.0, max_vertices: int = 32, digits: int = 4):
    R = _module("lifemap.render")
    route = _module("lifemap.route")

    _need(R, "_leg_features")
    _need(route, "_STEP_KM", "_MAX_VERTICES")
    saved = route._STEP_KM, route._MAX_VERTICES, R._leg_features
    original = R._leg_features

    def patched(legs, layer_key):
        features = original(legs, layer_key)
        for f in features:
            f["geometry"]["coordinates"] = _round_coords(f["geometry"]["coordinates"], digits)
        return features

    route._STEP_KM, route._MAX_VERTICES, R._leg_features = step_km, max_vertices, patched
    try:
        yield None
    finally:
        route._STEP_KM, route._MAX_VERTICES, R._leg_features = saved


# arcs-in-browser ------------------------------------------------------------------------------
ARC_JS = """
(function () {
    // A leg with properties.arc = n is sent as its two end points; draw the great circle
    // between them in n segments (spherical: within a few km of the WGS84 geodesic).
    var original = L.GeoJSON.prototype.addData, rad = Math.PI / 180;
    function greatCircle(a, b, n) {
        var l1 = a[0] * rad, p1 = a[1] * rad, l2 = b[0] * rad, p2 = b[1] * rad;
        var h = Math.pow(Math.sin((p2 - p1) / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin((l2 - l1) / 2), 2);
        var d = 2 * Math.asin(Math.min(1, Math.sqrt(h)));
        if (!(d > 0) || n < 2) { return [a, b]; }
        var out = [a], previous = a[0];
        for (var i = 1; i < n; i++) {
            var f = i / n, s = Math.sin(d), wa = Math.sin((1 - f) * d) / s, wb = Math.sin(f * d) / s;
            var x = wa * Math.cos(p1) * Math.cos(l1) + wb * Math.cos(p2) * Math.cos(l2);
            var y = wa * Math.cos(p1) * Math.sin(l1) + wb * Math.cos(p2) * Math.sin(l2);
            var z = wa * Math.sin(p1) + wb * Math.sin(p2);
            var lon = Math.atan2(y, x) / rad, lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / rad;
            lon += 360 * Math.round((previous - lon) / 360);
            previous = lon;
            out.push([lon, lat]);
        }
        out.push(b);
        return out;
    }
    L.GeoJSON.prototype.addData = function (data) {
        if (data && data.type === "FeatureCollection") {
            data.features.forEach(function (f) {
                var p = f.properties || {};
                if (p.arc && f.geometry && f.geometry.type === "MultiLineString") {
                    var c = f.geometry.coordinates;
                    c[0] = greatCircle(c[0][0], c[0][c[0].length - 1], p.arc);
                }
            });
        }
        return original.call(this, data);
    };
})();
"""


@contextlib.contextmanager
def arcs_in_browser(digits: int = 4):
    R = _module("lifemap.render")

    _need(R, "_leg_features")
    original = R._leg_features

    def patched(legs, layer_key):
        features = original(legs, layer_key)
        for f in features:
            line = f["geometry"]["coordinates"][0]
            f["properties"]["arc"] = len(line) - 1
            f["geometry"]["coordinates"][0] = [line[0], line[-1]]
            f["geometry"]["coordinates"] = _round_coords(f["geometry"]["coordinates"], digits)
        return features

    R._leg_features = patched
    try:
        yield _Hooks(scripts=[ARC_JS])
    finally:
        R._leg_features = original


# style-in-js --------------------------------------------------------------------------------
STYLE_JS = """
var lmLegStyle = %(legs)s;
function lmStyle(color, feature) {
    var p = feature.properties;
    if (p.leg) { return Object.assign({color: color, opacity: 0.85}, lmLegStyle[p.kind]); }
    var radius = Math.round((5 + Math.sqrt(Math.min(p.events, 12)) * 2) * 10) / 10;
    return {color: "#ffffff", weight: 1, fill: true, fillColor: color, fillOpacity: 0.9, radius: radius};
}
"""
_SPLICE = "/*@@lifemap-data:%s@@*/"


def _style_layer_class():
    import folium
    from folium.template import Template

    class StyledInJs(folium.GeoJson):
        """A GeoJSON layer whose style is a JS function of its properties, its data spliced in later."""

        _lean_template = Template("""
            {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.geoJson(null, {
                style: function (feature) { return lmStyle({{ this.color|tojson }}, feature); },
                pointToLayer: function (feature, latlng) {
                    return L.circleMarker(latlng, Object.assign({radius: 6, fill: true}, lmStyle({{ this.color|tojson }}, feature)));
                },
                onEachFeature: {{ this.on_each_feature.js_code }}
            });
            {{ this.get_name() }}.addData({{ this.splice_mark }});
            {% endmacro %}
        """)

        def __init__(self, data, *args, style_function=None, on_each_feature=None, marker=None, **kwargs):
            lean = style_function is not None and on_each_feature is not None and marker is not None
            super().__init__(data, *args, style_function=None if lean else style_function,
                             on_each_feature=on_each_feature, marker=marker, **kwargs)
            self.lean = lean
            if lean:
                self._template = self._lean_template
                self.color = style_function({"properties": {"events": 1}})["fillColor"]
                self.python_style = style_function

        def render(self, **kwargs):
            if self.lean:
                self.splice_mark = _SPLICE % self.get_name()
            super().render(**kwargs)

    return StyledInJs


@contextlib.contextmanager
def style_in_js():
    import folium

    R = _module("lifemap.render")

    _need(R, "LEG_STYLE", "_style")
    original = folium.GeoJson
    folium.GeoJson = _style_layer_class()
    try:
        yield _Hooks(scripts=[STYLE_JS % {"legs": json.dumps(R.LEG_STYLE)}], splice=True)
    finally:
        folium.GeoJson = original


def style_mismatches(m) -> int:
    """How many features the JS style formula would style differently from lifemap's Python one
    (checked in Python on the same formula: radius and the leg table)."""
    R = _module("lifemap.render")

    wrong = 0
    for child in m._children.values():
        if not getattr(child, "lean", False):
            continue
        for f in child.data["features"]:
            p = f["properties"]
            if p.get("leg"):
                js = {"color": child.color, "opacity": 0.85, **R.LEG_STYLE[p["kind"]]}
            else:
                radius = round((5 + min(p["events"], 12) ** 0.5 * 2) * 10) / 10
                js = {"color": "#ffffff", "weight": 1, "fill": True, "fillColor": child.color,
                      "fillOpacity": 0.9, "radius": radius}
            wrong += js != child.python_style(f)
    return wrong


# month-steps ----------------------------------------------------------------------------------
@contextlib.contextmanager
def month_steps(limit: int = 500):
    R = _module("lifemap.render")

    _need(R, "_steps", "EPOCH")
    original = R._steps

    def patched(events, stop_frame):
        steps = original(events, stop_frame)
        if len(steps) <= limit:
            return steps
        by_month: dict = OrderedDict()
        for s in steps:  # sorted by t: the last step of a month shows everything up to it
            day = R.EPOCH + dt.timedelta(days=s["t"])
            by_month[(day.year, day.month)] = s
        return list(by_month.values())

    R._steps = patched
    try:
        yield None
    finally:
        R._steps = original


# canvas -------------------------------------------------------------------------------------
@contextlib.contextmanager
def canvas():
    import folium

    original = folium.Map

    class CanvasMap(original):
        def __init__(self, *args, **kwargs):
            kwargs["prefer_canvas"] = True
            super().__init__(*args, **kwargs)

    folium.Map = CanvasMap
    try:
        yield None
    finally:
        folium.Map = original


# Applying them --------------------------------------------------------------------------------
class _Hooks:
    """What a prototype adds after render(): scripts run before the map's, data to splice in."""

    def __init__(self, scripts=(), splice=False):
        self.scripts, self.splice = list(scripts), splice


PROTOTYPES = {
    "group-once": (group_once,),
    "lean-legs": (lean_legs,),
    "arcs-in-browser": (arcs_in_browser,),
    "style-in-js": (style_in_js,),
    "month-steps": (month_steps,),
    "canvas": (canvas,),
    "combined": (group_once, arcs_in_browser, style_in_js, month_steps),
    "combined+canvas": (group_once, arcs_in_browser, style_in_js, month_steps, canvas),
}


def build(name: str, events, **render_options):
    """Render ``events`` with prototype ``name`` applied; returns (map, html text)."""
    import folium

    R = _module("lifemap.render")

    hooks: list[_Hooks] = []
    with contextlib.ExitStack() as stack:
        for make in PROTOTYPES[name]:
            got = stack.enter_context(make())
            if got is not None:
                hooks.append(got)
        m = R.render(events, **render_options)
        root = m.get_root()
        for i, script in enumerate(s for h in hooks for s in h.scripts):
            # index 0: before the map's own scripts, after Leaflet (which the header loads)
            root.script.add_child(folium.Element(script), name=f"lm_proto_{i}", index=i)
        html = root.render()
    for child in m._children.values():
        if getattr(child, "lean", False):
            mark = _SPLICE % child.get_name()
            if html.count(mark) != 1:
                raise Stale(f"could not splice the data of {child.get_name()}")
            html = html.replace(mark, htmlsafe_json_dumps(child.data, sort_keys=True))
    return m, html


# How far the prototypes' legs are from lifemap's own ------------------------------------------
def _slerp(lon1, lat1, lon2, lat2, n):
    """The spherical great circle the arcs-in-browser script draws (same formula, in numpy)."""
    import numpy as np

    r = np.pi / 180
    l1, p1, l2, p2 = lon1 * r, lat1 * r, lon2 * r, lat2 * r
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
    d = 2 * np.arcsin(min(1.0, np.sqrt(h)))
    f = np.linspace(0, 1, n + 1)
    wa, wb = np.sin((1 - f) * d) / np.sin(d), np.sin(f * d) / np.sin(d)
    x = wa * np.cos(p1) * np.cos(l1) + wb * np.cos(p2) * np.cos(l2)
    y = wa * np.cos(p1) * np.sin(l1) + wb * np.cos(p2) * np.sin(l2)
    z = wa * np.sin(p1) + wb * np.sin(p2)
    lon, lat = np.degrees(np.arctan2(y, x)), np.degrees(np.arctan2(z, np.hypot(x, y)))
    lon = np.degrees(np.unwrap(np.radians(lon)))
    lon += 360.0 * np.round((lon1 - lon[0]) / 360.0)
    return list(zip(lon, lat))


def fidelity(events, sample: int = 300, actor: str = "Stalin") -> dict:
    """Largest gap, in screen pixels at zoom 4 and 8 of the Web Mercator map, between lifemap's
    legs and (a) lean-legs' coarser arcs, (b) the spherical arcs drawn in the browser."""
    from pyproj import Transformer
    from shapely.geometry import LineString

    route = _module("lifemap.route")
    to_merc = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    stops = route.stops(events, actor)
    rows = stops.to_dict("records")
    pairs = [(a, b) for a, b in zip(rows, rows[1:]) if a["place"] != b["place"]][:sample]

    def merc(points):
        xs, ys = to_merc.transform([p[0] for p in points], [p[1] for p in points])
        return LineString(list(zip(xs, ys)))

    worst = {"lean-legs": 0.0, "arcs-in-browser": 0.0}
    saved = route._STEP_KM, route._MAX_VERTICES
    for a, b in pairs:
        route._STEP_KM, route._MAX_VERTICES = saved
        dense, _ = route.arc(a["lon"], a["lat"], b["lon"], b["lat"])
        route._STEP_KM, route._MAX_VERTICES = 100.0, 32
        lean, _ = route.arc(a["lon"], a["lat"], b["lon"], b["lat"])
        route._STEP_KM, route._MAX_VERTICES = saved
        reference = merc(list(dense.coords))
        worst["lean-legs"] = max(worst["lean-legs"], reference.hausdorff_distance(merc(list(lean.coords))))
        n = len(dense.coords) - 1
        if n >= 2:
            (x1, y1), (x2, y2) = dense.coords[0], dense.coords[-1]
            sphere = merc(_slerp(x1, y1, x2, y2, n))
            worst["arcs-in-browser"] = max(worst["arcs-in-browser"], reference.hausdorff_distance(sphere))
    pixel_z0 = 2 * 20037508.34 / 256  # Mercator metres per pixel at zoom 0
    return {name: {"legs": len(pairs), "px_zoom4": gap / (pixel_z0 / 2 ** 4), "px_zoom8": gap / (pixel_z0 / 2 ** 8),
                   "km_mercator": gap / 1000} for name, gap in worst.items()}


# A data-driven page, estimated --------------------------------------------------------------------
def compact_model(events, actor: str = "Stalin") -> dict:
    """The JSON a page would need if it shipped each event once and built everything from it:
    a table of places (name, lat, lon), a table of events (dates as days, the date label, kind,
    actor, place, origin, the name then, summary, source and span, each text once), and legs as
    (from place, to place, event) indices; plus the basemap and a generous 20 KB of code.
    Returns the sizes in bytes (raw and gzipped, as a server or an archive would send it)."""
    import gzip
    from pathlib import Path

    R = _module("lifemap.render")
    route = _module("lifemap.route")
    place_ix: dict = {}
    places = []
    for r in events[["place", "name_now", "lat", "lon"]].drop_duplicates("place").itertuples(index=False):
        place_ix[r.place] = len(places)
        places.append([r.name_now, round(float(r.lat), 4), round(float(r.lon), 4)])
    for r in events[events["origin"] != ""][["origin", "origin_label", "origin_lat", "origin_lon"]].drop_duplicates(
            "origin").itertuples(index=False):
        if r.origin not in place_ix:
            place_ix[r.origin] = len(places)
            places.append([r.origin_label, round(float(r.origin_lat), 4), round(float(r.origin_lon), 4)])
    words: dict = {}

    def word(text):  # kinds, actors and sources repeat: send each once
        return words.setdefault(text, len(words))

    rows = []
    for e in events.to_dict("records"):
        then = e["name_then"] if e["name_then"] != e["name_now"] else 0
        rows.append([R._days(e["first_day"]), R._days(e["last_day"]), e["date_label"], word(e["kind"]),
                     word(e["actor"]), place_ix[e["place"]], place_ix.get(e["origin"], -1), then, e["summary"],
                     word(e["source"]), int(e["start"]), int(e["end"])])
    stop_rows = route.stops(events, actor).to_dict("records")
    event_ix = {eid: i for i, eid in enumerate(events["id"])}
    legs = [[place_ix[a["place"]], place_ix[b["place"]], event_ix[b["id"]]]
            for a, b in zip(stop_rows, stop_rows[1:]) if a["place"] != b["place"]]
    model = {"places": places, "words": list(words), "events": rows, "legs": legs}
    text = json.dumps(model, ensure_ascii=False, separators=(",", ":"))
    countries = Path(R.__file__).with_name("data") / "countries.geojson"
    basemap = countries.read_bytes() if countries.exists() else b""
    raw = len(text.encode("utf-8")) + len(basemap) + 20_000
    zipped = len(gzip.compress(text.encode("utf-8"))) + len(gzip.compress(basemap)) + 6_000
    pairs = len({(a, b) for a, b, _ in legs})
    return {"bytes": raw, "gzip_bytes": zipped, "legs": len(legs), "distinct_leg_pairs": pairs, "places": len(places)}
