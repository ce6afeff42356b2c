"""lifemap: texts about a life → a dated, geocoded itinerary and an interactive Leaflet map.

The public API (imported lazily, so the command line starts fast):

    load_events()      the embedded default events as a GeoDataFrame
    between(ev, a, b)  events overlapping a period (or between(ev, period="war"))
    select(ev, kind=…) events of some kinds, actors, layers or places
    periods()          the named periods of Stalin's life
    route(ev)          stops and legs GeoDataFrames
    render(ev)         a folium.Map
    Gazetteer          places and their names through time
"""
from __future__ import annotations

from importlib import import_module

__all__ = ["load_events", "between", "select", "export", "periods", "route", "render", "save", "Gazetteer", "DateSpan",
           "LifemapError", "DataError", "DateError", "UnknownPlace"]

_WHERE = {
    "load_events": "events", "between": "events", "select": "events", "export": "export", "periods": "periods", "route": "route",
    "render": "render", "save": "render", "Gazetteer": "gazetteer", "DateSpan": "dates",
    "LifemapError": "errors", "DataError": "errors", "DateError": "errors", "UnknownPlace": "errors",
}


def __getattr__(name):
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module 'lifemap' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)
