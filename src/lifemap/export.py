"""Export events to the formats other tools read: GIS files, a spreadsheet, Google Earth, the
World Historical Gazetteer, and Knight Lab's TimelineJS and StoryMapJS.

Every writer takes the events GeoDataFrame (``load_events``/``to_frame``; a list of ``Event`` works
too when a gazetteer is given) and writes one file atomically: the content goes to a hidden
temporary file beside the target, which then replaces the target in one ``os.replace``. A failed
export leaves the old file as it was and no temporary file behind.

Dates stay as precise as the sources: a month-precision event is exported as ``1903-11`` (KML
``gYearMonth``, a TimelineJS date without a day, an LPF ``"in": "1903-11"``), never as an invented
first day of the month. Texts bound for HTML renderers (TimelineJS, StoryMapJS, KML balloons) are
HTML-escaped here; JSON and XML serialisers then add their own escaping on top.
"""
from __future__ import annotations

import datetime as dt
import errno
import html
import inspect
import json
import math
import os
from pathlib import Path
from typing import Iterable

from .errors import LifemapError, UnknownPlace
from .files import write_atomically
from .events import COLUMNS, LAYERS, as_frame
from .records import write_rows

FORMATS = ("geojson", "gpkg", "csv", "kml", "lpf", "timelinejs", "storymapjs")
# The file name ending ``default_path`` gives each format.
SUFFIXES = {"geojson": ".geojson", "gpkg": ".gpkg", "csv": ".csv", "kml": ".kml", "lpf": ".lpf.json",
            "timelinejs": ".timeline.json", "storymapjs": ".storymap.json"}
CSV_COLUMNS = COLUMNS + ("lat", "lon", "name_then", "name_now", "date_label", "citation")

KML_NS = "http://www.opengis.net/kml/2.2"
LPF_CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"
PLACE_BASE = "https://lifemap.example/places/"
# Getty AAT place types (from the World Historical Gazetteer's subset) for the gazetteer's kinds.
AAT_TYPES = {
    "city": ("aat:300008389", "city"),
    "village": ("aat:300008372", "village"),
    "site": ("aat:300000809", "site"),
    "region": ("aat:300182722", "region (geographic)"),
    "country": ("aat:300387506", "country"),
}
_LAYER_LABEL = {key: label for key, label, _, _ in LAYERS}
_LAYER_COLOUR = {key: colour for key, _, colour, _ in LAYERS}


def _esc(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


# Writing ------------------------------------------------------------------------------------
def default_path(fmt: str) -> Path:
    """Where ``lifemap export`` writes a format when no path is given.

    >>> str(default_path("timelinejs"))
    'output/lifemap.timeline.json'
    """
    return Path("output") / f"lifemap{SUFFIXES[_check_format(fmt)]}"


def _check_format(fmt: str) -> str:
    key = str(fmt).strip().lower()
    if key not in FORMATS:
        raise LifemapError(f"unknown export format {fmt!r}; the formats are: {', '.join(FORMATS)}")
    return key


def _write_text(text: str, tmp: Path) -> None:
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def _write_json(doc, tmp: Path) -> None:
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1, allow_nan=False)
        fh.write("\n")


def _need(frame, columns: Iterable[str], fmt: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise LifemapError(f"cannot export {fmt}: the events lack column(s) {', '.join(missing)} "
                           "(use lifemap.events.load_events or to_frame)")


def _iso(value) -> str:
    """A date or timestamp as ISO text: the day alone when there is no time of day."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    import pandas as pd

    if value is pd.NaT:
        return ""
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _plain_columns(frame):
    """A copy whose date and time columns are ISO strings, so GIS files read back the same text."""
    import pandas as pd

    out = frame.copy()
    for col in out.columns:
        if col == out.geometry.name:
            continue
        series = out[col]
        if pd.api.types.is_datetime64_any_dtype(series) or (
                series.dtype == object and series.map(lambda v: isinstance(v, (dt.date, pd.Timestamp))).any()):
            out[col] = series.map(_iso).astype(object)
    return out


# GeoJSON and GeoPackage ---------------------------------------------------------------------
def _to_file(frame, tmp: Path, driver: str, layer: str) -> None:
    from pyogrio.errors import DataLayerError, DataSourceError

    try:
        frame.to_file(tmp, driver=driver, layer=layer, engine="pyogrio")
    except (DataLayerError, DataSourceError) as exc:  # GDAL's own words for a full disk, a lost folder…
        raise OSError(errno.EIO, f"GDAL could not write the {driver} file ({exc})") from exc


def to_geojson(events, path, *, gazetteer=None) -> Path:
    """A GeoJSON FeatureCollection of the events (points), every column a property; dates as ISO text."""
    frame = _plain_columns(as_frame(events, gazetteer))
    return write_atomically(path, lambda tmp: _to_file(frame, tmp, "GeoJSON", "events"))


def _derived_legs(frame, actor: str):
    """The actor's route legs and the moves of others, as drawn on the map."""
    import pandas as pd

    from .route import moves, route

    _, legs = route(frame, actor)
    others = moves(frame, actor)
    parts = [p for p in (legs, others) if len(p)]
    if not parts:
        return legs
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def to_gpkg(events, path, *, gazetteer=None, legs=None, actor: str | None = None) -> Path:
    """A GeoPackage with layer ``events`` (points) and, when there are any, ``legs`` (geodesic lines).

    ``legs`` defaults to the actor's route legs plus the moves of others (``route.route`` and
    ``route.moves``); pass a legs GeoDataFrame to write those instead, or ``False`` for none.
    """
    frame = as_frame(events, gazetteer)
    if legs is None:
        _need(frame, ("actor", "kind", "place_kind", "origin", "origin_lat", "origin_lon", "place_label",
                      "origin_label", "first_day", "date_label"), "gpkg legs")
        legs = _derived_legs(frame, actor)
    layers = [("events", _plain_columns(frame))]
    if legs is not False and legs is not None and len(legs):
        layers.append(("legs", _plain_columns(legs)))

    def write(tmp: Path) -> None:
        for name, layer in layers:
            _to_file(layer, tmp, "GPKG", name)

    return write_atomically(path, write)


# CSV ------------------------------------------------------------------------------------------
def _cell(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return repr(value)
    return value


def to_csv(events, path, *, gazetteer=None) -> Path:
    """The events as ``events.csv`` (the columns of docs/DATA.md) plus lat, lon, name_then,
    name_now, date_label and the readable citation; ``lifemap.events.read_events`` reads it back. Cells a
    spreadsheet would run as formulas get a leading apostrophe (``lifemap.records.spreadsheet_safe``)."""
    frame = as_frame(events, gazetteer)
    _need(frame, CSV_COLUMNS, "csv")
    rows = [[_cell(v) for v in row] for row in frame[list(CSV_COLUMNS)].itertuples(index=False, name=None)]
    # a teacher opens it in a spreadsheet: a summary such as "=HYPERLINK(…)" must stay text
    return write_atomically(path, lambda tmp: write_rows(tmp, CSV_COLUMNS, rows))


# KML ------------------------------------------------------------------------------------------
def _kml_colour(hex_rgb: str) -> str:
    """``#1f6fb4`` as KML's ``aabbggrr``."""
    r, g, b = hex_rgb[1:3], hex_rgb[3:5], hex_rgb[5:7]
    return f"ff{b}{g}{r}".lower()


def _event_html(row) -> str:
    """An event's description as HTML, every text from the data escaped."""
    origin = f" from {_esc(row['origin_label'])}" if row.get("origin_label") else ""
    return (f"<p><b>{_esc(row['date_label'])}</b> · {_esc(row['kind'])}{origin} · {_esc(row['actor'])}</p>"
            f"<p>{_esc(row['summary'])}</p>"
            f"<p><small>Source: {_esc(_citation(row))}</small></p>")


def _citation(row) -> str:
    """The readable citation ``to_frame`` wrote, or one made now for a frame built by hand."""
    from .sources import cite

    return row.get("citation") or cite(row["source"], int(row["start"]), int(row["end"]))


def _place_text(row) -> str:
    return row.get("place_label") or row.get("name_then") or row["place"]


def kml_tree(events, *, title: str = "lifemap"):
    """The events as a KML 2.2 ``ElementTree``: one Placemark per event, in date order.

    A Placemark carries the date and place as its name, an HTML description (escaped text, which
    ElementTree escapes once more as XML), a TimeSpan from ``date_start`` to ``date_end`` as precise
    as they are (KML takes ``YYYY``, ``YYYY-MM`` and ``YYYY-MM-DD``), a style per map layer, the
    event's fields as ExtendedData, and a Point at ``lon,lat``.
    """
    import xml.etree.ElementTree as ET

    def sub(parent, tag, text=None, **attrib):
        el = ET.SubElement(parent, tag, attrib)
        if text is not None:
            el.text = str(text)
        return el

    frame = events
    root = ET.Element("kml", xmlns=KML_NS)
    doc = sub(root, "Document")
    sub(doc, "name", title)
    sub(doc, "description", f"{len(frame)} events exported by lifemap")
    for key, _, colour, _ in LAYERS:
        style = sub(doc, "Style", id=f"layer-{key}")
        icon = sub(style, "IconStyle")
        sub(icon, "color", _kml_colour(colour))
    for row in frame.to_dict("records"):
        mark = sub(doc, "Placemark")
        sub(mark, "name", f"{row['date_label']} · {_place_text(row)}")
        sub(mark, "description", _event_html(row))
        span = sub(mark, "TimeSpan")
        sub(span, "begin", row["date_start"])
        sub(span, "end", row["date_end"] or row["date_start"])
        sub(mark, "styleUrl", f"#layer-{row['layer']}")
        data = sub(mark, "ExtendedData")
        for field in ("id", "kind", "actor", "place", "origin", "date_label", "precision", "qualifier",
                      "calendar", "source", "start", "end"):
            item = sub(data, "Data", name=field)
            sub(item, "value", _cell(row[field]))
        point = sub(mark, "Point")
        sub(point, "coordinates", f"{float(row['lon'])!r},{float(row['lat'])!r}")
    ET.indent(root, space=" ")
    return ET.ElementTree(root)


def _write_xml(tree, tmp: Path) -> None:
    tree.write(tmp, encoding="UTF-8", xml_declaration=True)


def to_kml(events, path, *, gazetteer=None, title: str = "lifemap") -> Path:
    """Plain KML 2.2 (Google Earth, QGIS, ...): one timed Placemark per event."""
    frame = as_frame(events, gazetteer)
    _need(frame, COLUMNS + ("lat", "lon", "date_label", "layer"), "kml")
    tree = kml_tree(frame, title=title)
    return write_atomically(path, lambda tmp: _write_xml(tree, tmp))


# Linked Places Format -------------------------------------------------------------------------
def _lpf_bound(day: dt.date) -> str:
    """A name's period bound as places.csv wrote it: a year when it is 1 January."""
    iso = day.isoformat()
    return iso[:4] if iso.endswith("-01-01") else iso


def _name_when(name) -> dict:
    """The LPF ``when`` of a dated name (lower bound inclusive, upper exclusive in places.csv).

    A timespan must have a start: a name in use "until 1925" starts at the latest in 1925. A name
    still in use has no end (the World Historical Gazetteer reads a start alone as "from").
    """
    span: dict = {}
    if name.start is not None:
        span["start"] = {"in": _lpf_bound(name.start)}
    else:
        span["start"] = {"latest": _lpf_bound(name.end)}
    if name.end is not None:
        span["end"] = {"in": _lpf_bound(name.end)}
    if name.start is None:
        label = f"until {_lpf_bound(name.end)}"
    elif name.end is None:
        label = f"from {_lpf_bound(name.start)}"
    else:
        label = f"{_lpf_bound(name.start)} to {_lpf_bound(name.end)}"
    return {"timespans": [span], "label": label}


def _authority(coord_source: str) -> tuple[str, str] | None:
    """The record a ``coord_source`` names, as (label, URI)."""
    scheme, _, ident = coord_source.partition(":")
    ident = ident.strip()
    if scheme == "geonames" and ident.isdigit():
        return "GeoNames", f"http://www.geonames.org/{ident}"
    if scheme == "wikidata" and ident[:1] == "Q" and ident[1:].isdigit():
        return "Wikidata", f"http://www.wikidata.org/entity/{ident}"
    return None


def _place_period(rows: list[dict]) -> dict | None:
    """The span of a place's events: the earliest start to the latest end, as precise as given."""
    if not rows:
        return None
    first = min(rows, key=lambda r: (r["first_day"], r["last_day"]))
    last = max(rows, key=lambda r: (r["last_day"], r["first_day"]))
    span = {"start": {"in": first["date_start"]}}
    end = last["date_end"] or last["date_start"]
    if end != first["date_start"]:
        span["end"] = {"in": end}
    return {"timespans": [span], "label": "attested by the exported events"}


def lpf_feature(place, *, base: str = PLACE_BASE, rows: list[dict] = (), parent=None) -> dict:
    """One place as a Linked Places Format Feature."""
    names: list[dict] = []
    dated = sorted((n for n in place.names if n.dated), key=lambda n: (n.start or dt.date.min))
    undated = [n for n in place.names if not n.dated and n.text != place.name]
    if not any(n.text == place.name for n in dated):
        names.append({"toponym": place.name})
    for n in dated:
        names.append({"toponym": n.text, "when": _name_when(n)})
    for n in undated:
        names.append({"toponym": n.text})
    # LPF wants a citation on at least the first name: the curated gazetteer is the source of all.
    names[0]["citations"] = [{"label": "lifemap gazetteer (places.csv)"}]

    point: dict = {"type": "Point", "coordinates": [float(place.lon), float(place.lat)]}
    authority = _authority(place.coord_source)
    if authority:
        point["citations"] = [{"label": authority[0], "@id": authority[1]}]
    elif place.coord_source:
        point["citations"] = [{"label": place.coord_source}]
    feature: dict = {
        "@id": f"{base}{place.id}",
        "type": "Feature",
        "properties": {"title": place.name},
        "geometry": {"type": "GeometryCollection", "geometries": [point]},
        "names": names,
    }
    if len(place.country) == 2 and place.country.isalpha() and place.country.upper() != "XX":
        feature["properties"]["ccodes"] = [place.country.upper()]
    if place.kind in AAT_TYPES:
        identifier, label = AAT_TYPES[place.kind]
        feature["types"] = [{"identifier": identifier, "label": label,
                             "sourceLabels": [{"label": place.kind, "lang": "en"}]}]
    when = _place_period(list(rows))
    if when:
        feature["when"] = when
    if parent is not None:
        feature["relations"] = [{"relationType": "gvp:broaderPartitive", "relationTo": f"{base}{parent.id}",
                                 "label": f"part of {parent.name}"}]
    if authority:
        feature["links"] = [{"type": "closeMatch", "identifier": authority[1]}]
    if place.note:
        feature["descriptions"] = [{"value": place.note, "lang": "en"}]
    return feature


def lpf_collection(events, gazetteer, *, base: str = PLACE_BASE) -> dict:
    """The places the events use (where they happened and where moves started), in order of first
    use, as a Linked Places Format FeatureCollection."""
    order: dict[str, list[dict]] = {}
    for row in events.to_dict("records"):
        for col in ("place", "origin"):
            pid = row.get(col) or ""
            if pid:
                order.setdefault(pid, []).append(row)
    features = []
    for pid, rows in order.items():
        if pid not in gazetteer:
            raise UnknownPlace(f"the events use place {pid!r}, which the gazetteer lacks "
                               "(pass the gazetteer the events were loaded with)")
        place = gazetteer[pid]
        parent = gazetteer[place.parent] if place.parent and place.parent in gazetteer else None
        features.append(lpf_feature(place, base=base, rows=rows, parent=parent))
    return {"type": "FeatureCollection", "@context": LPF_CONTEXT, "features": features}


def to_lpf(events, path, *, gazetteer=None, base: str = PLACE_BASE) -> Path:
    """The places of the events in Linked Places Format (the World Historical Gazetteer's
    GeoJSON-LD), each with its dated names; ``base`` + place id is each place's ``@id``."""
    from .gazetteer import Gazetteer

    if gazetteer is None:
        gazetteer = Gazetteer.load()
    from .events import with_places_of

    frame = as_frame(events, gazetteer)
    _need(frame, ("place", "origin", "first_day", "last_day", "date_start", "date_end"), "lpf")
    if "place_kind" in frame.columns:
        gazetteer = with_places_of(frame, gazetteer)       # places read out of texts keep their kind and source
    doc = lpf_collection(frame, gazetteer, base=base)
    return write_atomically(path, lambda tmp: _write_json(doc, tmp))


# TimelineJS -----------------------------------------------------------------------------------
def timeline_date(partial: str) -> dict:
    """A TimelineJS date object with only the parts an ISO partial date gives.

    >>> timeline_date("1903-11"), timeline_date("1878-12-18")
    ({'year': 1903, 'month': 11}, {'year': 1878, 'month': 12, 'day': 18})
    """
    from .dates import parse_partial

    year, month, day = parse_partial(partial)
    out = {"year": year}
    if month:
        out["month"] = month
    if day:
        out["day"] = day
    return out


def _headline(row) -> str:
    return f"{str(row['kind']).capitalize()}: {_place_text(row)}"


def timelinejs_doc(events, *, title: str = "lifemap", eras: bool = True) -> dict:
    """The events as TimelineJS3 JSON: a title slide, one event per row grouped by map layer, and
    the named periods of the life as eras (undated events have no place on a timeline)."""
    from .events import dated

    rows = dated(events).to_dict("records")
    slides = []
    for row in rows:
        slide = {"start_date": timeline_date(row["date_start"])}
        end = row["date_end"] or row["date_start"]
        if end != row["date_start"]:
            slide["end_date"] = timeline_date(end)
        slide["display_date"] = _esc(row["date_label"])
        slide["text"] = {"headline": _esc(_headline(row)), "text": _event_html(row)}
        slide["group"] = _esc(_LAYER_LABEL.get(row["layer"], row["layer"]))
        slide["unique_id"] = str(row["id"])
        slides.append(slide)
    span = f"{rows[0]['date_label']} to {rows[-1]['date_label']}" if rows else "no events"
    doc = {"title": {"text": {"headline": _esc(title), "text": _esc(f"{len(rows)} events, {span}")}},
           "events": slides, "scale": "human"}
    if eras and rows:
        from .periods import of_events

        lo, hi = min(r["first_day"] for r in rows).date(), max(r["last_day"] for r in rows).date()
        doc["eras"] = [{"start_date": timeline_date(p.span.start), "end_date": timeline_date(p.span.end),
                        "text": {"headline": _esc(p.label)}}
                       for p in of_events(events) if p.span.overlaps(lo, hi)]
    return doc


def to_timelinejs(events, path, *, gazetteer=None, title: str = "lifemap", eras: bool = True) -> Path:
    """TimelineJS3 JSON (https://timeline.knightlab.com): one event per row, dates as precise as known."""
    frame = as_frame(events, gazetteer)
    _need(frame, COLUMNS + ("date_label", "layer", "first_day", "last_day"), "timelinejs")
    doc = timelinejs_doc(frame, title=title, eras=eras)
    return write_atomically(path, lambda tmp: _write_json(doc, tmp))


# StoryMapJS -----------------------------------------------------------------------------------
def storymapjs_doc(events, *, actor: str | None = None, title: str | None = None,
                   map_type: str = "osm:standard") -> dict:
    """The actor's stops as StoryMapJS JSON: an overview slide, then one slide per stop in route order."""
    from .route import stops

    from .events import main_actor

    actor = actor or main_actor(events)
    stop_rows = stops(events, actor).to_dict("records")
    title = title or f"The route of {actor}"
    span = f"{stop_rows[0]['date_label']} to {stop_rows[-1]['date_label']}" if stop_rows else "no stops"
    slides = [{"type": "overview", "date": "", "location": {"line": True},
               "text": {"headline": _esc(title), "text": _esc(f"{len(stop_rows)} stops, {span}")}}]
    for row in stop_rows:
        slides.append({
            "date": _esc(row["date_label"]),
            "location": {"lat": float(row["lat"]), "lon": float(row["lon"]), "line": True},
            "text": {"headline": _esc(_place_text(row)), "text": _event_html(row)},
        })
    return {"storymap": {"language": "en", "map_type": map_type, "map_as_image": False, "slides": slides}}


def to_storymapjs(events, path, *, gazetteer=None, actor: str | None = None, title: str | None = None,
                  map_type: str = "osm:standard") -> Path:
    """StoryMapJS JSON (https://storymap.knightlab.com): the actor's route, slide by slide."""
    frame = as_frame(events, gazetteer)
    _need(frame, COLUMNS + ("date_label", "place_kind", "first_day", "last_day", "lat", "lon"), "storymapjs")
    doc = storymapjs_doc(frame, actor=actor, title=title, map_type=map_type)
    return write_atomically(path, lambda tmp: _write_json(doc, tmp))


# One entry point ------------------------------------------------------------------------------
WRITERS = {fmt: f"to_{fmt}" for fmt in FORMATS}


def export(events, fmt: str, path: str | os.PathLike | None = None, *, gazetteer=None, **options) -> Path:
    """Write ``events`` in format ``fmt`` (one of ``FORMATS``) to ``path`` (default: ``default_path``).

    ``options`` go to the format's writer: ``title`` (kml, timelinejs, storymapjs), ``actor``
    (gpkg, storymapjs), ``legs`` (gpkg), ``base`` (lpf), ``eras`` (timelinejs), ``map_type`` (storymapjs).
    """
    key = _check_format(fmt)
    writer = globals()[WRITERS[key]]
    accepted = set(inspect.signature(writer).parameters) - {"events", "path", "gazetteer"}
    unknown = sorted(set(options) - accepted)
    if unknown:
        raise LifemapError(f"format {key} takes no option(s) {', '.join(unknown)}; "
                           f"it takes: {', '.join(sorted(accepted)) or 'none'}")
    return writer(events, path if path is not None else default_path(key), gazetteer=gazetteer, **options)
