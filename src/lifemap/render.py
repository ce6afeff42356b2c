"""Render events, stops and legs as a folium map: a layer per kind, popups, a legend, a time
slider with a period menu, story mode, a table of every event, and bounds fitted to the route.

The page carries the events once, as the compact model of ``lifemap.model``, and its script
(``static/lifemap.js``) draws the markers and arcs and builds popups, steps, story and table from
it; every text reaches the DOM as text, never as HTML. Above ``CANVAS_ABOVE`` features it draws on
a canvas. The page depends on Leaflet alone (no jQuery, Bootstrap or icon fonts), which keeps it
light and lets it be served from local files.
"""
from __future__ import annotations

import os
from collections import OrderedDict
from pathlib import Path

from .assets import check_self_contained, html_text, inline_assets, link_assets
from .controls import (Basemap, DataLayer, EncounterLayer, EventTable, Legend, Lives, MapData, SmallScreens, Story,
                       TimeSlider)
from .errors import LifemapError
from .events import LAYERS
from .files import write_text
from .model import CANVAS_ABOVE, EPOCH, MAX_STEPS, basemap_model, feature_counts, page_model
from .periods import of_events
from .route import LEG_LAYER, moves, route
from .sources import cited

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
BASEMAP_PANE = "lm-basemap"
TILES = {"osm": "OpenStreetMap", "none": None}  # CARTO's tiles now want an API key: not a default


_esc = html_text  # text of the data shown as HTML outside the model (the title): escaped, braces included


RENDERERS = ("auto", "svg", "canvas")


def render(events, *, actor: str | None = None, actors=None, tiles: str | None = "osm", title: str | None = None,
           assets: str = "cdn", renderer: str = "auto"):
    """A folium Map of events: layers per kind, the actor's route, moves of others, a legend,
    a time slider and a period menu. Shows inline in Jupyter.

    ``actors``: several lives on one map (a list of actors, or ``"all"``: ``lifemap.lives.all_actors``);
    by default the subjects of the texts the events come from (one for the embedded life). Each life's
    route is a layer in its own colour; the story lists one person's stops or everyone's, the slider
    rings where each was, and a panel lists their encounters (``lifemap.encounters``).

    ``assets="inline"`` puts Leaflet into the page, for lesson pages that may not load
    third-party scripts (save it with ``save(m, path, self_contained=True)`` to have that checked).

    ``renderer``: ``"svg"`` draws each marker and leg as a vector path at its full style (crisp
    in print), ``"canvas"`` draws them on one canvas with legs as thin lines (fastest), and
    ``"auto"`` picks the canvas above ``CANVAS_ABOVE`` markers and legs (bench/RESULTS.md, 3b).

    >>> from lifemap.events import load_events
    >>> m = render(load_events(), tiles="none")
    >>> type(m).__name__
    'Map'
    """
    import folium

    from . import lives as several
    from .events import dated

    names = several.chosen(events, actor, actors)
    actor, many = names[0], len(names) > 1
    events = dated(events)              # a map places events in time: undated ones stay in the table of extract()
    title = title or (several.title(names) if many else f"The life of {actor}")
    tile_name = tile_source(tiles)
    # folium insists on an attribution for a custom tile URL: name its host.
    attr = f"Tiles: {_host(tile_name)}" if tile_name and "{z}" in tile_name else None
    # keyboard=False: the arrow keys step through the story instead of panning
    m = folium.Map(tiles=tile_name, attr=attr, min_zoom=2, max_zoom=18, zoom_start=4, location=[50.0, 50.0],
                   control_scale=True, prefer_canvas=False, keyboard=False)
    if assets not in ("cdn", "inline"):
        raise LifemapError(f"assets must be 'cdn' or 'inline', not {assets!r}")
    if renderer not in RENDERERS:
        raise LifemapError(f"renderer must be one of {', '.join(RENDERERS)}, not {renderer!r}")
    (inline_assets if assets == "inline" else link_assets)(m)
    m.get_root().header.add_child(folium.Element(f"<title>{_esc(title)}</title>"), name="title")
    m.lifemap_title = title

    if many:
        plan = several.plan(events, names)
        events, stop_frame, leg_frame, all_legs = plan.events, plan.stops, plan.route_legs, plan.legs
        model = several.in_model(page_model(events, stop_frame, all_legs), plan)
        people, met = several.page_data(model, plan, events)
    else:
        stop_frame, leg_frame = route(events, actor)
        others = moves(events, actor)
        import pandas as pd

        all_legs = pd.concat([leg_frame, others], ignore_index=True) if len(others) else leg_frame
        model = page_model(events, stop_frame, all_legs)
    counts = feature_counts(model)
    n_features = sum(c["points"] + c["legs"] for c in counts.values())
    # Fit the actor's route when there is one: far-off events of others stay a zoom-out away.
    bounds = _bounds(stop_frame, leg_frame) if len(stop_frame) > 1 else _bounds(events, all_legs)
    canvas = renderer == "canvas" or (renderer == "auto" and n_features > CANVAS_ABOVE)
    data = MapData(model, {"canvas": canvas, "maxSteps": MAX_STEPS, "bounds": bounds,
                           "legStyles": LEG_STYLE, "legLabels": LEG_LABEL, "legLayers": LEG_LAYER})
    # The model sets the view: the tiles and the basemap come after it, so no tile is fetched and
    # nothing is projected for the view folium's map starts at.
    data.add_to(m)
    for key, child in list(m._children.items()):
        if isinstance(child, folium.TileLayer):
            m._children.move_to_end(key)
    if tile_name is None:
        # a pane of its own under the overlays: Leaflet's CSS puts SVG above canvas in one pane,
        # so in the overlay pane the basemap would hide a map drawn on a canvas
        folium.map.CustomPane(BASEMAP_PANE, z_index=250, pointer_events=False).add_to(m)
        _offline_basemap().add_to(m)

    legend_rows = []
    for key, label, color in ((spec["key"], spec["label"], spec["color"]) for spec in model["layers"]):
        if key not in counts:
            continue
        n_points, n_legs = counts[key]["points"], counts[key]["legs"]
        count = f"{n_points} place{'s' if n_points != 1 else ''}" + (f", {n_legs} move{'s' if n_legs != 1 else ''}" if n_legs else "")
        DataLayer(data, key, f"<span style='color:{color}'>●</span> {_esc(label)}").add_to(m)
        legend_rows.append({"label": label, "color": color, "count": count, "line": False})
    if many and met:
        EncounterLayer(data, "encounters", "<span style='color:#111'>◎</span> Encounters", people, met).add_to(m)
        n = len(met)
        legend_rows.append({"label": "Encounters", "color": "#111", "line": False,
                            "count": f"{n} place{'s' if n != 1 else ''} and date{'s' if n != 1 else ''}"})
    for kind, label in LEG_LABEL.items():
        if (all_legs["kind"] == kind).any():
            # legs of several lives take their person's colour: the legend shows the dash alone
            color = "#555" if many else next(c for k, _, c, _ in LAYERS if k == LEG_LAYER[kind])
            legend_rows.append({"label": f"leg: {label}", "color": color, "line": True,
                                "dash": "dashArray" in LEG_STYLE[kind],
                                "count": str(int((all_legs["kind"] == kind).sum()))})

    # expanded on a screen, folded to its icon on a phone or in a lesson's frame
    folium.LayerControl(collapsed=folium.JsCode("lifemapPage.small()")).add_to(m)
    # the legend lists the lives first: its title stays short enough for a phone
    Legend(legend_rows, title=f"{len(names)} lives" if many else title).add_to(m)
    period_data = [{"key": p.key, "label": f"{p.label} ({p.span.label()})", "short": p.label.split(" and ")[0],
                    "first": (p.span.first_day - EPOCH).days, "last": (p.span.last_day - EPOCH).days}
                   for p in (several.periods_of(events, names) if many else of_events(events))]
    TimeSlider(data, period_data).add_to(m)
    Story(data).add_to(m)
    if many:
        Lives(data, people).add_to(m)
    SmallScreens().add_to(m)
    EventTable(data, ["Date", "Place", "Kind", "Who", "What happened", "Source"],
               caption="Events in date order, with the source text and character span behind each",
               sources=cited(events["source"].unique())).add_to(m)
    _stable_ids(m)
    return m


def tile_source(tiles: str | None) -> str | None:
    """What folium gets for ``tiles``: ``"osm"`` (OpenStreetMap) or ``"none"`` (offline country
    outlines) in any case, a tile URL template with ``{z}``, ``{x}`` and ``{y}``, or the name of
    a tile provider folium knows ("CartoDB positron"); anything else is a LifemapError.

    >>> tile_source("OSM"), tile_source("None"), tile_source("https://t.example/{z}/{x}/{y}.png")
    ('OpenStreetMap', None, 'https://t.example/{z}/{x}/{y}.png')
    """
    if tiles is None:
        return None
    key = str(tiles).strip()
    if key.lower() in TILES:
        return TILES[key.lower()]
    if all(part in key for part in ("{z}", "{x}", "{y}")) and key.startswith(("https://", "http://", "//")):
        return key
    import xyzservices

    try:
        xyzservices.providers.query_name(key)
    except ValueError:
        raise LifemapError(f"unknown tiles {tiles!r}: use osm (OpenStreetMap), none (offline country outlines) "
                           "or a tile URL template with {z}, {x} and {y}") from None
    return key


def _offline_basemap():
    """Country outlines (Natural Earth 1:110m, public domain) for maps without tiles."""
    return Basemap(basemap_model(), pane=BASEMAP_PANE, attribution="Countries: Natural Earth")


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url


def _bounds(events, legs):
    """[[south, west], [north, east]] of the events' points and the legs' arcs (arcs bend poleward
    of their ends), or None when there is nothing to fit."""
    import numpy as np
    import shapely

    coords = shapely.get_coordinates(np.asarray(legs.geometry)) if len(legs) else np.empty((0, 2))
    lons = np.concatenate([events["lon"].to_numpy(float), coords[:, 0]])
    lats = np.concatenate([events["lat"].to_numpy(float), coords[:, 1]])
    ok = ~(np.isnan(lats) | np.isnan(lons))
    if not ok.any():
        return None
    return [[float(lats[ok].min()), float(lons[ok].min())], [float(lats[ok].max()), float(lons[ok].max())]]


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
