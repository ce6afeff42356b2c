"""lifemap: texts about a life → a dated, geocoded itinerary and an interactive Leaflet map.

The public API:

    load_events()        the embedded default events as a GeoDataFrame
    between(ev, a, b)    events overlapping a period (or between(ev, period="war"))
    select(ev, kind=…)   events of some kinds, actors, layers or places
    periods()            the named periods of the embedded life (Stalin's)
    route(ev)            stops and legs GeoDataFrames
    check(ev)            findings about each life: two places at once, exiles before arrests, impossible legs…
    render(ev)           a folium.Map (shows inline in Jupyter); save(m, path) writes it
    export(ev, fmt, p)   GeoJSON, GeoPackage, CSV, KML, Linked Places, TimelineJS, StoryMapJS
    extract(texts)       candidate events read out of texts, each with its sentence
    extract_corpus(d, o) every text of folders and files into one CSV or GeoParquet, on Dask workers
    encounters(ev)       where two people's stays overlap in time ("met" or "possibly")
    Gazetteer            places and their names through time

The functions are bound here by name: several share their module's name (``route``, ``check``,
``render``, ``export``, ``extract``, ``periods``, ``encounters``), and the function is what
``lifemap.route`` means.
Heavy libraries (geopandas, matplotlib) load on first use, not on import.
"""
from __future__ import annotations

from .check import check
from .corpus import extract_corpus
from .dates import DateSpan
from .encounters import encounters
from .errors import DataError, DateError, LifemapError, UnknownPlace
from .events import between, load_events, select
from .export import export
from .extract import extract
from .gazetteer import Gazetteer
from .periods import periods
from .render import render, save
from .route import route

__all__ = ["load_events", "between", "select", "periods", "route", "check", "render", "save", "export", "extract",
           "extract_corpus", "encounters", "Gazetteer",
           "DateSpan", "LifemapError", "DataError", "DateError", "UnknownPlace"]
