"""One actor's route: stops ordered by date, and the legs between consecutive stops.

Legs are geodesic arcs (great-circle paths on the WGS84 ellipsoid, sampled densely enough to
look curved on a Web Mercator map), not straight lines on the Mercator plane. Moves of other
actors (a people deported from its homeland, Trotsky sent to Alma-Ata) come from each event's
``origin`` and are drawn the same way.
"""
from __future__ import annotations

from .chronology import in_order

LEG_KINDS = ("exile", "escape", "posting", "journey", "return", "deportation")
# The map layer a leg is drawn in.
LEG_LAYER = {"exile": "exiles", "escape": "escapes", "posting": "fronts", "journey": "life",
             "return": "life", "deportation": "deportations"}
# Kinds that record something done to a place, not a place the actor went to.
NOT_A_STOP = {"rename", "annexation", "massacre", "deportation"}
# One vertex per 100 km, at most 32, rounded to about 10 m: measured by bench/bench.py, a leg
# then strays under a pixel from the true great circle at zoom 4 and the pages of 10,000
# events shrink from 39 to 17 MB (denser sampling was most of their size).
_STEP_KM = 100.0
_MAX_VERTICES = 32
_DIGITS = 4


def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The geodesic distance between two points, in km."""
    return _geod().inv(lon1, lat1, lon2, lat2)[2] / 1000.0


_POLE = 89.999


def arc(lon1: float, lat1: float, lon2: float, lat2: float):
    """A geodesic LineString from one point to another and its length in km.

    Longitudes are unwrapped so an arc across the antimeridian stays continuous on the map.
    """
    from shapely.geometry import LineString

    # (a pole has no longitude: the arc to it runs along the meridian of its other end, not along the map's
    # edge to the pole's nominal longitude)
    if abs(lat2) >= _POLE:
        lon2 = lon1
    elif abs(lat1) >= _POLE:
        lon1 = lon2
    geod = _geod()
    km = geod.inv(lon1, lat1, lon2, lat2)[2] / 1000.0
    n = min(_MAX_VERTICES, max(0, int(km / _STEP_KM) - 1))
    inner = geod.npts(lon1, lat1, lon2, lat2, n) if n else []
    points = [(lon1, lat1), *((round(x, _DIGITS), round(y, _DIGITS)) for x, y in inner), (lon2, lat2)]
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        prev = unwrapped[-1][0]
        lon += 360.0 * round((prev - lon) / 360.0)
        unwrapped.append((lon, lat))
    return LineString(unwrapped), km


def stops(events, actor: str | None = None):
    """The actor's events at places they were, in chronological order (``lifemap.chronology``).

    A whole country is no stop on a route: the actor was somewhere in it, the data does not say where;
    nor is an event its text gives no date for. ``actor`` defaults to ``lifemap.events.main_actor``.
    """
    from .events import main_actor

    actor = actor or main_actor(events)
    mask = ((events["actor"] == actor) & ~events["kind"].isin(NOT_A_STOP) & (events["place_kind"] != "country")
            & events["first_day"].notna())
    out = in_order(events[mask])
    # the same stay told again right after ("born in Privolnoye" in an article's lead and in its "Early life"; "Held in
    # Ekibastuz", then "At Ekibastuz" for what he wrote there) is one stop: the same place and days as the stop before
    # it, of its kind, or of none with a line that says no more than where ("At …"). (Not a dated moment within a
    # longer stay, nor a stop nearby, nor a line of its own: a second reader's cases, the show trial in the House of
    # the Unions, the burial after the death in Moscow, the army's medical board at Krasnoyarsk.)
    same = ["place", "first_day", "last_day"]
    where_only = (out["kind"] == "other") & out["summary"].str.fullmatch(_WHERE_ONLY)
    again = (out[same] == out[same].shift()).all(axis=1) & ((out["kind"] == out["kind"].shift()) | where_only)
    # (and a line that says only where gives way to the next that says more: "At Kazan", then "Arrested in Kazan")
    said_after = (out[same] == out[same].shift(-1)).all(axis=1) & where_only & ~where_only.shift(-1, fill_value=False)
    out = out[~(again | said_after)].reset_index(drop=True)
    out.insert(0, "stop", range(1, len(out) + 1))
    return out


# A line that says no more than where: "At Ekibastuz", "At the Kremlin", "In the Soviet Union (someone else)" (not a
# line of one's own that opens so: "In Paris, met Lenin", "At a dacha near Moscow")
_WHERE_ONLY = r"(?:At|In) (?:(?:the|of|on|upon|de|la|[A-Z0-9][^\s,;:]*)(?: |$))+(?:\([^)]*\))?"


def _leg_kind(kind: str, returning: bool) -> str:
    if kind in ("exile", "escape"):
        return kind
    if kind in ("front", "battle"):
        return "posting"
    return "return" if returning else "journey"


def legs(stop_frame):
    """Legs between consecutive stops at different places, typed by what the arrival was."""
    import geopandas as gpd

    rows, geoms, visited = [], [], set()
    records = stop_frame.to_dict("records")
    for a, b in zip(records, records[1:]):
        visited.add(a["place"])
        if a["place"] == b["place"]:
            continue
        kind = _leg_kind(b["kind"], b["place"] in visited)
        line, km = arc(a["lon"], a["lat"], b["lon"], b["lat"])
        rows.append(_leg_row(a["actor"], kind, a["id"], b["id"], a["place"], b["place"], a["place_label"],
                             b["place_label"], b, km))
        geoms.append(line)
    return gpd.GeoDataFrame(rows, columns=_LEG_COLUMNS, geometry=geoms, crs="EPSG:4326")


def moves(events, actor: str | None = None):
    """Arrows for the events of other actors that start somewhere (``origin``) and end at ``place``."""
    import geopandas as gpd

    from .events import main_actor

    actor = actor or main_actor(events)
    mask = ((events["origin"] != "") & ((events["actor"] != actor) | events["kind"].isin(NOT_A_STOP))
            & events["first_day"].notna())
    rows, geoms = [], []
    for e in events[mask].to_dict("records"):
        if e["origin"] == e["place"]:
            continue
        kind = "deportation" if e["kind"] == "deportation" else _leg_kind(e["kind"], False)
        line, km = arc(e["origin_lon"], e["origin_lat"], e["lon"], e["lat"])
        rows.append(_leg_row(e["actor"], kind, e["id"], e["id"], e["origin"], e["place"], e["origin_label"],
                             e["place_label"], e, km))
        geoms.append(line)
    return gpd.GeoDataFrame(rows, columns=_LEG_COLUMNS, geometry=geoms, crs="EPSG:4326")


_LEG_COLUMNS = ["actor", "kind", "layer", "from_event", "to_event", "from_place", "to_place",
                "from_label", "to_label", "date_label", "first_day", "summary", "km"]


def _leg_row(actor, kind, from_event, to_event, from_place, to_place, from_label, to_label, arrival, km):
    return {"actor": actor, "kind": kind, "layer": LEG_LAYER[kind], "from_event": from_event,
            "to_event": to_event, "from_place": from_place, "to_place": to_place,
            "from_label": from_label, "to_label": to_label, "date_label": arrival["date_label"],
            "first_day": arrival["first_day"], "summary": arrival["summary"], "km": round(km, 1)}


def route(events, actor: str | None = None):
    """Stops and legs of one actor's life, as two GeoDataFrames.

    >>> from lifemap.events import load_events
    >>> s, l = route(load_events())
    >>> bool(s["order_day"].is_monotonic_increasing), bool((l["from_place"] != l["to_place"]).all())
    (True, True)
    """
    s = stops(events, actor)
    return s, legs(s)

